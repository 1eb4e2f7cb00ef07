import { createServer } from 'node:http';
import { ConfigError, loadConfig } from './config';
import { prepareDatabase } from './cypher/runner';
import { openDatabase, type Database } from './db/connect';
import { createLogger } from './logger';
import { createYogaApp } from './yoga';

let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}

const logger = createLogger(config.LOG_LEVEL);
let database: Database | undefined;

try {
  database = await openDatabase(config, (line) => logger.info(line));
  logger.info({ uri: database.uri, database: config.NEO4J_DATABASE }, 'connected to Neo4j');
  await prepareDatabase(database.gateway, {
    seedWhenEmpty: config.SEED_WHEN_EMPTY,
    log: (line) => logger.info(`[cypher] ${line}`),
  });
} catch (error) {
  logger.fatal(error instanceof Error ? error.message : String(error));
  await database?.close();
  process.exit(1);
}

const yoga = createYogaApp({ gateway: database.gateway, logger, config });
const server = createServer(yoga);
server.listen(config.PORT, config.HOST, () => {
  logger.info(`GraphQL and GraphiQL at http://${config.HOST}:${config.PORT}/graphql`);
});

let shuttingDown = false;
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info(`${signal}: stopping`);
  // Stop accepting, give requests in flight a bounded time, then close the database.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
  server.closeAllConnections();
  await database?.close();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
