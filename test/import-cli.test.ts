import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { inject } from 'vitest';
import { ImportFailure, importBundle, repeatedClaims, type ImportOptions, type ImportReport } from '../src/import/bundle';
import { BatchSize } from '../src/import/batch-size';
import { projectRoot } from '../src/project-root';
import { ClientError, ErrorCode } from '../src/server/errors';
import { transactionMemoryLimit } from '../src/db/gateway';
import { runImport, type ImportCliOptions } from '../scripts/support/run-import';
import { createTestService } from './support/service';

const run = promisify(execFile);
const service = createTestService();

afterAll(async () => {
  await service.gateway.write('test.import-cli.cleanup', `MATCH (n) WHERE n.key CONTAINS 'test-cli' OPTIONAL MATCH (n)<-[:REVISES]-(r) DETACH DELETE n, r`);
  await service.close();
});

/** `npm run import -- <file>` as an operator runs it, against the test database. */
async function importFile(file: string, ...flags: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/import.ts', file, ...flags], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NEO4J_URI: inject('neo4jUri') },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('npm run import', () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'bundle-'));
  const file = path.join(directory, 'bundle.ndjson');
  writeFileSync(
    file,
    [
      { format: 'conflict-graph/bundle', version: 1, name: 'cli-test' },
      { record: 'entity', type: 'Place', key: 'place:ua:test-cli-oblast', properties: { name: 'Test Oblast', type: 'REGION' } },
      { record: 'entity', type: 'Place', key: 'place:ua:test-cli-town', properties: { name: 'Test Town', type: 'TOWN', location: { latitude: 48.2, longitude: 37.6 } } },
      { record: 'relationship', type: 'LOCATED_IN', from: 'place:ua:test-cli-town', to: 'place:ua:test-cli-oblast', properties: {} },
      { record: 'entity', type: 'Place', key: 'place:ua:test-cli-bad', properties: { name: 'Bad', location: { latitude: 200, longitude: 0 } } },
      { record: 'relationship', type: 'LOCATED_IN', from: 'place:ua:test-cli-town', to: 'place:ua:test-cli-missing', properties: {} },
    ]
      .map((record) => JSON.stringify(record))
      .join('\n'),
  );

  it('imports with a progress bar, reports rejections by line, exits 3, and changes nothing the second time', async () => {
    const first = await importFile(file, '--batch-size', '2');
    expect(first.code).toBe(3);
    expect(first.output).toContain('100%');
    expect(first.output).toMatch(/records: 5 \| created 3, updated 0, unchanged 0, rejected 2/);
    expect(first.output).toContain('line 5.properties.location.latitude: must be a number from -90 to 90');
    expect(first.output).toContain('line 6.to: nothing has the key "place:ua:test-cli-missing"');

    const second = await importFile(file);
    expect(second.output).toMatch(/created 0, updated 0, unchanged 3, rejected 2/);
    const town = await service.graphql<{ place: { parent: { key: string }; recordedBy: string } }>('{ place(key: "place:ua:test-cli-town") { recordedBy parent { key } } }');
    expect(town.body.data?.place).toEqual({ recordedBy: 'import:bundle.ndjson', parent: { key: 'place:ua:test-cli-oblast' } });
  });

  it('creates a key or a relationship given twice in one batch once, then updates it, with a revision for each entity write', async () => {
    const twice = path.join(directory, 'twice.ndjson');
    writeFileSync(
      twice,
      [
        { format: 'conflict-graph/bundle', version: 1, name: 'cli-test-twice' },
        { record: 'entity', type: 'Place', key: 'place:ua:test-cli-twice-oblast', properties: { name: 'Twice Oblast', type: 'REGION' } },
        { record: 'entity', type: 'Place', key: 'place:ua:test-cli-twice', properties: { name: 'Twice' } },
        { record: 'entity', type: 'Place', key: 'place:ua:test-cli-twice', properties: { name: 'Twice', type: 'TOWN' } },
        { record: 'relationship', type: 'LOCATED_IN', from: 'place:ua:test-cli-twice', to: 'place:ua:test-cli-twice-oblast', properties: {} },
        { record: 'relationship', type: 'LOCATED_IN', from: 'place:ua:test-cli-twice', to: 'place:ua:test-cli-twice-oblast', properties: { confidence: 'HIGH' } },
      ]
        .map((record) => JSON.stringify(record))
        .join('\n'),
    );
    const first = await importFile(twice);
    expect(first.code).toBe(0);
    expect(first.output).toMatch(/records: 5 \| created 3, updated 2, unchanged 0, rejected 0/);
    const again = await importFile(twice);
    expect(again.output).toMatch(/created 0, updated 0, unchanged 5, rejected 0/);

    const place = await service.graphql<{ place: { type: string; history: { operation: string; changed: string[] }[] } }>(
      '{ place(key: "place:ua:test-cli-twice") { type history { operation changed } } }',
    );
    expect(place.body.data?.place.type).toBe('TOWN');
    expect(place.body.data?.place.history.map((revision) => revision.operation).sort()).toEqual(['ENTITY_CREATED', 'ENTITY_UPDATED']);
    const [link] = await service.gateway.read<{ links: number; confidence: string }>(
      'test.import-cli.twice',
      `MATCH (:Place {key: 'place:ua:test-cli-twice'})-[r:LOCATED_IN]->(:Place {key: 'place:ua:test-cli-twice-oblast'}) RETURN count(r) AS links, max(r.confidence) AS confidence`,
    );
    expect(link).toEqual({ links: 1, confidence: 'HIGH' });
  });

  it('refuses a file without the bundle header as a whole', async () => {
    const headless = path.join(directory, 'headless.ndjson');
    writeFileSync(headless, JSON.stringify({ record: 'entity', type: 'Place', key: 'place:ua:test-cli-headless', properties: { name: 'X' } }));
    const result = await importFile(headless);
    expect(result.code).toBe(1);
    expect(result.output).toContain('a bundle starts with the header');
  });
});

const bundleOf = (records: object[]) => [{ format: 'conflict-graph/bundle', version: 1 }, ...records].map((record) => JSON.stringify(record));
const author = { principal: 'test-cli', now: new Date().toISOString() };
const timeout = () => new ClientError(ErrorCode.TIMEOUT, 'The database did not answer within the time limit; nothing was changed.');

describe('input that is not a clean line of UTF-8', () => {
  it('skips a BOM, rejects invalid UTF-8 and an over-long line by line (and byte offset), and imports the rest', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'bundle-')), 'bytes.ndjson');
    const place = (key: string, name: string) => `${JSON.stringify({ record: 'entity', type: 'Place', key: `place:ua:test-cli-bytes-${key}`, properties: { name } })}\n`;
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(`${JSON.stringify({ format: 'conflict-graph/bundle', version: 1 })}\n`),
        Buffer.from(place('a', 'Мста')),
        // A lone continuation byte in a name.
        Buffer.from(place('b', 'B\u0001ad').replace('\\u0001', '\u0080'), 'latin1'),
        Buffer.from(place('c', 'x'.repeat(2_000))),
        Buffer.from(place('d', 'After')),
      ]),
    );
    const result = await importFile(file, '--max-line-bytes', '1024');
    expect(result.code, result.output).toBe(3);
    expect(result.output).toMatch(/records: 4 \| created 2, updated 0, unchanged 0, rejected 2/);
    expect(result.output).toMatch(/line 3: not valid UTF-8 at byte offset \d+ of the line/);
    expect(result.output).toContain('line 4: longer than 1024 bytes');
    const names = await service.gateway.read<{ name: string }>('test.import-cli.bytes', `MATCH (p:Place) WHERE p.key STARTS WITH 'place:ua:test-cli-bytes-' RETURN p.name AS name ORDER BY name`);
    expect(names.map(({ name }) => name)).toEqual(['After', 'Мста']);
  });
});

describe('batches that fit their time limit', () => {
  const records = Array.from({ length: 12 }, (_, index) => ({ record: 'entity', type: 'Place', key: `place:ua:test-cli-shrink-${index}`, properties: { name: `Shrink ${index}` } }));

  it('halves a batch that runs out of time and retries it, instead of failing', async () => {
    const attempts: number[] = [];
    // A database on which more than 5 records do not commit in time.
    const commit: ImportOptions['commit'] = async (batch, write) => {
      attempts.push(batch.length);
      if (batch.length > 5) throw timeout();
      return write();
    };
    // A limit no batch comes near, so that only the injected timeouts count.
    const report = await importBundle(service.gateway, bundleOf(records), { author, timeoutMs: Infinity, commit });
    expect(report).toMatchObject({ records: 12, created: 12, rejected: 0, transactions: 3, committedThrough: 13 });
    // 12 and 6 time out; 3 commits, then it grows, short of what timed out.
    expect(attempts).toEqual([12, 6, 3, 5, 4]);
  });

  it('halves a batch that Neo4j refuses for its memory and retries it, as one that ran out of time', async () => {
    const attempts: number[] = [];
    const commit: ImportOptions['commit'] = async (batch, write) => {
      attempts.push(batch.length);
      if (batch.length > 5) throw new ClientError(ErrorCode.QUERY_TOO_COSTLY, 'refused for memory', { extensions: { limit: transactionMemoryLimit } });
      return write();
    };
    const ownRecords = records.map((record) => ({ ...record, key: record.key.replace('shrink', 'shrink-memory') }));
    const report = await importBundle(service.gateway, bundleOf(ownRecords), { author, timeoutMs: Infinity, commit });
    expect(report).toMatchObject({ records: 12, created: 12, rejected: 0, transactions: 3, committedThrough: 13 });
    expect(attempts).toEqual([12, 6, 3, 5, 4]);
  });

  it('gives up on a batch after a few halvings, saying what it committed', async () => {
    let calls = 0;
    const failure = await importBundle(service.gateway, bundleOf(records), {
      author,
      batchSize: 4,
      timeoutMs: Infinity,
      reportFailures: true,
      commit: async (batch, write) => {
        if (++calls > 1) throw timeout();
        return write();
      },
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportFailure);
    expect((failure as ImportFailure).report).toMatchObject({ records: 4, transactions: 1, committedThrough: 5, failure: { fromLine: 6 } });
    expect(calls).toBe(1 + BatchSize.maxAttempts);
  });

  it('grows while batches commit well within the limit, and shrinks after one that came close', () => {
    const sizes = new BatchSize(60_000);
    const seen = [sizes.size];
    for (const elapsed of [1_000, 1_000, 1_000, 40_000, 20_000]) {
      sizes.committed(sizes.size, elapsed);
      seen.push(sizes.size);
    }
    expect(seen).toEqual([500, 1_000, 2_000, 4_000, 2_000, 2_000]);
    // A short last batch says nothing about the size; a fixed size does not grow.
    sizes.committed(10, 1);
    expect(sizes.size).toBe(2_000);
    const fixed = new BatchSize(60_000, { fixed: 300 });
    fixed.committed(300, 1);
    expect(fixed.size).toBe(300);
  });
});

describe('an import that fails after a commit', () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'bundle-'));
  const key = (name: string) => `place:ua:test-cli-resume-${name}`;
  const lines = bundleOf([
    { record: 'entity', type: 'Place', key: key('oblast'), properties: { name: 'Oblast', type: 'REGION' } },
    { record: 'entity', type: 'Place', key: key('a'), properties: { name: 'A' } },
    { record: 'relationship', type: 'LOCATED_IN', from: key('a'), to: key('oblast'), properties: {} },
    { record: 'entity', type: 'Place', key: key('b'), properties: { name: 'B' } },
    { record: 'entity', type: 'Place', key: key('a'), properties: { name: 'A', type: 'TOWN' } },
    { record: 'relationship', type: 'LOCATED_IN', from: key('b'), to: key('oblast'), properties: { confidence: 'LOW' } },
    { record: 'entity', type: 'Place', key: key('c'), properties: { name: 'C' } },
  ]);
  const scope = "n.key STARTS WITH 'place:ua:test-cli-resume-'";
  const clear = () => service.gateway.write('test.import-cli.resume.clear', `MATCH (n) WHERE ${scope} OPTIONAL MATCH (n)<-[:REVISES]-(r) DETACH DELETE n, r`);
  /** Nodes with their properties and revisions, and relationships, record times left out. */
  const graph = async () => {
    const [nodes] = await service.gateway.read<{ nodes: unknown[] }>(
      'test.import-cli.resume.graph',
      `MATCH (n) WHERE ${scope}
       OPTIONAL MATCH (n)-[r:LOCATED_IN]->(p)
       WITH n, collect([p.key, r.confidence]) AS links
       OPTIONAL MATCH (n)<-[:REVISES]-(v)
       WITH n, links, collect(v.operation + ' ' + v.values) AS revisions
       WITH n, links, revisions ORDER BY n.key
       RETURN collect([n.key, n.name, n.type, links, revisions]) AS nodes`,
    );
    return JSON.stringify(nodes);
  };
  /** runImport in-process (the CLI's code), its batch `failAt` (1-based) failing; what it printed, and its report. */
  async function cliImport(options: ImportCliOptions & { failAt?: number }) {
    const reportFile = path.join(directory, 'report.json');
    const printed: string[] = [];
    const print = (...items: unknown[]) => void printed.push(items.join(' '));
    const spies = [vi.spyOn(console, 'log').mockImplementation(print), vi.spyOn(console, 'error').mockImplementation(print)];
    const environment = { NEO4J_URI: process.env.NEO4J_URI };
    process.env.NEO4J_URI = inject('neo4jUri');
    let batches = 0;
    try {
      await runImport(
        { name: 'resume.ndjson', total: lines.length, unit: 'lines', lines: lines.map((text) => ({ text, size: 1 })) },
        {
          principal: 'test-cli',
          batchSize: 3,
          reportFile,
          ...options,
          commit: async (_records, write) => {
            if (++batches === options.failAt) throw new Error('the connection was reset');
            return write();
          },
        },
      );
      return { code: process.exitCode, output: printed.join('\n'), report: JSON.parse(readFileSync(reportFile, 'utf8')) as ImportReport };
    } finally {
      process.exitCode = undefined;
      process.env.NEO4J_URI = environment.NEO4J_URI;
      for (const spy of spies) spy.mockRestore();
    }
  }

  it('says and writes what was committed; a resumed run and a repeated run end with the graph of a clean run', async () => {
    await clear();
    const clean = await cliImport({});
    expect(clean.code, clean.output).toBe(0);
    const cleanGraph = await graph();
    expect(cleanGraph).toContain('"B"');

    await clear();
    const failed = await cliImport({ failAt: 2 });
    expect(failed.code).toBe(1);
    expect(failed.output).toContain('import failed at the batch from line 5: the connection was reset');
    expect(failed.output).toContain('committed: 1 batches, every line up to line 4 (created 3, updated 0, unchanged 0, rejected 0)');
    expect(failed.output).toContain('not written: line 5 to the end');
    expect(failed.output).toContain('--resume-from 5');
    expect(failed.output).toContain(`report: ${path.join(directory, 'report.json')}`);
    expect(failed.report).toMatchObject({ records: 3, created: 3, updated: 0, transactions: 1, committedThrough: 4, failure: { fromLine: 5, reason: 'the connection was reset' } });

    const resumed = await cliImport({ resumeFrom: 5 });
    expect(resumed.code, resumed.output).toBe(0);
    expect(resumed.report).toMatchObject({ records: 4, resumedFrom: 5, committedThrough: 8, rejected: 0 });
    expect(await graph()).toBe(cleanGraph);

    await clear();
    await cliImport({ failAt: 2 });
    const repeated = await cliImport({});
    expect(repeated.report).toMatchObject({ records: 7, unchanged: 3, rejected: 0 });
    expect(await graph()).toBe(cleanGraph);
    await clear();
  });

  it('shows records read apart from records written, moving before the first commit', async () => {
    const progress: { read: number; written: number }[] = [];
    const many = bundleOf(Array.from({ length: 250 }, (_, index) => ({ record: 'entity', type: 'Place', key: key(`p${index}`), properties: { name: `P${index}` } })));
    await importBundle(service.gateway, many, { author, onProgress: ({ read, report }) => progress.push({ read, written: report.records }) });
    // Told at every 100 records read while the first batch (of 250) is still unwritten, then at its commit.
    expect(progress).toEqual([
      { read: 100, written: 0 },
      { read: 200, written: 0 },
      { read: 250, written: 250 },
    ]);
    await clear();
  });
});

describe('a claim given again', () => {
  const key = (name: string) => `${name.slice(0, name.indexOf(':'))}:test-cli-restated-${name.slice(name.indexOf(':') + 1)}`;
  const claim = key('claim:loss');
  const lines = bundleOf([
    { record: 'entity', type: 'Unit', key: key('unit:a'), properties: { name: 'A' } },
    { record: 'entity', type: 'Unit', key: key('unit:b'), properties: { name: 'B' } },
    { record: 'entity', type: 'Organization', key: key('org:observer'), properties: { name: 'Observer' } },
    { record: 'claim', key: claim, properties: { text: 'A lost a tank' }, madeBy: [{ key: key('org:observer') }], about: [{ key: key('unit:a'), role: 'OBJECT' }], sources: [{ key: key('source:photo'), source: { kind: 'DATASET' } }] },
    { record: 'claim', key: claim, properties: { text: 'B lost a tank' }, madeBy: [{ key: key('org:observer') }], about: [{ key: key('unit:b'), role: 'OBJECT' }], sources: [{ key: key('source:video'), source: { kind: 'DATASET' } }] },
  ]);
  const links = async () =>
    (
      await service.gateway.read<{ link: string }>(
        'test.import-cli.restated',
        `MATCH (c:Claim {key: $claim})-[r]->(b) WHERE type(r) <> 'REVISES' RETURN type(r) + ' ' + b.key AS link ORDER BY link`,
        { claim },
      )
    ).map(({ link }) => link);
  const expected = [`ABOUT ${key('unit:b')}`, `MADE_BY ${key('org:observer')}`, `STATED_IN ${key('source:video')}`];
  const clear = () => service.gateway.write('test.import-cli.restated.clear', `MATCH (n) WHERE n.key CONTAINS 'test-cli-restated' OPTIONAL MATCH (n)<-[:REVISES]-(r) DETACH DELETE n, r`);
  const removals = async () => {
    const history = await service.graphql<{ claim: { history: { operation: string }[] } }>(`{ claim(key: "${claim}") { history { operation } } }`);
    return history.body.data?.claim.history.map(({ operation }) => operation).filter((operation) => operation.endsWith('_DELETED')).sort();
  };
  it('has the makers, subjects and sources of its last record, in later batches too, with a revision for each removed', async () => {
    // A batch per record: the second record removes what the first stated, with a revision each.
    expect(await importBundle(service.gateway, lines, { author, batchSize: 1 })).toMatchObject({ rejected: 0, created: 4, updated: 1 });
    expect(await links()).toEqual(expected);
    expect(await removals()).toEqual(['ABOUT_DELETED', 'STATED_IN_DELETED']);
    // One batch: the same relationships, the first record's never written.
    await clear();
    expect(await importBundle(service.gateway, lines, { author })).toMatchObject({ rejected: 0, created: 4, updated: 1 });
    expect(await links()).toEqual(expected);
    expect(await removals()).toEqual([]);
    await clear();
  });

  it('with the first pass of `npm run import`, is written in any batches as in one, and a second run changes nothing', async () => {
    await clear();
    // The same text both times: only the subject and the source change.
    const restated = lines.map((line) => line.replace('B lost a tank', 'A lost a tank'));
    const repeated = await repeatedClaims(restated);
    expect([...repeated.keys()]).toEqual([claim]);
    expect(await importBundle(service.gateway, restated, { author, batchSize: 1, repeatedClaims: repeated })).toMatchObject({ rejected: 0, created: 4, unchanged: 1 });
    expect(await links()).toEqual(expected);
    expect(await removals()).toEqual([]);
    // Without the first pass, each run moved the claim to its first record's subject and back.
    expect(await importBundle(service.gateway, restated, { author, batchSize: 1, repeatedClaims: repeated })).toMatchObject({ rejected: 0, created: 0, updated: 0, unchanged: 5 });
    expect(await removals()).toEqual([]);
    await clear();
  });
});
