import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestService, testKeys } from './support/service';

// Values as of a record time (issue #19, item 4): an update's revision keeps the values before
// it, so a read `asOf` an earlier instant shows the entity as it was then, at any depth.

const service = createTestService();
const writer = { 'x-api-key': testKeys.writer };
const unit = 'unit:test-asof-battalion';
const claim = 'claim:test-asof-battalion:statement';
const oldName = 'Test As-Of Battalion';
const newName = 'Test As-Of Brigade';

async function data<T>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<T> {
  const response = await service.graphql<T>(query, variables, headers);
  expect(response.body.errors).toBeUndefined();
  return response.body.data as T;
}

async function removeTestData() {
  await service.gateway.write('test.asof.cleanup', `MATCH (n) WHERE n.key CONTAINS 'test-asof' OPTIONAL MATCH (n)<-[:REVISES]-(revision) DETACH DELETE n, revision`);
}

/** The record time between the writes before and the rename: the claim's own record time. */
let before: string;

beforeAll(async () => {
  await removeTestData();
  await data(`mutation ($input: UnitInput!) { createUnit(key: "${unit}", input: $input) { status } }`, { input: { name: oldName, side: 'UKRAINE', aliases: ['TAB'] } }, writer);
  const recorded = await data<{ recordClaim: { claim: { recordedAt: string } } }>(
    `mutation ($input: RecordClaimInput!) { recordClaim(input: $input) { claim { recordedAt } } }`,
    {
      input: {
        key: claim,
        properties: { text: 'We hold the line.', madeAt: '2024-03-12' },
        madeBy: [{ key: unit }],
        about: [{ key: unit, role: 'SUBJECT' }],
        sources: [{ key: 'source:test-asof:post', source: { kind: 'SOCIAL_POST', title: 'Test as-of post' } }],
      },
    },
    writer,
  );
  before = recorded.recordClaim.claim.recordedAt;
  // Renamed, its aliases changed and its side removed after that instant.
  await data(`mutation ($input: UnitInput!) { updateUnit(key: "${unit}", input: $input) { status } }`, { input: { name: newName, aliases: ['TAB', 'TABr'], side: null } }, writer);
});
afterAll(async () => {
  await removeTestData();
  await service.close();
});

describe('a unit renamed after a record time', () => {
  const query = `query ($asOf: DateTime) {
    claims(asOf: $asOf, filter: { madeBy: "${unit}" }) { edges { node { key
      makers { actor { key name aliases ... on Unit { side } } }
      subjects { entity { ... on Unit { name claimsMade { key makers { actor { name } } } } } }
    } } }
  }`;
  type Answer = {
    claims: {
      edges: {
        node: {
          key: string;
          makers: { actor: { key: string; name: string; aliases: string[]; side: string | null } }[];
          subjects: { entity: { name: string; claimsMade: { key: string; makers: { actor: { name: string } }[] }[] } }[];
        };
      }[];
    };
  };

  it('shows its old name, aliases and side under asOf at that time, at every depth, with no round trip per row', async () => {
    const response = await service.graphql<Answer>(query, { asOf: before });
    expect(response.body.errors).toBeUndefined();
    const [edge] = response.body.data!.claims.edges;
    expect(edge?.node.key).toBe(claim);
    expect(edge!.node.makers).toEqual([{ actor: { key: unit, name: oldName, aliases: ['TAB'], side: 'UKRAINE' } }]);
    // Two levels further down: the subject's claims and their makers.
    const subject = edge!.node.subjects[0]!.entity;
    expect(subject.name).toBe(oldName);
    expect(subject.claimsMade.flatMap((made) => made.makers.map((maker) => maker.actor.name))).toEqual([oldName]);
    // The list and what nests below it are one query; a relation below an inline fragment of an
    // interface field (subjects' entity) is read by its batched loader, once whatever the rows.
    expect(response.roundTrips).toEqual(['claims.list', 'actor.claims-made']);
  });

  it('shows today\'s values without asOf', async () => {
    const answer = await data<Answer>(query);
    expect(answer.claims.edges[0]!.node.makers).toEqual([{ actor: { key: unit, name: newName, aliases: ['TAB', 'TABr'], side: null } }]);
  });

  it('lists it by its old name in a list read asOf then', async () => {
    const answer = await data<{ actors: { edges: { node: { key: string; name: string } }[] } }>(
      `query ($asOf: DateTime) { actors(asOf: $asOf, filter: { kinds: [UNIT] }, first: 100) { edges { node { key name } } } }`,
      { asOf: before },
    );
    expect(answer.actors.edges.map(({ node }) => node).filter((node) => node.key === unit)).toEqual([{ key: unit, name: oldName }]);
  });

  it('is found by the name it had under asOf, and by today\'s without', async () => {
    type Hits = { search: { entity: { key: string; name: string }; matched: { property: string; value: string } | null }[] };
    const search = async (text: string, asOf?: string) =>
      (await data<Hits>(`query ($text: String!, $asOf: DateTime) { search(text: $text, asOf: $asOf, kinds: [UNIT]) { entity { key ... on Unit { name } } matched { property value } } }`, { text, asOf })).search.filter(
        (hit) => hit.entity.key === unit,
      );
    expect(await search('Test As-Of Battalion', before)).toEqual([{ entity: { key: unit, name: oldName }, matched: { property: 'name', value: oldName } }]);
    // The name given later was not the graph's then; today it is, and the old one is not.
    expect(await search('Test As-Of Brigade', before)).toEqual([]);
    expect(await search('Test As-Of Brigade')).toEqual([{ entity: { key: unit, name: newName }, matched: { property: 'name', value: newName } }]);
    expect(await search('Test As-Of Battalion')).toEqual([]);
    // A name it has borne all along is found either way.
    expect(await search('TAB', before)).toEqual([{ entity: { key: unit, name: oldName }, matched: { property: 'aliases', value: 'TAB' } }]);
  });

  it('its history shows each change before → after', async () => {
    const answer = await data<{ unit: { history: { operation: string; changes: { property: string; before: string | null; after: string | null; beforeKnown: boolean }[] }[] } }>(
      `{ unit(key: "${unit}") { history { operation changes { property before after beforeKnown } } } }`,
    );
    const update = answer.unit.history.find((revision) => revision.operation === 'ENTITY_UPDATED');
    expect(update?.changes.sort((a, b) => a.property.localeCompare(b.property))).toEqual([
      { property: 'aliases', before: JSON.stringify(['TAB']), after: JSON.stringify(['TAB', 'TABr']), beforeKnown: true },
      { property: 'name', before: JSON.stringify(oldName), after: JSON.stringify(newName), beforeKnown: true },
      { property: 'side', before: JSON.stringify('UKRAINE'), after: null, beforeKnown: true },
    ]);
  });
});
