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

  it("a person's position gives how sure it is", async () => {
    const stored = await service.gateway.read<{ person: string; confidence: string | null; title: string | null }>(
      'test.provenance.positions',
      'MATCH (p:Person)-[r:HOLDS_POSITION]->() WHERE r.confidence IS NOT NULL RETURN p.key AS person, r.confidence AS confidence, r.title AS title LIMIT 1',
    );
    expect(stored.length).toBe(1);
    const { data: answer } = await data<{ person: { positions: { title: string; confidence: string | null }[] } }>(
      `query ($key: String!) { person(key: $key) { positions { title confidence } } }`,
      { key: stored[0]!.person },
    );
    expect(answer.person.positions).toContainEqual({ title: stored[0]!.title, confidence: stored[0]!.confidence });
  });
});
