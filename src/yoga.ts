import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { GraphQLError } from 'graphql';
import { maskError as maskErrorByDefault, useReadinessCheck, createYoga, type Plugin } from 'graphql-yoga';
import { createAuthenticator } from './auth';
import type { Config } from './config';
import { createContext } from './context';
import type { Neo4jGateway } from './db/gateway';
import { ErrorCode } from './errors';
import { schema } from './graphql/schema';
import type { Logger } from './logger';

export interface YogaDependencies {
  gateway: Neo4jGateway;
  logger: Logger;
  config: Pick<Config, 'READ_ACCESS' | 'API_KEYS' | 'JWT_SECRET' | 'JWT_JWKS_URL' | 'JWT_ISSUER' | 'JWT_AUDIENCE'>;
}

const exampleQuery = `# The March 2024 raid into Kursk region: the units in it, and each claim about it
# with its maker, its source and quote, and what contradicts it. Ctrl-Enter runs it;
# the Docs pane (top left) describes every type and field.
{
  event(key: "event:2024-03-kursk-raid") {
    name
    startDate
    places { precision place { name ancestors { name } } }
    participants { role actor { __typename name } }
    claimsAbout {
      claim {
        text
        stance
        basis
        makers { attribution asWritten actor { name } }
        sources { quote source { title kind reliability } }
        contradictedBy { condition claim { text makers { actor { name } } } }
      }
    }
  }
}
`;

/** The GraphQL service: schema, per-request context, masked errors, /health and /ready. */
export function createYogaApp(dependencies: YogaDependencies) {
  const { logger, gateway, config } = dependencies;
  const services = { gateway, authenticate: createAuthenticator(config), readAccess: config.READ_ACCESS };
  return createYoga({
    schema,
    context: (initial) => createContext(services, initial),
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
      inputErrorCodes,
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

// Wrong argument values (an unknown enum value, a string for an Int) are the client's input errors.
const argumentValueError = /^(Value ".*" does not exist in ".*" enum|Expected value of type|.* cannot represent )/;

const inputErrorCodes: Plugin = {
  onValidate:
    () =>
    ({ result, setResult }) => {
      if (result.length === 0) return;
      setResult(
        result.map((error) =>
          argumentValueError.test(error.message)
            ? new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code: ErrorCode.BAD_USER_INPUT } })
            : error,
        ),
      );
    },
};

export type YogaApp = ReturnType<typeof createYogaApp>;
