import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLossBundle, lossCatalogue, lossKeys } from '../bench/generate-losses';
import { importBundle, type ImportReport } from '../src/import/bundle';
import { createTestService } from './support/service';

// A generated bundle of per-item losses, imported through the importer; every expected answer is
// worked out from the bundle's own lines. The data is removed afterwards.
const namespace = 'test-losses';
const keys = lossKeys(namespace);
const service = createTestService();
const author = { author: { principal: 'test:losses', now: new Date().toISOString() } };

interface LossClaim {
  key: string;
  properties: { lossStatus: string; equipmentCategory: string; validFrom: string };
  about: { key: string; role: string }[];
  evidence: { key: string; source: { kind: string; url: string } }[];
}

const lines = [...generateLossBundle(1_200, 7, namespace)];
const records = lines.slice(1).map((line) => JSON.parse(line) as { record: string; type?: string; from?: string; to?: string } & Partial<LossClaim>);
const claims = records.filter((record) => record.record === 'claim') as unknown as LossClaim[];
const sameItem = records.filter((record) => record.type === 'SAME_ITEM') as { from: string; to: string }[];
const parentOf = new Map(records.filter((record) => record.type === 'VARIANT_OF').map((record) => [record.from!, record.to!]));
const role = (claim: LossClaim, name: string) => claim.about.find((subject) => subject.role === name)?.key;
/** Whether the equipment is the family or lies in it at any depth. */
const inFamily = (equipment: string | undefined, family: string): boolean => equipment !== undefined && (equipment === family || inFamily(parentOf.get(equipment), family));
/** Year and month of the day the loss is dated to (a month-precision date is its first day). */
const monthOf = (claim: LossClaim) => claim.properties.validFrom.slice(0, 7);

async function data<T>(query: string, variables: Record<string, unknown> = {}) {
  const response = await service.graphql<T>(query, variables);
  expect(response.body.errors).toBeUndefined();
  return { data: response.body.data as T, roundTrips: response.roundTrips };
}

const totalCount = async (filter: Record<string, unknown>) =>
  (await data<{ claims: { totalCount: number } }>('query ($filter: ClaimFilter) { claims(filter: $filter) { totalCount } }', { filter })).data.claims.totalCount;

async function removeImport() {
  const prefixes = ['claim', 'source', 'equipment', 'org'].map((prefix) => `${prefix}:${namespace}:`);
  for (const label of ['Claim', 'Source', 'Equipment', 'Organization']) {
    for (;;) {
      const [row] = await service.gateway.write<{ deleted: number }>(
        'test.losses.cleanup',
        `MATCH (n:${label}) WHERE any(prefix IN $prefixes WHERE n.key STARTS WITH prefix) WITH n LIMIT 2000
         OPTIONAL MATCH (revision:Revision)-[:REVISES]->(n)
         WITH n, collect(revision) AS revisions
         FOREACH (revision IN revisions | DETACH DELETE revision)
         DETACH DELETE n
         RETURN count(n) AS deleted`,
        { prefixes },
      );
      if (!row || row.deleted === 0) break;
    }
  }
}

let report: ImportReport;

beforeAll(async () => {
  await removeImport();
  report = await importBundle(service.gateway, lines, author);
});

afterAll(async () => {
  try {
    await removeImport();
  } finally {
    await service.close();
  }
});

describe('per-item losses', () => {
  it('imports the generated bundle whole', () => {
    expect(report.rejections).toEqual([]);
    expect(report).toMatchObject({ records: lines.length - 1, created: lines.length - 1, rejected: 0 });
    expect(sameItem.length).toBeGreaterThan(0);
  });

  it("lists one family's losses (all its models) for one side, destroyed, in one month, with their evidence, in one round trip", async () => {
    const family = keys.equipment('t-72');
    const owner = keys.side('russia');
    const destroyed = claims.filter((claim) => claim.properties.lossStatus === 'DESTROYED' && role(claim, 'OWNER') === owner && inFamily(role(claim, 'EQUIPMENT'), family));
    // The month with the most such losses, the earliest of equals.
    const perMonth = new Map<string, number>();
    for (const claim of destroyed) perMonth.set(monthOf(claim), (perMonth.get(monthOf(claim)) ?? 0) + 1);
    const [month] = [...perMonth].sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))[0]!;
    const expected = destroyed.filter((claim) => monthOf(claim) === month);
    expect(expected.length).toBeGreaterThan(1);
    const lastDay = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

    const result = await data<{
      claims: { totalCount: number; edges: { node: { key: string; lossStatus: string; subjects: { role: string; entity: { key: string } }[]; evidence: { source: { key: string; kind: string; url: string } }[] } }[] };
    }>(
      `query ($family: String!, $owner: String!, $from: Date!, $to: Date!) {
        claims(first: 100, filter: { equipment: $family, owner: $owner, lossStatuses: [DESTROYED], from: $from, to: $to }) {
          totalCount
          edges { node { key lossStatus subjects { role entity { key } } evidence { source { key kind url } } } }
        }
      }`,
      { family, owner, from: `${month}-01`, to: lastDay },
    );
    expect(result.roundTrips).toEqual(['claims.list']);
    expect(result.data.claims.totalCount).toBe(expected.length);
    const byKey = new Map(result.data.claims.edges.map(({ node }) => [node.key, node]));
    expect([...byKey.keys()].sort()).toEqual(expected.map((claim) => claim.key).sort());
    for (const claim of expected) {
      const node = byKey.get(claim.key)!;
      expect(node.lossStatus).toBe('DESTROYED');
      expect(node.subjects.find((subject) => subject.role === 'EQUIPMENT')?.entity.key).toBe(role(claim, 'EQUIPMENT'));
      expect(node.evidence.map(({ source }) => source)).toEqual(
        claim.evidence.map((evidence) => ({ key: evidence.key, kind: evidence.source.kind, url: evidence.source.url })).sort((a, b) => a.key.localeCompare(b.key)),
      );
    }
  });

  it('counts a captured item against its owner, not its captor', async () => {
    const captured = claims.filter((claim) => claim.properties.lossStatus === 'CAPTURED');
    const russia = keys.side('russia');
    const ownedByRussia = captured.filter((claim) => role(claim, 'OWNER') === russia).length;
    const takenByRussia = captured.filter((claim) => role(claim, 'CAPTOR') === russia).length;
    expect(ownedByRussia).toBeGreaterThan(0);
    expect(takenByRussia).toBeGreaterThan(0);
    expect(await totalCount({ owner: russia, lossStatuses: ['CAPTURED'] })).toBe(ownedByRussia);
    expect(await totalCount({ captor: russia, lossStatuses: ['CAPTURED'] })).toBe(takenByRussia);
    // The role-blind filter finds both: what the owner filter is for.
    expect(await totalCount({ about: russia, lossStatuses: ['CAPTURED'] })).toBe(ownedByRussia + takenByRussia);
    // The family filter beside another starting point (here `about`) checks each claim instead.
    const family = keys.equipment('t-72');
    const aboutRussia = claims.filter((claim) => claim.about.some((subject) => subject.key === russia) && inFamily(role(claim, 'EQUIPMENT'), family));
    expect(await totalCount({ about: russia, equipment: family })).toBe(aboutRussia.length);
  });

  it('counts an item listed twice (damaged, then captured) once with distinctItems', async () => {
    const owner = keys.side('ukraine');
    const listings = claims.filter((claim) => role(claim, 'OWNER') === owner);
    const earlier = new Set(sameItem.map((link) => link.to));
    const relisted = listings.filter((claim) => earlier.has(claim.key)).length;
    expect(relisted).toBeGreaterThan(0);
    expect(await totalCount({ owner })).toBe(listings.length);
    expect(await totalCount({ owner, distinctItems: true })).toBe(listings.length - relisted);

    const [link] = sameItem;
    const { data: linked } = await data<{ claim: { sameItemAs: { claim: { key: string } }[] } }>('query ($key: String!) { claim(key: $key) { sameItemAs { claim { key } } } }', { key: link!.from });
    expect(linked.claim.sameItemAs).toEqual([{ claim: { key: link!.to } }]);
  });

  it('filters by category and by the kind of evidence', async () => {
    const owner = keys.side('russia');
    const owned = claims.filter((claim) => role(claim, 'OWNER') === owner);
    const tanks = owned.filter((claim) => claim.properties.equipmentCategory === 'TANK').length;
    const fromSpace = owned.filter((claim) => claim.evidence.some((evidence) => evidence.source.kind === 'SATELLITE_IMAGE')).length;
    expect(tanks).toBeGreaterThan(0);
    expect(fromSpace).toBeGreaterThan(0);
    expect(await totalCount({ owner, equipmentCategories: ['TANK'] })).toBe(tanks);
    expect(await totalCount({ owner, evidenceKinds: ['SATELLITE_IMAGE'] })).toBe(fromSpace);
  });
});

describe('equipment', () => {
  const search = async (text: string) =>
    (await data<{ search: { entity: { key: string } }[] }>('query ($text: String!) { search(text: $text, kinds: [EQUIPMENT]) { entity { key } } }', { text })).data.search.map(
      (hit) => hit.entity.key,
    );

  it('is found by its Cyrillic spellings and with a one-letter typo', async () => {
    expect((await search('Т-90М'))[0]).toBe(keys.equipment('t-90m'));
    expect((await search('Мста'))[0]).toBe(keys.equipment('2s19-msta-s'));
    expect((await search('Bradly'))[0]).toBe(keys.equipment('m2-bradley'));
  });

  it('reads its family, ancestors and variants, and keeps a long name whole', async () => {
    const model = lossCatalogue.find((item) => item.name.length > 100)!;
    const ancestors: string[] = [];
    for (let parent = model.parent; parent; parent = lossCatalogue.find((item) => item.slug === parent)!.parent) ancestors.push(keys.equipment(parent));
    const { data: result } = await data<{ equipment: { name: string; category: string; family: { key: string; variants: { key: string }[] }; ancestors: { key: string }[] } }>(
      'query ($key: String!) { equipment(key: $key) { name category family { key variants { key } } ancestors { key } } }',
      { key: keys.equipment(model.slug) },
    );
    expect(result.equipment.name).toBe(model.name);
    expect(result.equipment.category).toBe(model.category);
    expect(result.equipment.ancestors.map((item) => item.key)).toEqual(ancestors);
    expect(result.equipment.family.key).toBe(ancestors[0]);
    expect(result.equipment.family.variants.map((item) => item.key)).toContain(keys.equipment(model.slug));
  });

  it('refuses a VARIANT_OF that would close a cycle, and changes nothing', async () => {
    const header = JSON.stringify({ format: 'conflict-graph/bundle', version: 1 });
    const loop = JSON.stringify({ record: 'relationship', type: 'VARIANT_OF', from: keys.equipment('t-72'), to: keys.equipment('t-72b3m'), properties: {} });
    const result = await importBundle(service.gateway, [header, loop], author);
    expect(result).toMatchObject({ records: 1, rejected: 1 });
    expect(result.rejections[0]!.reason).toMatch(/would close a cycle/);
    const { data: family } = await data<{ equipment: { family: null } }>('query ($key: String!) { equipment(key: $key) { family { key } } }', { key: keys.equipment('t-72') });
    expect(family.equipment.family).toBeNull();
  });
});
