# Build the bundle that `npm start` runs, then ship it with the production dependencies only.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build

FROM node:24-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
# Optional packages are the Node 24 binaries for machines without one, and esbuild's: the image
# has its Node 24 and runs the bundle.
RUN npm ci --omit=dev --omit=optional
COPY --from=build /app/dist ./dist
COPY cypher ./cypher
ENV HOST=0.0.0.0 PORT=4000 NODE_ENV=production
EXPOSE 4000
USER node
CMD ["node", "dist/main.js"]
