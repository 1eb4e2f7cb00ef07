import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../src/graphql/global-id';
import { createTestService, testKeys } from './support/service';

const service = createTestService();
const admin = { authorization: `Bearer ${testKeys.admin}` };
const survivor = 'place:ua:test-lookup-survivor';
const retired = 'place:ua:test-lookup-retired';

/** Neo4j's db hits for one run of a statement, from PROFILE (the plan cached by an earlier run). */
async function dbHits(cypher: string, parameters: Record<string, unknown>): Promise<number> {
  const session = service.gateway.driver.session({ database: service.gateway.database, defaultAccessMode: neo4j.session.READ });
  try {
    await session.run(cypher, parameters);
    const { summary } = await session.run(`PROFILE ${cypher}`, parameters);
    type Plan = { dbHits: number; children: Plan[] };
    const total = (plan: Plan): number => plan.dbHits + plan.children.reduce((sum, child) => sum + total(child), 0);
    return total(summary.profile as unknown as Plan);
  } finally {
    await session.close();
  }
}

const cleanUp = () => service.gateway.write('test.lookup-cypher.cleanup', `MATCH (n) WHERE n.key IN $keys DETACH DELETE n`, { keys: [survivor, retired] });

beforeAll(async () => {
  await cleanUp();
  for (const key of [survivor, retired]) {
    const created = await service.graphql(`mutation ($key: String!) { createPlace(key: $key, input: { name: "Lookup test", type: VILLAGE }) { status } }`, { key }, admin);
    expect(created.body.errors, JSON.stringify(created.body.errors)).toBeUndefined();
  }
  const merged = await service.graphql(`mutation { mergeEntities(survivor: "${survivor}", duplicate: "${retired}") { retiredKey } }`, {}, admin);
  expect(merged.body.data).toEqual({ mergeEntities: { retiredKey: retired } });
});
afterAll(async () => {
  await cleanUp();
  await service.close();
});

// The floor: what a hand-written lookup of a batch of keys costs Neo4j.
const floor = (label: string) => `UNWIND $keys AS key MATCH (n:${label} {key: key}) RETURN key, [labels(n), [name IN $properties | n[name]]] AS entity`;
const parameters = (key: string) => ({ keys: [key], properties: ['key', 'name', 'type'] });

describe('a lookup by key, as lean as the floor', () => {
  const lookups = {
    'node(id:)': (key: string) => `{ node(id: "${encodeGlobalId('Place', key)}") { ... on Place { key name type } } }`,
    'place(key:)': (key: string) => `{ place(key: "${key}") { key name type } }`,
    'entity(key:)': (key: string) => `{ entity(key: "${key}") { key ... on Place { name type } } }`,
  };

  for (const [name, document] of Object.entries(lookups)) {
    it(`${name}: one statement, which costs Neo4j what the floor's does for a key in use, and seeks the Redirect only for a retired key`, async () => {
      const direct = await service.graphql(document(survivor));
      expect(direct.body.data).toEqual({ [name.slice(0, name.indexOf('('))]: { key: survivor, name: 'Lookup test', type: 'VILLAGE' } });
      expect(direct.statements).toHaveLength(1);
      const statement = direct.statements[0]!;
      expect(await dbHits(statement, parameters(survivor))).toBe(await dbHits(floor('Place'), parameters(survivor)));

      // The retired key still resolves, through its Redirect, to the survivor: a seek more.
      const redirected = await service.graphql(document(retired));
      expect(redirected.body.data).toEqual(direct.body.data);
      expect(redirected.statements).toEqual([statement]);
      expect(await dbHits(statement, parameters(retired))).toBeGreaterThan(await dbHits(floor('Place'), parameters(retired)));
    });
  }

  it('reads relationships without record-time conditions unless asOf is given, and with them when it is', async () => {
    const nested = (asOf?: string) =>
      service.graphql(`{ places(first: 1, filter: { text: "Kursk" }${asOf ? `, asOf: "${asOf}"` : ''}) { edges { node { key children(first: 2) { key } } } } }`);
    const now = await nested();
    expect(now.body.errors).toBeUndefined();
    expect(now.statements.join('\n')).not.toContain('recordedAt <= datetime');
    const before = await nested('2000-01-01T00:00:00Z');
    expect(before.body.errors).toBeUndefined();
    expect(before.statements.join('\n')).toContain('recordedAt <= datetime');
  });
});
