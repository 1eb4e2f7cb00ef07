import { afterAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../src/graphql/global-id';
import { createTestService } from './support/service';

const service = createTestService();
afterAll(() => service.close());

const raid = 'event:2024-03-kursk-raid';
const village = 'place:ru:lozovaya-rudka';
const governorDenial = 'claim:governor-kursk:denied-turning-point';

async function data<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await service.graphql<T>(query, variables);
  expect(response.body.errors).toBeUndefined();
  return response.body.data as T;
}

describe('the questions analysts ask about the article', () => {
  it('which units took part in the raid, with their roles', async () => {
    const result = await data<{ event: { name: string; participants: { role: string; actor: { __typename: string; key: string; name: string } }[] } }>(
      `query ($key: String!) { event(key: $key) { name participants { role actor { __typename key name } } } }`,
      { key: raid },
    );
    const units = result.event.participants
      .filter((participant) => participant.actor.__typename === 'Unit')
      .map((participant) => [participant.actor.key, participant.role]);
    expect(units).toEqual(
      expect.arrayContaining([
        ['unit:freedom-of-russia-legion', 'ATTACKER'],
        ['unit:siberian-battalion', 'ATTACKER'],
        ['unit:russian-volunteer-corps', 'ATTACKER'],
        ['unit:russian-armed-forces', 'DEFENDER'],
      ]),
    );
  });

  it('which claims concern the village, and who made them (both candidates where ambiguous)', async () => {
    const result = await data<{ place: { name: string; claimsAbout: { claim: { key: string; makers: { attribution: string; actor: { key: string } }[] } }[] } }>(
      `query ($key: String!) { place(key: $key) { name claimsAbout { claim { key makers { attribution actor { key } } } } } }`,
      { key: village },
    );
    const claims = new Map(result.place.claimsAbout.map(({ claim }) => [claim.key, claim.makers]));
    expect([...claims.keys()]).toEqual(
      expect.arrayContaining(['claim:article:only-losovaya-rudka-under-their-control', 'claim:isw:volunteers-took-lozovaya-rudka']),
    );
    for (const makers of claims.values()) expect(makers.length).toBeGreaterThan(0);
  });

  it('the claim with two candidate makers shows both, marked ambiguous', async () => {
    const result = await data<{ claim: { attributionAmbiguous: boolean; makers: { attribution: string; asWritten: string; actor: { key: string } }[] } }>(
      `{ claim(key: "claim:ambiguous:take-back-our-land") { attributionAmbiguous makers { attribution asWritten actor { key } } } }`,
    );
    expect(result.claim.attributionAmbiguous).toBe(true);
    expect(result.claim.makers.map((maker) => [maker.actor.key, maker.attribution]).sort()).toEqual([
      ['unit:freedom-of-russia-legion', 'AMBIGUOUS'],
      ['unit:siberian-battalion', 'AMBIGUOUS'],
    ]);
  });

  it("which claims contradict the governor's statement", async () => {
    const result = await data<{ claim: { text: string; stance: string; contradicts: { claim: { key: string } }[]; contradictedBy: { claim: { key: string } }[] } }>(
      `query ($key: String!) { claim(key: $key) { text stance contradicts { claim { key } } contradictedBy { claim { key } } } }`,
      { key: governorDenial },
    );
    expect(result.claim.stance).toBe('DENIES');
    expect(result.claim.text).toContain('turning point');
    expect(result.claim.contradicts.map((link) => link.claim.key).sort()).toEqual([
      'claim:ambiguous:take-back-our-land',
      'claim:article:only-losovaya-rudka-under-their-control',
      'claim:isw:volunteers-took-lozovaya-rudka',
    ]);
  });

  it('what the article says, with exact quotes, and what other sources say', async () => {
    const result = await data<{ source: { kind: string; claimsStated: { quote: string; claim: { key: string } }[] }; claims: { edges: { node: { key: string; sources: { source: { key: string } }[] } }[] } }>(
      `{ source(key: "source:article:000-1b3165c116f10b7f") { kind claimsStated { quote claim { key } } }
         claims(first: 100) { edges { node { key sources { source { key } } } } } }`,
    );
    expect(result.source.kind).toBe('NEWS_ARTICLE');
    const quotes = result.source.claimsStated.map((stated) => stated.quote);
    expect(quotes).toContain('Only the village of Losovaya Rudka remains under their control.');
    const fromElsewhere = result.claims.edges.filter(({ node }) => node.sources.some((s) => s.source.key !== 'source:article:000-1b3165c116f10b7f'));
    expect(fromElsewhere.map(({ node }) => node.key)).toContain('claim:isw:volunteers-took-lozovaya-rudka');
  });

  it('events in a region include those in its villages', async () => {
    const result = await data<{ events: { totalCount: number; edges: { node: { key: string } }[] } }>(
      `{ events(filter: { inPlace: "place:ru:grayvoronsky-district" }) { totalCount edges { node { key } } } }`,
    );
    // The raid is recorded at the village, which lies in the district; the 2023 raid at the district itself.
    expect(result.events.edges.map((edge) => edge.node.key).sort()).toEqual([raid, 'event:2023-05-belgorod-raid'].sort());
    expect(result.events.totalCount).toBe(2);
  });

  it("a country's timeline, looked up by key or by global id, lists the events its list has, in its order", async () => {
    const listed = await data<{ events: { edges: { node: { key: string; startDate: string } }[] } }>(
      `{ events(filter: { inPlace: "place:ru" }, first: 100) { edges { node { key startDate } } } }`,
    );
    const byKey = await service.graphql<{ place: { events: { key: string; startDate: string }[] } }>(`{ place(key: "place:ru") { events { key startDate } } }`);
    const byId = await service.graphql<{ node: { events: { key: string; startDate: string }[] } }>(
      `query ($id: ID!) { node(id: $id) { ... on Place { events { key startDate } } } }`,
      { id: encodeGlobalId('Place', 'place:ru') },
    );
    const expected = listed.events.edges.map((edge) => edge.node);
    expect(expected.length).toBeGreaterThan(1);
    expect(byKey.body.data?.place.events).toEqual(expected);
    expect(byId.body.data?.node.events).toEqual(expected);
    expect(byKey.roundTrips).toEqual(['entities.by-key']);
    expect(byId.roundTrips).toEqual(['entities.by-key']);
  });

  it('places near a point', async () => {
    const result = await data<{ places: { edges: { node: { key: string } }[] } }>(
      `{ places(filter: { near: { latitude: 48.139, longitude: 37.743, withinKm: 30 } }) { edges { node { key } } } }`,
    );
    expect(result.places.edges.map((edge) => edge.node.key)).toContain('place:ua:avdiivka');
    expect(result.places.edges.map((edge) => edge.node.key)).not.toContain('place:ru');
  });

  it('near reads a place\'s uncertainty: WITHIN only what certainly lies in the circle, OVERLAPS what may', async () => {
    type Place = { key: string; location: { latitude: number; longitude: number } | null; locationUncertaintyKm: number | null };
    const circle = { latitude: 48.139, longitude: 37.743, withinKm: 60 };
    const all = await data<{ places: { edges: { node: Place }[] } }>(`{ places(first: 100) { edges { node { key location { latitude longitude } locationUncertaintyKm } } } }`);
    // Great-circle distance computed here, apart from the service's Cypher.
    const km = (point: { latitude: number; longitude: number }) => {
      const radians = (degrees: number) => (degrees * Math.PI) / 180;
      const a =
        Math.sin(radians(point.latitude - circle.latitude) / 2) ** 2 +
        Math.cos(radians(point.latitude)) * Math.cos(radians(circle.latitude)) * Math.sin(radians(point.longitude - circle.longitude) / 2) ** 2;
      return 2 * 6371 * Math.asin(Math.sqrt(a));
    };
    const placed = all.places.edges.map((edge) => edge.node).filter((place) => place.location && place.key.startsWith('place:'));
    const margins = placed.map((place) => ({ key: place.key, near: km(place.location!) - (place.locationUncertaintyKm ?? 0), far: km(place.location!) + (place.locationUncertaintyKm ?? 0) }));
    // No seeded place sits on an edge, where two formulas for the earth's radius could disagree.
    expect(margins.every((place) => Math.abs(place.near - circle.withinKm) > 2 && Math.abs(place.far - circle.withinKm) > 2)).toBe(true);
    const expected = {
      WITHIN: margins.filter((place) => place.far <= circle.withinKm).map((place) => place.key).sort(),
      OVERLAPS: margins.filter((place) => place.near <= circle.withinKm).map((place) => place.key).sort(),
    };
    expect(expected.WITHIN).toContain('place:ua:avdiivka');
    expect(expected.OVERLAPS).toEqual(expect.arrayContaining(['place:ua:avdiivka', 'place:ua:donetsk-oblast']));
    expect(expected.WITHIN).not.toContain('place:ua:donetsk-oblast');
    type Events = { edges: { node: { key: string; places: { place: { key: string } }[] } }[] };
    const answer = await data<{ within: { edges: { node: { key: string } }[] }; overlaps: { edges: { node: { key: string } }[] }; events: Events; eventsOverlapping: Events; allEvents: Events }>(
      `query ($near: NearInput!, $overlapping: NearInput!) {
         within: places(filter: { near: $near }, first: 100) { edges { node { key } } }
         overlaps: places(filter: { near: $overlapping }, first: 100) { edges { node { key } } }
         events(filter: { near: $near }, first: 100) { edges { node { key places { place { key } } } } }
         eventsOverlapping: events(filter: { near: $overlapping }, first: 100) { edges { node { key places { place { key } } } } }
         allEvents: events(first: 100) { edges { node { key places { place { key } } } } } }`,
      { near: circle, overlapping: { ...circle, mode: 'OVERLAPS' } },
    );
    const keys = (list: { edges: { node: { key: string } }[] }) => list.edges.map((edge) => edge.node.key).filter((key) => key.startsWith('place:')).sort();
    expect({ WITHIN: keys(answer.within), OVERLAPS: keys(answer.overlaps) }).toEqual(expected);
    // Events follow their places: those at a place of each expected set, and no others.
    const eventsAt = (places: string[]) =>
      answer.allEvents.edges.filter((edge) => edge.node.places.some((at) => places.includes(at.place.key))).map((edge) => edge.node.key).sort();
    const eventKeys = (list: Events) => list.edges.map((edge) => edge.node.key).filter((key) => !key.includes('test')).sort();
    expect({ WITHIN: eventKeys(answer.events), OVERLAPS: eventKeys(answer.eventsOverlapping) }).toEqual({
      WITHIN: eventsAt(expected.WITHIN).filter((key) => !key.includes('test')),
      OVERLAPS: eventsAt(expected.OVERLAPS).filter((key) => !key.includes('test')),
    });
    expect(eventKeys(answer.eventsOverlapping).length).toBeGreaterThan(0);
  });

  it('near a place: the circle is centred on its point and widened or narrowed by its uncertainty; each result tells its distance', async () => {
    type Place = { key: string; location: { latitude: number; longitude: number } | null; locationUncertaintyKm: number | null };
    const centreKey = 'place:ua:avdiivka';
    const all = await data<{ places: { edges: { node: Place }[] } }>(`{ places(first: 100) { edges { node { key location { latitude longitude } locationUncertaintyKm } } } }`);
    const placed = all.places.edges.map((edge) => edge.node).filter((place) => place.location && place.key.startsWith('place:'));
    const centre = placed.find((place) => place.key === centreKey)!;
    // Haversine on the sphere Neo4j's point.distance uses (radius 6,378.14 km), computed here.
    const km = (a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) => {
      const radians = (degrees: number) => (degrees * Math.PI) / 180;
      const h = Math.sin(radians(b.latitude - a.latitude) / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(radians(b.longitude - a.longitude) / 2) ** 2;
      return 2 * 6378.14 * Math.asin(Math.sqrt(h));
    };
    const withinKm = 80;
    const spread = (place: Place) => (place.locationUncertaintyKm ?? 0) + (centre.locationUncertaintyKm ?? 0);
    const expected = {
      WITHIN: placed.filter((place) => km(place.location!, centre.location!) + spread(place) <= withinKm).map((place) => place.key).sort(),
      OVERLAPS: placed.filter((place) => km(place.location!, centre.location!) - spread(place) <= withinKm).map((place) => place.key).sort(),
    };
    expect(expected.OVERLAPS.length).toBeGreaterThan(expected.WITHIN.length);
    type Listed = { edges: { node: { key: string; distanceKm: number | null } }[] };
    const answer = await data<{ within: Listed; overlaps: Listed; neo4j: unknown }>(
      `query ($centre: String!) {
         within: places(filter: { near: { place: $centre, withinKm: ${withinKm} } }, first: 100) { edges { node { key distanceKm(place: $centre) } } }
         overlaps: places(filter: { near: { place: $centre, withinKm: ${withinKm}, mode: OVERLAPS } }, first: 100) { edges { node { key distanceKm(place: $centre) } } } }`,
      { centre: centreKey },
    );
    const keys = (list: Listed) => list.edges.map((edge) => edge.node.key).filter((key) => key.startsWith('place:')).sort();
    expect({ WITHIN: keys(answer.within), OVERLAPS: keys(answer.overlaps) }).toEqual(expected);
    for (const { node } of answer.overlaps.edges) {
      const place = placed.find((candidate) => candidate.key === node.key)!;
      expect(node.distanceKm).toBeCloseTo(km(place.location!, centre.location!), 1);
    }
    // The same sphere as Neo4j's: the service's distance agrees with point.distance.
    const [row] = await service.gateway.read<{ metres: number }>('test.distance', `MATCH (a:Place {key: $a}), (b:Place {key: 'place:ua:lyman'}) RETURN point.distance(a.location, b.location) AS metres`, { a: centreKey });
    const lyman = await data<{ place: { distanceKm: number } }>(`{ place(key: "place:ua:lyman") { distanceKm(place: "${centreKey}") } }`);
    expect(Math.abs(lyman.place.distanceKm - row!.metres / 1000)).toBeLessThan(0.06);
  });

  it('refuses a near circle without a centre, with two, or centred on no place, naming the field', async () => {
    const cases: [string, string][] = [
      ['{ places(filter: { near: { withinKm: 5 } }) { totalCount } }', 'near.latitude'],
      ['{ places(filter: { near: { place: "place:ua:avdiivka", latitude: 1, longitude: 1, withinKm: 5 } }) { totalCount } }', 'near.place'],
      ['{ events(filter: { near: { place: "place:ua:nowhere-at-all", withinKm: 5 } }) { totalCount } }', 'near.place'],
      ['{ places(filter: { near: { place: "unit:freedom-of-russia-legion", withinKm: 5 } }) { totalCount } }', 'near.place'],
    ];
    for (const [query, field] of cases) {
      const response = await service.graphql(query);
      expect(response.body.errors?.[0]?.extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('search finds the village under every spelling, with its kind', async () => {
    for (const text of ['Lozovaya', 'Losovaya', 'Lozova', 'Лозовая', 'lozovaya rudka']) {
      const result = await data<{ search: { kind: string; entity: { key: string } }[] }>(
        `query ($text: String!) { search(text: $text) { kind entity { key } } }`,
        { text },
      );
      expect(result.search[0], text).toEqual({ kind: 'PLACE', entity: { key: village } });
    }
  });

  it('search asked for some kinds finds only those, with the fields asked for', async () => {
    const result = await data<{ places: { kind: string; entity: { key: string; name: string; location: unknown } }[]; claims: { kind: string }[] }>(
      `{ places: search(text: "Lozovaya", kinds: [PLACE]) { kind entity { key ... on Place { name location { latitude } } } }
         claims: search(text: "Lozovaya", kinds: [CLAIM, SOURCE]) { kind } }`,
    );
    expect(result.places.length).toBeGreaterThan(0);
    expect(result.places.every((hit) => hit.kind === 'PLACE')).toBe(true);
    expect(result.places[0]).toEqual({ kind: 'PLACE', entity: { key: village, name: 'Lozovaya Rudka', location: { latitude: expect.any(Number) } } });
    expect(result.claims.length).toBeGreaterThan(0);
    expect(result.claims.every((hit) => hit.kind === 'CLAIM' || hit.kind === 'SOURCE')).toBe(true);
  });

  it('the contested view lists places and events with contradicting claims', async () => {
    const result = await data<{ contested: { contradictions: number; entity: { key: string } }[] }>(`{ contested { contradictions entity { key } } }`);
    expect(result.contested.map((row) => row.entity.key)).toEqual(expect.arrayContaining([village]));
  });

  it("groups an entity's contradicting claims into disputes", async () => {
    const result = await data<{ place: { disputes: { claims: { key: string }[]; contradictions: { claim: { key: string }; contradicts: { key: string } }[] }[] } }>(
      `{ place(key: "${village}") { disputes { claims { key } contradictions { claim { key } contradicts { key } } } } }`,
    );
    expect(result.place.disputes).toHaveLength(1);
    expect(result.place.disputes[0]?.claims.map((claim) => claim.key)).toEqual(expect.arrayContaining([governorDenial]));
  });
});

describe('ids, lookups and pages', () => {
  it('resolves global ids with node and nodes; a well-formed id naming nothing is null', async () => {
    const unitId = encodeGlobalId('Unit', 'unit:siberian-battalion');
    const missing = encodeGlobalId('Unit', 'unit:no-such-unit');
    const result = await data<{ node: { key: string; name: string }; nodes: ({ key: string } | null)[] }>(
      `query ($id: ID!, $ids: [ID!]!) { node(id: $id) { ... on Unit { key name } } nodes(ids: $ids) { ... on Entity { key } } }`,
      { id: unitId, ids: [missing, unitId] },
    );
    expect(result.node).toEqual({ key: 'unit:siberian-battalion', name: 'Siberian Battalion' });
    expect(result.nodes).toEqual([null, { key: 'unit:siberian-battalion' }]);
  });

  it('node(id:) is null for an id of a type the graph has not, or of a key under another type', async () => {
    for (const id of [encodeGlobalId('Weapon', 'unit:siberian-battalion'), encodeGlobalId('Place', 'unit:siberian-battalion')]) {
      const result = await service.graphql<{ node: unknown }>(`query ($id: ID!) { node(id: $id) { id ... on Unit { events { role } } } }`, { id });
      expect(result.body.errors).toBeUndefined();
      expect(result.body.data?.node).toBeNull();
    }
  });

  it('looks up entities of several types with the same selection in one request, each by its own label', async () => {
    const result = await data<Record<string, { key: string } | null>>(
      `query ($place: String!, $event: String!) { place: place(key: $place) { key } event: event(key: $event) { key } eventAsPlace: place(key: $event) { key }
        unit: node(id: "${encodeGlobalId('Unit', 'unit:siberian-battalion')}") { ... on Entity { key } } }`,
      { place: village, event: raid },
    );
    expect(result).toEqual({ place: { key: village }, event: { key: raid }, eventAsPlace: null, unit: { key: 'unit:siberian-battalion' } });
  });

  it('pages through events with cursors in a stable order', async () => {
    const all = await data<{ events: { edges: { node: { key: string } }[] } }>(`{ events(first: 100) { edges { node { key } } } }`);
    const first = await data<{ events: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { key: string } }[] } }>(
      `{ events(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { key } } } }`,
    );
    const second = await data<{ events: { pageInfo: { hasPreviousPage: boolean }; edges: { node: { key: string } }[] } }>(
      `query ($after: String) { events(first: 2, after: $after) { pageInfo { hasPreviousPage } edges { node { key } } } }`,
      { after: first.events.pageInfo.endCursor },
    );
    expect(first.events.totalCount).toBe(all.events.edges.length);
    expect(first.events.pageInfo.hasNextPage).toBe(true);
    expect(second.events.pageInfo.hasPreviousPage).toBe(true);
    expect([...first.events.edges, ...second.events.edges].map((edge) => edge.node.key)).toEqual(
      all.events.edges.slice(0, 4).map((edge) => edge.node.key),
    );
  });

  it('pages through the events of a place, forward and back, as through the whole list', async () => {
    type Page = { events: { totalCount: number; pageInfo: { endCursor: string }; edges: { node: { key: string; places: { place: { key: string } }[] } }[] } };
    const query = `query ($first: Int, $after: String, $last: Int) { events(filter: { inPlace: "place:ru" }, first: $first, after: $after, last: $last) {
      totalCount pageInfo { endCursor } edges { node { key places { place { key } } } } } }`;
    const all = await data<Page>(query, { first: 100 });
    const first = await data<Page>(query, { first: 1 });
    const second = await data<Page>(query, { first: 1, after: first.events.pageInfo.endCursor });
    const last = await data<Page>(query, { last: 1 });
    const everyKey = all.events.edges.map((edge) => edge.node.key);
    expect(everyKey.length).toBeGreaterThan(2);
    expect(first.events.totalCount).toBe(everyKey.length);
    expect([...first.events.edges, ...second.events.edges].map((edge) => edge.node.key)).toEqual(everyKey.slice(0, 2));
    expect(last.events.edges.map((edge) => edge.node.key)).toEqual(everyKey.slice(-1));
    expect(second.events.edges[0]?.node.places).toEqual(all.events.edges[1]?.node.places);
  });
});

describe('bad input', () => {
  const expectBadInput = async (query: string, pattern: RegExp) => {
    const response = await service.graphql(query);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.body.errors?.[0]?.message).toMatch(pattern);
  };

  it('rejects a malformed id', () => expectBadInput('{ node(id: "not an id!") { id } }', /not a global id/));
  it('rejects a malformed cursor', () => expectBadInput('{ events(after: "bogus") { totalCount } }', /not a cursor/));
  it('rejects a page over the maximum', () => expectBadInput('{ events(first: 1000) { totalCount } }', /first must be between 0 and 100/));
  it('rejects an oversized search or contested list', async () => {
    await expectBadInput('{ search(text: "Kursk", first: 500) { kind } }', /first must be between 0 and 100/);
    await expectBadInput('{ contested(first: 500) { contradictions } }', /first must be between 0 and 100/);
  });
  it('rejects an unknown enum value', () => expectBadInput('{ events(filter: { types: [SKIRMISH] }) { totalCount } }', /SKIRMISH/));
  it('rejects a point out of range', () =>
    expectBadInput('{ places(filter: { near: { latitude: 91, longitude: 0, withinKm: 5 } }) { totalCount } }', /latitude must be between -90 and 90/));
  it('rejects a malformed date', () => expectBadInput('{ events(filter: { from: "12/03/2024" }) { totalCount } }', /Date must be ISO 8601/));
});

describe('batching', () => {
  const nested = `query ($first: Int) {
    events(first: $first) { edges { node {
      key places { place { key } } participants { role actor { key } }
      claimsAbout { claim { key sources { quote source { key } } } }
    } } }
  }`;

  it('reads a page of 1 or of 20 events with their places, participants, claims and sources in one round trip', async () => {
    const small = await service.graphql(nested, { first: 1 });
    const large = await service.graphql(nested, { first: 20 });
    expect(small.body.errors).toBeUndefined();
    expect(large.body.errors).toBeUndefined();
    expect(large.roundTrips).toEqual(['events.list']);
    expect(small.roundTrips).toEqual(large.roundTrips);
  });

  it('reads a lookup by key and the relationships below it, however deep, in one round trip', async () => {
    const deep = await service.graphql(
      `query ($key: String!) { event(key: $key) { participants { actor { key events { event { key places { place { key ancestors { key } } } } } } } } }`,
      { key: raid },
    );
    expect(deep.body.errors).toBeUndefined();
    expect(deep.roundTrips).toEqual(['entities.by-key']);
  });

  it('reads the names, disputes and history of 1 or of 20 places in the same round trip', async () => {
    const query = `query ($first: Int) { places(first: $first) { edges { node { key names { value } disputes { claims { key } } history { operation } } } } }`;
    const small = await service.graphql(query, { first: 1 });
    const large = await service.graphql(query, { first: 20 });
    expect(large.body.errors).toBeUndefined();
    expect(large.roundTrips).toEqual(['places.list']);
    expect(small.roundTrips).toEqual(large.roundTrips);
  });
});

describe('relationships read nested in their parent\'s query', () => {
  // Every relationship field of every type, with a field below each: what every entity has, and each type's own.
  const common = `key claimsAbout { role claim { key makers { actor { key } } } }
    history { operation changed by values }
    disputes { claims { key text } contradictions { note claim { key } contradicts { key stance } } }`;
  const actor = `... on Actor { alignedWith { from actor { key } } events { role event { key places { place { key } } } } claimsMade { key } }`;
  const types = {
    Unit: { kind: 'UNIT', fields: `${actor} ... on Unit { parents { from actor { key } } subUnits { actor { key } } }`, texts: ['Legion', 'Siberian', 'Russia'] },
    Person: { kind: 'PERSON', fields: `${actor} ... on Person { positions { title at { key } } }`, texts: ['Starovoit', 'Zelensky'] },
    Organization: { kind: 'ORGANIZATION', fields: actor, texts: ['Monde', 'Ukraine', 'Ministry'] },
    Place: { kind: 'PLACE', fields: `... on Place { names { value script kind } ancestors { key } children { key } events { key } parent { key } }`, texts: ['Kursk', 'Lozovaya', 'Avdiivka'] },
    Event: { kind: 'EVENT', fields: `... on Event { places { precision place { key ancestors { key } } } participants { role actor { key } } sources { key } subEvents { key } parent { key } }`, texts: ['raid', 'Kursk'] },
    Claim: {
      kind: 'CLAIM',
      fields: `... on Claim { makers { attribution actor { key } } subjects { role entity { key } } sources { quote source { key title } }
        supports { claim { key } } supportedBy { claim { key } } contradicts { note claim { key } } contradictedBy { claim { key } }
        supersedes { claim { key } } supersededBy { claim { key } } }`,
      texts: ['Lozovaya', 'control', 'raid'],
    },
    Source: { kind: 'SOURCE', fields: `... on Source { publishers { actor { key } } quotes { key } quotedBy { key } claimsStated { quote claim { key } } events { key } }`, texts: ['Monde', 'Kursk', 'Governor'] },
  } as const;

  // Search hits are built without nested reads, so the fields below them are each read by their own batched query.
  const seen = new Map<string, { __typename: string; key: string }>();
  // One test per type, so that each plans only its own relationships' queries: a few seconds of work on a busy machine.
  for (const [typename, { kind, fields, texts }] of Object.entries(types)) {
    it(`answers a lookup of a ${typename} as the batched query of each relationship does`, async () => {
      const relationships = `fragment Relationships on Entity { ${common} ${fields} }`;
      for (const text of texts) {
        const found = await data<{ search: { entity: { __typename: string; key: string } }[] }>(
          `${relationships} query ($text: String!) { search(text: $text, kinds: [${kind}], first: 4) { entity { __typename ...Relationships } } }`,
          { text },
        );
        for (const { entity } of found.search) {
          if (seen.has(entity.key)) continue;
          seen.set(entity.key, entity);
          // node(id:) knows the type, so every field above is read in the lookup's one query.
          const looked = await service.graphql<{ node: unknown }>(`${relationships} query ($id: ID!) { node(id: $id) { __typename ...Relationships } }`, {
            id: encodeGlobalId(entity.__typename, entity.key),
          });
          expect(looked.body.errors).toBeUndefined();
          expect(looked.body.data?.node, entity.key).toEqual(entity);
          expect(looked.roundTrips, entity.key).toEqual(['entities.by-key']);
        }
      }
      expect([...seen.values()].some((entity) => entity.__typename === typename), `no ${typename} found by ${texts.join(', ')}`).toBe(true);
    });
  }

  it('compared every relationship field of every type, groupings included', () => {
    expect(new Set([...seen.values()].map((entity) => entity.__typename))).toEqual(new Set(['Unit', 'Person', 'Organization', 'Place', 'Event', 'Claim', 'Source']));
    // The groupings are compared too, not only empty lists.
    const withAny = (field: string) => [...seen.values()].filter((entity) => ((entity as Record<string, unknown>)[field] as unknown[] | undefined)?.length);
    expect(withAny('disputes').length).toBeGreaterThan(0);
    expect(withAny('names').length).toBeGreaterThan(0);
  });
});

describe('one document run with different variables', () => {
  // Yoga's cache keeps the parsed document from one run to the next; what is planned from its
  // field nodes may still depend on the variables, here an argument below a batched relationship.
  const withVariable = `query ($descendants: Boolean) { search(text: "Ukraine", kinds: [PLACE], first: 1) {
    entity { key ... on Place { children { key events(includeDescendants: $descendants) { key } } } } } }`;
  const inline = (descendants: boolean) => `{ search(text: "Ukraine", kinds: [PLACE], first: 1) {
    entity { key ... on Place { children { key events(includeDescendants: ${descendants}) { key } } } } } }`;

  it('answers each run with its own variables, as the same question written inline does', async () => {
    const answers = [];
    for (const descendants of [true, false, true]) {
      const answer = await data(withVariable, { descendants });
      expect(answer).toEqual(await data(inline(descendants)));
      answers.push(answer);
    }
    // The two values ask different questions of this graph, so the comparison above says something.
    expect(answers[0]).not.toEqual(answers[1]);
  });
});

describe('lists read only the properties their selection names', () => {
  type Actor = { key: string; name: string; nativeName: string | null; aliases: string[]; side?: string | null };
  type Place = { key: string; name: string; type: string | null; location: { latitude: number; longitude: number } | null };
  const actorFields = 'key name nativeName aliases ... on Unit { side }';
  const placeFields = 'key name type location { latitude longitude }';

  it('answers through fragments, aliases and nesting as a lookup of each entity by key does', async () => {
    const listed = await data<{
      events: { edges: { node: { key: string; startDate: string; a: { role: string; actor: Actor }[]; b: { actor: { key: string; description: string | null } }[]; places: { precision: string; place: Place }[] } }[] };
    }>(
      `fragment ActorFields on Actor { name nativeName ...Aliases }
       fragment Aliases on Actor { aliases }
       query { events(first: 50) { edges { node { key ... on Event { startDate }
         a: participants { role actor { key ...ActorFields ... on Unit { side } } }
         b: participants { actor { key description } }
         places { precision place { ... on Place { ${placeFields} } } } } } } }`,
    );
    const events = listed.events.edges.map((edge) => edge.node);
    const actors = new Map(events.flatMap((event) => event.a.map((participant) => [participant.actor.key, participant.actor] as const)));
    const places = new Map(events.flatMap((event) => event.places.map((row) => [row.place.key, row.place] as const)));
    expect(actors.size).toBeGreaterThan(3);
    expect([...actors.values()].some((actor) => actor.nativeName !== null && actor.aliases.length > 0)).toBe(true);
    for (const [key, actor] of actors) {
      const { entity } = await data<{ entity: Actor }>(`query ($key: String!) { entity(key: $key) { ... on Actor { ${actorFields} } } }`, { key });
      expect(actor).toEqual(entity);
    }
    for (const [key, place] of places) {
      const { place: looked } = await data<{ place: Place }>(`query ($key: String!) { place(key: $key) { ${placeFields} } }`, { key });
      expect(place).toEqual(looked);
    }
    for (const event of events) {
      const { event: looked } = await data<{ event: { startDate: string; participants: { role: string; actor: { key: string; description: string | null } }[] } }>(
        `query ($key: String!) { event(key: $key) { startDate participants { role actor { key description } } } }`,
        { key: event.key },
      );
      expect(event.startDate).toBe(looked.startDate);
      expect(event.a.map((participant) => participant.role)).toEqual(looked.participants.map((participant) => participant.role));
      expect(event.b).toEqual(looked.participants.map(({ actor }) => ({ actor })));
    }
  });
});

describe('GraphiQL', () => {
  it('opens with an example that answers a real question about the raid', async () => {
    const page = await (await service.yoga.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } })).text();
    const example = /"defaultQuery":"((?:[^"\\]|\\.)*)"/.exec(page)?.[1];
    expect(example).toBeDefined();
    const response = await service.graphql<{ event: { participants: unknown[]; claimsAbout: { claim: { sources: unknown[] } }[] } }>(
      JSON.parse(`"${example}"`) as string,
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.event.participants.length).toBeGreaterThan(2);
    expect(response.body.data?.event.claimsAbout.length).toBeGreaterThan(0);
    expect(response.body.data?.event.claimsAbout.every(({ claim }) => claim.sources.length > 0)).toBe(true);
  });
});

describe('every seeded value fits the schema', () => {
  it('serves every place, event, claim and source with its enumerations', async () => {
    const result = await data<Record<string, { totalCount: number; edges: unknown[] }>>(
      `{ places(first: 100) { totalCount edges { node { type names { kind } } } }
         events(first: 100) { totalCount edges { node { type } } }
         claims(first: 100, includeDeprecated: true) { totalCount edges { node { type stance basis rank } } }
         units: search(text: "unit", kinds: [UNIT]) { kind } }`,
    );
    for (const list of ['places', 'events', 'claims']) {
      expect(result[list]?.edges.length, list).toBe(result[list]?.totalCount);
    }
  });

  it('serves every source with its kind and reliability', async () => {
    const keys = await service.gateway.read<{ key: string }>('test.sources', 'MATCH (s:Source) RETURN s.key AS key');
    const response = await service.graphql<{ nodes: { kind: string; reliability: string | null }[] }>(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Source { kind reliability } } }`,
      { ids: keys.map(({ key }) => encodeGlobalId('Source', key)) },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.nodes).toHaveLength(keys.length);
    expect(response.roundTrips).toEqual(['entities.by-key']);
  });
});

describe('filters on claims and time', () => {
  it('filters claims by subject, maker and stance', async () => {
    const result = await data<Record<string, { edges: { node: { key: string; stance: string } }[] }>>(
      `{ aboutVillage: claims(filter: { about: "${village}" }) { edges { node { key stance } } }
         bySiberians: claims(filter: { madeBy: "unit:siberian-battalion" }) { edges { node { key stance } } }
         denials: claims(filter: { stances: [DENIES] }) { edges { node { key stance } } }
         searched: claims(filter: { text: "turning point", about: "${raid}" }) { edges { node { key stance } } } }`,
    );
    const keys = (list: string) => result[list]!.edges.map((edge) => edge.node.key);
    expect(keys('aboutVillage')).toContain('claim:article:only-losovaya-rudka-under-their-control');
    expect(keys('bySiberians')).toEqual(expect.arrayContaining(['claim:ambiguous:take-back-our-land', 'claim:siberian-battalion:soldiers-in-russia']));
    expect(keys('denials')).toContain(governorDenial);
    expect(result.denials!.edges.every((edge) => edge.node.stance === 'DENIES')).toBe(true);
    expect(keys('searched')).toEqual([governorDenial]);
  });

  it('asOf shows what the graph knew then, by record time', async () => {
    const result = await data<Record<string, { totalCount: number }>>(
      `{ before: events(asOf: "2020-01-01T00:00:00Z") { totalCount } now: events(asOf: "2030-01-01T00:00:00Z") { totalCount }
         beforeClaims: claims(asOf: "2020-01-01T00:00:00Z") { totalCount } }`,
    );
    expect(result.before?.totalCount).toBe(0);
    expect(result.beforeClaims?.totalCount).toBe(0);
    expect(result.now?.totalCount).toBeGreaterThan(0);
  });

  it('asOf on a list is honoured by the relationships below it, and can be overridden there', async () => {
    // Something learned after the seed (recorded 2026-11-25T00:00Z): a new participant and a new claim about the raid.
    const later = '2026-12-01T00:00:00Z';
    await service.gateway.write(
      'test.later-facts',
      `MATCH (raid:Event {key: $raid})
       CREATE (u:Actor:Unit {key: 'unit:test-later-unit', name: 'Later unit', recordedAt: datetime($later)})-[:PARTICIPATED_IN {role: 'SUPPORTER', recordedAt: datetime($later)}]->(raid)
       CREATE (c:Claim {key: 'claim:test:later-claim', text: 'Later claim', recordedAt: datetime($later)})-[:ABOUT {role: 'EVENT', recordedAt: datetime($later)}]->(raid)`,
      { raid, later },
    );
    try {
      const query = `query ($asOf: DateTime) {
        events(filter: { text: "raid Kursk" }, first: 1, asOf: $asOf) { edges { node { key
          participants { actor { key } }
          claimsAbout { claim { key } }
          now: claimsAbout(asOf: "2030-01-01T00:00:00Z") { claim { key } } } } } }`;
      type Result = { events: { edges: { node: { key: string; participants: { actor: { key: string } }[]; claimsAbout: { claim: { key: string } }[]; now: { claim: { key: string } }[] } }[] } };
      const [then, today] = await Promise.all([data<Result>(query, { asOf: '2026-11-26T00:00:00Z' }), data<Result>(query, {})]);
      const thenRaid = then.events.edges[0]!.node;
      const todayRaid = today.events.edges[0]!.node;
      expect(thenRaid.key).toBe(raid);
      expect(thenRaid.participants.map((p) => p.actor.key)).not.toContain('unit:test-later-unit');
      expect(thenRaid.claimsAbout.map((c) => c.claim.key)).not.toContain('claim:test:later-claim');
      expect(thenRaid.now.map((c) => c.claim.key)).toContain('claim:test:later-claim');
      expect(thenRaid.participants.length).toBe(todayRaid.participants.length - 1);
      expect(todayRaid.participants.map((p) => p.actor.key)).toContain('unit:test-later-unit');
      expect(todayRaid.claimsAbout.map((c) => c.claim.key)).toContain('claim:test:later-claim');
    } finally {
      await service.gateway.write('test.later-facts.cleanup', `MATCH (n) WHERE n.key IN ['unit:test-later-unit', 'claim:test:later-claim'] DETACH DELETE n`);
    }
  });

  it('valid-time filters keep events that overlap the period', async () => {
    const result = await data<{ events: { edges: { node: { key: string } }[] } }>(
      `{ events(filter: { from: "2024-03-01", to: "2024-03-31" }) { edges { node { key } } } }`,
    );
    const keys = result.events.edges.map((edge) => edge.node.key);
    expect(keys).toEqual(expect.arrayContaining([raid, 'event:2024-03-russian-presidential-election']));
    expect(keys).not.toContain('event:2024-02-17-avdiivka-withdrawal');
  });
});

describe('lists of actors and sources', () => {
  it('lists units of a side, and finds actors by a garbled alias', async () => {
    const result = await data<Record<string, { totalCount: number; edges: { node: { key: string } }[] }>>(
      `{ ukrainianSide: actors(filter: { kinds: [UNIT], side: UKRAINE }) { totalCount edges { node { key } } }
         garbled: actors(filter: { text: "Russia Legion for Freedom" }, first: 1) { totalCount edges { node { key } } } }`,
    );
    expect(result.ukrainianSide!.edges.map((edge) => edge.node.key)).toEqual(
      expect.arrayContaining(['unit:freedom-of-russia-legion', 'unit:siberian-battalion', 'unit:armed-forces-of-ukraine']),
    );
    expect(result.ukrainianSide!.edges.map((edge) => edge.node.key)).not.toContain('unit:russian-armed-forces');
    expect(result.garbled!.edges[0]?.node.key).toBe('unit:freedom-of-russia-legion');
  });

  it('lists sources by kind and publication date', async () => {
    const result = await data<{ sources: { edges: { node: { key: string; kind: string; publishedAt: string } }[] } }>(
      `{ sources(filter: { kinds: [NEWS_ARTICLE], publishedFrom: "2024-03-01", publishedTo: "2024-03-31" }) { edges { node { key kind publishedAt } } } }`,
    );
    expect(result.sources.edges.map((edge) => edge.node.key)).toContain('source:article:000-1b3165c116f10b7f');
    expect(result.sources.edges.every((edge) => edge.node.kind === 'NEWS_ARTICLE' && edge.node.publishedAt.startsWith('2024-03'))).toBe(true);
  });
});
