FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY tsconfig.json ./
COPY src ./src
COPY cypher ./cypher
ENV HOST=0.0.0.0 PORT=4000
EXPOSE 4000
USER node
CMD ["node_modules/.bin/tsx", "src/main.ts"]
