import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestService, testKeys } from './support/service';

// Issue #18, item 3: a list's `text` filter counts what a person would call matches (every word,
// whole or as the start of a word, case and diacritics folded); `search` still forgives misspellings.

const service = createTestService();
const writer = { 'x-api-key': testKeys.writer };
const marker = 'test-text-filter';

const placeNames = ['Zorvanka', 'Zorvanka North', 'Nova Zórvanka', 'Zorvankas', 'Zorvanko', 'Zarvanka', 'Zorvnka'];
const claimTexts = ['Zorvanka was captured', 'Zorvanka CAPTURED again', 'forces capture Zorvanka', 'ruptured lines at Zorvanka', 'captured near Zorvanko'];

/** The rule, computed here apart from Lucene: every word of the text starts a word of the value, folded. */
const words = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
const matches = (value: string, text: string) => words(text).every((word) => words(value).some((candidate) => candidate.startsWith(word)));

async function data<T>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<T> {
  const response = await service.graphql<T>(query, variables, headers);
  expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
  return response.body.data as T;
}

async function removeTestData() {
  await service.gateway.write('test.text-filter.cleanup', `MATCH (n) WHERE n.key CONTAINS '${marker}' OPTIONAL MATCH (n)<-[:REVISES]-(revision) DETACH DELETE n, revision`);
}

beforeAll(async () => {
  await removeTestData();
  const places = placeNames.map((name, index) => `p${index}: upsertPlace(key: "place:${marker}-${index}", input: { name: ${JSON.stringify(name)}, type: VILLAGE }) { status }`);
  const claims = claimTexts.map(
    (text, index) => `c${index}: recordClaim(input: { key: "claim:${marker}:claim-${index}", properties: { text: ${JSON.stringify(text)}, type: CONTROL, stance: ASSERTS, basis: CLAIMED_BY_PARTY, madeAt: "2024-03-12" },
        madeBy: [{ key: "unit:freedom-of-russia-legion", attribution: EXPLICIT }], sources: [{ key: "source:social-post:${marker}", source: { kind: SOCIAL_POST } }] }) { status }`,
  );
  await data(`mutation { ${[...places, ...claims].join('\n')} }`, {}, writer);
});
afterAll(async () => {
  await removeTestData();
  await service.close();
});

describe('text filters that count honestly', () => {
  it('a list counts the places whose names hold every word, whole or as a start; search still finds the misspelt ones', async () => {
    const text = 'zorvanka';
    const expected = placeNames.filter((name) => matches(name, text)).sort();
    expect(expected).toEqual(['Nova Zórvanka', 'Zorvanka', 'Zorvanka North', 'Zorvankas']);
    const answer = await data<{ places: { totalCount: number; edges: { node: { key: string; name: string } }[] }; search: { entity: { key: string } }[] }>(
      `query ($text: String!) { places(filter: { text: $text }, first: 100) { totalCount edges { node { key name } } } search(text: $text, first: 50) { entity { ... on Place { key } } } }`,
      { text },
    );
    const listed = answer.places.edges.map((edge) => edge.node).filter((node) => node.key.includes(marker));
    expect({ totalCount: answer.places.totalCount, names: listed.map((node) => node.name).sort() }).toEqual({ totalCount: expected.length, names: expected });
    const searched = answer.search.map((hit) => hit.entity.key).filter((key) => key?.includes(marker));
    // The ranked search forgives a letter or two: it finds more than the list counts.
    expect(searched.length).toBeGreaterThan(expected.length);
  });

  it('a claim list and its aggregate count the same honest matches', async () => {
    const text = 'Captured zorvanka';
    const expected = claimTexts.filter((value) => matches(value, text)).sort();
    expect(expected).toEqual(['Zorvanka CAPTURED again', 'Zorvanka was captured']);
    const answer = await data<{ claims: { totalCount: number; edges: { node: { text: string } }[] }; claimAggregate: { total: { count: number } } }>(
      `query ($text: String!) { claims(filter: { text: $text }, first: 100) { totalCount edges { node { text } } } claimAggregate(filter: { text: $text }) { total { count } } }`,
      { text },
    );
    expect({ totalCount: answer.claims.totalCount, texts: answer.claims.edges.map((edge) => edge.node.text).sort(), aggregate: answer.claimAggregate.total.count }).toEqual({
      totalCount: expected.length,
      texts: expected,
      aggregate: expected.length,
    });
  });
});
