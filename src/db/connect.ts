import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jConfig } from '../server/config';
import { isListening, startLocalNeo4j, type LocalNeo4j } from '../local-neo4j/local-neo4j';
import type { Logger } from '../server/logger';
import { Neo4jGateway } from './gateway';
import { noPerspective } from '../read/scope';

export class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError';
}

export interface Database {
  uri: string;
  gateway: Neo4jGateway;
  /** Closes the driver, then stops the local Neo4j if this process started it. */
  close: () => Promise<void>;
}

/**
 * For command-line tools: like openDatabase, but reuses the local Neo4j of a running
 * `npm start` rather than starting a second one on the same data.
 */
export async function openDatabaseForTool(config: Neo4jConfig, log: (line: string) => void): Promise<Database> {
  if (!config.NEO4J_URI && (await isListening(config.NEO4J_LOCAL_PORT))) {
    return openDatabase({ ...config, NEO4J_URI: `bolt://127.0.0.1:${config.NEO4J_LOCAL_PORT}` }, log);
  }
  return openDatabase(config, log);
}

/**
 * Connects to NEO4J_URI, or, when it is unset, starts the project's local Neo4j and connects to
 * that. Fails with the address in the message when Neo4j does not answer within the timeout.
 */
export async function openDatabase(config: Neo4jConfig, log: (line: string) => void): Promise<Database> {
  const database = await connectDatabase(config, log);
  try {
    await waitUntilReachable(database.gateway.driver, database.uri, config.NEO4J_DATABASE, config.NEO4J_CONNECT_TIMEOUT_MS);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/**
 * Like openDatabase, but does not wait for NEO4J_URI to answer: the service starts while its
 * database is down and becomes ready when it answers. The local Neo4j is started and awaited.
 */
export async function connectDatabase(config: Neo4jConfig, log: (line: string) => void, logger?: Pick<Logger, 'warn'>): Promise<Database> {
  let local: LocalNeo4j | undefined;
  if (!config.NEO4J_URI) {
    local = await startLocalNeo4j({
      dataDir: config.NEO4J_LOCAL_DATA,
      boltPort: config.NEO4J_LOCAL_PORT,
      heapMb: config.NEO4J_LOCAL_HEAP_MB,
      pageCacheMb: config.NEO4J_LOCAL_PAGECACHE_MB,
      log: (line) => log(`[neo4j-local] ${line}`),
    });
  }
  const uri = config.NEO4J_URI ?? local!.uri;
  const driver = createDriver(uri, config);
  const close = async () => {
    await driver.close();
    await local?.stop();
  };
  return {
    uri,
    gateway: new Neo4jGateway(driver, config.NEO4J_DATABASE, config.NEO4J_QUERY_TIMEOUT_MS, { logger, pingTimeoutMs: connectionTimeoutMs(config), parameters: noPerspective }),
    close,
  };
}

/** Connections the driver keeps per Neo4j server; requests beyond wait up to the acquisition timeout. */
export const maxConnectionPoolSize = 100;

/**
 * How long the driver waits to open a connection or get one from its pool, and /ready for its
 * ping: a server that accepts connections but does not answer (frozen) fails within this.
 */
export function connectionTimeoutMs(config: Pick<Neo4jConfig, 'NEO4J_CONNECT_TIMEOUT_MS'>): number {
  return Math.min(config.NEO4J_CONNECT_TIMEOUT_MS, 5_000);
}

export function createDriver(uri: string, config: Pick<Neo4jConfig, 'NEO4J_USER' | 'NEO4J_PASSWORD' | 'NEO4J_CONNECT_TIMEOUT_MS'>): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize,
    connectionTimeout: connectionTimeoutMs(config),
    connectionAcquisitionTimeout: connectionTimeoutMs(config),
    // Transient failures (a leader change, a restart) are retried this long, then fail as UNAVAILABLE.
    maxTransactionRetryTime: 3_000,
    userAgent: 'conflict-graph/0.1',
  });
}

/**
 * Retries with back-off (up to 30 s apart) until the database answers or the deadline passes
 * (never, with an infinite timeout); `onRetry` hears of each failed attempt.
 */
export async function waitUntilReachable(
  driver: Driver,
  uri: string,
  database: string,
  timeoutMs: number,
  onRetry?: (reason: string, retryInMs: number) => void,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let pause = 200;
  for (;;) {
    try {
      await driver.verifyConnectivity({ database });
      return;
    } catch (error) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new DatabaseUnreachableError(
          `Neo4j at ${uri} (database "${database}") did not answer within ${timeoutMs} ms: ${reason}\n` +
            'Check NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE, or unset NEO4J_URI to use the local Neo4j.',
        );
      }
      const wait = Math.min(pause, remaining);
      onRetry?.(error instanceof Error ? error.message : String(error), wait);
      await new Promise((resolve) => setTimeout(resolve, wait));
      pause = Math.min(pause * 2, timeoutMs === Number.POSITIVE_INFINITY ? 30_000 : 2_000);
    }
  }
}
