import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestService, testKeys } from './support/service';

// The contract other services code against (issue #24): a sync by record time, stable claim keys.
// Merges run a statement per relationship type: on a busy machine they need more than the default 15 s.
const service = createTestService({ NEO4J_QUERY_TIMEOUT_MS: '60000' });
const writer = { 'x-api-key': testKeys.writer };
const admin = { 'x-api-key': testKeys.admin };

// Everything written here has "test-contract" in its key, or a source or revision of the test principals.
async function removeTestData() {
  await service.gateway.write(
    'test.contract.cleanup',
    `MATCH (n) WHERE n.key CONTAINS 'test-contract'
     OPTIONAL MATCH (n)<-[:REVISES|REDIRECTS_TO]-(bookkeeping)
     DETACH DELETE n, bookkeeping`,
  );
  await service.gateway.write('test.contract.cleanup-redirects', `MATCH (r:Redirect) WHERE r.key CONTAINS 'test-contract' DETACH DELETE r`);
}

beforeAll(removeTestData);
afterAll(async () => {
  await removeTestData();
  await service.close();
});

async function data<T>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = writer): Promise<T> {
  const response = await service.graphql<T>(query, variables, headers);
  if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
  return response.body.data!;
}

interface Item {
  key: string;
  name?: string;
  text?: string;
  rank?: string;
  formerKeys: string[];
  updatedAt: string | null;
}

type Page = { edges: { cursor: string; node: Item }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

const lists = {
  places: (args: string) => `{ places(${args}) { edges { cursor node { key name formerKeys updatedAt } } pageInfo { hasNextPage endCursor } } }`,
  claims: (args: string) => `{ claims(${args}) { edges { cursor node { key text rank formerKeys updatedAt } } pageInfo { hasNextPage endCursor } } }`,
} as const;

/** A client's copy of one list, kept by CHANGED_ASC pages from its last cursor. */
class Replica {
  readonly items = new Map<string, Item>();
  cursor: string | null = null;

  constructor(private readonly list: keyof typeof lists) {}

  /** Pages forward from the cursor; returns how many times each key came in this pass. */
  async sync(): Promise<Map<string, number>> {
    const seen = new Map<string, number>();
    for (;;) {
      const after = this.cursor ? `, after: ${JSON.stringify(this.cursor)}` : '';
      const result = await data<Record<string, Page>>(lists[this.list](`orderBy: CHANGED_ASC, first: 20${after}`));
      const page = result[this.list]!;
      for (const { node } of page.edges) {
        seen.set(node.key, (seen.get(node.key) ?? 0) + 1);
        // A merge is a change of the survivor: the records merged into it go.
        for (const former of node.formerKeys) this.items.delete(former);
        this.items.set(node.key, node);
      }
      this.cursor = page.pageInfo.endCursor ?? this.cursor;
      if (!page.pageInfo.hasNextPage) return seen;
    }
  }
}

/** The server's state, read the ordinary way (every page of the default order; claims with the deprecated ones). */
async function serverState(list: keyof typeof lists): Promise<Map<string, Item>> {
  const items = new Map<string, Item>();
  let after = '';
  for (;;) {
    const extra = list === 'claims' ? ', includeDeprecated: true' : '';
    const page = (await data<Record<string, Page>>(lists[list](`first: 100${after}${extra}`)))[list]!;
    for (const { node } of page.edges) items.set(node.key, node);
    if (!page.pageInfo.hasNextPage) return items;
    after = `, after: ${JSON.stringify(page.pageInfo.endCursor)}`;
  }
}

const createPlace = 'mutation ($key: String!, $name: String!) { createPlace(key: $key, input: { name: $name, type: VILLAGE }) { status } }';
const updatePlace = 'mutation ($key: String!, $name: String!) { updatePlace(key: $key, input: { name: $name }) { status } }';
const recordClaim = 'mutation ($input: RecordClaimInput!) { recordClaim(input: $input) { status claim { key sources { source { key } } } } }';

const claimInput = (text: string, sources: string[]) => ({
  properties: { text, type: 'CONTROL', stance: 'ASSERTS', basis: 'CLAIMED_BY_PARTY', madeAt: '2024-03-12' },
  madeBy: [{ key: 'unit:freedom-of-russia-legion', attribution: 'EXPLICIT' }],
  sources: sources.map((key) => ({ key, source: { kind: 'SOCIAL_POST' } })),
});

describe('keeping a copy in sync (orderBy CHANGED_ASC, resumed from the last cursor)', () => {
  it('a client syncs, 50 writes happen (creates, updates, a retraction, a merge), the client resumes from its cursor and ends with exactly the server\'s state', async () => {
    const places = new Replica('places');
    const claims = new Replica('claims');
    await places.sync();
    await claims.sync();

    const writes: (() => Promise<unknown>)[] = [];
    const placeKey = (i: number) => `place:ua:test-contract-${i}`;
    for (let i = 0; i < 20; i++) writes.push(() => data(createPlace, { key: placeKey(i), name: `Contract village ${i}` }));
    for (let i = 0; i < 10; i++) writes.push(() => data(recordClaim, { input: claimInput(`test-contract claim ${i}`, [`source:social-post:test-contract-${i}`]) }));
    // Some places change twice: the copy must hold the last name.
    for (let i = 0; i < 17; i++) writes.push(() => data(updatePlace, { key: placeKey(i % 12), name: `Contract village ${i % 12}, renamed ${i}` }));
    writes.push(async () => {
      const all = await serverState('claims');
      const retracted = [...all.values()].find((claim) => claim.text === 'test-contract claim 3')!;
      await data('mutation ($key: String!) { setClaimRank(key: $key, rank: DEPRECATED, reason: REFUTED) { status } }', { key: retracted.key });
    });
    writes.push(() => data('mutation { mergeEntities(survivor: "place:ua:test-contract-1", duplicate: "place:ua:test-contract-0") { retiredKey } }', {}, admin));
    writes.push(() => data(updatePlace, { key: placeKey(15), name: 'Contract village 15, last' }));
    expect(writes).toHaveLength(50);

    // The client resumes twice: half way through the writes, and after them.
    for (const write of writes.slice(0, 25)) await write();
    await places.sync();
    await claims.sync();
    for (const write of writes.slice(25)) await write();
    const placesSeen = await places.sync();
    const claimsSeen = await claims.sync();

    // Each change came once: no key twice in one pass, and the pass after the writes brought only what they touched.
    expect([...placesSeen.values()].every((count) => count === 1)).toBe(true);
    expect([...claimsSeen.values()].every((count) => count === 1)).toBe(true);
    expect([...placesSeen.keys()].every((key) => key.includes('test-contract'))).toBe(true);
    expect(claimsSeen.size).toBe(6); // claims 4..9 were recorded after the first resume; claim 3's retraction is among them
    expect([...claimsSeen.keys()]).toContain([...(await serverState('claims')).values()].find((claim) => claim.text === 'test-contract claim 3')!.key);

    const placesNow = await serverState('places');
    const claimsNow = await serverState('claims');
    expect(Object.fromEntries(places.items)).toEqual(Object.fromEntries(placesNow));
    expect(Object.fromEntries(claims.items)).toEqual(Object.fromEntries(claimsNow));
    expect(places.items.has(placeKey(0))).toBe(false);
    expect(places.items.get(placeKey(1))!.formerKeys).toEqual([placeKey(0)]);
    expect([...claims.items.values()].find((claim) => claim.text === 'test-contract claim 3')!.rank).toBe('DEPRECATED');
    // 50 writes one after another, on a machine that may be busy: the work is fixed, the time is not.
  }, 300_000);

  it('refuses last and before, and a cursor of another order, with BAD_USER_INPUT', async () => {
    const offsetCursor = (await data<{ places: Page }>(lists.places('first: 1'))).places.edges[0]!.cursor;
    for (const args of ['orderBy: CHANGED_ASC, last: 2', `orderBy: CHANGED_ASC, first: 2, after: ${JSON.stringify(offsetCursor)}`]) {
      const response = await service.graphql(lists.places(args));
      expect(response.body.errors?.[0]?.extensions?.code, args).toBe('BAD_USER_INPUT');
    }
  });

  it('filters by record time: recordedSince, recordedUntil and updatedSince', async () => {
    const before = new Date().toISOString();
    await data(createPlace, { key: 'place:ua:test-contract-window', name: 'Window' });
    const keys = async (filter: string) => (await data<{ places: Page }>(lists.places(`first: 100, filter: { ${filter} }`))).places.edges.map((edge) => edge.node.key);
    expect(await keys(`recordedSince: "${before}"`)).toEqual(['place:ua:test-contract-window']);
    expect(await keys(`recordedUntil: "${before}"`)).not.toContain('place:ua:test-contract-window');
    // Instants in UTC to the millisecond: one written through the API, and one a seed wrote with Cypher's datetime() (nanoseconds).
    const times = await data<{ created: { recordedAt: string }; seeded: { recordedAt: string } }>(
      '{ created: place(key: "place:ua:test-contract-window") { recordedAt } seeded: place(key: "place:ru") { recordedAt } }',
    );
    for (const time of [times.created.recordedAt, times.seeded.recordedAt]) expect(time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const afterCreate = new Date(Date.now() + 1).toISOString();
    expect(await keys(`updatedSince: "${afterCreate}"`)).toEqual([]);
  });
});

describe('claim keys', () => {
  it('re-sending a claim with an extra source does not create a second claim; addClaimSources adds one and keeps the others', async () => {
    const text = 'test-contract: the bridge at Kozinka is held.';
    const first = await data<{ recordClaim: { status: string; claim: { key: string } } }>(recordClaim, { input: claimInput(text, ['source:social-post:test-contract-a']) });
    const again = await data<{ recordClaim: { status: string; claim: { key: string; sources: { source: { key: string } }[] } } }>(recordClaim, {
      input: claimInput(text, ['source:social-post:test-contract-a', 'source:social-post:test-contract-b']),
    });
    expect(again.recordClaim.claim.key).toBe(first.recordClaim.claim.key);
    expect(again.recordClaim.status).toBe('UPDATED');
    expect(again.recordClaim.claim.sources.map((s) => s.source.key).sort()).toEqual(['source:social-post:test-contract-a', 'source:social-post:test-contract-b']);
    const [count] = await service.gateway.read<{ claims: number }>('test.contract.count', 'MATCH (c:Claim) WHERE c.text = $text RETURN count(c) AS claims', { text });
    expect(count!.claims).toBe(1);

    const added = await data<{ addClaimSources: { status: string; claim: { sources: { source: { key: string } }[] } } }>(
      'mutation ($key: String!) { addClaimSources(key: $key, sources: [{ key: "source:social-post:test-contract-c", quote: "held", source: { kind: SOCIAL_POST } }]) { status claim { sources { source { key } } } } }',
      { key: first.recordClaim.claim.key },
    );
    expect(added.addClaimSources.status).toBe('UPDATED');
    expect(added.addClaimSources.claim.sources.map((s) => s.source.key).sort()).toEqual(['a', 'b', 'c'].map((x) => `source:social-post:test-contract-${x}`));
    const missing = await service.graphql('mutation { addClaimSources(key: "claim:nobody:test-contract", sources: [{ key: "source:social-post:test-contract-a" }]) { status } }', {}, writer);
    expect(missing.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'key' });
  });
});
