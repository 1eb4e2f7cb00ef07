import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { maskError as maskErrorByDefault, useReadinessCheck, createYoga } from 'graphql-yoga';
import { createContext, type ServiceDependencies } from './context';
import { schema } from './graphql/schema';
import type { Logger } from './logger';

export interface YogaDependencies extends ServiceDependencies {
  logger: Logger;
}

const exampleQuery = `# The service's database. Ctrl-Enter runs the query.
{
  database {
    name
    version
  }
}
`;

/** The GraphQL service: schema, per-request context, masked errors, /health and /ready. */
export function createYogaApp(dependencies: YogaDependencies) {
  const { logger } = dependencies;
  return createYoga({
    schema,
    context: (initial) => createContext(dependencies, initial),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: { title: 'Conflict graph', defaultQuery: exampleQuery },
    // GraphiQL with its scripts and styles inlined: analysts' networks often have no internet.
    renderGraphiQL,
    logging: logger.child({ component: 'yoga' }),
    maskedErrors: {
      maskError(error, message, isDev) {
        const masked = maskErrorByDefault(error, message, isDev);
        if (masked !== error) logger.error({ err: error }, 'unexpected error while serving a request');
        return masked;
      },
    },
    plugins: [
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          try {
            await dependencies.gateway.ping();
            return true;
          } catch (error) {
            logger.warn({ err: error }, 'readiness check: Neo4j does not answer');
            return false;
          }
        },
      }),
    ],
  });
}

export type YogaApp = ReturnType<typeof createYogaApp>;
