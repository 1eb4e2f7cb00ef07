import { createServer } from 'node:http';
import { ConfigError, loadConfig } from './config';
import { createCredentialStore } from './credentials';
import { prepareDatabase } from '../cypher/runner';
import { connectDatabase, waitUntilReachable, type Database } from '../db/connect';
import { createLogger, type Logger } from './logger';
import { startTracingFromEnvironment, tracerName } from './tracing';
import { createYogaApp } from './yoga';
import { warmUp } from './warm-up';
import { schema } from '../graphql/schema';
import { LiveFeed } from './live';
import { serveWebSockets } from './websocket';

let config, credentials;
let logger: Logger;
let tracing: ReturnType<typeof startTracingFromEnvironment>;
try {
  config = loadConfig(process.env);
  tracing = startTracingFromEnvironment(config.OTEL_EXPORTER_OTLP_ENDPOINT);
  logger = createLogger(config.LOG_LEVEL, { traced: tracing !== undefined });
  credentials = createCredentialStore(config, logger);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}
// Keys and secrets are rotated without a restart: their files are read again on SIGHUP and when they change.
const stopWatchingCredentials = credentials.watch();
process.on('SIGHUP', () => credentials.reload('SIGHUP'));
let database: Database | undefined;

try {
  database = await connectDatabase(config, (line) => logger.info(line), logger);
} catch (error) {
  logger.fatal(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

// Serve at once; /ready says 503 and GraphQL says UNAVAILABLE until Neo4j answers and has its
// schema; /ready waits for the warm-up too, so a balancer sends no traffic to unplanned statements.
let ready = false;
let warm = false;
const live = new LiveFeed({ logger, redisUrl: config.REDIS_URL, maxPerClient: config.LIVE_MAX_SUBSCRIPTIONS_PER_CLIENT });
const yoga = createYogaApp({ gateway: database.gateway, logger, config, credentials, isReady: () => ready, isWarm: () => warm, live, tracer: tracing?.getTracer(tracerName) });
const server = createServer(yoga);
const webSockets = serveWebSockets(server, yoga, config.MAX_BODY_BYTES);
server.listen(config.PORT, config.HOST, () => {
  logger.info({ node: process.version }, `GraphQL and GraphiQL at http://${config.HOST}:${config.PORT}/graphql`);
});

void (async () => {
  const { uri, gateway } = database;
  try {
    await waitUntilReachable(gateway.driver, uri, config.NEO4J_DATABASE, Number.POSITIVE_INFINITY, (reason, retryInMs) =>
      logger.warn({ uri, database: config.NEO4J_DATABASE }, `Neo4j at ${uri} does not answer (${reason}); not ready; retrying in ${(retryInMs / 1_000).toFixed(1)} s`),
    );
    logger.info({ uri, database: config.NEO4J_DATABASE }, 'connected to Neo4j');
    await prepareDatabase(gateway, {
      seedWhenEmpty: config.SEED_WHEN_EMPTY,
      schemaDrift: config.SCHEMA_DRIFT,
      log: (line) => logger.info(`[cypher] ${line}`),
      warn: (line) => logger.warn(`[cypher] ${line}`),
    });
    ready = true;
    const roundTrips = await warmUp(schema, gateway, logger);
    logger.info({ roundTrips: roundTrips.length, statements: new Set(roundTrips.map(({ cypher }) => cypher)).size }, 'warmed up');
    warm = true;
    logger.info('ready');
  } catch (error) {
    logger.fatal(error instanceof Error ? error.message : String(error));
    await shutdown('start-up failure', 1);
  }
})();

let shuttingDown = false;
async function shutdown(signal: string, exitCode = 0) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info(`${signal}: stopping`);
  stopWatchingCredentials();
  await webSockets.close();
  // Stop accepting, give requests in flight a bounded time, then close the database.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
  server.closeAllConnections();
  await database?.close();
  await live.close();
  // The last spans, still batched, before the process ends.
  await tracing?.shutdown().catch((error: unknown) => logger.warn({ err: error }, 'tracing: the last spans were not exported'));
  logger.info('stopped');
  process.exit(exitCode);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
