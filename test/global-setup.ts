import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../src/server/config';
import { prepareDatabase } from '../src/cypher/runner';
import { createDriver, waitUntilReachable } from '../src/db/connect';
import { Neo4jGateway } from '../src/db/gateway';
import { startLocalNeo4j, type LocalNeo4j } from '../src/local-neo4j/local-neo4j';
import { hasRedisServer, startRedis, type LocalRedis } from './support/redis';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    /** A Redis the tests share (REDIS_TEST_URL, else one started here); empty without redis-server. */
    redisUrl: string;
  }
}


/**
 * Starts a Neo4j of its own for the test run (a fresh data directory and another port than
 * `npm start` uses), unless NEO4J_TEST_URI names one; either way the graph starts empty and
 * gets the schema and the seed, so every run sees the same data.
 */
export default async function setup(project: TestProject) {
  const config = loadConfig({ ...process.env, NEO4J_URI: process.env.NEO4J_TEST_URI });
  let local: LocalNeo4j | undefined;
  if (!config.NEO4J_URI) {
    const boltPort = Number(process.env.NEO4J_TEST_PORT ?? 7688);
    // One data directory per port, so test runs on different ports do not share one.
    const testDataDir = `.neo4j/test-${boltPort}`;
    rmSync(testDataDir, { recursive: true, force: true });
    local = await startLocalNeo4j({
      dataDir: testDataDir,
      boltPort,
      heapMb: 768,
      pageCacheMb: 128,
      log: (line) => console.log(`[test neo4j] ${line}`),
    });
  }
  const uri = config.NEO4J_URI ?? local!.uri;
  const driver = createDriver(uri, config);
  try {
    await waitUntilReachable(driver, uri, config.NEO4J_DATABASE, 30_000);
    const gateway = new Neo4jGateway(driver, config.NEO4J_DATABASE, 60_000);
    if (local === undefined) await wipe(gateway);
    await prepareDatabase(gateway, { seedWhenEmpty: true, log: () => {} });
  } catch (error) {
    // Vitest runs no teardown when setup fails: stop our Neo4j here, or the run hangs on it.
    await local?.stop();
    throw error;
  } finally {
    await driver.close();
  }
  project.provide('neo4jUri', uri);
  // Like Neo4j: a Redis of its own on a private port (REDIS_TEST_PORT), unless REDIS_TEST_URL names one.
  let redis: LocalRedis | undefined;
  if (!process.env.REDIS_TEST_URL && hasRedisServer()) redis = await startRedis(Number(process.env.REDIS_TEST_PORT ?? 6391));
  project.provide('redisUrl', process.env.REDIS_TEST_URL ?? redis?.url ?? '');
  return async () => {
    await redis?.stop();
    await local?.stop();
  };
}

/** Empties a database that NEO4J_TEST_URI points at: data, then constraints and indexes. */
async function wipe(gateway: Neo4jGateway) {
  // In batches, outside a managed transaction: a large graph would not fit one transaction's memory.
  const session = gateway.driver.session({ database: gateway.database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
  const constraints = await gateway.read<{ name: string }>('test.constraints', 'SHOW CONSTRAINTS YIELD name');
  for (const { name } of constraints) await gateway.write('test.drop', `DROP CONSTRAINT ${quoteName(name)}`);
  const indexes = await gateway.read<{ name: string }>('test.indexes', "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'");
  for (const { name } of indexes) await gateway.write('test.drop', `DROP INDEX ${quoteName(name)}`);
}

function quoteName(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}
