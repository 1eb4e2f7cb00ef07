import { afterAll, describe, expect, it } from 'vitest';
import { createTestService } from './support/service';

// Issue #19, item 5: `@perspective` reads the graph as some sources tell it, at every depth,
// enforced in the Cypher, in as many round trips as without it, and said in the response.

const service = createTestService();
afterAll(() => service.close());

const article = 'source:article:000-1b3165c116f10b7f';
const village = 'place:ru:lozovaya-rudka';
const grades = ['A', 'B', 'C', 'D', 'E', 'F'];

/** Every claim key anywhere in a response. */
function claimKeys(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) claimKeys(item, found);
  else if (value && typeof value === 'object') {
    for (const [name, inner] of Object.entries(value)) {
      if (name === 'key' && typeof inner === 'string' && inner.startsWith('claim:')) found.add(inner);
      else claimKeys(inner, found);
    }
  }
  return found;
}

/** Each claim's sources, read straight from the graph. */
async function sourcesOf(keys: string[]) {
  const rows = await service.gateway.read<{ key: string; sources: { key: string; reliability: string | null; kind: string }[] }>(
    'test.perspective.sources',
    'MATCH (c:Claim) WHERE c.key IN $keys RETURN c.key AS key, [(c)-[:STATED_IN]->(s:Source) | {key: s.key, reliability: s.reliability, kind: s.kind}] AS sources',
    { keys },
  );
  return new Map(rows.map((row) => [row.key, row.sources]));
}

const nested = `place(key: "${village}") {
    claimsAbout(first: 100) { claim { key sources { source { key } } contradicts { claim { key } } contradictedBy { claim { key } } supports { claim { key } } } }
    disputes { claims { key } }
  }
  claims(first: 100) { totalCount edges { node { key contradicts { claim { key } } } } }
  claimAggregate { total { count } }`;

describe('@perspective', () => {
  it('with a minimum reliability above the article\'s, no claim stated only in sources below it appears at any depth, in as many round trips', async () => {
    const [articleRow] = await service.gateway.read<{ reliability: string }>('test.perspective.article', 'MATCH (s:Source {key: $key}) RETURN s.reliability AS reliability', { key: article });
    const above = grades[grades.indexOf(articleRow!.reliability) - 1]!;
    const admitted = grades.slice(0, grades.indexOf(above) + 1);
    const plain = await service.graphql<Record<string, unknown>>(`query { ${nested} }`);
    const viewed = await service.graphql<Record<string, unknown>>(`query @perspective(minReliability: ${above}) { ${nested} }`);
    expect(plain.body.errors).toBeUndefined();
    expect(viewed.body.errors).toBeUndefined();
    // Copied now: the service's list of round trips goes on with the test's own reads.
    const trips = { plain: [...plain.roundTrips], viewed: [...viewed.roundTrips] };
    const all = claimKeys(plain.body.data);
    const seen = claimKeys(viewed.body.data);
    const sources = await sourcesOf([...all]);
    const passes = (key: string) => (sources.get(key) ?? []).some((source) => source.reliability !== null && admitted.includes(source.reliability));
    // Computed from the graph: the claims of the plain answer that a source of the admitted grades states.
    expect([...seen].sort()).toEqual([...all].filter(passes).sort());
    expect([...all].some((key) => !passes(key))).toBe(true);
    // The same round trips; root fields resolve in parallel, so their order may differ.
    expect([...trips.viewed].sort()).toEqual([...trips.plain].sort());
    expect((viewed.body as { extensions?: Record<string, unknown> }).extensions?.perspective).toEqual({ minReliability: above });
    const counts = viewed.body.data as { claims: { totalCount: number }; claimAggregate: { total: { count: number } } };
    expect(counts.claimAggregate.total.count).toBe(counts.claims.totalCount);
  });

  it('without the article, the contested view and the village\'s claims change as the graph says they should', async () => {
    const query = (directive: string) =>
      `query ${directive} { contested(first: 100) { contradictions entity { key } } place(key: "${village}") { claimsAbout(first: 100) { claim { key } } } }`;
    type Answer = { contested: { contradictions: number; entity: { key: string } }[]; place: { claimsAbout: { claim: { key: string } }[] } };
    const plain = await service.graphql<Answer>(query(''));
    const viewed = await service.graphql<Answer>(query(`@perspective(excludeSources: ["${article}"])`));
    expect(viewed.body.errors).toBeUndefined();
    const about = plain.body.data!.place.claimsAbout.map((row) => row.claim.key);
    const sources = await sourcesOf(about);
    const elsewhere = about.filter((key) => (sources.get(key) ?? []).some((source) => source.key !== article));
    expect(viewed.body.data!.place.claimsAbout.map((row) => row.claim.key).sort()).toEqual(elsewhere.sort());
    expect(elsewhere.length).toBeLessThan(about.length);
    // The contradictions counted without the article: pairs of claims that each have another source.
    const [row] = await service.gateway.read<{ pairs: number }>(
      'test.perspective.contested',
      `MATCH (c:Claim)-[:ABOUT]->(:Place {key: $village}) MATCH (c)-[r:CONTRADICTS]-(other:Claim)
       WHERE coalesce(c.rank, 'NORMAL') <> 'DEPRECATED' AND coalesce(other.rank, 'NORMAL') <> 'DEPRECATED'
         AND EXISTS { (c)-[:STATED_IN]->(s:Source) WHERE s.key <> $article } AND EXISTS { (other)-[:STATED_IN]->(s:Source) WHERE s.key <> $article }
       RETURN count(DISTINCT r) AS pairs`,
      { village, article },
    );
    const contested = (answer: Answer) => answer.contested.find((entry) => entry.entity.key === village)?.contradictions ?? 0;
    expect(contested(viewed.body.data!)).toBe(row!.pairs);
    expect(contested(viewed.body.data!)).toBeLessThan(contested(plain.body.data!));
  });

  it('refuses more than 100 source keys, and an unknown grade, before any Cypher runs', async () => {
    const keys = Array.from({ length: 101 }, (_, index) => `source:test:${index}`);
    const many = await service.graphql('query ($keys: [String!]) @perspective(excludeSources: $keys) { claims { totalCount } }', { keys });
    expect(many.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'excludeSources' });
    expect(many.roundTrips).toEqual([]);
    const grade = await service.graphql('query @perspective(minReliability: G) { claims { totalCount } }');
    expect(grade.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(grade.roundTrips).toEqual([]);
  });
});
