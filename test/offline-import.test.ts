import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDriver } from '../src/db/connect';
import { Neo4jGateway } from '../src/db/gateway';
import { toPlain } from '../src/db/values';
import { startLocalNeo4j, type LocalNeo4j } from '../src/local-neo4j/local-neo4j';
import { writeOfflineImport } from '../src/import/offline';
import { freePort } from './support/ports';
import { projectRoot } from '../src/project-root';
import { createTestService, testConfig } from './support/service';

const run = promisify(execFile);
const service = createTestService();
const directory = mkdtempSync(path.join(tmpdir(), 'offline-import-test-'));
let reader: LocalNeo4j | undefined;

const cleanup = () =>
  service.gateway.write('test.offline.cleanup', `MATCH (n) WHERE n.key CONTAINS 'test-offline' OPTIONAL MATCH (n)<-[:REVISES]-(r) DETACH DELETE n, r`);

afterAll(async () => {
  await cleanup();
  await service.close();
  await reader?.stop();
  rmSync(directory, { recursive: true, force: true });
});

/** `npm run import -- <args>` as an operator runs it, with only these variables set. */
async function importCli(environment: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...environment },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

const header = { format: 'conflict-graph/bundle', version: 1, name: 'offline-test' };
const article = 'source:test-offline:article';
const telegram = 'source:test-offline:telegram';
const town = 'place:ua:test-offline-town';
const oblast = 'place:ua:test-offline-oblast';
const legion = 'unit:test-offline-legion';
const corps = 'unit:test-offline-corps';
const governor = 'person:test-offline-governor';
const staff = 'org:test-offline-staff';
const raid = 'event:test-offline-raid';
const claim = (name: string) => `claim:test-offline:${name}`;

/** Every record kind, every property type, claims that create sources, supersede and contradict, and bad records. */
const lines: (object | string)[] = [
  header,
  { record: 'entity', type: 'Place', key: oblast, properties: { name: 'Тестова область', names: ['Test Oblast', 'Test, "Oblast"', ' spaced ', 'semi;colon'], type: 'REGION', countryCode: 'UA', location: { latitude: 48.5, longitude: 37.25 }, locationUncertaintyKm: 12.75, geonamesId: 706483, note: 'line one\nline two\r\nline "three", with, commas' } },
  { record: 'entity', type: 'Place', key: town, properties: { name: 'Lozova Rudka', names: [], location: { latitude: -0.000001, longitude: -180 }, locationUncertaintyKm: 1e-7, locationSourceKey: article, note: null } },
  { record: 'entity', type: 'Unit', key: legion, properties: { name: 'Freedom Legion', aliases: ['Legion 😀', 'Легион'], uncertainAliases: ['Freedom Army'], side: 'UKRAINE', countryCode: 'RU', description: 'carriage\rreturn' } },
  { record: 'entity', type: 'Person', key: governor, properties: { name: 'The governor', identitySourceKey: article, identityNote: 'named in the article' } },
  { record: 'entity', type: 'Organization', key: staff, properties: { name: 'General Staff', type: 'STATE', countryCode: 'UA' } },
  { record: 'entity', type: 'Event', key: raid, properties: { name: 'Raid', startDate: '2024-03', endDate: '2024-W11', category: 'CONFLICT', type: 'BATTLES', subType: 'ARMED_CLASH', fatalities: 0 } },
  { record: 'entity', type: 'Source', key: article, properties: { kind: 'NEWS_ARTICLE', title: 'Title, with "quotes"', url: 'https://example.org/a?b=1,2', language: 'uk', publishedAt: '2024', reliability: 'B', credibility: 2 } },
  { record: 'entity', type: 'Claim', key: claim('old'), properties: { text: 'An old claim', madeAt: '2024-03-01', madeAtPrecision: 'MONTH' } },
  { record: 'relationship', type: 'LOCATED_IN', from: town, to: oblast, properties: { confidence: 'HIGH', basisSourceKey: article } },
  { record: 'relationship', type: 'PARTICIPATED_IN', from: legion, to: raid, properties: { role: 'ATTACKER', acledActor: 'ACTOR1' } },
  { record: 'relationship', type: 'OCCURRED_AT', from: raid, to: town, properties: { precision: 'NEAR' } },
  { record: 'relationship', type: 'REPORTED_IN', from: raid, to: article, properties: {} },
  { record: 'relationship', type: 'HOLDS_POSITION', from: governor, to: oblast, properties: { title: 'Governor', from: '2022', to: '2024-03-17' } },
  { record: 'relationship', type: 'PART_OF', from: legion, to: staff, properties: { from: '2023-05' } },
  // Names an entity given later: one batch writes it.
  { record: 'relationship', type: 'ALIGNED_WITH', from: legion, to: corps, properties: { note: 'allies' } },
  {
    record: 'claim',
    key: claim('control'),
    properties: { text: 'Only Lozova Rudka remains under their control', type: 'CONTROL', stance: 'ASSERTS', basis: 'CLAIMED_BY_PARTY', madeAt: '2024-03-12', validFrom: '2024-03-12', credibility: 3, garbled: false, attributionAmbiguous: true },
    madeBy: [{ key: legion, attribution: 'EXPLICIT', asWritten: 'Legion' }],
    about: [{ key: town, role: 'PLACE' }, { key: raid, role: 'EVENT' }],
    sources: [{ key: telegram, first: true, quote: 'We hold "it"', source: { kind: 'SOCIAL_POST', title: 'Post', publishedAt: '2024-03-12' } }],
    supersedes: [{ key: claim('old'), note: 'newer' }],
  },
  {
    record: 'claim',
    key: claim('denial'),
    properties: { text: 'Nothing of the kind', type: 'DENIAL', stance: 'DENIES', basis: 'REPORTED_BY_MEDIA', madeAt: '2024-03-13', amount: 428670, cumulative: true, casualtiesKilled: 5 },
    madeBy: [{ key: governor }],
    about: [{ key: town }],
    // The same new source as the claim above, with other properties: one batch keeps the last claim's.
    sources: [{ key: article, quote: 'denied' }, { key: telegram, source: { kind: 'SOCIAL_POST', title: 'Another title' } }],
    contradicts: [{ key: claim('control'), note: 'denies it' }],
  },
  // A source another claim of the batch creates does not count for this one.
  { record: 'claim', key: claim('borrowed'), properties: { text: 'Borrowed' }, madeBy: [{ key: legion }], sources: [{ key: telegram }] },
  // Rejected: its maker is nowhere; its new source is not created.
  { record: 'claim', key: claim('orphan'), properties: { text: 'Orphan' }, madeBy: [{ key: 'unit:test-offline-missing' }], sources: [{ key: 'source:test-offline:orphan-source', source: { kind: 'DATASET' } }] },
  // Rejected in turn: it contradicts the claim below, which supports a rejected claim; its new source is not created.
  { record: 'claim', key: claim('chain'), properties: { text: 'Chain' }, madeBy: [{ key: legion }], sources: [{ key: 'source:test-offline:chain-source', source: { kind: 'DATASET', title: 'Chain' } }], contradicts: [{ key: claim('support') }] },
  // Supports the rejected claim, so it is rejected too; it offers an existing source (left alone either way).
  { record: 'claim', key: claim('support'), properties: { text: 'Support' }, madeBy: [{ key: legion }], sources: [{ key: article, source: { kind: 'DATASET' } }], supports: [{ key: claim('orphan') }] },
  // Names a maker and a claim given later.
  { record: 'claim', key: claim('forward'), properties: { text: 'Forward' }, madeBy: [{ key: corps }], sources: [{ key: article }], supports: [{ key: claim('late'), condition: 'if true' }] },
  { record: 'relationship', type: 'SUPPORTS', from: claim('support'), to: claim('orphan'), properties: {} },
  { record: 'relationship', type: 'QUOTES', from: telegram, to: article, properties: { note: 'quotes it' } },
  { record: 'relationship', type: 'SUPERSEDES', from: claim('late'), to: claim('denial'), properties: { note: 'later' } },
  { record: 'relationship', type: 'LOCATED_IN', from: town, to: 'place:ua:test-offline-missing', properties: {} },
  { record: 'relationship', type: 'LOCATED_IN', from: raid, to: town, properties: {} },
  '{"record": "entity", "type": "Place",',
  { record: 'entity', type: 'Place', key: 'place:ua:test-offline-bad', properties: { name: 'Bad', location: { latitude: 200, longitude: 0 } } },
  { record: 'entity', type: 'Unit', key: 'unit:test-offline-colour', properties: { name: 'Colour', colour: 'red' } },
  { record: 'thing' },
  { record: 'entity', type: 'Unit', key: corps, properties: { name: 'Volunteer Corps', side: 'UKRAINE' } },
  '',
  { record: 'claim', key: claim('late'), properties: { text: 'Late', madeAt: '2024-03-20' }, madeBy: [{ key: staff }], sources: [{ key: article }], about: [{ key: claim('denial'), role: 'SUBJECT' }] },
  { record: 'relationship', type: 'PUBLISHED_BY', from: article, to: staff, properties: { attribution: 'EXPLICIT' } },
  { record: 'relationship', type: 'LINKS_TO', from: telegram, to: article, properties: { asWritten: 'link' } },
];

const bundleText = (records: (object | string)[]) => records.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n');

interface Row {
  properties: Record<string, unknown>;
  types: [string, string][];
}

/** The bundle's part of a graph, comparable across databases: record times replaced by one marker, after checking they are one instant. */
async function dump(gateway: Neo4jGateway) {
  const properties = (name: string) => `properties(${name}) AS properties, [k IN keys(${name}) | [k, valueType(${name}[k])]] AS types`;
  const nodes = await gateway.read<Row & { key: string; labels: string[] }>(
    'test.offline.nodes',
    `MATCH (n) WHERE n.key CONTAINS 'test-offline' RETURN n.key AS key, labels(n) AS labels, ${properties('n')} ORDER BY key`,
  );
  const relationships = await gateway.read<Row & { from: string; type: string; to: string }>(
    'test.offline.relationships',
    `MATCH (a)-[r]->(b) WHERE a.key CONTAINS 'test-offline' RETURN a.key AS from, type(r) AS type, b.key AS to, ${properties('r')} ORDER BY from, type, to`,
  );
  const revisions = await gateway.read<Row & { key: string; labels: string[]; links: number }>(
    'test.offline.revisions',
    `MATCH (v)-[:REVISES]->(n) WHERE n.key CONTAINS 'test-offline' RETURN n.key AS key, labels(v) AS labels, COUNT { (v)--() } AS links, ${properties('v')} ORDER BY key`,
  );
  const instants = new Set<string>();
  const canonical = <T extends Row>({ properties: values, types, ...rest }: T) => ({
    ...rest,
    types: [...types].sort(([a], [b]) => a.localeCompare(b)),
    properties: Object.fromEntries(
      Object.entries(values)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, value]) => {
          if (['recordedAt', 'updatedAt', 'rankedAt', 'at'].includes(name)) {
            instants.add(String(value));
            return [name, '<record time>'];
          }
          // Neo4j lists a map's keys in an order of its own; `changed` is a set.
          return [name, name === 'changed' ? [...(value as string[])].sort() : toPlain(value)];
        }),
    ),
  });
  const graph = { nodes: nodes.map(canonical), relationships: relationships.map(canonical), revisions: revisions.map(canonical) };
  expect(instants.size).toBe(1);
  return graph;
}

/** A report without how it was written: transactions, and the lines an online import committed (offline, all or nothing). */
const reportOf = (file: string) => {
  const { transactions: _, committedThrough: __, ...report } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return report;
};

describe('npm run import -- <file> --offline', () => {
  const file = path.join(directory, 'bundle.ndjson');
  writeFileSync(file, bundleText(lines));
  const dataDir = path.join(directory, 'offline');

  it('loads an empty local data dir with the graph and report of one online batch, and refuses what it must not do', { timeout: 600_000 }, async () => {
    await cleanup();
    const localPort = String(await freePort());

    const elsewhere = path.join(directory, 'not-written');
    const refusedUri = await importCli({ NEO4J_URI: inject('neo4jUri'), NEO4J_LOCAL_DATA: elsewhere, NEO4J_LOCAL_PORT: localPort }, file, '--offline');
    expect(refusedUri.code).toBe(1);
    expect(refusedUri.output).toContain('NEO4J_URI points at another server');
    expect(refusedUri.output).toContain(`npm run import -- ${file} (without --offline)`);
    expect(existsSync(elsewhere)).toBe(false);
    expect(await service.gateway.read('test.offline.none', `MATCH (n) WHERE n.key CONTAINS 'test-offline' RETURN n`)).toEqual([]);

    const offlineReport = path.join(directory, 'offline-report.json');
    const offline = await importCli({ NEO4J_LOCAL_DATA: dataDir, NEO4J_LOCAL_PORT: localPort }, file, '--offline', '--report', offlineReport);
    expect(offline.code, offline.output).toBe(3);
    expect(offline.output).toMatch(/records: 35 \| created 24, updated 0, unchanged 0, rejected 11 \| offline in/);
    expect(offline.output).toMatch(/graph: 28 nodes and 41 relationships, of which 14 Revision nodes and as many REVISES: \d+ nodes\+relationships\/s/);

    const intruder = path.join(directory, 'intruder.ndjson');
    writeFileSync(intruder, bundleText([header, { record: 'entity', type: 'Place', key: 'place:ua:test-offline-intruder', properties: { name: 'Intruder' } }]));
    const refusedReport = path.join(directory, 'refused-report.json');
    const refusedExisting = await importCli({ NEO4J_LOCAL_DATA: dataDir, NEO4J_LOCAL_PORT: localPort }, intruder, '--offline', '--report', refusedReport);
    expect(refusedExisting.code).toBe(1);
    expect(refusedExisting.output).toContain(`${dataDir} already holds a "neo4j" database`);
    // A refusal or failure writes its report too, saying what was written.
    expect(refusedExisting.output).toContain(`report: ${refusedReport}`);
    const refusal = JSON.parse(readFileSync(refusedReport, 'utf8')) as { created: number; failure: { reason: string } };
    expect(refusal.created).toBe(0);
    expect(refusal.failure.reason).toMatch(/^nothing was written: .* already holds a "neo4j" database/);

    const onlineReport = path.join(directory, 'online-report.json');
    const online = await importCli({ NEO4J_URI: inject('neo4jUri') }, file, '--batch-size', '50000', '--report', onlineReport);
    expect(online.code, online.output).toBe(3);
    expect(reportOf(offlineReport)).toEqual(reportOf(onlineReport));
    // A claim naming a rejected claim of the bundle falls with it, down the chain, in both imports.
    const reasons = (reportOf(onlineReport) as { rejections: { reason: string }[] }).rejections.map(({ reason }) => reason);
    expect(reasons).toEqual(
      expect.arrayContaining([
        `line 21.contradicts[0].key: nothing has the key "${claim('support')}".`,
        `line 22.supports[0].key: nothing has the key "${claim('orphan')}".`,
      ]),
    );

    const readerPort = await freePort();
    reader = await startLocalNeo4j({ dataDir, boltPort: readerPort, heapMb: 384, pageCacheMb: 64, log: () => {} });
    const refusedPort = await importCli({ NEO4J_LOCAL_DATA: path.join(directory, 'other'), NEO4J_LOCAL_PORT: String(readerPort) }, file, '--offline');
    expect(refusedPort.code).toBe(1);
    expect(refusedPort.output).toContain(`Something listens on 127.0.0.1:${readerPort}`);

    const driver = createDriver(reader.uri, testConfig());
    try {
      const offlineGateway = new Neo4jGateway(driver, 'neo4j', 15_000);
      const offlineGraph = await dump(offlineGateway);
      expect(offlineGraph).toEqual(await dump(service.gateway));
      // Nothing else: no intruder, no stray nodes; every node but the script records is the bundle's or a revision of it.
      const [counts] = await offlineGateway.read<{ nodes: number; relationships: number }>(
        'test.offline.counts',
        'RETURN COUNT { MATCH (n) WHERE NOT n:CypherScript } AS nodes, COUNT { MATCH ()-[r]->() } AS relationships',
      );
      expect(counts).toEqual({ nodes: offlineGraph.nodes.length + offlineGraph.revisions.length, relationships: offlineGraph.relationships.length + offlineGraph.revisions.length });
      const indexes = await offlineGateway.read<{ state: string }>('test.offline.indexes', 'SHOW INDEXES YIELD state');
      expect(indexes.length).toBeGreaterThan(40);
      expect(indexes.every((index) => index.state === 'ONLINE')).toBe(true);
    } finally {
      await driver.close();
    }
  });
});

const parity = (name: string) => `${name.slice(0, name.indexOf(':'))}:test-offline-parity-${name.slice(name.indexOf(':') + 1)}`;
const [region, village, hamlet, brigade, division, report, post] = ['place:region', 'place:village', 'place:hamlet', 'unit:brigade', 'unit:division', 'source:report', 'source:post'].map(parity);
const [first, second, entityClaim, orphan] = ['claim:first', 'claim:second', 'claim:entity', 'claim:orphan'].map(parity);

/** Keys and relationships given twice, a rejected record, a cycle refused, claims with sources (one created), an empty list later filled. */
const parityLines: (object | string)[] = [
  header,
  { record: 'entity', type: 'Place', key: region, properties: { name: 'Region', names: ['R'], type: 'REGION' } },
  { record: 'entity', type: 'Place', key: village, properties: { name: 'Village', names: [] } },
  { record: 'relationship', type: 'LOCATED_IN', from: village, to: region, properties: { confidence: 'LOW' } },
  // Updates the village (a name changed, a list filled, a note added) and the LOCATED_IN above.
  { record: 'entity', type: 'Place', key: village, properties: { name: 'Village renamed', names: ['V'], note: 'second' } },
  { record: 'relationship', type: 'LOCATED_IN', from: village, to: region, properties: { confidence: 'HIGH' } },
  // Changes nothing.
  { record: 'entity', type: 'Place', key: region, properties: { name: 'Region', names: ['R'], type: 'REGION' } },
  { record: 'entity', type: 'Place', key: hamlet, properties: { name: 'Hamlet' } },
  { record: 'relationship', type: 'LOCATED_IN', from: hamlet, to: village, properties: {} },
  // Would close a cycle: rejected.
  { record: 'relationship', type: 'LOCATED_IN', from: region, to: hamlet, properties: {} },
  { record: 'entity', type: 'Unit', key: brigade, properties: { name: 'Brigade', aliases: [] } },
  { record: 'entity', type: 'Source', key: report, properties: { kind: 'NEWS_ARTICLE', title: 'Report' } },
  // Creates a source, and names the village twice as ABOUT (the second updates the first).
  {
    record: 'claim',
    key: first,
    properties: { text: 'First', madeAt: '2024-03-01' },
    madeBy: [{ key: brigade }],
    sources: [{ key: report, quote: 'q' }, { key: post, source: { kind: 'SOCIAL_POST', title: 'Post' } }],
    about: [{ key: village }, { key: village, role: 'PLACE' }],
  },
  { record: 'claim', key: first, properties: { text: 'First, corrected' }, madeBy: [{ key: brigade, note: 'named' }], sources: [{ key: report }] },
  { record: 'claim', key: second, properties: { text: 'Second' }, madeBy: [{ key: brigade }], sources: [{ key: report }], supersedes: [{ key: first }] },
  { record: 'relationship', type: 'MADE_BY', from: second, to: brigade, properties: { asWritten: 'the brigade' } },
  // Its maker is nowhere: rejected, with its new source.
  { record: 'claim', key: orphan, properties: { text: 'Orphan' }, madeBy: [{ key: parity('unit:missing') }], sources: [{ key: parity('source:orphan'), source: { kind: 'DATASET' } }] },
  // A claim given as an entity, then as a claim.
  { record: 'entity', type: 'Claim', key: entityClaim, properties: { text: 'As an entity' } },
  { record: 'claim', key: entityClaim, properties: { text: 'As a claim' }, madeBy: [{ key: division }], sources: [{ key: report }], contradicts: [{ key: second }] },
  { record: 'relationship', type: 'PART_OF', from: brigade, to: division, properties: {} },
  { record: 'entity', type: 'Unit', key: division, properties: { name: 'Division' } },
  { record: 'entity', type: 'Unit', key: brigade, properties: { name: 'Brigade', aliases: ['B'], side: 'UKRAINE' } },
  { record: 'relationship', type: 'PART_OF', from: brigade, to: division, properties: { note: 'again' } },
  '{"record": "entity"',
];

/** Digest of a value: maps as sorted canonical JSON (Neo4j returns a map's keys in no fixed order), record times left out (each import has its own). */
const recordTimes = ['recordedAt', 'updatedAt', 'rankedAt', 'at'];
const canonicalJson = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonicalJson).join(',')}]`
    : value !== null && typeof value === 'object'
      ? `{${Object.entries(value)
          .filter(([name]) => !recordTimes.includes(name))
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`)
          .join(',')}}`
      : JSON.stringify(value);
const digest = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex');

/** The parity bundle's graph: counts by label and type, and a digest per node key, relationship and node's revisions. */
async function summary(gateway: Neo4jGateway) {
  const scope = "n.key CONTAINS 'test-offline-parity'";
  const plain = <T,>(rows: T[]) => toPlain(rows) as T[];
  const labels = await gateway.read<{ label: string; count: number }>('test.parity.labels', `MATCH (n) WHERE ${scope} UNWIND labels(n) AS label RETURN label, count(*) AS count ORDER BY label`);
  const types = await gateway.read<{ type: string; count: number }>('test.parity.types', `MATCH (n)-[r]-() WHERE ${scope} RETURN type(r) AS type, count(DISTINCT r) AS count ORDER BY type`);
  const nodes = plain(await gateway.read<{ key: string; properties: object }>('test.parity.nodes', `MATCH (n) WHERE ${scope} RETURN n.key AS key, properties(n) AS properties`));
  const links = plain(await gateway.read<{ id: string; properties: object }>('test.parity.links', `MATCH (n)-[r]->(b) WHERE ${scope} AND type(r) <> 'REVISES' RETURN n.key + ' ' + type(r) + ' ' + b.key AS id, properties(r) AS properties`));
  const revisions = plain(await gateway.read<{ key: string; revision: { changed: string[] } }>('test.parity.revisions', `MATCH (v:Revision)-[:REVISES]->(n) WHERE ${scope} RETURN n.key AS key, properties(v) AS revision`));
  const revisionsOf = (key: string) => revisions.filter((row) => row.key === key).map(({ revision }) => canonicalJson({ ...revision, changed: [...revision.changed].sort() })).sort();
  return {
    labels,
    types,
    nodes: Object.fromEntries(nodes.map(({ key, properties }) => [key, { properties: digest(properties), revisions: digest(revisionsOf(key)) }])),
    relationships: Object.fromEntries(links.map(({ id, properties }) => [id, digest(properties)])),
  };
}

describe('the same bundle online and offline', () => {
  it('makes the same graph and the same report, keys and relationships given twice included', { timeout: 600_000 }, async () => {
    await cleanup();
    const file = path.join(directory, 'parity.ndjson');
    writeFileSync(file, bundleText(parityLines));
    const offlineReport = path.join(directory, 'parity-offline.json');
    const onlineReport = path.join(directory, 'parity-online.json');
    const dataDir = path.join(directory, 'parity-data');
    const offline = await importCli({ NEO4J_LOCAL_DATA: dataDir, NEO4J_LOCAL_PORT: String(await freePort()) }, file, '--offline', '--report', offlineReport);
    expect(offline.code, offline.output).toBe(3);
    const online = await importCli({ NEO4J_URI: inject('neo4jUri') }, file, '--batch-size', '50000', '--report', onlineReport);
    expect(online.code, online.output).toBe(3);
    expect(reportOf(offlineReport)).toEqual(reportOf(onlineReport));
    expect(reportOf(onlineReport)).toMatchObject({ records: 23, created: 12, updated: 7, unchanged: 1, rejected: 3 });

    const local = await startLocalNeo4j({ dataDir, boltPort: await freePort(), heapMb: 384, pageCacheMb: 64, log: () => {} });
    const driver = createDriver(local.uri, testConfig());
    try {
      const offlineGraph = await summary(new Neo4jGateway(driver, 'neo4j', 15_000));
      const onlineGraph = await summary(service.gateway);
      expect(offlineGraph).toEqual(onlineGraph);
      // The graph holds what the bundle says: not an empty graph on both sides.
      expect(Object.keys(onlineGraph.nodes)).toHaveLength(10);
      expect(onlineGraph.types).toContainEqual({ type: 'LOCATED_IN', count: 2 });
      // The claim given again has its last record's makers, subjects and sources, none of the earlier record's.
      expect(Object.keys(onlineGraph.relationships).filter((id) => id.startsWith(`${first} `)).sort()).toEqual([`${first} MADE_BY ${brigade}`, `${first} STATED_IN ${report}`]);
    } finally {
      await driver.close();
      await local.stop();
      await cleanup();
    }
  });
});

describe('the offline import on its own', () => {
  it('creates what one batch creates first, and leaves a key or a relationship given again to the online writer', async () => {
    const repeated = [
      header,
      { record: 'entity', type: 'Place', key: 'place:ua:test-offline-a', properties: { name: 'A' } },
      { record: 'entity', type: 'Place', key: 'place:ua:test-offline-b', properties: { name: 'B' } },
      { record: 'relationship', type: 'LOCATED_IN', from: 'place:ua:test-offline-a', to: 'place:ua:test-offline-b', properties: {} },
      { record: 'entity', type: 'Place', key: 'place:ua:test-offline-a', properties: { name: 'A again' } },
      { record: 'relationship', type: 'LOCATED_IN', from: 'place:ua:test-offline-a', to: 'place:ua:test-offline-b', properties: { confidence: 'LOW' } },
      { record: 'claim', key: claim('twice'), properties: { text: 'Twice' }, madeBy: [{ key: staff }], sources: [{ key: article }], about: [{ key: 'place:ua:test-offline-a' }, { key: 'place:ua:test-offline-a', role: 'PLACE' }] },
      { record: 'entity', type: 'Organization', key: staff, properties: { name: 'Staff' } },
      { record: 'entity', type: 'Source', key: article, properties: { kind: 'DATASET' } },
      { record: 'claim', key: claim('once'), properties: { text: 'Once' }, madeBy: [{ key: staff }], sources: [{ key: article }] },
      { record: 'relationship', type: 'MADE_BY', from: claim('once'), to: staff, properties: {} },
      { record: 'claim', key: claim('once'), properties: { text: 'Once more' }, madeBy: [{ key: staff }], sources: [{ key: article }] },
      { record: 'relationship', type: 'STATED_IN', from: claim('later'), to: article, properties: {} },
      { record: 'claim', key: claim('later'), properties: { text: 'Later' }, madeBy: [{ key: staff }], sources: [{ key: article }] },
    ];
    const csvDir = mkdtempSync(path.join(directory, 'csv-'));
    const result = await writeOfflineImport(
      () => bundleText(repeated).split('\n'),
      csvDir,
      { principal: 'test', now: new Date().toISOString() },
    );
    expect(result.report).toMatchObject({ records: 13, created: 8, rejected: 0 });
    // Later records of a key, a relationship given again (by a record, or after a claim gave it), a claim naming one entity twice.
    expect([...result.repeats].sort(([a], [b]) => a - b)).toEqual([
      [5, 'entity'],
      [6, 'relationship'],
      [7, 'claim'],
      [11, 'relationship'],
      [12, 'claim'],
      [13, 'relationship'],
    ]);
    // Line 7 created its claim in CSV: it is written again only to update the ABOUT it gives twice.
    expect([...result.createdRepeats]).toEqual([7]);
    // 7 entities and their revisions; one LOCATED_IN, the MADE_BY and STATED_IN of the claims given once (a claim given
    // again has those of its last record, written with it), one ABOUT, and the revisions' REVISES.
    expect([result.nodes, result.relationships, result.revisions]).toEqual([14, 13, 7]);
  });
});
