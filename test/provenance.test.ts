import { afterAll, describe, expect, it } from 'vitest';
import { createTestService } from './support/service';

// Issue #19, items 2 and 3: the provenance stored on hierarchy links, participations, positions
// and places is readable, and a cited source is an object (kind, reliability), not a bare key.

const service = createTestService();
afterAll(() => service.close());

const village = 'place:ru:lozovaya-rudka';
const raid = 'event:2024-03-kursk-raid';

async function data<T>(query: string, variables: Record<string, unknown> = {}) {
  const response = await service.graphql<T>(query, variables);
  expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
  return { data: response.body.data as T, roundTrips: [...response.roundTrips] };
}

type Cited = { key: string; kind: string; reliability: string | null } | null;

describe('provenance that the graph stores, read through the API', () => {
  it("a place's hierarchy link gives its confidence, its note and its source as an object", async () => {
    const stored = await service.gateway.read<{ area: string; confidence: string | null; note: string | null; source: string | null; kind: string | null; reliability: string | null }>(
      'test.provenance.located-in',
      `MATCH (:Place {key: $key})-[r:LOCATED_IN]->(area:Place)
       OPTIONAL MATCH (source:Source {key: r.basisSourceKey})
       RETURN area.key AS area, r.confidence AS confidence, r.note AS note, r.basisSourceKey AS source, source.kind AS kind, source.reliability AS reliability`,
      { key: village },
    );
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.some((row) => row.source)).toBe(true);
    const { data: answer } = await data<{ place: { locatedIn: { place: { key: string }; confidence: string | null; note: string | null; basisSourceKey: string | null; basisSource: Cited }[] } }>(
      `query ($key: String!) { place(key: $key) { locatedIn { place { key } confidence note basisSourceKey basisSource { key kind reliability } } } }`,
      { key: village },
    );
    expect(answer.place.locatedIn).toEqual(
      stored.map((row) => ({
        place: { key: row.area },
        confidence: row.confidence,
        note: row.note,
        basisSourceKey: row.source,
        basisSource: row.source ? { key: row.source, kind: row.kind, reliability: row.reliability } : null,
      })),
    );
  });

  it("an event's participants and places, and a place's point, name their sources as objects: one more round trip for all of them", async () => {
    const { data: answer, roundTrips } = await data<{
      event: {
        participants: { actor: { key: string }; basisSourceKey: string | null; basisSource: Cited }[];
        places: { basisSourceKey: string | null; basisSource: Cited; place: { locationSourceKey: string | null; locationSource: Cited } }[];
      };
    }>(
      `query ($key: String!) { event(key: $key) {
         participants { actor { key } basisSourceKey basisSource { key kind reliability } }
         places { basisSourceKey basisSource { key kind reliability } place { locationSourceKey locationSource { key kind reliability } } } } }`,
      { key: raid },
    );
    const citations = [
      ...answer.event.participants.map((row) => [row.basisSourceKey, row.basisSource] as const),
      ...answer.event.places.flatMap((row) => [[row.basisSourceKey, row.basisSource] as const, [row.place.locationSourceKey, row.place.locationSource] as const]),
    ];
    const keys = [...new Set(citations.map(([key]) => key).filter((key): key is string => key !== null))];
    expect(keys.length).toBeGreaterThan(1);
    const sources = await service.gateway.read<{ key: string; kind: string; reliability: string | null }>(
      'test.provenance.sources',
      'MATCH (s:Source) WHERE s.key IN $keys RETURN s.key AS key, s.kind AS kind, s.reliability AS reliability',
      { keys },
    );
    const byKey = new Map(sources.map((source) => [source.key, source]));
    for (const [key, source] of citations) expect(source).toEqual(key ? (byKey.get(key) ?? null) : null);
    // The event with its nested rows in one round trip, then every cited source in one batch.
    expect(roundTrips).toEqual(['entities.by-key', 'entities.by-key']);
  });

  it("a person's position gives how sure it is, and each of its dates with its precision and bounds", async () => {
    const stored = await service.gateway.read<{ person: string; position: Record<string, string | null> }>(
      'test.provenance.positions',
      `MATCH (p:Person)-[r:HOLDS_POSITION]->() WHERE r.confidence IS NOT NULL AND r.from IS NOT NULL
       RETURN p.key AS person, {title: r.title, confidence: r.confidence, from: toString(r.from), fromPrecision: r.fromPrecision,
         fromEarliest: toString(r.fromEarliest), fromLatest: toString(r.fromLatest), to: toString(r.to), toPrecision: r.toPrecision,
         toEarliest: toString(r.toEarliest), toLatest: toString(r.toLatest)} AS position LIMIT 1`,
    );
    expect(stored.length).toBe(1);
    expect(stored[0]!.position.fromLatest).not.toBeNull();
    const { data: answer } = await data<{ person: { positions: Record<string, string | null>[] } }>(
      `query ($key: String!) { person(key: $key) { positions { title confidence from fromPrecision fromEarliest fromLatest to toPrecision toEarliest toLatest } } }`,
      { key: stored[0]!.person },
    );
    expect(answer.person.positions).toContainEqual(stored[0]!.position);
  });
});

describe('the seed says no more than the article', () => {
  it('dates what the article states or quotes to the days it allows, 12 to 14 March, with the derivation kept', async () => {
    type Claim = { key: string; madeAt: string; madeAtPrecision: string; madeAtEarliest: string; madeAtLatest: string; dateDerivation: string | null };
    const { data: answer } = await data<{ source: { publishedAtPrecision: string; publishedAtEarliest: string; publishedAtLatest: string; claimsStated: { claim: Claim }[] } }>(
      `{ source(key: "source:article:000-1b3165c116f10b7f") { publishedAtPrecision publishedAtEarliest publishedAtLatest
           claimsStated(first: 100) { claim { key madeAt madeAtPrecision madeAtEarliest madeAtLatest dateDerivation } } } }`,
    );
    expect(answer.source).toMatchObject({ publishedAtPrecision: 'RANGE', publishedAtEarliest: '2024-03-12', publishedAtLatest: '2024-03-14' });
    const claims = answer.source.claimsStated.map((row) => row.claim);
    // Zelensky's BFMTV claim has a day of its own (11 March); every other claim of the article was made within its days.
    const ownDay = claims.filter((claim) => claim.madeAtPrecision === 'DAY');
    expect(ownDay.map((claim) => claim.key)).toEqual(['claim:zelensky:situation-much-better']);
    // The headline of a linked article was first made there, on a day nobody knows.
    expect(claims.filter((claim) => claim.madeAtPrecision === null).map((claim) => claim.key)).toEqual(['claim:see-also:lyman-capture-serious-problem']);
    const inArticle = claims.filter((claim) => claim.madeAtPrecision !== 'DAY' && claim.madeAtPrecision !== null);
    expect(inArticle.length).toBeGreaterThan(10);
    for (const claim of inArticle) {
      expect({ key: claim.key, precision: claim.madeAtPrecision, earliest: claim.madeAtEarliest, latest: claim.madeAtLatest }).toEqual({ key: claim.key, precision: 'RANGE', earliest: '2024-03-12', latest: '2024-03-14' });
      expect(claim.dateDerivation, claim.key).toMatch(/12(,| to) (13 or )?14 March 2024/);
    }
  });

  it('gives the quoted statements no form or language the article does not, and the denial both readings it depends on', async () => {
    const { data: answer } = await data<{ legion: { kind: string }; governor: { language: string | null }; denial: { contradicts: { claim: { key: string }; condition: string | null }[] } }>(
      `{ legion: source(key: "source:statement:freedom-of-russia-legion-2024-03") { kind }
         governor: source(key: "source:statement:kursk-governor-2024-03") { language }
         denial: claim(key: "claim:governor-kursk:denied-turning-point") { contradicts { claim { key } condition } } }`,
    );
    expect(answer.legion.kind).toBe('UNSPECIFIED');
    expect(answer.governor.language).toBeNull();
    const link = answer.denial.contradicts.find((row) => row.claim.key === 'claim:article:only-losovaya-rudka-under-their-control');
    expect(link?.condition).toMatch(/the article, not the governor/);
    expect(link?.condition).toMatch(/"their" refers to the attackers/);
  });
});
