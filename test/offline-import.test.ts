import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDriver } from '../src/db/connect';
import { Neo4jGateway } from '../src/db/gateway';
import { toPlain } from '../src/db/values';
import { startLocalNeo4j, type LocalNeo4j } from '../src/local-neo4j/local-neo4j';
import { writeOfflineImport } from '../src/write/offline-import';
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

const reportOf = (file: string) => {
  const { transactions: _, ...report } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return report;
};

describe('npm run import -- <file> --offline', () => {
  const file = path.join(directory, 'bundle.ndjson');
  writeFileSync(file, bundleText(lines));
  const dataDir = path.join(directory, 'offline');

  it('loads an empty local data dir with the graph and report of one online batch, and refuses what it must not do', { timeout: 120_000 }, async () => {
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
    const refusedExisting = await importCli({ NEO4J_LOCAL_DATA: dataDir, NEO4J_LOCAL_PORT: localPort }, intruder, '--offline');
    expect(refusedExisting.code).toBe(1);
    expect(refusedExisting.output).toContain(`${dataDir} already holds a "neo4j" database`);

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

describe('the offline import on its own', () => {
  it('rejects a key or a relationship given twice, with the line that gave it first', async () => {
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
    expect(result.report).toMatchObject({ records: 13, created: 7, rejected: 6 });
    expect(result.report.rejections.map(({ line, field, reason }) => [line, field, reason.replace(/;.*/, '')])).toEqual([
      [5, 'line 5.key', 'line 5.key: "place:ua:test-offline-a" is given twice (first on line 2)'],
      [6, 'line 6', 'line 6: this LOCATED_IN from "place:ua:test-offline-a" to "place:ua:test-offline-b" is also given on line 4'],
      [7, 'line 7.about[1].key', 'line 7.about[1].key: "place:ua:test-offline-a" is named twice as ABOUT'],
      [11, 'line 11', `line 11: this MADE_BY from "${claim('once')}" to "${staff}" is also given on line 10`],
      [12, 'line 12.key', `line 12.key: "${claim('once')}" is given twice (first on line 10)`],
      // A claim's relationships come first, as one batch writes claims before relationships.
      [13, 'line 13', `line 13: this STATED_IN from "${claim('later')}" to "${article}" is also given on line 14`],
    ]);
    expect(result.report.rejections[0]?.reason).toContain('import the later records online afterwards');
    // 6 entities and their revisions; one LOCATED_IN, each claim's MADE_BY and STATED_IN, and the revisions' REVISES.
    expect([result.nodes, result.relationships, result.revisions]).toEqual([12, 11, 6]);
  });
});
