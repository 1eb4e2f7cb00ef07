import { getIntrospectionQuery, getNamedType, getNullableType, isInterfaceType, isListType, isObjectType, parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { schema } from '../src/graphql/schema';
import { maxPageSize, type ListBound } from '../src/graphql/pagination';
import { limitsWork, operationCost, operationShape } from '../src/server/limits';
import { createTestService } from './support/service';

const service = createTestService();
afterAll(() => service.close());

/** A fragment spread twice at each of `levels` levels: 2^levels fields once expanded, in a few hundred bytes. */
const fragmentBomb = (levels: number) =>
  `query Bomb { ...F0 } ${Array.from({ length: levels }, (_, level) =>
    level < levels - 1 ? `fragment F${level} on Query { ...F${level + 1} ...F${level + 1} }` : `fragment F${level} on Query { database { name } }`,
  ).join(' ')}`;

const measure = (document: string, variables: Record<string, unknown> = {}) => {
  const parsed = parse(document);
  const operation = parsed.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition')!;
  return { shape: operationShape(parsed, operation), cost: operationCost(schema, parsed, variables) };
};

/** Selections written in a document: what a linear walk visits at most. */
const selectionsIn = (document: string) => (document.match(/[{\s]\.\.\.|\b\w+\s*(?=[{(\s}])/g) ?? []).length;

describe('the cost and shape of an operation, measured in one pass', () => {
  it('measures a 30-level fragment bomb by visiting each fragment once', () => {
    const bomb = fragmentBomb(30);
    const { shape, cost } = measure(bomb);
    expect(cost.cost).toBe(2 ** 29);
    // Two spreads and a field or two per fragment: linear in the document, not 2^30.
    expect(shape.visits).toBeLessThanOrEqual(2 * 30 + 2);
    expect(cost.visits).toBeLessThanOrEqual(2 * 30 + 2);
    expect(shape.visits).toBeLessThanOrEqual(selectionsIn(bomb));
  });

  it('counts the aliases and directives a spread brings in each time, as execution would', () => {
    const { shape } = measure(`query { ...A ...A ...A } fragment A on Query { a: database { name } b: database @include(if: true) { name } }`);
    expect(shape).toMatchObject({ aliases: 6, directives: 3 });
  });

  it('prices the standard introspection query by what it returns, within the default budget, at depth 1', () => {
    const { shape, cost } = measure(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true }));
    const everyType = Object.keys(schema.getTypeMap()).length;
    expect(cost.cost).toBeGreaterThan(everyType * 10);
    // Half the default MAX_COST: GraphiQL's introspection passes with room for the schema to grow.
    expect(cost.cost).toBeLessThan(50_000 / 2);
    expect(shape.depth).toBe(1);
  });

  it('prices searched text by the length of its words', () => {
    const short = measure('{ search(text: "Lozovaya Rudka") { score } }').cost.cost;
    const long = measure(`{ search(text: "${'a'.repeat(100)} ${'b'.repeat(100)}") { score } }`).cost.cost;
    const asVariable = measure('query ($filter: ClaimFilter) { claims(filter: $filter) { totalCount } }', { filter: { text: 'a'.repeat(100) } }).cost.cost;
    expect(long - short).toBe((200 - 13) * 10);
    expect(asVariable).toBeGreaterThanOrEqual(1_000);
  });

  it('prices a relationship list at its default page size, or at the page asked for', () => {
    const at = (first?: number) => measure(`{ place(key: "place:ru") { children${first === undefined ? '' : `(first: ${first})`} { key } } }`).cost.cost;
    expect(at()).toBe(1 + 10);
    expect(at(100)).toBe(1 + 100);
    expect(at(3)).toBe(1 + 3);
  });
});

describe('every list in the schema is bounded', () => {
  it('has a page size with a maximum, a list of ids, or a declared bound on each list field', () => {
    const unbounded: string[] = [];
    let lists = 0;
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        if (!isListType(getNullableType(field.type))) continue;
        lists += 1;
        const first = field.args.find((arg) => arg.name === 'first');
        const paged = first !== undefined && (first.defaultValue === undefined || (typeof first.defaultValue === 'number' && first.defaultValue <= maxPageSize));
        const byIds = field.args.some((arg) => arg.name === 'ids');
        const edgesOfPage = type.name.endsWith('Connection') && field.name === 'edges';
        const bound = field.extensions.listBound as ListBound | undefined;
        if (!(paged || byIds || edgesOfPage || (bound && bound.maxItems > 0))) unbounded.push(`${type.name}.${field.name}: [${getNamedType(field.type).name}]`);
      }
    }
    expect(lists).toBeGreaterThan(50);
    expect(unbounded).toEqual([]);
  });
});

describe('attacks on the cost model, over HTTP', () => {
  it('refuses a 30-level fragment bomb with QUERY_TOO_COSTLY before any Cypher, and answers a read sent beside it', async () => {
    const alone = await service.graphql(fragmentBomb(30));
    expect(alone.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', found: 2 ** 29 });
    expect(alone.roundTrips).toEqual([]);
    const [bomb, read] = await Promise.all([service.graphql(fragmentBomb(30)), service.graphql('{ place(key: "place:ru") { name } }')]);
    expect(bomb.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
    expect(read.body).toEqual({ data: { place: { name: 'Russia' } } });
  });

  it('refuses the same bomb to an anonymous client when reads are closed, without measuring it twice', async () => {
    const closed = createTestService({ READ_ACCESS: 'authenticated' });
    try {
      const response = await closed.graphql(fragmentBomb(30));
      expect(response.body.errors?.[0]?.extensions?.code).toMatch(/QUERY_TOO_COSTLY|UNAUTHENTICATED/);
      expect(response.roundTrips).toEqual([]);
    } finally {
      await closed.close();
    }
  });

  it('answers the standard introspection query, as GraphiQL and code generators send it', async () => {
    const response = await service.graphql<{ __schema: { types: { name: string }[] } }>(getIntrospectionQuery());
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.__schema.types.map((type) => type.name)).toEqual(expect.arrayContaining(['Query', 'Event', 'Claim', 'Source']));
  });

  it('refuses 30 aliased copies of a wide introspection selection', async () => {
    const wide = '__schema { types { name description fields { name description args { name description type { name ofType { name ofType { name } } } } type { name ofType { name } } } } }';
    const aliased = Array.from({ length: 30 }, (_, index) => `i${index}: ${wide}`).join(' ');
    const response = await service.graphql(`{ ${aliased} }`);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
    expect(response.body.data).toBeUndefined();
  });

  it('refuses 30 aliases of a long search before Neo4j sees one', async () => {
    const words = Array.from({ length: 12 }, (_, index) => String.fromCharCode(97 + index).repeat(100)).join(' ');
    const aliased = Array.from({ length: 30 }, (_, index) => `s${index}: search(text: "${words}") { score }`).join(' ');
    const response = await service.graphql(`{ ${aliased} }`);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
    expect(response.roundTrips).toEqual([]);
  });

  it('lets the queries of the README and docs through at their default page sizes', async () => {
    const natural = [
      // Claims of an actor, with their makers and sources.
      `{ actors { edges { node { name claimsMade { text makers { actor { name } } sources { quote source { title reliability } } } } } } }`,
      // What is contested, with the claims of each disagreement.
      `{ contested { contradictions entity { __typename key } } places(first: 20) { edges { node { name disputes { claims { text makers { actor { name } } } contradictions { note } } } } } }`,
      // A page of events with places, participants, claims and sources.
      `{ events { edges { node { name places { place { name ancestors { name } } } participants { role actor { name } } claimsAbout { claim { text sources { quote source { title } } } } } } } }`,
    ];
    for (const query of natural) {
      const response = await service.graphql(query);
      expect(response.body.errors, query).toBeUndefined();
    }
  });
});

describe('relationship lists are bounded', () => {
  it('returns at most `first` items of a relationship, 10 by default, and refuses a page over the maximum', async () => {
    type Names = { place: { names: unknown[]; few: unknown[] } };
    const response = await service.graphql<Names>('{ place(key: "place:ru:lozovaya-rudka") { names { value } few: names(first: 2) { value } } }');
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.place.names.length).toBeGreaterThan(2);
    expect(response.body.data!.place.names.length).toBeLessThanOrEqual(10);
    expect(response.body.data!.place.few).toHaveLength(2);
    const tooMany = await service.graphql(`{ place(key: "place:ru:lozovaya-rudka") { names(first: ${maxPageSize + 1}) { value } } }`);
    expect(tooMany.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  it('bounds a batched relationship per entity, not per batch', async () => {
    // Below a search hit, relationships are read by their batched query for every hit at once.
    const response = await service.graphql<{ search: { entity: { names: unknown[] } }[] }>(
      '{ search(text: "oblast", kinds: [PLACE], first: 5) { entity { ... on Place { names(first: 1) { value } } } } }',
    );
    expect(response.body.errors).toBeUndefined();
    const hits = response.body.data!.search;
    expect(hits.length).toBeGreaterThan(1);
    for (const hit of hits) expect(hit.entity.names).toHaveLength(1);
  });

  it('walks a LOCATED_IN cycle left by bad data once per place, within the page', async () => {
    // Writes refuse cycles; this one is made behind the API's back, as old data might hold one.
    const keys = Array.from({ length: 6 }, (_, index) => `place:test:cycle-${index}`);
    await service.gateway.write(
      'test.cycle',
      `UNWIND range(0, size($keys) - 1) AS i MERGE (p:Place {key: $keys[i]}) SET p.name = $keys[i]
       WITH collect(p) AS places UNWIND range(0, size(places) - 1) AS i
       WITH places[i] AS p, places[(i + 1) % size(places)] AS next MERGE (p)-[:LOCATED_IN]->(next)`,
      { keys },
    );
    try {
      const response = await service.graphql<{ place: { ancestors: { key: string }[] } }>(`{ place(key: "${keys[0]}") { ancestors(first: 100) { key } } }`);
      expect(response.body.errors).toBeUndefined();
      const ancestors = response.body.data!.place.ancestors.map((place) => place.key);
      expect(ancestors).toEqual([...keys.slice(1), keys[0]]);
      const events = await service.graphql(`{ events(filter: { inPlace: "${keys[0]}" }) { totalCount } places(filter: { within: "${keys[0]}" }) { totalCount } }`);
      expect(events.body).toEqual({ data: { events: { totalCount: 0 }, places: { totalCount: 6 } } });
    } finally {
      await service.gateway.write('test.cycle.cleanup', 'MATCH (p:Place) WHERE p.key IN $keys DETACH DELETE p', { keys });
    }
  });
});

describe('work done once per document', () => {
  it('parses and validates a document once, and prices it once when its price reads no variable', async () => {
    const lookup = 'query OncePerDocument($key: String!) { place(key: $key) { key name } }';
    const before = { ...limitsWork };
    for (const key of ['place:ru', 'place:ua', 'place:ru']) expect((await service.graphql(lookup, { key })).body.errors).toBeUndefined();
    // Yoga's cache hands the same document back: validated once, with the limits' rule.
    expect(limitsWork.shapeChecks - before.shapeChecks).toBe(1);
    expect(limitsWork.costWalks - before.costWalks).toBe(1);
    expect(limitsWork.costsReused - before.costsReused).toBe(2);
  });

  it('prices a document again for each request when a variable sets its price', async () => {
    const page = 'query PricedByVariables($first: Int) { places(first: $first) { totalCount } }';
    const before = { ...limitsWork };
    expect((await service.graphql(page, { first: 2 })).body.errors).toBeUndefined();
    expect((await service.graphql(page, { first: 101 })).body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(limitsWork.costWalks - before.costWalks).toBe(2);
    expect(limitsWork.costsReused - before.costsReused).toBe(0);
  });
});
