import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Neo4jGateway } from '../src/db/gateway';
import { toPlain } from '../src/db/values';
import { encodeGlobalId } from '../src/graphql/global-id';
import { schema } from '../src/graphql/schema';
import { createTestService, testKeys, type GraphQLResponse } from './support/service';
import { textFields } from './support/text-fields';

// Issue "Bad input never crashes or changes anything": malformed requests, wrong variable types,
// huge inputs, Unicode edge cases and Cypher-injection-shaped strings. Each answer must be a clear
// error with a stable `extensions.code` (or a normal result), the service must keep answering, and
// the graph must not change (except the test's own records, whose keys contain "test-bad-input").

const service = createTestService();
const writer = { 'x-api-key': testKeys.writer };
const admin = { 'x-api-key': testKeys.admin };
const marker = 'test-bad-input';
// The test's own reads and writes go through a gateway that is not observed, so they never show
// up in a response's `roundTrips`.
const bookkeeping = new Neo4jGateway(service.gateway.driver, service.gateway.database, 60_000);

type Body = GraphQLResponse['body'];
type GraphQLError = NonNullable<Body['errors']>[number];

// ---------------------------------------------------------------------------------------------
// Graph bookkeeping

/** Whether node `n` is this file's own data: a key with the marker, or a revision of such a node. */
const isTestNode = (n: string) =>
  `(coalesce(toString(${n}.key), '') CONTAINS '${marker}' OR (${n}:Revision AND EXISTS { (${n})-[:REVISES]->(t) WHERE toString(t.key) CONTAINS '${marker}' }))`;

async function graphCounts() {
  const [row] = await bookkeeping.read<{ nodes: number; relationships: number }>(
    'test.bad-input.counts',
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  return { nodes: Number(row!.nodes), relationships: Number(row!.relationships) };
}

/** Counts of everything but this file's own records (for tests whose writes may land). */
async function seedCounts() {
  const [row] = await bookkeeping.read<{ nodes: number; relationships: number }>(
    'test.bad-input.seed-counts',
    `CALL () { MATCH (n) WHERE NOT ${isTestNode('n')} RETURN count(n) AS nodes }
     CALL () { MATCH (a)-[r]->(b) WHERE NOT ${isTestNode('a')} AND NOT ${isTestNode('b')} RETURN count(r) AS relationships }
     RETURN nodes, relationships`,
  );
  return { nodes: Number(row!.nodes), relationships: Number(row!.relationships) };
}

/** Every node and relationship outside this file's records, with their properties, as sorted JSON. */
async function seedFingerprint(): Promise<string[]> {
  const nodes = await bookkeeping.read<{ labels: string[]; properties: unknown }>(
    'test.bad-input.fingerprint-nodes',
    `MATCH (n) WHERE NOT ${isTestNode('n')} AND NOT n:CypherScript RETURN labels(n) AS labels, properties(n) AS properties`,
  );
  const relationships = await bookkeeping.read<{ type: string; from: unknown; to: unknown; properties: unknown }>(
    'test.bad-input.fingerprint-relationships',
    `MATCH (a)-[r]->(b) WHERE NOT ${isTestNode('a')} AND NOT ${isTestNode('b')}
     RETURN type(r) AS type, properties(a) AS from, properties(b) AS to, properties(r) AS properties`,
  );
  return [...nodes.map((row) => JSON.stringify(toPlain(row))), ...relationships.map((row) => JSON.stringify(toPlain(row)))].sort();
}

async function removeTestData() {
  await bookkeeping.write(
    'test.bad-input.cleanup',
    `MATCH (n) WHERE toString(n.key) CONTAINS '${marker}'
     OPTIONAL MATCH (n)<-[:REVISES]-(revision:Revision)
     DETACH DELETE n, revision`,
  );
}

let seedBefore: string[] = [];

beforeAll(async () => {
  await removeTestData();
  seedBefore = await seedFingerprint();
});

afterAll(async () => {
  await removeTestData();
  await service.close();
});

// ---------------------------------------------------------------------------------------------
// Request helpers and assertions

async function raw(url: string, init: RequestInit): Promise<{ status: number; body: Body }> {
  const response = await service.yoga.fetch(url, init);
  const text = await response.text();
  let body: Body;
  try {
    body = JSON.parse(text) as Body;
  } catch {
    throw new Error(`not a JSON answer (status ${response.status}): ${text.slice(0, 200)}`);
  }
  return { status: response.status, body };
}

const postBody = (body: string, headers: Record<string, string> = {}) =>
  raw('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

const getQuery = (query: string, headers: Record<string, string> = {}) =>
  raw(`http://localhost/graphql?query=${encodeURIComponent(query)}`, { method: 'GET', headers: { accept: 'application/json', ...headers } });

function firstError(body: Body): GraphQLError {
  expect(body.errors, JSON.stringify(body).slice(0, 500)).toBeDefined();
  expect(body.errors!.length).toBeGreaterThan(0);
  return body.errors![0]!;
}

/** A clear error: the code expected, and a message that is not the masked "Unexpected error.". */
function expectClearError(body: Body, code: string, message?: RegExp): GraphQLError {
  const error = firstError(body);
  expect(error.extensions?.code, JSON.stringify(error).slice(0, 500)).toBe(code);
  expect(error.message).not.toBe('Unexpected error.');
  expect(error.message.length).toBeGreaterThan(10);
  if (message) expect(error.message).toMatch(message);
  return error;
}

/** Every error has a stable code, none is masked: what any answer to bad input must satisfy. */
function problemsOf(body: Body, allowed: readonly string[]): string[] {
  const problems: string[] = [];
  if (!body.errors && body.data === undefined) problems.push('neither data nor errors');
  for (const error of body.errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code !== 'string') problems.push(`no extensions.code: ${error.message.slice(0, 160)}`);
    else if (!allowed.includes(code)) problems.push(`${code}: ${error.message.slice(0, 160)}`);
  }
  return problems;
}

/** The service still answers a cheap query that reaches Neo4j. */
async function expectAlive() {
  const response = await service.graphql<{ database: { name: string } }>('{ database { name } }');
  expect(response.status).toBe(200);
  expect(response.body.errors).toBeUndefined();
  expect(response.body.data?.database.name).toEqual(expect.any(String));
}

/** Runs `attempt`, then checks that the graph's counts are as before and that the service answers. */
async function leavesGraphUnchanged<T>(attempt: () => Promise<T>, counts: () => Promise<{ nodes: number; relationships: number }> = graphCounts): Promise<T> {
  const before = await counts();
  const result = await attempt();
  expect(await counts()).toEqual(before);
  await expectAlive();
  return result;
}

// ---------------------------------------------------------------------------------------------
// 1. Malformed HTTP bodies

describe('malformed HTTP requests', () => {
  const plainQuery = '{ database { name } }';
  const writingMutation = `mutation { upsertPlace(key: "place:ua:${marker}-via-get", input: { name: "Via GET" }) { status } }`;
  const cases: { what: string; send: () => Promise<{ status: number; body: Body }>; status: number; code: string; message: RegExp }[] = [
    { what: 'invalid JSON', send: () => postBody('{"query": '), status: 400, code: 'BAD_REQUEST', message: /invalid JSON/ },
    { what: 'a JSON array (batching)', send: () => postBody('[{"query": "{ database { name } }"}]'), status: 400, code: 'BAD_REQUEST', message: /Batching is not supported/ },
    { what: 'a JSON string', send: () => postBody('"{ database { name } }"'), status: 400, code: 'BAD_REQUEST', message: /expected to be object but received string/ },
    { what: 'JSON null', send: () => postBody('null'), status: 400, code: 'BAD_REQUEST', message: /expected to be object but received null/ },
    { what: 'a JSON number', send: () => postBody('42'), status: 400, code: 'BAD_REQUEST', message: /expected to be object/ },
    { what: 'a query that is a number', send: () => postBody('{"query": 42}'), status: 400, code: 'BAD_REQUEST', message: /"query" param to be a string, but given number/ },
    { what: 'a query that is an object', send: () => postBody('{"query": {"database": "name"}}'), status: 400, code: 'BAD_REQUEST', message: /"query" param to be a string/ },
    { what: 'variables that are a string', send: () => postBody(JSON.stringify({ query: plainQuery, variables: 'x' })), status: 400, code: 'BAD_REQUEST', message: /"variables" param to be empty or an object/ },
    // Yoga answers parse and validation errors with 200 to a client that accepts application/json.
    { what: 'no query at all', send: () => postBody('{}'), status: 200, code: 'BAD_REQUEST', message: /Must provide query string/ },
    { what: 'an empty query', send: () => postBody('{"query": ""}'), status: 200, code: 'GRAPHQL_PARSE_FAILED', message: /Syntax Error: Unexpected <EOF>/ },
    { what: 'a query with a syntax error', send: () => postBody(JSON.stringify({ query: '{ database { name }' })), status: 200, code: 'GRAPHQL_PARSE_FAILED', message: /Syntax Error/ },
    { what: 'an unknown field', send: () => postBody(JSON.stringify({ query: '{ nope }' })), status: 200, code: 'GRAPHQL_VALIDATION_FAILED', message: /Cannot query field "nope" on type "Query"/ },
    // Errors of other validation rules than the one on values keep the validation code.
    { what: 'a missing required argument', send: () => postBody(JSON.stringify({ query: '{ place { name } }' })), status: 200, code: 'GRAPHQL_VALIDATION_FAILED', message: /argument "key" of type "String!" is required/ },
    {
      what: 'a variable of the wrong type for its argument',
      send: () => postBody(JSON.stringify({ query: 'query ($key: Int) { place(key: $key) { name } }', variables: { key: 1 } })),
      status: 200,
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: /Variable "\$key" of type "Int" used in position expecting type "String!"/,
    },
    {
      what: 'two operations and no operation name',
      send: () => postBody(JSON.stringify({ query: 'query A { database { name } } query B { database { name } }' })),
      status: 400,
      code: 'OPERATION_RESOLUTION_FAILURE',
      message: /Could not determine what operation to execute/,
    },
    {
      what: 'an unknown operation name',
      send: () => postBody(JSON.stringify({ query: 'query A { database { name } }', operationName: 'B' })),
      status: 400,
      code: 'OPERATION_RESOLUTION_FAILURE',
      message: /Could not determine what operation to execute/,
    },
    {
      what: 'a mutation sent with GET (with the CSRF header)',
      send: () => getQuery(writingMutation, { ...writer, 'x-graphql-yoga-csrf': '1' }),
      status: 405,
      code: 'BAD_REQUEST',
      message: /Can only perform a mutation operation from a POST request/,
    },
  ];

  for (const { what, send, status, code, message } of cases) {
    it(`answers ${what} with ${status} and ${code}, changing nothing`, async () => {
      const response = await leavesGraphUnchanged(send);
      expect(response.status).toBe(status);
      expectClearError(response.body, code, message);
      expect(response.body.data ?? null).toBeNull();
    });
  }

  it('does not run a mutation sent with GET', async () => {
    await getQuery(writingMutation, { ...writer, 'x-graphql-yoga-csrf': '1' });
    const response = await service.graphql(`{ place(key: "place:ua:${marker}-via-get") { key } }`);
    expect(response.body).toEqual({ data: { place: null } });
  });

  it('refuses a GET without the CSRF header with 403, changing nothing', async () => {
    const response = await leavesGraphUnchanged(() => getQuery(writingMutation, writer));
    expect(response.status).toBe(403);
    expect(firstError(response.body).message).toMatch(/CSRF header/);
  });

  it('gives the CSRF refusal a stable extensions.code', async () => {
    const response = await getQuery(plainQuery);
    expect(response.status).toBe(403);
    expect(firstError(response.body).extensions?.code).toEqual(expect.any(String));
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Wrong variable types

describe('variables of the wrong type', () => {
  const eventsPage = 'query ($first: Int) { events(first: $first) { totalCount } }';
  const placeByKey = 'query ($key: String!) { place(key: $key) { name } }';
  const eventsOrdered = 'query ($order: EventOrder) { events(orderBy: $order) { totalCount } }';
  const cases: { what: string; query: string; variables: Record<string, unknown>; message: RegExp; field: string }[] = [
    { what: 'a string where an Int is expected', query: eventsPage, variables: { first: 'ten' }, message: /\$first.*Int cannot represent non-integer value: "ten"/, field: 'first' },
    { what: 'a fraction where an Int is expected', query: eventsPage, variables: { first: 1.5 }, message: /\$first.*Int cannot represent non-integer value: 1\.5/, field: 'first' },
    { what: 'an object where a String is expected', query: placeByKey, variables: { key: { a: 1 } }, message: /\$key.*String cannot represent a non string value/, field: 'key' },
    { what: 'null for a non-null variable', query: placeByKey, variables: { key: null }, message: /\$key.*must not be null/, field: 'key' },
    { what: 'no value for a required variable', query: placeByKey, variables: {}, message: /\$key.*was not provided/, field: 'key' },
    { what: 'an unknown enum value', query: eventsOrdered, variables: { order: 'LOUDEST_FIRST' }, message: /\$order.*Value "LOUDEST_FIRST" does not exist in "EventOrder" enum/, field: 'order' },
  ];

  for (const { what, query, variables, message, field } of cases) {
    it(`refuses ${what} with 400 and a message naming the variable, before any Cypher runs`, async () => {
      const response = await leavesGraphUnchanged(() => service.graphql(query, variables));
      expect(response.status).toBe(400);
      const error = firstError(response.body);
      expect(error.message).toMatch(message);
      expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
      expect(response.roundTrips).toEqual([]);
    });

    it(`gives ${what} (as a variable) the code BAD_USER_INPUT, naming the variable in extensions.field`, async () => {
      const response = await service.graphql(query, variables);
      expect(firstError(response.body).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });
  }

  const literals: [string, string, RegExp, string][] = [
    ['a string where an Int is expected', '{ events(first: "ten") { totalCount } }', /Int cannot represent non-integer value: "ten"/, 'first'],
    ['an unknown enum value', '{ events(orderBy: LOUDEST_FIRST) { totalCount } }', /Value "LOUDEST_FIRST" does not exist in "EventOrder" enum/, 'orderBy'],
    ['a number out of 32-bit Int range', '{ events(first: 2147483648) { totalCount } }', /Int cannot represent non 32-bit signed integer value: 2147483648/, 'first'],
    ['an object where a String is expected', '{ place(key: { a: 1 }) { name } }', /String cannot represent a non string value/, 'key'],
    ['an unknown input field', '{ events(filter: { nope: 1 }) { totalCount } }', /Field "nope" is not defined by type "EventFilter"/, 'filter.nope'],
    ['a missing required input field', '{ places(filter: { near: { latitude: 50, longitude: 36 } }) { totalCount } }', /Field "NearInput.withinKm" of required type "Float!" was not provided/, 'filter.near'],
    ['an unknown enum value in a list', '{ events(filter: { types: [BATTLES, NOT_A_TYPE] }) { totalCount } }', /Value "NOT_A_TYPE" does not exist in "EventType" enum/, 'filter.types[1]'],
  ];
  for (const [what, query, message, field] of literals) {
    it(`refuses ${what} written inline with BAD_USER_INPUT, naming ${field} in extensions.field`, async () => {
      const response = await leavesGraphUnchanged(() => service.graphql(query));
      expect(expectClearError(response.body, 'BAD_USER_INPUT', message).extensions?.field).toBe(field);
      expect(response.roundTrips).toEqual([]);
    });
  }

  it('gives every error of a variable with many wrong values BAD_USER_INPUT, the "too many errors" one too', async () => {
    // graphql-js stops after 50 errors and says so in a 51st, worded like none of the others.
    const types = Array.from({ length: 60 }, (_, index) => `NOT_A_TYPE_${index}`);
    const response = await leavesGraphUnchanged(() => service.graphql('query ($types: [EventType!]) { events(filter: { types: $types }) { totalCount } }', { types }));
    expect(response.status).toBe(400);
    expect(response.body.errors).toHaveLength(51);
    expect(response.body.errors?.at(-1)?.message).toMatch(/Too many errors processing variables/);
    expect(problemsOf(response.body, ['BAD_USER_INPUT'])).toEqual([]);
    expect(response.body.errors?.map((error) => error.extensions?.field)).toEqual([...types.slice(0, 50).map((_, index) => `types[${index}]`), undefined]);
    expect(response.roundTrips).toEqual([]);
  });

  it('gives a wrong value inside an input object sent as a variable BAD_USER_INPUT naming the field', async () => {
    const response = await leavesGraphUnchanged(() =>
      service.graphql('query ($filter: PlaceFilter) { places(filter: $filter) { totalCount } }', { filter: { near: { latitude: 50, longitude: 36, withinKm: 'far' } } }),
    );
    expect(expectClearError(response.body, 'BAD_USER_INPUT', /\$filter.*at "filter\.near\.withinKm".*Float cannot represent/).extensions?.field).toBe('filter.near.withinKm');
    expect(response.roundTrips).toEqual([]);
  });

  it('refuses a variable out of 32-bit Int range before any Cypher runs', async () => {
    const response = await leavesGraphUnchanged(() => service.graphql(eventsPage, { first: 2 ** 31 }));
    expect(response.status).toBe(400);
    expect(firstError(response.body).extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(response.roundTrips).toEqual([]);
  });

  it('refuses a variable out of 32-bit Int range with BAD_USER_INPUT', async () => {
    const response = await service.graphql(eventsPage, { first: 2 ** 31 });
    expectClearError(response.body, 'BAD_USER_INPUT', /32-bit/);
  });

  it('refuses a page size over the maximum and a negative one with BAD_USER_INPUT naming the argument', async () => {
    for (const first of [101, -1]) {
      const response = await leavesGraphUnchanged(() => service.graphql(eventsPage, { first }));
      const error = expectClearError(response.body, 'BAD_USER_INPUT', /first must be between 0 and 100/);
      expect(error.extensions?.argument).toBe('first');
    }
  });

  it('refuses malformed ids, cursors and dates with BAD_USER_INPUT', async () => {
    const attempts: [string, Record<string, unknown>][] = [
      ['query ($id: ID!) { node(id: $id) { id } }', { id: '%%%not-base64%%%' }],
      ['query ($id: ID!) { node(id: $id) { id } }', { id: Buffer.from('no colon here').toString('base64url') }],
      ['query ($after: String) { events(after: $after) { totalCount } }', { after: 'bm90IGEgY3Vyc29y' }],
      ['{ events(asOf: "yesterday") { totalCount } }', {}],
      ['{ events(filter: { from: "2024-02-30x" }) { totalCount } }', {}],
    ];
    for (const [query, variables] of attempts) {
      const response = await leavesGraphUnchanged(() => service.graphql(query, variables));
      expectClearError(response.body, 'BAD_USER_INPUT');
    }
  });
});

// ---------------------------------------------------------------------------------------------
// 3. Huge inputs and the operation limits

describe('huge inputs', () => {
  const search = 'query ($text: String!) { search(text: $text) { score entity { key } } }';
  const expensive = 'edges { node { participants { actor { claimsMade { makers { actor { name } } } } } } }';

  // Searched text is priced by its length (src/server/limits.ts): a megabyte of it is refused before Neo4j sees it.
  for (const [what, text] of [
    ['a 1 MB search text of many words', 'zzyzxq '.repeat(150_000)],
    ['a 1 MB one-word search text', 'a'.repeat(1_000_000)],
  ]) {
    it(`refuses ${what} with QUERY_TOO_COSTLY before any Cypher runs, changing nothing`, async () => {
      const response = await leavesGraphUnchanged(() => service.graphql(search, { text }));
      expectClearError(response.body, 'QUERY_TOO_COSTLY', /searched text costs/);
      expect(response.roundTrips).toEqual([]);
    });
  }

  const textFilters = textFields;
  for (const [field, query] of textFilters) {
    it(`answers a 100-character word in ${field} text with a normal result`, async () => {
      const response = await leavesGraphUnchanged(() => service.graphql(query, { text: 'b'.repeat(100) }));
      expect(response.body.errors).toBeUndefined();
    });

    it(`refuses a 1,001-character word in ${field} text with BAD_USER_INPUT, saying the limit`, async () => {
      const response = await leavesGraphUnchanged(() => service.graphql(query, { text: 'b'.repeat(1_001) }));
      expectClearError(response.body, 'BAD_USER_INPUT', /at most 100 characters/);
    });
  }

  it('refuses a 3 MB request body with 413 and REQUEST_ENTITY_TOO_LARGE', async () => {
    const body = JSON.stringify({ query: search, variables: { text: 'x'.repeat(3_000_000) } });
    const response = await leavesGraphUnchanged(() => postBody(body));
    expect(response.status).toBe(413);
    expectClearError(response.body, 'REQUEST_ENTITY_TOO_LARGE', /too large/i);
  });

  it('answers 10,000 ids to nodes(ids:) with 10,000 nulls (or a clear error), quickly', async () => {
    const ids = Array.from({ length: 10_000 }, (_, index) => encodeGlobalId('Place', `place:ua:${marker}-nothing-${index}`));
    const started = Date.now();
    const response = await leavesGraphUnchanged(() => service.graphql<{ nodes: unknown[] }>('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }));
    expect(Date.now() - started).toBeLessThan(10_000);
    if (response.body.errors) expect(problemsOf(response.body, ['BAD_USER_INPUT'])).toEqual([]);
    else expect(response.body.data?.nodes).toEqual(ids.map(() => null));
  }, 15_000);

  it('refuses 10,000 malformed ids with BAD_USER_INPUT naming the argument', async () => {
    const ids = Array.from({ length: 10_000 }, (_, index) => `!${index}`);
    const response = await leavesGraphUnchanged(() => service.graphql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }));
    const error = expectClearError(response.body, 'BAD_USER_INPUT', /is not a global id/);
    expect(error.extensions?.argument).toBe('id');
  });

  it('refuses a 200-deep query with QUERY_TOO_DEEP, before any Cypher runs', async () => {
    let selection = 'name';
    for (let level = 0; level < 200; level += 1) selection = `ancestors { ${selection} }`;
    const response = await leavesGraphUnchanged(() => service.graphql(`{ place(key: "place:ru:lozovaya-rudka") { ${selection} } }`));
    const error = expectClearError(response.body, 'QUERY_TOO_DEEP', /fields deep, over the limit of 12/);
    expect(error.extensions).toMatchObject({ limit: 12, found: 202 });
    expect(response.roundTrips).toEqual([]);
  });

  it('refuses 100 aliases with TOO_MANY_ALIASES', async () => {
    const query = `{ ${Array.from({ length: 100 }, (_, index) => `a${index}: database { name }`).join(' ')} }`;
    const response = await leavesGraphUnchanged(() => service.graphql(query));
    const error = expectClearError(response.body, 'TOO_MANY_ALIASES', /100 aliases, over the limit of 30/);
    expect(error.extensions).toMatchObject({ limit: 30, found: 100 });
    expect(response.roundTrips).toEqual([]);
  });

  const manyTokens = `{ database { ${Array.from({ length: 6_000 }, () => 'name').join(' ')} } }`;

  // graphql-js 16 spells its error "Document contains more that 5000 tokens": src/server/limits.ts must
  // recognise that spelling (before commit 781fc7a it did not, and this got GRAPHQL_PARSE_FAILED).
  it('refuses a query of more than 5,000 tokens with TOO_MANY_TOKENS, before any Cypher runs', async () => {
    const response = await leavesGraphUnchanged(() => service.graphql(manyTokens));
    const error = expectClearError(response.body, 'TOO_MANY_TOKENS', /more than 5000 tokens/);
    expect(error.extensions).toMatchObject({ limit: 5000 });
    expect(response.roundTrips).toEqual([]);
  });

  it('refuses events(first: 100) with deeply nested lists with QUERY_TOO_COSTLY, limit and found', async () => {
    const response = await leavesGraphUnchanged(() => service.graphql(`{ events(first: 100) { ${expensive} } }`));
    expect(response.status).toBe(400);
    const error = expectClearError(response.body, 'QUERY_TOO_COSTLY', /over the limit of 50000/);
    expect(error.extensions?.limit).toBe(50_000);
    expect(error.extensions?.found).toBeGreaterThan(50_000);
    expect(response.roundTrips).toEqual([]);
  });

  it('refuses 30 directives with TOO_MANY_DIRECTIVES', async () => {
    const query = `{ database { ${Array.from({ length: 30 }, () => 'name @include(if: true)').join(' ')} } }`;
    const response = await leavesGraphUnchanged(() => service.graphql(query));
    const error = expectClearError(response.body, 'TOO_MANY_DIRECTIVES', /30 directives, over the limit of 20/);
    expect(error.extensions).toMatchObject({ limit: 20, found: 30 });
    expect(response.roundTrips).toEqual([]);
  });

  it('refuses the same costly selection asked for with first: 0, last: 100', async () => {
    const response = await service.graphql(`{ events(first: 0, last: 100) { ${expensive} } }`);
    expectClearError(response.body, 'QUERY_TOO_COSTLY');
  });

  it('refuses a costly field beside a field with a negative page size, for the page size, before any Cypher runs', async () => {
    const response = await service.graphql(`query ($n: Int) { a: events(first: $n) { totalCount } b: events(first: 100) { ${expensive} } }`, {
      n: -10_000_000,
    });
    // The page size is checked as the cost is priced: a negative page cannot lower the price of the rest.
    expectClearError(response.body, 'BAD_USER_INPUT', /first must be between 0 and 100/);
    expect(response.roundTrips).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// 4. Unicode edge cases

const unicodeTexts: [string, string][] = [
  ['a lone high surrogate', '\ud800'],
  ['a lone low surrogate inside a word', 'Lozo\udc00vaya'],
  ['zero-width joiners', 'Lozo\u200dvaya\u200d Rudka'],
  ['a right-to-left override', '\u202eakduR ayavozoL'],
  ['combining marks', 'Lozovaya\u0301\u0308 Ru\u0327dka'],
  ['emoji and ZWJ sequences', 'Rudka 🏳️‍🌈 👨‍👩‍👧‍👦 🇺🇦'],
  ['NUL', 'Lozovaya\u0000Rudka'],
  ['a long grapheme cluster (200 combining marks)', `e${'\u0301'.repeat(200)}`],
  ['a long emoji ZWJ chain', Array.from({ length: 60 }, () => '👩').join('\u200d')],
];

describe('Unicode edge cases', () => {
  const reads = `query ($text: String!, $id: ID!) {
    search(text: $text) { score }
    places(filter: { text: $text, within: $text }) { totalCount }
    events(filter: { text: $text, participant: $text, inPlace: $text }) { totalCount }
    place(key: $text) { name }
    entity(key: $text) { key }
    node(id: $id) { id }
  }`;

  for (const [what, text] of unicodeTexts) {
    it(`reads with ${what} in string arguments without crashing`, async () => {
      const response = await leavesGraphUnchanged(() => service.graphql(reads, { text, id: encodeGlobalId('Place', text) }));
      expect(problemsOf(response.body, ['BAD_USER_INPUT'])).toEqual([]);
    });
  }

  const upsertPlace = 'mutation ($key: String!, $input: PlaceInput!) { upsertPlace(key: $key, input: $input) { status place { key name } } }';
  const key = `place:ua:${marker}-unicode`;
  const storedName = async () =>
    (await bookkeeping.read<{ name: string | null }>('test.bad-input.name', 'MATCH (n:Place {key: $key}) RETURN n.name AS name', { key }))[0]?.name ?? null;

  const accepted = unicodeTexts.filter(([what]) => !/surrogate|NUL/.test(what));
  for (const [what, name] of accepted) {
    it(`stores a name with ${what} verbatim`, async () => {
      const response = await leavesGraphUnchanged(() => service.graphql<{ upsertPlace: { place: { name: string } } }>(upsertPlace, { key, input: { name } }, writer), seedCounts);
      expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
      expect(response.body.data?.upsertPlace.place.name).toBe(name);
      expect(await storedName()).toBe(name);
      const read = await service.graphql<{ place: { name: string } }>('query ($key: String!) { place(key: $key) { name } }', { key });
      expect(read.body.data?.place.name).toBe(name);
    });
  }

  const refused = unicodeTexts.filter(([what]) => /surrogate|NUL/.test(what));
  for (const [what, name] of refused) {
    const refusedKey = `place:ua:${marker}-unicode-${what.toLowerCase().replace(/[^a-z]+/g, '-')}`;
    it(`answers a name with ${what} without crashing or touching anything else`, async () => {
      const response = await leavesGraphUnchanged(() => service.graphql(upsertPlace, { key: refusedKey, input: { name } }, writer), seedCounts);
      expect(problemsOf(response.body, ['BAD_USER_INPUT'])).toEqual([]);
    });

    it(`refuses a name with ${what} with BAD_USER_INPUT naming input.name`, async () => {
      const before = await graphCounts();
      const response = await service.graphql(upsertPlace, { key: refusedKey, input: { name } }, writer);
      const error = expectClearError(response.body, 'BAD_USER_INPUT');
      expect(error.extensions?.field).toBe('input.name');
      expect(await graphCounts()).toEqual(before);
    });
  }

  const badKeys: [string, string][] = [
    ['Cyrillic letters', `place:ua:київ-${marker}`],
    ['a Cyrillic look-alike "е"', `place:ua:t\u0435st-${marker}`],
    ['an accented letter', `place:ua:kyïv-${marker}`],
    ['a zero-width joiner', `place:ua:${marker}\u200d-zwj`],
    ['a right-to-left override', `place:ua:\u202e${marker}`],
    ['fullwidth letters', `place:ua:ｋｙｉｖ-${marker}`],
    ['a NUL', `place:ua:${marker}\u0000`],
    ['a lone surrogate', `place:ua:${marker}\ud800`],
    ['an emoji', `place:ua:${marker}-🇺🇦`],
  ];
  for (const [what, badKey] of badKeys) {
    it(`refuses a key with ${what} with BAD_USER_INPUT naming the key, writing nothing`, async () => {
      const response = await leavesGraphUnchanged(() => service.graphql(upsertPlace, { key: badKey, input: { name: 'Kyiv' } }, writer));
      const error = expectClearError(response.body, 'BAD_USER_INPUT', /is not a key/);
      expect(error.extensions?.field).toBe('key');
    });
  }
});

// ---------------------------------------------------------------------------------------------
// 5. Cypher-injection-shaped strings in every string argument

const injections = [
  '"}) MATCH (n) DETACH DELETE n //',
  "' OR 1=1 //",
  '` DETACH DELETE n //',
  '$keys',
  "place:ua') DETACH DELETE n WITH 1 AS x MATCH (m",
  '*',
  '~',
  'name:* OR text:[a TO z]',
  '\\"; CALL db.clearQueryCaches() //',
];

/** Paths to every String or ID (or list of them) in an argument, through input objects. */
function stringPaths(type: GraphQLInputType, path: string[], depth = 0): string[][] {
  const named = getNamedType(type);
  if (named.name === 'String' || named.name === 'ID') return [path];
  if (isInputObjectType(named) && depth < 5) return Object.values(named.getFields()).flatMap((field) => stringPaths(field.type, [...path, field.name], depth + 1));
  return [];
}

/** Sets the value at a path of plain objects; through a list, in its first item (made if missing). */
function withValueAt(base: Record<string, unknown>, path: string[], type: GraphQLInputType, value: unknown): Record<string, unknown> {
  const copy = structuredClone(base);
  let target: Record<string, unknown> = copy;
  let current: GraphQLInputType = type;
  for (const [index, name] of path.entries()) {
    const named = getNamedType(current);
    if (!isInputObjectType(named)) break;
    const field = named.getFields()[name]!;
    current = field.type;
    const isLast = index === path.length - 1;
    const listy = isListType(getNullableType(field.type));
    if (isLast) {
      target[name] = listy ? [value] : value;
    } else if (listy) {
      const list = (target[name] as Record<string, unknown>[] | undefined) ?? [{}];
      target[name] = list;
      target = list[0]!;
    } else {
      target[name] = (target[name] as Record<string, unknown> | undefined) ?? {};
      target = target[name] as Record<string, unknown>;
    }
  }
  return copy;
}

interface Attempt {
  label: string;
  operation: string;
  variables: Record<string, unknown>;
  headers: Record<string, string>;
}

/** The operation that calls `field` with every argument as a variable, and a cheap selection. */
function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, variables: Record<string, unknown>): string {
  const used = field.args.filter((arg) => variables[arg.name] !== undefined);
  const declarations = used.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const passed = used.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `${kind}${declarations ? ` (${declarations})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
}

/**
 * Variables for every string path of a field, with each payload: the field's valid `base`
 * arguments, with the payload at the path (the path's root argument built from the base).
 */
function attemptsFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, base: (path: string[], payloadIndex: number) => Record<string, unknown>, headers: Record<string, string>) {
  const attempts: (Attempt & { path: string[]; payload: string; pathIndex: number; payloadIndex: number })[] = [];
  let pathIndex = -1;
  for (const arg of field.args) {
    for (const path of stringPaths(arg.type, [arg.name])) {
      pathIndex += 1;
      injections.forEach((payload, payloadIndex) => {
        const variablesBase = base(path, payloadIndex);
        const [root, ...rest] = path;
        const direct = isListType(getNullableType(arg.type)) ? [payload] : payload;
        const variables = { ...variablesBase, [root!]: rest.length === 0 ? direct : setPath(variablesBase[root!], arg.type, rest, payload) };
        for (const required of field.args.filter((candidate) => isNonNullType(candidate.type))) {
          if (variables[required.name] === undefined) throw new Error(`${field.name}: no value for required argument ${required.name}`);
        }
        attempts.push({ label: `${field.name}(${path.join('.')}) ← ${JSON.stringify(payload)}`, operation: operationFor(kind, field, variables), variables, headers, path, payload, pathIndex, payloadIndex });
      });
    }
  }
  return attempts;
}

function setPath(base: unknown, type: GraphQLInputType, path: string[], value: unknown): unknown {
  const listy = isListType(getNullableType(type));
  const object = (listy ? ((base as unknown[] | undefined)?.[0] ?? {}) : (base ?? {})) as Record<string, unknown>;
  const named = getNamedType(type);
  if (!isInputObjectType(named)) return value;
  const updated = withValueAt(object, path, named, value);
  return listy ? [updated, ...(((base as unknown[] | undefined) ?? []).slice(1))] : updated;
}

/** Runs attempts a few at a time; returns what went wrong, one line each. */
async function runAttempts<T extends Attempt>(attempts: T[], allowed: readonly string[], check?: (attempt: T, body: Body) => Promise<string | undefined>, parallel = 6) {
  const problems: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < attempts.length) {
      const attempt = attempts[next++]!;
      const response = await service.graphql(attempt.operation, attempt.variables, attempt.headers);
      for (const problem of problemsOf(response.body, allowed)) problems.push(`${attempt.label}: ${problem}`);
      const checked = await check?.(attempt, response.body);
      if (checked) problems.push(`${attempt.label}: ${checked}`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return problems;
}

const queryType = schema.getQueryType()!;
const mutationType = schema.getMutationType() as GraphQLObjectType;

describe('Cypher-injection-shaped strings in every string argument of every query field', () => {
  const fields = Object.values(queryType.getFields()).filter((field) => field.args.some((arg) => stringPaths(arg.type, [arg.name]).length > 0));

  it('finds the string arguments by introspection, filters included', () => {
    const paths = fields.flatMap((field) => field.args.flatMap((arg) => stringPaths(arg.type, [arg.name]).map((path) => `${field.name}(${path.join('.')})`)));
    expect(paths).toEqual(expect.arrayContaining(['search(text)', 'place(key)', 'nodes(ids)', 'places(filter.text)', 'events(filter.participant)', 'claims(filter.measures)', 'sources(filter.publisher)']));
    expect(paths.length).toBeGreaterThanOrEqual(30);
  });

  // A valid value for each required argument that is not the one under attack.
  const fillers: Record<string, unknown> = {
    key: 'place:ru:lozovaya-rudka',
    text: 'Lozovaya',
    id: encodeGlobalId('Place', 'place:ru:lozovaya-rudka'),
    ids: [encodeGlobalId('Place', 'place:ru:lozovaya-rudka')],
  };

  for (const field of fields) {
    it(`${field.name}: every answer is a normal result or a coded client error, and nothing changes`, async () => {
      const base = () => Object.fromEntries(field.args.filter((arg) => isNonNullType(arg.type)).map((arg) => [arg.name, fillers[arg.name]]));
      const attempts = attemptsFor('query', field, base, {});
      expect(attempts.length).toBeGreaterThan(0);
      const problems = await leavesGraphUnchanged(() => runAttempts(attempts, ['BAD_USER_INPUT']));
      expect(problems).toEqual([]);
    });
  }

  it('finds nothing for injection-shaped keys hidden in well-formed global ids', async () => {
    const ids = injections.flatMap((payload) => ['Place', 'Claim', 'Unit'].map((type) => encodeGlobalId(type, payload)));
    const response = await leavesGraphUnchanged(() => service.graphql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }));
    expect(response.body).toEqual({ data: { nodes: ids.map(() => null) } });
  });
});

describe('JavaScript-shaped strings written inline in the document', () => {
  // An executor that compiles documents into JavaScript must never take a literal for code.
  // graphql-jit 0.8 does: its argument literals go into the generated code through JSON, and
  // a string that starts with its date marker is then written out unquoted, as `new Date(...)`.
  const ran = '__conflictGraphInjectedCodeRan';
  const payloads = [
    `__MAGIC_DATE__33a9e76d_02e0_4128_8e92_3530ad3da74d0), x: (globalThis.${ran} = 1), y: (0`,
    `"}); globalThis.${ran} = 1; ({"`,
    `\${globalThis.${ran} = 1}`,
    `'); globalThis.${ran} = 1; //`,
  ];
  // As GraphQL string literals: quotes and backslashes escaped, so the document parses.
  const literal = (value: string) => JSON.stringify(value);

  it('takes each as a string and runs none of it', async () => {
    for (const payload of payloads) {
      for (const query of [
        `{ search(text: ${literal(payload)}, first: 1) { kind } }`,
        `{ place(key: ${literal(payload)}) { name } }`,
        `{ events(filter: { participant: ${literal(payload)} }, first: 1) { totalCount } }`,
      ]) {
        const response = await leavesGraphUnchanged(() => service.graphql(query));
        expect((globalThis as Record<string, unknown>)[ran], query).toBeUndefined();
        for (const error of response.body.errors ?? []) expect(error.extensions?.code, query).toBe('BAD_USER_INPUT');
      }
    }
  });
});

describe('Cypher-injection-shaped strings in every write input', () => {
  const linker = `unit:${marker}-linker`;
  const aboutPlace = `place:${marker}-about`;
  const targetClaim = `claim:${marker}:target`;
  const slug = (path: string[]) => path.join('-').toLowerCase().replace(/[^a-z0-9-]/g, '');

  /** A valid claim; the links to other claims only when the path attacked is in one of them. */
  const recordClaimInput = (suffix: string, path: string[] = []) => {
    const links: Record<string, { key: string; note: string }[]> = {};
    for (const name of ['supports', 'contradicts', 'supersedes']) if (path[1] === name) links[name] = [{ key: targetClaim, note: 'A link.' }];
    return {
      key: `claim:${marker}:${suffix}`,
      properties: { text: 'Bad-input test claim.', type: 'CONTROL', stance: 'ASSERTS', basis: 'CLAIMED_BY_PARTY', madeAt: '2024-03-12' },
      madeBy: [{ key: linker, attribution: 'EXPLICIT' }],
      about: [{ key: aboutPlace, role: 'PLACE' }],
      sources: [{ key: `source:${marker}:${suffix}`, quote: 'a quote', first: true, source: { kind: 'SOCIAL_POST', title: 'A post', publishedAt: '2024-03-12' } }],
      ...links,
    };
  };

  beforeAll(async () => {
    const setup: [string, Record<string, unknown>][] = [
      [`mutation { upsertUnit(key: "${linker}", input: { name: "Bad-input linker", side: UKRAINE }) { status } }`, {}],
      [`mutation { upsertPlace(key: "${aboutPlace}", input: { name: "Bad-input place" }) { status } }`, {}],
      ['mutation ($input: RecordClaimInput!) { recordClaim(input: $input) { status } }', { input: recordClaimInput('target') }],
    ];
    for (const [query, variables] of setup) {
      const response = await service.graphql(query, variables, writer);
      expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
    }
  });

  const entityInputs: Record<string, { prefix: string; input: Record<string, unknown> }> = {
    Unit: { prefix: 'unit', input: { name: 'Bad-input unit' } },
    Person: { prefix: 'person', input: { name: 'Bad-input person' } },
    Organization: { prefix: 'org', input: { name: 'Bad-input organization' } },
    Place: { prefix: 'place', input: { name: 'Bad-input place' } },
    Event: { prefix: 'event', input: { name: 'Bad-input event' } },
    Source: { prefix: 'source', input: { kind: 'NEWS_ARTICLE' } },
    Equipment: { prefix: 'equipment', input: { name: 'Bad-input equipment' } },
  };

  const linkBase = { type: 'PARTICIPATED_IN', from: linker, to: 'event:2024-03-kursk-raid', properties: { role: 'SUPPORTER' } };

  /** Valid arguments of each mutation, by path and payload, so only the attacked string is bad. */
  function baseFor(field: string): ((path: string[], payloadIndex: number) => Record<string, unknown>) | undefined {
    const entity = /^(create|update|upsert)(\w+)$/.exec(field);
    if (entity) {
      const spec = entityInputs[entity[2]!]!;
      return (path) => ({ key: `${spec.prefix}:${marker}-${field.toLowerCase()}-${slug(path)}`, input: spec.input });
    }
    switch (field) {
      case 'recordClaim':
        return (path, payloadIndex) => ({ input: recordClaimInput(`${slug(path)}-${payloadIndex}`, path) });
      case 'link':
      case 'unlink':
        return () => ({ input: linkBase });
      case 'setClaimRank':
        return () => ({ key: targetClaim, rank: 'NORMAL', note: 'A note.' });
      case 'addClaimSources':
        return (path) => ({ key: targetClaim, sources: [{ key: `source:social-post:${marker}-added-${slug(path)}`, quote: 'A quote.', source: { kind: 'SOCIAL_POST' } }] });
      case 'mergeEntities':
        return () => ({ survivor: `unit:${marker}-survivor`, duplicate: `unit:${marker}-duplicate` });
      case 'importBundle':
        return () => ({ ndjson: '' });
      default:
        return undefined;
    }
  }

  it('has valid base arguments for every mutation', () => {
    for (const field of Object.keys(mutationType.getFields())) expect(baseFor(field), field).toBeDefined();
  });

  /** Reads back a property written through a path, when the write was accepted. */
  async function storedValue(field: string, variables: Record<string, unknown>, path: string[]): Promise<{ found: boolean; value?: unknown }> {
    const [root, ...rest] = path;
    if (/^upsert/.test(field) && root === 'input' && rest.length === 1) {
      const rows = await bookkeeping.read<{ value: unknown }>('test.bad-input.value', 'MATCH (n {key: $key}) RETURN n[$property] AS value', { key: variables.key, property: rest[0] });
      return { found: rows.length === 1, value: toPlain(rows[0]?.value) };
    }
    if (field === 'recordClaim' && rest[0] === 'properties' && rest.length === 2) {
      const input = variables.input as { key: string };
      const rows = await bookkeeping.read<{ value: unknown }>('test.bad-input.value', 'MATCH (n:Claim {key: $key}) RETURN n[$property] AS value', { key: input.key, property: rest[1] });
      return { found: rows.length === 1, value: toPlain(rows[0]?.value) };
    }
    if (field === 'link' && rest[0] === 'properties' && rest.length === 2) {
      const rows = await bookkeeping.read<{ value: unknown }>(
        'test.bad-input.value',
        'MATCH (:Unit {key: $from})-[r:PARTICIPATED_IN]->(:Event {key: $to}) RETURN r[$property] AS value',
        { from: linkBase.from, to: linkBase.to, property: rest[1] },
      );
      return { found: rows.length === 1, value: toPlain(rows[0]?.value) };
    }
    if (field === 'setClaimRank' && root === 'note') {
      const rows = await bookkeeping.read<{ value: unknown }>('test.bad-input.value', 'MATCH (n:Claim {key: $key}) RETURN n.rankNote AS value', { key: targetClaim });
      return { found: rows.length === 1, value: rows[0]?.value };
    }
    return { found: false };
  }

  // Writes are sequential per mutation so that link, unlink and the retries of one key do not race.
  const order = ['upsertUnit', 'upsertPerson', 'upsertOrganization', 'upsertPlace', 'upsertEvent', 'upsertSource', 'recordClaim', 'link', 'unlink', 'setClaimRank', 'mergeEntities', 'importBundle'];
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const mutations = Object.values(mutationType.getFields()).sort((a, b) => rank(a.name) - rank(b.name));
  let verbatim = 0;

  for (const field of mutations) {
    // create* and update* take the same input types as upsert* (attacked through upsert*):
    // only their key is attacked here.
    const keyOnly = /^(create|update)/.test(field.name);
    it(`${field.name}: every answer is a normal result or a coded client error; accepted values are stored verbatim`, async () => {
      const base = baseFor(field.name)!;
      const headers = field.name === 'mergeEntities' ? admin : writer;
      // recordClaim has about 50 string paths, each accepted payload a whole claim with its source:
      // each path gets three of the payloads, in turn, so each payload still reaches a third of the paths.
      const sampled = (attempt: { pathIndex: number; payloadIndex: number }) => field.name !== 'recordClaim' || (attempt.pathIndex + attempt.payloadIndex) % 3 === 0;
      const attempts = attemptsFor('mutation', field, base, headers).filter((attempt) => (!keyOnly || attempt.path.join('.') === 'key') && sampled(attempt));
      expect(attempts.length).toBeGreaterThan(0);
      const check = async (attempt: (typeof attempts)[number], body: Body) => {
        if (body.errors) return undefined;
        const stored = await storedValue(field.name, attempt.variables, attempt.path);
        if (!stored.found) return undefined;
        verbatim += 1;
        const listy = Array.isArray(stored.value);
        const expected = listy ? [attempt.payload] : attempt.payload;
        return JSON.stringify(stored.value) === JSON.stringify(expected) ? undefined : `stored ${JSON.stringify(stored.value)}, not the payload`;
      };
      // recordClaim writes distinct claims and sources for each attempt: a few at a time.
      const parallel = field.name === 'recordClaim' ? 3 : 1;
      const problems = await leavesGraphUnchanged(() => runAttempts(attempts, ['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT'], check, parallel), seedCounts);
      expect(problems).toEqual([]);
    });
  }

  it('stored some payloads verbatim (the sweep reached the database)', () => {
    expect(verbatim).toBeGreaterThan(50);
  });

  it('refuses every payload as a key with BAD_USER_INPUT naming the key', async () => {
    for (const payload of injections) {
      const response = await leavesGraphUnchanged(
        () => service.graphql('mutation ($key: String!) { upsertPlace(key: $key, input: { name: "X" }) { status } }', { key: payload }, writer),
      );
      const error = expectClearError(response.body, 'BAD_USER_INPUT', /is not a key/);
      expect(error.extensions?.field).toBe('key');
    }
  });

  it('stores injection-shaped names verbatim and finds them through the API', async () => {
    for (const [index, payload] of injections.entries()) {
      const key = `place:ua:${marker}-named-${index}`;
      const written = await service.graphql<{ upsertPlace: { status: string; place: { name: string; note: string } } }>(
        'mutation ($key: String!, $name: String!) { upsertPlace(key: $key, input: { name: $name, note: $name }) { status place { name note } } }',
        { key, name: payload },
        writer,
      );
      expect(written.body.errors, JSON.stringify(written.body.errors)).toBeUndefined();
      expect(written.body.data?.upsertPlace).toEqual({ status: 'CREATED', place: { name: payload, note: payload } });
      const read = await service.graphql<{ place: { name: string }; entity: { key: string } }>('query ($key: String!) { place(key: $key) { name } entity(key: $key) { key } }', { key });
      expect(read.body.data).toEqual({ place: { name: payload }, entity: { key } });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// 6. After everything

describe('after all of it', () => {
  it('still answers, with the seed intact', async () => {
    await expectAlive();
    const health = await service.yoga.fetch('http://localhost/health');
    expect(health.status).toBe(200);
    const response = await service.graphql<Record<string, unknown>>(
      `{ village: place(key: "place:ru:lozovaya-rudka") { name type countryCode }
         raid: event(key: "event:2024-03-kursk-raid") { key }
         russia: place(key: "place:ru") { name }
         found: search(text: "Lozovaya Rudka") { entity { key } } }`,
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toMatchObject({
      village: { name: 'Lozovaya Rudka', type: 'VILLAGE', countryCode: 'RU' },
      raid: { key: 'event:2024-03-kursk-raid' },
      russia: { name: 'Russia' },
    });
    expect((response.body.data?.found as { entity: { key: string } }[])[0]?.entity.key).toBe('place:ru:lozovaya-rudka');
  });

  it('has every node and relationship outside its own records exactly as before', async () => {
    const after = await seedFingerprint();
    expect(after.length).toBe(seedBefore.length);
    expect(after).toEqual(seedBefore);
  });
});
