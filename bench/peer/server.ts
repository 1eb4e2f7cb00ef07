// The peer: our graph served by @neo4j/graphql through graphql-yoga, as the service is, for the
// benchmark (bench/run.ts starts it). Reads NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE
// and PORT; listens only once the schema is built and the database answers, so an answer on
// /health means ready. Imports resolve from bench/peer/node_modules: one copy of graphql.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import neo4j from 'neo4j-driver';

const uri = process.env.NEO4J_URI;
if (!uri) throw new Error('NEO4J_URI is required');
const database = process.env.NEO4J_DATABASE ?? 'neo4j';
const port = Number(process.env.PORT ?? 4400);

// The service's pool size (src/db/connect.ts), so that neither side queues for connections sooner.
const driver = neo4j.driver(uri, neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? 'neo4j'), {
  maxConnectionPoolSize: 100,
  userAgent: 'conflict-graph-bench-peer/0.1',
});
await driver.verifyConnectivity({ database });

// The runner starts this bundled, from bench/peer/dist/.
const typeDefs = readFileSync(new URL('../type-defs.graphql', import.meta.url), 'utf8');
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();

const yoga = createYoga({
  schema,
  context: () => ({ sessionConfig: { database } }),
  logging: false,
  graphiql: false,
});

createServer(yoga).listen(port, '127.0.0.1', () => console.log(`peer listening on ${port}`));
