import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../src/project-root';
import { writeOfflineImport } from '../src/import/offline';
import { entitySpecs, entityTypes, type EntityType, type PropertySpec, type PropertySpecs } from '../src/model';
import { createTestService, testKeys, type GraphQLResponse } from './support/service';

// Writes that would damage the graph (issue #15, item 10 and two of item 11): each is refused
// with a named field and changes nothing; concurrent identical writes report what they did.

const service = createTestService();
const writer = { 'x-api-key': testKeys.writer };
const directory = mkdtempSync(path.join(tmpdir(), 'write-soundness-'));
const run = promisify(execFile);

// Everything these tests write has "test-sound" in its key; it goes, with its history.
async function removeTestData() {
  await service.gateway.write(
    'test.soundness.cleanup',
    `MATCH (n) WHERE n.key CONTAINS 'test-sound' OPTIONAL MATCH (n)<-[:REVISES|REDIRECTS_TO]-(bookkeeping) DETACH DELETE n, bookkeeping`,
  );
}

beforeAll(removeTestData);
afterAll(async () => {
  await removeTestData();
  await service.close();
  rmSync(directory, { recursive: true, force: true });
});

/** Nodes, relationships and revisions in the whole graph: a refused write leaves all three as they were. */
async function graphCounts() {
  const [row] = await service.gateway.read<{ nodes: number; relationships: number; revisions: number }>(
    'test.soundness.counts',
    'CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } CALL { MATCH (v:Revision) RETURN count(v) AS revisions } RETURN nodes, relationships, revisions',
  );
  return row!;
}

/** Runs `attempt` and checks that the graph has exactly as many nodes, relationships and revisions afterwards. */
async function changesNothing<T>(attempt: () => Promise<T>): Promise<T> {
  const before = await graphCounts();
  const result = await attempt();
  expect(await graphCounts()).toEqual(before);
  return result;
}

function errorOf(response: GraphQLResponse) {
  expect(response.body.errors, JSON.stringify(response.body)).toBeDefined();
  return response.body.errors![0]!;
}

function expectRefused(response: GraphQLResponse, field: string, reason: RegExp) {
  const error = errorOf(response);
  expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(error.message).toMatch(reason);
}

async function data<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await service.graphql<T>(query, variables, writer);
  expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
  return response.body.data as T;
}

const bundle = (...records: object[]) => [{ format: 'conflict-graph/bundle', version: 1, name: 'soundness' }, ...records].map((record) => JSON.stringify(record)).join('\n');

interface Report {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: { line: number; field: string | null; reason: string }[];
}

const importBundle = async (ndjson: string) =>
  (await data<{ importBundle: Report }>('mutation ($ndjson: String!) { importBundle(ndjson: $ndjson) { created updated unchanged rejected rejections { line field reason } } }', { ndjson })).importBundle;

const link = (type: string, from: string, to: string) =>
  service.graphql<{ link: { status: string } }>('mutation ($input: LinkInput!) { link(input: $input) { status } }', { input: { type, from, to } }, writer);
const unlink = (type: string, from: string, to: string) =>
  service.graphql<{ unlink: { removed: boolean } }>('mutation ($input: LinkInput!) { unlink(input: $input) { removed } }', { input: { type, from, to } }, writer);

const place = (name: string) => `place:ua:test-sound-${name}`;
const unit = (name: string) => `unit:test-sound-${name}`;
const event = (name: string) => `event:test-sound-${name}`;
const claim = (name: string) => `claim:test-sound:${name}`;
const source = 'source:test-sound:article';
const maker = 'org:test-sound-staff';

/** A value each kind of required property accepts. */
function valueFor(spec: PropertySpec): unknown {
  if (spec.kind === 'string' && spec.values) return spec.values[0];
  if (spec.kind === 'string') return 'A test value';
  throw new Error(`no test value for a required ${spec.kind}`);
}

const requiredOf = (type: EntityType) => Object.fromEntries(entitySpecs[type].required.map((name) => [name, valueFor((entitySpecs[type].properties as PropertySpecs)[name]!)]));

describe('required properties', () => {
  const mutable = entityTypes.filter((type): type is Exclude<EntityType, 'Claim'> => type !== 'Claim');

  it.each(mutable)('%s: update and upsert refuse to remove each required property, naming it', async (type) => {
    const key = `${entitySpecs[type].prefix}:test-sound-required-${type.toLowerCase()}`;
    await data(`mutation ($key: String!, $input: ${type}Input!) { upsert${type}(key: $key, input: $input) { status } }`, { key, input: requiredOf(type) });
    for (const property of entitySpecs[type].required) {
      for (const mode of ['update', 'upsert']) {
        const response = await changesNothing(() =>
          service.graphql(`mutation ($key: String!, $input: ${type}Input!) { ${mode}${type}(key: $key, input: $input) { status } }`, { key, input: { [property]: null } }, writer),
        );
        expectRefused(response, `input.${property}`, /is required: it can be changed, not removed/);
      }
    }
    const [stored] = await service.gateway.read<{ properties: Record<string, unknown> }>('test.soundness.stored', `MATCH (n:${type} {key: $key}) RETURN properties(n) AS properties`, { key });
    expect(stored!.properties).toMatchObject(requiredOf(type));
  });

  it('the issue\'s reproduction: upsertPlace(name: null) on an existing place is refused and the name stays', async () => {
    await data('mutation { upsertPlace(key: "place:ua:test-sound-ru", input: { name: "Russia" }) { status } }');
    const response = await changesNothing(() => service.graphql('mutation { upsertPlace(key: "place:ua:test-sound-ru", input: { name: null, type: COUNTRY }) { status } }', {}, writer));
    expectRefused(response, 'input.name', /required/);
    const after = await data<{ place: { name: string; type: string | null } }>('{ place(key: "place:ua:test-sound-ru") { name type } }');
    expect(after.place).toEqual({ name: 'Russia', type: null });
  });

  it('a bundle cannot remove a required property, of a claim either', async () => {
    const report = await changesNothing(() =>
      importBundle(bundle({ record: 'entity', type: 'Place', key: 'place:ua:test-sound-ru', properties: { name: null } }, { record: 'entity', type: 'Claim', key: claim('textless'), properties: { text: null } })),
    );
    expect(report.rejections.map(({ line, field }) => [line, field])).toEqual([
      [2, 'line 2.properties.name'],
      [3, 'line 3.properties.text'],
    ]);
  });
});

describe('hierarchies refuse self-loops and cycles', () => {
  const places = ['a', 'b', 'c', 'd', 'e'].map(place);
  beforeAll(async () => {
    const entities = [
      ...places.map((key) => ({ record: 'entity', type: 'Place', key, properties: { name: key } })),
      ...['a', 'b'].map((name) => ({ record: 'entity', type: 'Unit', key: unit(name), properties: { name } })),
      ...['a', 'b'].map((name) => ({ record: 'entity', type: 'Event', key: event(name), properties: { name } })),
      { record: 'entity', type: 'Organization', key: maker, properties: { name: 'Staff' } },
      { record: 'entity', type: 'Source', key: source, properties: { kind: 'DATASET' } },
    ];
    expect((await importBundle(bundle(...entities))).rejected).toBe(0);
  });

  it('link: a self-loop of LOCATED_IN, and of PART_OF for units and events', async () => {
    for (const [type, key] of [['LOCATED_IN', places[0]!], ['PART_OF', unit('a')], ['PART_OF', event('a')]] as const) {
      expectRefused(await changesNothing(() => link(type, key, key)), 'input.to', /cannot join .* to itself/);
    }
  });

  it('link: a retired key that leads to the other end is a self-loop too', async () => {
    const [kept, retired] = [place('kept'), place('retired')];
    await importBundle(bundle(...[kept, retired].map((key) => ({ record: 'entity', type: 'Place', key, properties: { name: key } }))));
    const merged = await service.graphql(`mutation { mergeEntities(survivor: "${kept}", duplicate: "${retired}") { retiredKey } }`, {}, { 'x-api-key': testKeys.admin });
    expect(merged.body.errors).toBeUndefined();
    expectRefused(await changesNothing(() => link('LOCATED_IN', retired, kept)), 'input.to', new RegExp(`cannot join "${kept}" to itself`));
  });

  it('link: a 2-cycle and a 5-cycle', async () => {
    for (const [type, a, b] of [['LOCATED_IN', places[0]!, places[1]!], ['PART_OF', unit('a'), unit('b')], ['PART_OF', event('a'), event('b')]] as const) {
      expect((await link(type, a, b)).body.data?.link.status).toBe('CREATED');
      expectRefused(await changesNothing(() => link(type, b, a)), 'input.to', /would close a cycle/);
    }
    for (let index = 1; index < 4; index += 1) expect((await link('LOCATED_IN', places[index]!, places[index + 1]!)).body.data?.link.status).toBe('CREATED');
    expectRefused(await changesNothing(() => link('LOCATED_IN', places[4]!, places[0]!)), 'input.to', /"place:ua:test-sound-a" would close a cycle/);
    // Linking again what is linked is still allowed.
    expect((await link('LOCATED_IN', places[0]!, places[1]!)).body.data?.link.status).toBe('UNCHANGED');
    const [chain] = await service.gateway.read<{ links: number }>('test.soundness.chain', 'MATCH (a:Place)-[r:LOCATED_IN]->(:Place) WHERE a.key IN $keys RETURN count(r) AS links', { keys: places });
    expect(chain!.links).toBe(4);
  });

  it('importBundle: cycles within the bundle and through the graph, line by line', async () => {
    const [x, y, z] = ['x', 'y', 'z'].map(place);
    const report = await changesNothing(async () =>
      importBundle(
        bundle(
          { record: 'relationship', type: 'LOCATED_IN', from: places[4], to: places[0], properties: {} },
          { record: 'relationship', type: 'LOCATED_IN', from: places[2], to: places[2], properties: {} },
          { record: 'relationship', type: 'PART_OF', from: unit('b'), to: unit('a'), properties: {} },
        ),
      ),
    );
    expect(report.rejections.map(({ line, field }) => [line, field])).toEqual([
      [2, 'line 2.to'],
      [3, 'line 3.to'],
      [4, 'line 4.to'],
    ]);
    const mixed = await importBundle(
      bundle(
        ...[x, y, z].map((key) => ({ record: 'entity', type: 'Place', key, properties: { name: key } })),
        { record: 'relationship', type: 'LOCATED_IN', from: x, to: y, properties: {} },
        { record: 'relationship', type: 'LOCATED_IN', from: y, to: z, properties: {} },
        { record: 'relationship', type: 'LOCATED_IN', from: z, to: x, properties: {} },
        { record: 'relationship', type: 'LOCATED_IN', from: z, to: places[0], properties: {} },
      ),
    );
    expect(mixed).toMatchObject({ created: 6, rejected: 1 });
    expect(mixed.rejections).toEqual([{ line: 7, field: 'line 7.to', reason: expect.stringMatching(/would close a cycle/) }]);
  });

  it('npm run import: the same rejections, with the exit code of a partial import', async () => {
    const file = path.join(directory, 'cycles.ndjson');
    writeFileSync(
      file,
      bundle(
        { record: 'relationship', type: 'LOCATED_IN', from: places[4], to: places[0], properties: {} },
        { record: 'relationship', type: 'PART_OF', from: event('b'), to: event('b'), properties: {} },
      ),
    );
    const result = await changesNothing(async () => {
      try {
        await run(process.execPath, ['--import', 'tsx', 'scripts/import.ts', file], { cwd: projectRoot, env: { PATH: process.env.PATH, HOME: process.env.HOME, NEO4J_URI: inject('neo4jUri') } });
        return { code: 0, output: '' };
      } catch (error) {
        const failed = error as { code: number; stdout: string; stderr: string };
        return { code: failed.code, output: failed.stdout + failed.stderr };
      }
    });
    expect(result.code).toBe(3);
    expect(result.output).toContain(`line 2.to: a LOCATED_IN from "${places[4]}" to "${places[0]}" would close a cycle`);
    expect(result.output).toContain(`line 3.to: a PART_OF cannot join "${event('b')}" to itself`);
  });

  it('the offline import refuses the same, in line order', async () => {
    const [p, q, r] = ['p', 'q', 'r'].map(place);
    const result = await writeOfflineImport(
      () =>
        bundle(
          ...[p, q, r].map((key) => ({ record: 'entity', type: 'Place', key, properties: { name: key } })),
          { record: 'relationship', type: 'LOCATED_IN', from: p, to: q, properties: {} },
          { record: 'relationship', type: 'LOCATED_IN', from: q, to: r, properties: {} },
          { record: 'relationship', type: 'LOCATED_IN', from: r, to: p, properties: {} },
          { record: 'relationship', type: 'LOCATED_IN', from: q, to: q, properties: {} },
          { record: 'relationship', type: 'LOCATED_IN', from: r, to: q, properties: {} },
          { record: 'entity', type: 'Unit', key: unit('c'), properties: { name: 'c' } },
          { record: 'relationship', type: 'PART_OF', from: unit('c'), to: unit('c'), properties: {} },
        ).split('\n'),
      mkdtempSync(path.join(directory, 'csv-')),
      { principal: 'test', now: new Date().toISOString() },
    );
    expect(result.report.rejections.map(({ line, field, reason }) => [line, field, /would close a cycle/.test(reason) ? 'cycle' : /to itself/.test(reason) ? 'self' : reason])).toEqual([
      [7, 'line 7.to', 'cycle'],
      [8, 'line 8.to', 'self'],
      [9, 'line 9.to', 'cycle'],
      [11, 'line 11.to', 'self'],
    ]);
    // p to q and q to r; the others are revisions' REVISES.
    expect(result.relationships - result.revisions).toBe(2);
  });

  it('mergeEntities: one record of a place and of a place it is in would be its own ancestor', async () => {
    const [low, middle, high] = ['merge-low', 'merge-middle', 'merge-high'].map(place);
    const report = await importBundle(
      bundle(
        ...[low, middle, high].map((key) => ({ record: 'entity', type: 'Place', key, properties: { name: key } })),
        { record: 'relationship', type: 'LOCATED_IN', from: low, to: middle, properties: {} },
        { record: 'relationship', type: 'LOCATED_IN', from: middle, to: high, properties: {} },
      ),
    );
    expect(report.rejected).toBe(0);
    const response = await changesNothing(() =>
      service.graphql(`mutation { mergeEntities(survivor: "${low}", duplicate: "${high}") { retiredKey } }`, {}, { 'x-api-key': testKeys.admin }),
    );
    expectRefused(response, 'duplicate', /would make a cycle of LOCATED_IN/);
    // Merging the two ends of one link is not a cycle: the link goes.
    const merged = await service.graphql<{ mergeEntities: { retiredKey: string } }>(`mutation { mergeEntities(survivor: "${middle}", duplicate: "${high}") { retiredKey } }`, {}, { 'x-api-key': testKeys.admin });
    expect(merged.body.data?.mergeEntities.retiredKey).toBe(high);
  });

  it('two concurrent links that together close a cycle: one lands, the other is refused', async () => {
    for (let round = 0; round < 5; round += 1) {
      const [m, n] = [place(`m${round}`), place(`n${round}`)];
      await importBundle(bundle(...[m, n].map((key) => ({ record: 'entity', type: 'Place', key, properties: { name: key } }))));
      const responses = await Promise.all([link('LOCATED_IN', m, n), link('LOCATED_IN', n, m)]);
      expect(responses.map((response) => response.body.data?.link?.status ?? response.body.errors?.[0]?.extensions?.code).sort()).toEqual(['BAD_USER_INPUT', 'CREATED']);
      const [row] = await service.gateway.read<{ links: number }>('test.soundness.pair', 'MATCH (a:Place)-[r:LOCATED_IN]->(b:Place) WHERE a.key IN $keys AND b.key IN $keys RETURN count(r) AS links', { keys: [m, n] });
      expect(row!.links).toBe(1);
    }
  });
});

describe('a claim cannot link to itself', () => {
  const recordClaim = `mutation ($input: RecordClaimInput!) { recordClaim(input: $input) { status } }`;
  const selfish = (field: string) => ({ key: claim('selfish'), properties: { text: 'I support myself' }, madeBy: [{ key: maker }], sources: [{ key: source }], [field]: [{ key: claim('selfish') }] });

  it.each(['supports', 'contradicts', 'supersedes'])('recordClaim: %s itself', async (field) => {
    const response = await changesNothing(() => service.graphql(recordClaim, { input: selfish(field) }, writer));
    expectRefused(response, `input.${field}[0].key`, /cannot join "claim:test-sound:selfish" to itself/);
  });

  it('link and importBundle: SUPPORTS, CONTRADICTS and SUPERSEDES from a claim to itself', async () => {
    await data(recordClaim, { input: { key: claim('honest'), properties: { text: 'An honest claim' }, madeBy: [{ key: maker }], sources: [{ key: source }] } });
    for (const type of ['SUPPORTS', 'CONTRADICTS', 'SUPERSEDES']) {
      expectRefused(await changesNothing(() => link(type, claim('honest'), claim('honest'))), 'input.to', /to itself/);
    }
    const report = await changesNothing(() =>
      importBundle(
        bundle(
          { record: 'relationship', type: 'SUPERSEDES', from: claim('honest'), to: claim('honest'), properties: {} },
          { ...selfish('contradicts'), record: 'claim' },
        ),
      ),
    );
    expect(report.rejections.map(({ line, field }) => [line, field])).toEqual([
      [2, 'line 2.to'],
      [3, 'line 3.contradicts[0].key'],
    ]);
    const honest = await data<{ claim: { rank: string } }>(`{ claim(key: "${claim('honest')}") { rank } }`);
    expect(honest.claim.rank).not.toBe('DEPRECATED');
  });
});

describe('concurrent identical link and unlink', () => {
  const countRevisions = async (label: string, key: string, operation: string) =>
    (await service.gateway.read<{ count: number }>('test.soundness.revisions', `MATCH (:${label} {key: $key})<-[:REVISES]-(v:Revision {operation: $operation}) RETURN count(v) AS count`, { key, operation }))[0]!.count;

  it.each([
    ['LOCATED_IN', place('from-20'), place('to-20')],
    ['ALIGNED_WITH', unit('from-20'), unit('to-20')],
  ])('20 at once, %s: one CREATED and one revision, then one removal and one revision', async (type, from, to) => {
    const entityType = type === 'LOCATED_IN' ? 'Place' : 'Unit';
    await importBundle(bundle(...[from, to].map((key) => ({ record: 'entity', type: entityType, key, properties: { name: key } }))));
    const links = await Promise.all(Array.from({ length: 20 }, () => link(type, from, to)));
    const statuses = links.map((response) => response.body.data?.link.status ?? JSON.stringify(response.body.errors));
    expect(statuses.filter((status) => status === 'CREATED')).toHaveLength(1);
    expect(statuses.filter((status) => status === 'UNCHANGED')).toHaveLength(19);
    expect(await countRevisions(entityType, from, `${type}_CREATED`)).toBe(1);
    expect(await countRevisions(entityType, from, `${type}_UPDATED`)).toBe(0);

    const unlinks = await Promise.all(Array.from({ length: 20 }, () => unlink(type, from, to)));
    const outcomes = unlinks.map((response) => (response.body.data?.unlink?.removed ? 'removed' : String(response.body.errors?.[0]?.extensions?.code)));
    expect(outcomes.filter((outcome) => outcome === 'removed')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'NOT_FOUND')).toHaveLength(19);
    expect(await countRevisions(entityType, from, `${type}_DELETED`)).toBe(1);
    const [row] = await service.gateway.read<{ links: number }>('test.soundness.links', `MATCH (:${entityType} {key: $from})-[r:${type}]->(:${entityType} {key: $to}) RETURN count(r) AS links`, { from, to });
    expect(row!.links).toBe(0);
  });
});

describe('property names that Object.prototype also has', () => {
  const names = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];
  // Written by hand: an object literal's "__proto__" would set its prototype, not a property.
  const lines = (key: (name: string) => string) =>
    [
      JSON.stringify({ format: 'conflict-graph/bundle', version: 1 }),
      ...names.map((name) => `{"record":"entity","type":"Place","key":"${key(name)}","properties":{"name":"X","${name}":"dropped?"}}`),
      `{"record":"relationship","type":"LOCATED_IN","from":"${place('a')}","to":"${place('x')}","properties":{"__proto__":{"confidence":"HIGH"}}}`,
      `{"record":"claim","key":"${claim('proto')}","properties":{"text":"T"},"madeBy":[{"key":"${maker}","constructor":"x"}],"sources":[{"key":"${source}"}]}`,
    ].join('\n');
  const expected = [...names.map((name, index) => [index + 2, `line ${index + 2}.properties.${name}`]), [7, 'line 7.properties.__proto__'], [8, 'line 8.madeBy[0].constructor']];

  it('importBundle rejects each record, naming the field', async () => {
    const report = await changesNothing(() => importBundle(lines((name) => place(`proto-${name.replaceAll('_', '').toLowerCase()}`))));
    expect(report.rejections.map(({ line, field }) => [line, field])).toEqual(expected);
    expect(report.rejections[0]?.reason).toMatch(/is not a property here/);
  });

  it('the offline import rejects them too', async () => {
    const result = await writeOfflineImport(
      () => lines((name) => place(`proto-${name.replaceAll('_', '').toLowerCase()}`)).split('\n'),
      mkdtempSync(path.join(directory, 'csv-')),
      { principal: 'test', now: new Date().toISOString() },
    );
    expect(result.report.rejections.map(({ line, field }) => [line, field])).toEqual(expected);
  });
});

describe('dates that are well-formed but not in the calendar', () => {
  const impossibleDays = ['2023-02-29', '2024-13-01', '2024-04-31', '2024-00-10', '2024-06-00'];

  it.each(impossibleDays)('events(filter: { from: "%s" }) is BAD_USER_INPUT, as literal and as variable', async (day) => {
    const literal = await service.graphql(`{ events(filter: { from: "${day}" }) { totalCount } }`);
    expect(errorOf(literal).extensions?.code).toBe('BAD_USER_INPUT');
    expect(errorOf(literal).message).toContain(`"${day}" is well-formed but not in the calendar`);
    // Where the argument is: the literal's position, after "{ events(filter: { from: ".
    expect((errorOf(literal) as { locations?: unknown }).locations).toEqual([{ line: 1, column: 26 }]);
    const variable = await service.graphql('query ($from: Date) { claims(filter: { madeFrom: $from }) { totalCount } }', { from: day });
    expect(errorOf(variable).extensions?.code).toBe('BAD_USER_INPUT');
    expect(errorOf(variable).message).toMatch(/\$from/);
  });

  it.each(['2023-02-29T10:00:00Z', '2024-03-12T24:00:00Z', '2024-03-12T10:60:00Z', '2024-03-12T10:00:60Z', '2024-03-12T10:00:00+19:00'])('asOf: "%s" is BAD_USER_INPUT', async (instant) => {
    const response = await service.graphql('query ($asOf: DateTime) { places(asOf: $asOf) { totalCount } }', { asOf: instant });
    expect(errorOf(response).extensions?.code).toBe('BAD_USER_INPUT');
    expect(errorOf(response).message).toMatch(/\$asOf/);
  });

  it('real leap days and offsets pass', async () => {
    await data('{ events(filter: { from: "2024-02-29" }) { totalCount } places(asOf: "2024-02-29T23:59:59.5+18:00") { totalCount } }');
  });

  it('writes refuse them, naming the field, and change nothing', async () => {
    for (const day of impossibleDays) {
      const response = await changesNothing(() => service.graphql('mutation ($input: EventInput!) { upsertEvent(key: "event:test-sound-dated", input: $input) { status } }', { input: { name: 'Dated', startDate: day } }, writer));
      expectRefused(response, 'input.startDate', /not a date in the calendar|is not an ISO date/);
    }
  });
});
