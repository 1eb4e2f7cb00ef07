// Runs the project's local Neo4j in the foreground until Ctrl-C, for operators and cypher-shell users.
// Flags: --port N (default NEO4J_LOCAL_PORT or 7687), --data DIR (default NEO4J_LOCAL_DATA or .neo4j/data).
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/server/config';
import { startLocalNeo4j } from '../src/local-neo4j/local-neo4j';

const { values } = parseArgs({ options: { port: { type: 'string' }, data: { type: 'string' } } });
try {
  const config = loadConfig({
    ...process.env,
    ...(values.port ? { NEO4J_LOCAL_PORT: values.port } : {}),
    ...(values.data ? { NEO4J_LOCAL_DATA: values.data } : {}),
  });
  const neo4j = await startLocalNeo4j({
    dataDir: config.NEO4J_LOCAL_DATA,
    boltPort: config.NEO4J_LOCAL_PORT,
    heapMb: config.NEO4J_LOCAL_HEAP_MB,
    pageCacheMb: config.NEO4J_LOCAL_PAGECACHE_MB,
    log: (line) => console.log(line),
  });
  console.log(`Neo4j is ready at ${neo4j.uri}; Ctrl-C stops it.`);
  const stop = async () => {
    await neo4j.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
}
