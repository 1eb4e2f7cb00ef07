import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { Neo4jGateway } from '../src/db/gateway';
import { createYogaApp } from '../src/server/yoga';
import { createTestService, testConfig, testKeys, type GraphQLResponse } from './support/service';

const service = createTestService();
afterAll(() => service.close());

const exampleRaidQuery = `{ event(key: "event:2024-03-kursk-raid") { name participants { role actor { name } }
  claimsAbout { claim { text makers { actor { name } } sources { quote source { title } } contradictedBy { claim { text } } } } } }`;

function firstError(response: GraphQLResponse) {
  expect(response.body.errors, JSON.stringify(response.body)).toBeDefined();
  return response.body.errors![0]!;
}

describe('limits checked before any Cypher runs', () => {
  const nested = (depth: number) => `{ place(key: "place:ru") ${'{ parent '.repeat(depth)}{ key }${' }'.repeat(depth)} }`;

  it('lets the analysts\' example through', async () => {
    const response = await service.graphql(exampleRaidQuery);
    expect(response.body.errors).toBeUndefined();
  });

  it('refuses a query deeper than MAX_DEPTH, saying by how much, without a round trip', async () => {
    const response = await service.graphql(nested(14));
    const error = firstError(response);
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 12, found: 16 });
    expect(error.message).toContain('over the limit of 12 by 4');
    expect(response.roundTrips).toEqual([]);
  });

  it('refuses more aliases than MAX_ALIASES', async () => {
    const aliases = Array.from({ length: 31 }, (_, index) => `a${index}: database { name }`).join(' ');
    const error = firstError(await service.graphql(`{ ${aliases} }`));
    expect(error.extensions).toMatchObject({ code: 'TOO_MANY_ALIASES', limit: 30, found: 31 });
  });

  it('refuses more directives than MAX_DIRECTIVES', async () => {
    const error = firstError(await service.graphql(`{ database { name ${'@include(if: true) '.repeat(21)} } }`));
    expect(error.extensions).toMatchObject({ code: 'TOO_MANY_DIRECTIVES', limit: 20, found: 21 });
  });

  it('refuses a document of more than MAX_TOKENS tokens', async () => {
    const error = firstError(await service.graphql(`{ ${'__typename '.repeat(5_001)} }`));
    expect(error.extensions).toMatchObject({ code: 'TOO_MANY_TOKENS', limit: 5_000 });
  });

  it('prices lists by their page size: a nested page of 100 events is refused, the same page of 10 is not', async () => {
    const query = `query ($first: Int) { events(first: $first) { edges { node { participants { actor { events { event { participants { actor { name } } } } } } } } } }`;
    const large = await service.graphql(query, { first: 100 });
    const error = firstError(large);
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 50_000 });
    expect(error.extensions!.found as number).toBeGreaterThan(50_000);
    expect(large.roundTrips).toEqual([]);
    expect((await service.graphql(query, { first: 10 })).body.errors).toBeUndefined();
  });

  it('takes each limit from the configuration', async () => {
    const strict = createTestService({ MAX_DEPTH: '5', MAX_COST: '100' });
    try {
      expect(firstError(await strict.graphql(nested(4))).extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 5, found: 6 });
      expect(firstError(await strict.graphql('{ events(first: 50) { edges { node { name } } } }')).extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 100 });
    } finally {
      await strict.close();
    }
  });
});

describe('protection for production', () => {
  it('limits requests per client: 429 RATE_LIMITED with Retry-After, each API key its own budget', async () => {
    const limited = createTestService({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses = [];
      for (let index = 0; index < 4; index += 1) statuses.push((await limited.graphql('{ __typename }', {}, { 'x-api-key': testKeys.reader })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await limited.yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': testKeys.reader },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
      expect((await limited.graphql('{ __typename }', {}, { 'x-api-key': testKeys.writer })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('refuses a GET without the CSRF header, as a form post could be forged', async () => {
    const url = `http://localhost/graphql?query=${encodeURIComponent('{ __typename }')}`;
    const forged = await service.yoga.fetch(url, { headers: { accept: 'application/json' } });
    expect(forged.status).toBe(403);
    const real = await service.yoga.fetch(url, { headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' } });
    expect(real.status).toBe(200);
  });

  it('answers CORS preflights for configured origins only', async () => {
    const withCors = createTestService({ CORS_ORIGINS: 'https://analysts.example' });
    const preflight = (origin: string) =>
      withCors.yoga.fetch('http://localhost/graphql', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-api-key' },
      });
    try {
      expect((await preflight('https://analysts.example')).headers.get('access-control-allow-origin')).toBe('https://analysts.example');
      expect((await preflight('https://elsewhere.example')).headers.get('access-control-allow-origin')).not.toBe('https://elsewhere.example');
      const closed = await service.yoga.fetch('http://localhost/graphql', { method: 'OPTIONS', headers: { origin: 'https://analysts.example', 'access-control-request-method': 'POST' } });
      expect(closed.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await withCors.close();
    }
  });

  it('refuses a body over MAX_BODY_BYTES with 413', async () => {
    const small = createTestService({ MAX_BODY_BYTES: '1000' });
    try {
      const response = await small.graphql('query ($text: String!) { search(text: $text) { score } }', { text: 'x'.repeat(2_000) });
      expect(response.status).toBe(413);
      expect(firstError(response).extensions?.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    } finally {
      await small.close();
    }
  });

  it('refuses a body over MAX_BODY_BYTES over HTTP with 413, by its Content-Length or, chunked, as it is read', async () => {
    const small = createTestService({ MAX_BODY_BYTES: '1000' });
    const server = createServer(small.yoga);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const body = (text: string) => JSON.stringify({ query: 'query ($text: String!) { search(text: $text, first: 1) { kind } }', variables: { text } });
    const post = async (init: RequestInit) => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, ...init });
      return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse['body'], roundTrips: [], statements: [] };
    };
    const chunked = (text: string) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          // Two chunks, each under the limit; together over it.
          const bytes = new TextEncoder().encode(text);
          controller.enqueue(bytes.subarray(0, 600));
          controller.enqueue(bytes.subarray(600));
          controller.close();
        },
      });
    try {
      const withLength = await post({ body: body('x'.repeat(2_000)) });
      expect(withLength.status).toBe(413);
      expect(firstError(withLength).extensions?.code).toBe('REQUEST_ENTITY_TOO_LARGE');
      const streamed = await post({ body: chunked(body('x'.repeat(2_000))), duplex: 'half' } as RequestInit);
      expect(streamed.status).toBe(413);
      expect(firstError(streamed).extensions?.code).toBe('REQUEST_ENTITY_TOO_LARGE');
      // Under the limit, either way, the query runs.
      for (const init of [{ body: body('Kursk') }, { body: chunked(body('Kursk'.padEnd(700))), duplex: 'half' }]) {
        const answered = await post(init as RequestInit);
        expect(answered.body.errors, JSON.stringify(answered.body)).toBeUndefined();
        expect(answered.status).toBe(200);
      }
    } finally {
      server.close();
      await small.close();
    }
  });

  it('runs only persisted operations in allow-list mode', async () => {
    const operation = '{ place(key: "place:ru") { name } }';
    const hash = createHash('sha256').update(operation).digest('hex');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'persisted-')), 'operations.json');
    writeFileSync(file, JSON.stringify({ [hash]: operation }));
    const allowList = createTestService({ PERSISTED_OPERATIONS_FILE: file });
    const send = (body: object) =>
      allowList.yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    try {
      const persisted = await send({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
      expect(await persisted.json()).toEqual({ data: { place: { name: 'Russia' } } });
      const arbitrary = (await (await send({ query: operation })).json()) as GraphQLResponse['body'];
      expect(arbitrary.errors?.[0]?.message).toMatch(/persisted/i);
      expect(arbitrary.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY');
      expect(arbitrary.data).toBeUndefined();
      // GraphQL Code Generator's persisted documents: documentId, with its "sha256:" prefix or without.
      for (const documentId of [`sha256:${hash}`, hash]) expect(await (await send({ documentId })).json()).toEqual({ data: { place: { name: 'Russia' } } });
      const unknown = (await (await send({ documentId: `sha256:${'0'.repeat(64)}` })).json()) as GraphQLResponse['body'];
      expect(unknown.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      // A new list is read without a restart; one that does not parse leaves it in force.
      const added = '{ place(key: "place:ua") { key } }';
      const addedHash = createHash('sha256').update(added).digest('hex');
      writeFileSync(file, JSON.stringify({ [hash]: operation, [`sha256:${addedHash}`]: added }));
      utimesSync(file, new Date(), new Date(Date.now() + 2_000));
      expect(await (await send({ documentId: addedHash })).json()).toEqual({ data: { place: { key: 'place:ua' } } });
      writeFileSync(file, '{ not json');
      utimesSync(file, new Date(), new Date(Date.now() + 4_000));
      expect(await (await send({ documentId: addedHash })).json()).toEqual({ data: { place: { key: 'place:ua' } } });
    } finally {
      await allowList.close();
    }
  });
});

describe('a query that runs too long', () => {
  it('is stopped by the transaction timeout and answered TIMEOUT', async () => {
    const impatient = new Neo4jGateway(service.gateway.driver, service.gateway.database, 200);
    const slow = impatient.read('test.slow', 'UNWIND range(1, 200000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS count');
    await expect(slow).rejects.toMatchObject({ extensions: { code: 'TIMEOUT' } });
  });

  it('is stopped by the timeout while it waits for a lock, and answered TIMEOUT too', async () => {
    const impatient = new Neo4jGateway(service.gateway.driver, service.gateway.database, 500);
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked: () => void = () => undefined;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    // One transaction holds a write lock on Russia until the other has given up waiting for it.
    const holder = service.gateway.writeTransaction('test.hold-lock', async (tx) => {
      await tx.run("MATCH (p:Place {key: 'place:ru'}) SET p.lockProbe = true");
      locked();
      await released;
      throw new Error('roll back the probe');
    });
    await isLocked;
    const waiter = impatient.write('test.wait-for-lock', "MATCH (p:Place {key: 'place:ru'}) SET p.lockProbe = false");
    await expect(waiter).rejects.toMatchObject({ extensions: { code: 'TIMEOUT' } });
    release();
    await expect(holder).rejects.toThrow('roll back the probe');
  });
});

describe('a client that goes away', () => {
  it('gets no more Cypher run for it once it disconnects', async () => {
    const tags: string[] = [];
    const controller = new AbortController();
    // Count what reaches Neo4j; the client gives up right after the first query.
    const counting = service.gateway.observed((tag) => {
      tags.push(tag);
      if (tags.length === 1) controller.abort();
    });
    const yoga = createYogaApp({ gateway: counting, logger: pino({ level: 'silent' }), config: testConfig() });
    const request = yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      signal: controller.signal,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ events(first: 20) { edges { node { places { place { name } } participants { actor { name } } claimsAbout { claim { sources { quote } } } } } } }' }),
    });
    await Promise.resolve(request).then(
      (response) => response.text(),
      () => undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(tags).toEqual(['events.list']);
  });
});

describe('observability', () => {
  it('returns a request id, the client\'s own when it gives one', async () => {
    const fresh = await service.yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const given = await service.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'analyst-42.query-7' },
      body: '{"query":"{ __typename }"}',
    });
    expect(given.headers.get('x-request-id')).toBe('analyst-42.query-7');
  });

  it('serves Prometheus metrics: requests by operation type and outcome, latency, round trips, Neo4j work in flight, memory', async () => {
    await service.graphql('query RaidParticipants { event(key: "event:2024-03-kursk-raid") { participants { role } } }');
    const text = await (await service.yoga.fetch('http://localhost/metrics')).text();
    expect(text).toMatch(/graphql_envelop_request\{operationType="query"\} \d+/);
    // Operation names are the client's free text: never a label (http-attacks.test.ts).
    expect(text).not.toContain('RaidParticipants');
    expect(text).toContain('graphql_envelop_request_duration_bucket');
    expect(text).toContain('graphql_yoga_http_duration_bucket');
    expect(text).toMatch(/cypher_round_trips_total\{tag="entities\.by-key"\} \d+/);
    expect(text).toMatch(/neo4j_queries_in_flight \d+/);
    expect(text).toContain('neo4j_pool_max_size 100');
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('logs an unexpected error with its cause and request id, and shows the client only a masked message', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino(
      { level: 'error' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
          done();
        },
      }),
    );
    const failing = service.gateway.observed(() => {
      throw new Error('neo4j exploded: secret internals');
    });
    const yoga = createYogaApp({ gateway: failing, logger, config: testConfig() });
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-failing-1' },
      body: JSON.stringify({ query: '{ place(key: "place:ru") { name } }' }),
    });
    const body = (await response.json()) as GraphQLResponse['body'];
    expect(body.errors?.[0]).toMatchObject({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(body)).not.toContain('secret internals');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ requestId: 'req-failing-1', err: { message: 'neo4j exploded: secret internals' } });
  });
});
