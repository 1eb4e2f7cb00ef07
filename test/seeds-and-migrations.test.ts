import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyScripts, cypherDir, loadScripts, prepareDatabase, scriptStatuses, type SeedDifference } from '../src/cypher/runner';
import { toPlain } from '../src/db/values';
import { createTestService, testKeys } from './support/service';

const service = createTestService();
afterAll(() => service.close());
const writer = { 'x-api-key': testKeys.writer };
const claim = 'claim:article:election-begins-next-friday';
const place = 'place:ua:lyman';
const occurred = { from: 'event:2022-10-lyman-recapture', to: 'place:ua:lyman' };

/** Every node and relationship but the ledger, as hashes of labels or type, ends and properties. */
async function census() {
  const nodes = await service.gateway.read<{ row: unknown }>(
    'test.census',
    'MATCH (n) WHERE NOT n:CypherScript RETURN [labels(n), properties(n)] AS row',
  );
  const relationships = await service.gateway.read<{ row: unknown }>(
    'test.census',
    'MATCH (a)-[r]->(b) RETURN [elementId(a), type(r), elementId(b), properties(r)] AS row',
  );
  const hash = (rows: { row: unknown }[]) =>
    rows.map(({ row }) => createHash('sha256').update(JSON.stringify(toPlain(row))).digest('hex')).sort();
  return { nodes: hash(nodes), relationships: hash(relationships) };
}

async function data<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await service.graphql<T>(query, variables, writer);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!;
}

describe('seed scripts never undo what was written later', () => {
  const started = new Date().toISOString();
  let saved: { claim: unknown; place: unknown; occurred: unknown };

  beforeAll(async () => {
    const [row] = await service.gateway.read<typeof saved>(
      'test.save',
      `MATCH (c:Claim {key: $claim}), (p:Place {key: $place}), (:Event {key: $from})-[r:OCCURRED_AT]->(:Place {key: $to})
       RETURN properties(c) AS claim, properties(p) AS place, properties(r) AS occurred`,
      { claim, place, ...occurred },
    );
    saved = row!;
  });

  afterAll(async () => {
    // Back to the seed's own state, for the files that run after this one.
    await service.gateway.write(
      'test.restore',
      `MATCH (c:Claim {key: $claim}), (p:Place {key: $place}), (:Event {key: $from})-[r:OCCURRED_AT]->(:Place {key: $to})
       SET c = $saved.claim, p = $saved.place, r = $saved.occurred
       WITH c, p
       MATCH (v:Revision)-[:REVISES]->(n) WHERE n IN [c, p] AND v.at >= datetime($started)
       DETACH DELETE v`,
      { claim, place, ...occurred, saved, started },
    );
  });

  it('keeps a retracted claim retracted, and a property and a relationship changed later, and reports what differs', async () => {
    await data(`mutation ($key: String!) { setClaimRank(key: $key, rank: DEPRECATED, reason: REFUTED, note: "Retracted after the seed.") { status } }`, { key: claim });
    await data(`mutation ($key: String!) { updatePlace(key: $key, input: { note: "Rewritten after the seed." }) { status } }`, { key: place });
    await data(`mutation ($input: LinkInput!) { link(input: $input) { status } }`, {
      input: { type: 'OCCURRED_AT', ...occurred, properties: { precision: 'NEAR' } },
    });
    const before = await census();

    const outcomes = await applyScripts(service.gateway, loadScripts([path.join(cypherDir, 'seed')]), { force: true });

    expect(outcomes.map((outcome) => outcome.status)).toEqual(outcomes.map(() => 'applied'));
    expect(await census()).toEqual(before);
    const seen = await data<{ claim: { rank: string; rankReason: string; rankNote: string } }>(
      `query ($key: String!) { claim(key: $key) { rank rankReason rankNote } }`,
      { key: claim },
    );
    expect(seen.claim).toEqual({ rank: 'DEPRECATED', rankReason: 'REFUTED', rankNote: 'Retracted after the seed.' });

    const differences = outcomes.flatMap((outcome) => outcome.differences).map(({ script, key, property, seed, graph }) => ({ script, key, property, seed, graph }));
    expect(differences).toEqual(
      expect.arrayContaining<Partial<SeedDifference>>([
        { script: 'cypher/seed/040_claims.cypher', key: claim, property: 'rank', seed: 'NORMAL', graph: 'DEPRECATED' },
        { script: 'cypher/seed/010_places.cypher', key: place, property: 'note', seed: saved.place && (saved.place as { note: string }).note, graph: 'Rewritten after the seed.' },
        { script: 'cypher/seed/030_events.cypher', key: `${occurred.from} -[OCCURRED_AT]-> ${occurred.to}`, property: 'precision', seed: 'PLACE', graph: 'NEAR' },
      ]),
    );
    // Properties the seed does not state (the rank's reason and note, who updated it) are never differences.
    expect(differences.filter((difference) => difference.key === claim).map((difference) => difference.property)).toEqual(['rank']);
  });

  it('writes the differences as revisions by seed:<script> only when asked', async () => {
    const scripts = loadScripts([path.join(cypherDir, 'seed', '040_claims.cypher')]);
    const applied = await applyScripts(service.gateway, scripts, { force: true, applyDifferences: true });
    expect(applied[0]!.differences.map((difference) => difference.property)).toEqual(['rank']);

    const seen = await data<{ claim: { rank: string; rankReason: string; history: { by: string; operation: string; changed: string[] }[] } }>(
      `query ($key: String!) { claim(key: $key) { rank rankReason history { by operation changed } } }`,
      { key: claim },
    );
    expect(seen.claim.rank).toBe('NORMAL');
    expect(seen.claim.history[0]).toEqual({ by: 'seed:cypher/seed/040_claims.cypher', operation: 'ENTITY_UPDATED', changed: ['rank'] });
    expect(seen.claim.history.map((revision) => revision.operation)).toEqual(['ENTITY_UPDATED', 'ENTITY_UPDATED', 'ENTITY_CREATED']);

    const again = await applyScripts(service.gateway, scripts, { force: true });
    expect(again[0]!.differences).toEqual([]);
  });
});

describe('schema scripts changed after they were applied', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'schema-drift-'));
  const file = path.join(folder, 'schema', '001_drift.cypher');
  mkdirSync(path.dirname(file));
  const warnings: string[] = [];
  const start = (schemaDrift?: 'warn' | 'fail') =>
    prepareDatabase(service.gateway, { seedWhenEmpty: false, schemaDrift, scriptsDir: folder, log: () => {}, warn: (line) => warnings.push(line) });

  afterAll(async () => {
    await service.gateway.write('test.cleanup', 'MATCH (s:CypherScript) WHERE s.name = $file DELETE s', { file });
    await service.gateway.write('test.cleanup', 'DROP INDEX drift_test IF EXISTS');
    rmSync(folder, { recursive: true, force: true });
  });

  it('starts without a word over a comment or blanks, and with a warning naming the script and the difference over a real change', async () => {
    writeFileSync(file, 'CREATE INDEX drift_test IF NOT EXISTS FOR (n:DriftTest) ON (n.a);\n');
    await start();
    writeFileSync(file, '// Why this index exists.\nCREATE INDEX drift_test IF NOT EXISTS\n  FOR (n:DriftTest) ON (n.a); // and a trailing comment\n');
    await start();
    expect(warnings).toEqual([]);
    expect((await scriptStatuses(service.gateway, loadScripts([file])))[0]).toMatchObject({ name: file, state: 'applied' });

    writeFileSync(file, 'CREATE INDEX drift_test IF NOT EXISTS FOR (n:DriftTest) ON (n.b);\n');
    await start();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`${file} changed since it was applied:`);
    expect(warnings[0]).toContain('  + CREATE INDEX drift_test IF NOT EXISTS FOR (n:DriftTest) ON (n.b)');
    expect(warnings[0]).toContain('  - CREATE INDEX drift_test IF NOT EXISTS FOR (n:DriftTest) ON (n.a)');
    expect((await scriptStatuses(service.gateway, loadScripts([file])))[0]).toMatchObject({ state: 'changed' });

    await expect(start('fail')).rejects.toThrow(/001_drift\.cypher changed since it was applied[\s\S]*SCHEMA_DRIFT=fail/);
  });

  it('lists scripts never applied as pending', async () => {
    const pending = path.join(folder, 'schema', '002_pending.cypher');
    writeFileSync(pending, 'CREATE INDEX drift_pending IF NOT EXISTS FOR (n:DriftTest) ON (n.c);\n');
    const statuses = await scriptStatuses(service.gateway, loadScripts([folder]));
    expect(statuses.map((status) => [path.basename(status.name), status.state])).toEqual([
      ['001_drift.cypher', 'changed'],
      ['002_pending.cypher', 'pending'],
    ]);
  });
});

describe('a ledger written by the runner before names and checksums changed', () => {
  const name = 'cypher/schema/004_writes.cypher';
  const file = path.join(cypherDir, 'schema', '004_writes.cypher');
  let saved: Record<string, unknown>;

  beforeAll(async () => {
    const [row] = await service.gateway.read<{ saved: Record<string, unknown> }>('test.save', 'MATCH (s:CypherScript {name: $name}) RETURN properties(s) AS saved', { name });
    saved = row!.saved;
  });

  afterAll(async () => {
    await service.gateway.write('test.restore', 'MATCH (s:CypherScript) WHERE s.name IN [$name, $legacy] SET s = $saved', { name, legacy: 'schema/004_writes.cypher', saved });
  });

  it('takes a record named below cypher/ with the checksum of the file itself as that script, applied, and brings it up to date', async () => {
    await service.gateway.write(
      'test.legacy',
      'MATCH (s:CypherScript {name: $name}) SET s.name = $legacy, s.checksum = $raw REMOVE s.statementTexts',
      { name, legacy: 'schema/004_writes.cypher', raw: createHash('sha256').update(readFileSync(file)).digest('hex') },
    );
    const [status] = await scriptStatuses(service.gateway, loadScripts([file]));
    expect(status).toMatchObject({ name, state: 'applied' });
    const [record] = await service.gateway.read<{ checksum: string; statements: number }>(
      'test.record',
      'MATCH (s:CypherScript {name: $name}) RETURN s.checksum AS checksum, size(s.statementTexts) AS statements',
      { name },
    );
    expect(record).toEqual({ checksum: loadScripts([file])[0]!.checksum, statements: 2 });
  });
});
