import { createServerAdapter } from '@whatwg-node/server';
import { GraphQLError } from 'graphql';
import { maskError as maskErrorByDefault, useErrorHandler, useReadinessCheck, createYoga, type GraphiQLOptions, type Plugin } from 'graphql-yoga';
import { createAuthenticator, oncePerRequest } from './auth';
import type { Config } from './config';
import { createContext, type Context } from './context';
import { createCredentialStore, type CredentialStore } from './credentials';
import { maxConnectionPoolSize } from '../db/connect';
import type { Neo4jGateway } from '../db/gateway';
import { useOperationLimits } from './limits';
import { isGraphiQLAsset, useGraphiQLAssets } from './graphiql';
import { createMetrics, useMetricsEndpoint } from './metrics';
import { corsOptions, useBodyLimit, useCsrfPrevention, useKnownPaths, useRateLimit, useRequestId, useSchemaClosedToAnonymous } from './protection';
import { inputErrorCodes } from './input-errors';
import { usePerspective } from '../graphql/perspective';
import { usePersistedAllowList } from './persisted';
import { isExportPath, useExports } from './exports';
import { schema, subgraphSchema } from '../graphql/schema';
import type { Logger } from './logger';
import { LiveFeed } from './live';
import { useBookmarks } from './bookmarks';
import { useRequestSpan } from './tracing';
import type { Tracer } from '@opentelemetry/api';

export interface YogaDependencies {
  gateway: Neo4jGateway;
  logger: Logger;
  /** Whether GraphQL may run (Neo4j answered, schema applied); always, when not given. */
  isReady?: () => boolean;
  /** Whether the warm-up (`warm-up.ts`) is done too, which /ready also waits for; always, when not given. */
  isWarm?: () => boolean;
  /** The rate limit's clock; Date.now when not given. */
  now?: () => number;
  /** The API keys and JWT secrets in force (main.ts reloads them); read once from `config` when not given. */
  credentials?: CredentialStore;
  /** The live feed (main.ts makes it, with Redis when REDIS_URL is set); in-process when not given. */
  live?: LiveFeed;
  /** When tracing is on (src/server/tracing.ts): spans for each request, and resolvers open theirs. */
  tracer?: Tracer;
  config: Pick<
    Config,
    | 'READ_ACCESS'
    | 'API_KEYS'
    | 'API_KEYS_FILE'
    | 'JWT_SECRET'
    | 'JWT_SECRET_FILE'
    | 'JWT_JWKS_URL'
    | 'JWT_ISSUER'
    | 'JWT_AUDIENCE'
    | 'JWT_MAX_LIFETIME_S'
    | 'METRICS_TOKEN'
    | 'MAX_DEPTH'
    | 'MAX_COST'
    | 'MAX_ALIASES'
    | 'MAX_TOKENS'
    | 'MAX_DIRECTIVES'
    | 'MAX_BODY_BYTES'
    | 'RATE_LIMIT_PER_MINUTE'
    | 'CORS_ORIGINS'
    | 'PERSISTED_OPERATIONS_FILE'
    | 'LIVE_MAX_SUBSCRIPTIONS_PER_CLIENT'
  >;
}

export const exampleQuery = `# The March 2024 raid into Kursk region: the units in it, and each claim about it
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

/**
 * GraphiQL's saved aggregate questions (issue #18), each a tab beside the raid's; the README's
 * "Aggregates: examples" shows the same documents, and a test runs each.
 */
export const aggregateExamples = [
  `# Losses of one side per month, by status, for one equipment category, with three of the
# claims behind each number: counts never come without their provenance.
{
  claimAggregate(
    filter: {owner: "unit:russian-armed-forces", equipmentCategories: [TANK], from: "2023-01-01", to: "2023-12-31"}
    groupBy: [{dimension: TIME, interval: MONTH}, {dimension: LOSS_STATUS}]
  ) {
    total { count }
    buckets(limit: 100) {
      keys { dimension value label span }
      count
      claims(first: 3) { edges { node { key text validFrom } } }
    }
  }
}
`,
  `# Claims per maker, the most prolific first, with how many of them are contradicted.
{
  claimAggregate(groupBy: [{dimension: MAKER}]) {
    bucketCount
    buckets(limit: 20, orderBy: [{by: COUNT, descending: true}]) { keys { value label } count contradicted }
  }
}
`,
];

const documentedPaths = new Set(['/graphql', '/subgraph', '/health', '/ready', '/metrics']);

/**
 * The GraphQL service: schema, per-request context, masked errors, limits checked before any
 * Cypher runs, rate limits, CSRF prevention, CORS from configuration, /health, /ready, /metrics,
 * GraphiQL. In front of Yoga, for every request whatever its path: its id, the rate limit, 404
 * for undocumented paths, then /metrics, the exports (src/server/exports.ts) and GraphiQL's page
 * and assets.
 */
export function createYogaApp(dependencies: YogaDependencies) {
  const { logger, config, tracer } = dependencies;
  const gateway = tracer ? dependencies.gateway.traced(tracer) : dependencies.gateway;
  const live = dependencies.live ?? new LiveFeed({ logger, maxPerClient: config.LIVE_MAX_SUBSCRIPTIONS_PER_CLIENT });
  const metrics = createMetrics(gateway, maxConnectionPoolSize, live);
  const isReady = dependencies.isReady ?? (() => true);
  const isWarm = dependencies.isWarm ?? (() => true);
  // The rate limit and the GraphQL context share one authentication per request.
  const credentials = dependencies.credentials ?? createCredentialStore(config, logger);
  const authenticate = oncePerRequest(createAuthenticator(config, credentials.current));
  const services = { gateway, authenticate, readAccess: config.READ_ACCESS, onRoundTrip: metrics.countRoundTrip, isReady, live, traced: tracer !== undefined };
  // Unexpected errors are logged once, with their request's id, where the context is known.
  const logged = new WeakSet<object>();
  const yoga = createYoga({
    schema,
    context: (initial) => createContext(services, initial),
    cors: config.CORS_ORIGINS ? corsOptions(config) : false,
    // useBodyLimit below, not Yoga's: it costs a stream pipeline per request.
    maxRequestBodySize: false,
    graphqlEndpoint: '/(graphql|subgraph)',
    healthCheckEndpoint: '/health',
    landingPage: false,
    // Served in front of Yoga by useGraphiQLAssets.
    graphiql: false,
    // Yoga's own logging would log each unexpected error a second time, without its request id.
    logging: false,
    maskedErrors: {
      maskError(error, message, isDev) {
        const masked = maskErrorByDefault(error, message, isDev);
        const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
        if (masked !== error && !(typeof original === 'object' && original !== null && logged.has(original))) {
          logger.error({ err: error }, 'unexpected error while serving a request');
        }
        return masked;
      },
    },
    plugins: [
      useSubgraphSchemaAt('/subgraph'),
      useCsrfPrevention(),
      ...(config.READ_ACCESS === 'authenticated' ? [useSchemaClosedToAnonymous(authenticate)] : []),
      ...(config.PERSISTED_OPERATIONS_FILE ? [usePersistedAllowList(config.PERSISTED_OPERATIONS_FILE, logger)] : []),
      useOperationLimits(config),
      usePerspective,
      inputErrorCodes,
      useBookmarks,
      metrics.plugin,
      useErrorHandler(({ errors, context }) => {
        // In the execution phase envelop passes the execution arguments, which hold the context.
        const requestId = ((context as { contextValue?: Partial<Context> }).contextValue ?? (context as Partial<Context>)).requestId;
        for (const error of errors) {
          const original = error instanceof GraphQLError ? error.originalError : error;
          if (!original || original instanceof GraphQLError) continue;
          logged.add(original);
          logger.error({ err: original, requestId, path: error instanceof GraphQLError ? error.path : undefined }, 'unexpected error while serving a request');
        }
      }),
      useBodyLimit(config.MAX_BODY_BYTES),
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          if (!isReady() || !isWarm()) return false;
          try {
            await dependencies.gateway.ping();
          } catch (error) {
            logger.warn({ err: error }, 'readiness check: Neo4j does not answer');
            return false;
          }
          // Without Redis the service still reads and writes: ready, and saying what is degraded.
          const degraded = live.degraded();
          return degraded ? Response.json({ status: 'degraded', degraded: { redis: degraded } }) : true;
        },
      }),
    ],
  });
  const graphiql: GraphiQLOptions = {
    title: 'Conflict graph',
    defaultQuery: exampleQuery,
    // Until a browser has tabs of its own: the raid, then the saved aggregate questions.
    defaultTabs: [exampleQuery, ...aggregateExamples].map((query) => ({ query })),
    endpoint: '/graphql',
    // Subscriptions run over SSE, which GraphiQL opens with GET: CSRF prevention wants the header
    // that a cross-site form cannot send, and GraphiQL, a page of this host, may.
    additionalHeaders: { 'x-graphql-yoga-csrf': 'graphiql' },
    // Closed reads: GraphiQL opens on its headers pane, where the analyst puts a key.
    ...(config.READ_ACCESS === 'authenticated' ? { headers: JSON.stringify({ Authorization: 'Bearer <your API key>' }, null, 2), defaultEditorToolsVisibility: 'headers' as const } : {}),
  };
  const app = createServerAdapter((request, serverContext) => yoga.handle(request, serverContext), {
    plugins: [
      ...(tracer ? [useRequestSpan(tracer)] : []),
      useRequestId(logger),
      useRateLimit(config.RATE_LIMIT_PER_MINUTE, authenticate, dependencies.now, live.redisClient),
      useKnownPaths((pathname) => documentedPaths.has(pathname) || isExportPath(pathname) || isGraphiQLAsset(pathname)),
      useMetricsEndpoint(metrics.registry, config, authenticate),
      useExports(services, config, logger),
      // Analysts' networks often have no internet: GraphiQL loads everything from this host.
      useGraphiQLAssets(graphiql),
    ],
  });
  // WebSockets (websocket.ts) go to Yoga's enveloped functions: an upgrade is no fetch request. In
  // objects: the adapter binds the functions it hands out to itself.
  return Object.assign(app, { enveloped: { get: yoga.getEnveloped.bind(yoga) }, live });
}

/**
 * /subgraph serves the same types as an Apollo Federation subgraph (src/graphql/federation.ts).
 * Chosen as each execution is enveloped, from its request, rather than by a schema factory: that
 * one is consulted only while an HTTP request is parsed, which a WebSocket's operations never are.
 */
function useSubgraphSchemaAt(path: string): Plugin {
  return {
    onEnveloped({ context, setSchema }) {
      // Set every time, as Yoga's own schema factory does: envelop keeps the last schema set.
      const request = (context as { request?: Request } | undefined)?.request;
      setSchema(request && new URL(request.url).pathname === path ? subgraphSchema : schema);
    },
  };
}

export type YogaApp = ReturnType<typeof createYogaApp>;
