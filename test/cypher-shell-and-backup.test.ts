import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyScripts, cypherDir, loadScripts } from '../src/cypher/runner';
import { createDriver } from '../src/db/connect';
import { Neo4jGateway } from '../src/db/gateway';
import { toPlain } from '../src/db/values';
import { startLocalNeo4j, type LocalNeo4j } from '../src/local-neo4j/local-neo4j';
import { projectRoot } from '../src/project-root';
import { runCypherShell } from './support/cypher-shell';
import { freePort } from './support/ports';
import { testConfig } from './support/service';

// A Neo4j of this file's own: the parity test empties it between runs, and the backup test stops it.
const dataDir = path.join(projectRoot, '.neo4j/cypher-shell-test');
const loadedDir = path.join(projectRoot, '.neo4j/cypher-shell-test-loaded');
const scratch = mkdtempSync(path.join(tmpdir(), 'cypher-shell-test-'));

let neo4j: LocalNeo4j;
let open: { gateway: Neo4jGateway; close: () => Promise<void> };

async function connect(uri: string) {
  const driver = createDriver(uri, testConfig({ NEO4J_URI: uri }));
  return { gateway: new Neo4jGateway(driver, 'neo4j', 60_000), close: () => driver.close() };
}

const start = async (dir: string, boltPort: number) => startLocalNeo4j({ dataDir: dir, boltPort, heapMb: 384, pageCacheMb: 64, log: () => {} });

beforeAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(loadedDir, { recursive: true, force: true });
  neo4j = await start(dataDir, await freePort());
  open = await connect(neo4j.uri);
}, 180_000);

afterAll(async () => {
  await open?.close();
  await neo4j?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(loadedDir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

/** The graph but the runner's ledger: counts by label and type, hashes of every node and relationship, the schema. */
async function census(gateway: Neo4jGateway) {
  const read = async (cypher: string) => (await gateway.read<{ row: unknown }>('test.census', cypher)).map(({ row }) => toPlain(row));
  const hash = (rows: unknown[]) => rows.map((row) => createHash('sha256').update(canonical(row)).digest('hex')).sort();
  return {
    labels: await read('MATCH (n) WHERE NOT n:CypherScript UNWIND labels(n) AS label WITH label, count(*) AS n RETURN [label, n] AS row ORDER BY label'),
    types: await read('MATCH ()-[r]->() WITH type(r) AS type, count(*) AS n RETURN [type, n] AS row ORDER BY type'),
    nodes: hash(await read('MATCH (n) WHERE NOT n:CypherScript RETURN [labels(n), properties(n)] AS row')),
    // Ends by their properties (revisions have no key): element ids differ between two runs.
    relationships: hash(await read('MATCH (a)-[r]->(b) RETURN [properties(a), type(r), properties(b), properties(r)] AS row')),
    schema: await read(`SHOW INDEXES YIELD name, type, labelsOrTypes, properties, owningConstraint
      WHERE type <> 'LOOKUP' AND name <> 'cypher_script_name' RETURN [name, type, labelsOrTypes, properties, owningConstraint IS NULL] AS row ORDER BY name`),
  };
}

/** JSON with the keys of every map in order: Neo4j returns a node's properties in no particular one. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Empties the database: data, constraints, indexes (the lookup indexes stay, as in a new one). */
async function wipe(gateway: Neo4jGateway) {
  await gateway.write('test.wipe', 'MATCH (n) DETACH DELETE n');
  for (const { name } of await gateway.read<{ name: string }>('test.wipe', 'SHOW CONSTRAINTS YIELD name')) await gateway.write('test.wipe', `DROP CONSTRAINT \`${name}\``);
  for (const { name } of await gateway.read<{ name: string }>('test.wipe', "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'")) await gateway.write('test.wipe', `DROP INDEX \`${name}\``);
}

/** The graph the runner makes of these scripts, and the one cypher-shell makes of them, each from an empty database. */
async function bothWays(files: string[]) {
  await wipe(open.gateway);
  await applyScripts(open.gateway, loadScripts(files));
  const runner = await census(open.gateway);
  await wipe(open.gateway);
  // cypher-shell reads the scripts in the runner's order: schema first, then by name.
  await runCypherShell(neo4j.uri, loadScripts(files).map((script) => path.resolve(projectRoot, script.name)));
  return { runner, shell: await census(open.gateway) };
}

describe('the runner and a real cypher-shell give the same graph', () => {
  it('for scripts with :param, :begin/:commit, CALL … IN TRANSACTIONS, and schema and data in one file', { timeout: 120_000 }, async () => {
    const params = path.join(scratch, '1_params.cypher');
    writeFileSync(
      params,
      [
        "// Parameters, as cypher-shell sets them: one by name, several from a map.",
        ":param region => 'parity:' + 'oblast'",
        ":param {names: ['Alpha', 'Beta'], weight: 2}",
        'UNWIND $names AS name',
        'MERGE (n:ParityTest {key: $region + ":" + toLower(name)}) ON CREATE SET n.name = name, n.weight = $weight;',
      ].join('\n'),
    );
    const batches = path.join(scratch, '2_in_transactions.cypher');
    writeFileSync(
      batches,
      [
        "UNWIND range(1, 50) AS i CALL (i) { MERGE (n:ParityTest {key: 'parity:batch:' + i}) ON CREATE SET n.i = i } IN TRANSACTIONS OF 10 ROWS;",
        'MATCH (n:ParityTest) WHERE n.i IS NOT NULL CALL (n) { SET n.square = n.i * n.i } IN TRANSACTIONS OF 20 ROWS;',
      ].join('\n'),
    );
    const mixed = path.join(scratch, '3_mixed.cypher');
    writeFileSync(
      mixed,
      [
        'CREATE CONSTRAINT parity_test_key IF NOT EXISTS FOR (n:ParityTest) REQUIRE n.key IS UNIQUE;',
        "MERGE (n:ParityTest {key: 'parity:mixed'}) ON CREATE SET n.step = 1;",
        'CREATE INDEX parity_test_step IF NOT EXISTS FOR (n:ParityTest) ON (n.step);',
        ':begin',
        "MATCH (n:ParityTest {key: 'parity:mixed'}) SET n.step = n.step + 1;",
        "MERGE (m:ParityTest {key: 'parity:mixed:2'}) ON CREATE SET m.step = 10;",
        ':commit',
      ].join('\n'),
    );
    const { runner, shell } = await bothWays([params, batches, mixed]);
    expect(runner.labels).toEqual([['ParityTest', 54]]);
    expect(runner.schema.map((row) => (row as string[])[0])).toEqual(['parity_test_key', 'parity_test_step']);
    expect(shell).toEqual(runner);
  });

  it('for every shipped script', { timeout: 120_000 }, async () => {
    const { runner, shell } = await bothWays([path.join(cypherDir, 'schema'), path.join(cypherDir, 'seed')]);
    expect(runner.nodes.length).toBeGreaterThan(100);
    expect(shell).toEqual(runner);
  });
});

describe('npm run db:dump and db:load', () => {
  const dumps = path.join(scratch, 'dumps');
  const admin = (...args: string[]) =>
    spawnSync('npx', ['tsx', 'scripts/db-admin.ts', ...args], { cwd: projectRoot, encoding: 'utf8' });

  it('refuses to dump a data dir whose Neo4j runs, and round-trips a stopped one to the same graph', { timeout: 180_000 }, async () => {
    // What the parity test left: the seeded graph, as cypher-shell wrote it.
    const before = await census(open.gateway);
    expect(before.nodes.length).toBeGreaterThan(100);

    const refused = admin('dump', dumps, '--data', dataDir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`The Neo4j of ${dataDir} is running: stop it`);

    await open.close();
    await neo4j.stop();
    const dumped = admin('dump', dumps, '--data', dataDir);
    expect(dumped.stderr).toBe('');
    expect(dumped.stdout).toMatch(/done: .*neo4j-\d{8}T\d{6}Z\.dump \(\d+\.\d MB\)/);
    const [file] = readdirSync(dumps);

    const loaded = admin('load', path.join(dumps, file!), '--data', loadedDir);
    expect(loaded.stderr).toBe('');
    expect(loaded.stdout).toContain('loading');
    expect(admin('load', path.join(dumps, file!), '--data', loadedDir).stderr).toContain('give --force to replace it');

    neo4j = await start(loadedDir, await freePort());
    open = await connect(neo4j.uri);
    expect(await census(open.gateway)).toEqual(before);
  });
});
