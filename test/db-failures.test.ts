import { connect, createServer, type Server, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDriver } from '../src/db/connect';
import { deadlineMarginMs, Neo4jGateway } from '../src/db/gateway';
import { createYogaApp } from '../src/server/yoga';
import { createTestService, testConfig, testKeys, type GraphQLResponse } from './support/service';

const service = createTestService();
afterAll(() => service.close());

/** A pino logger whose lines land in `lines`, parsed. */
function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'warn' }, stream), lines };
}

describe('a query over Neo4j\'s transaction memory limit', () => {
  it('is answered QUERY_TOO_COSTLY after one attempt, not retried, and logged at warn with its tag', async () => {
    const { logger, lines } = capturingLogger();
    const attempts: string[] = [];
    const gateway = new Neo4jGateway(service.gateway.driver, service.gateway.database, 60_000, { logger }).observed((tag) => attempts.push(tag));
    // Lists held in memory until they pass the pool of all transactions (70 % of the test Neo4j's
    // heap by default): Neo4j refuses it with MemoryPoolOutOfMemoryError, a transient error that
    // the driver would retry for 3 s.
    const hungry = gateway.read('test.memory-hungry', 'UNWIND range(1, 1000000) AS x RETURN size(collect([i IN range(1, 1000) | i])) AS n');
    await expect(hungry).rejects.toMatchObject({
      extensions: { code: 'QUERY_TOO_COSTLY', operation: 'test.memory-hungry', limit: 'neo4j transaction memory' },
    });
    expect(attempts).toEqual(['test.memory-hungry']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, tag: 'test.memory-hungry', neo4jCode: 'Neo.TransientError.General.MemoryPoolOutOfMemoryError' });
    // And Neo4j is fine afterwards.
    expect((await service.graphql('{ place(key: "place:ru") { name } }')).body.data).toEqual({ place: { name: 'Russia' } });
  });
});

/**
 * A TCP relay to the test Neo4j that can freeze: while frozen it accepts connections and holds
 * every byte either way, which is what a SIGSTOPped Neo4j looks like to a client.
 */
async function freezableRelay() {
  const target = new URL(inject('neo4jUri'));
  let frozen = false;
  const held: (() => void)[] = [];
  const sockets = new Set<Socket>();
  const forward = (from: Socket, to: Socket) =>
    from.on('data', (chunk) => {
      if (frozen) held.push(() => to.write(chunk));
      else to.write(chunk);
    });
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => sockets.delete(socket));
    }
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    uri: `bolt://127.0.0.1:${address.port}`,
    freeze: () => (frozen = true),
    thaw: () => {
      frozen = false;
      for (const send of held.splice(0)) send();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/** The service over `uri`, with the timeouts small: 300 ms to connect, 300 ms per transaction. */
function impatientService(uri: string) {
  const config = testConfig({ NEO4J_URI: uri, NEO4J_CONNECT_TIMEOUT_MS: '300', NEO4J_QUERY_TIMEOUT_MS: '300' });
  const driver = createDriver(uri, config);
  const gateway = new Neo4jGateway(driver, config.NEO4J_DATABASE, config.NEO4J_QUERY_TIMEOUT_MS, { pingTimeoutMs: 300 });
  const yoga = createYogaApp({ gateway, logger: pino({ level: 'silent' }), config });
  const graphql = async (query: string, headers: Record<string, string> = {}) => {
    const started = Date.now();
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    return { body: (await response.json()) as GraphQLResponse['body'], ms: Date.now() - started };
  };
  const ready = async () => (await yoga.fetch('http://localhost/ready')).status;
  // A frozen server never answers the driver's goodbye either.
  const close = () => Promise.race([driver.close(), new Promise((resolve) => setTimeout(resolve, 500))]);
  return { gateway, graphql, ready, close };
}

const read = '{ place(key: "place:ru") { name } }';
const write = 'mutation { upsertPlace(key: "place:test:frozen", input: { name: "Frozen" }) { status } }';
const writer = { 'x-api-key': testKeys.writer };
// Wide: the machine is shared; the bounds that matter are 300 ms and 300 + deadlineMarginMs.
const slack = 5_000;

describe('a Neo4j that accepts connections and never answers (frozen)', () => {
  it('fails reads and writes with UNAVAILABLE within the connection timeout, and /ready with 503', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => {
      sockets.push(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const frozen = impatientService(`bolt://127.0.0.1:${address.port}`);
    try {
      expect(await frozen.ready()).toBe(503);
      for (const [query, headers] of [[read, {}], [write, writer]] as const) {
        const { body, ms } = await frozen.graphql(query, headers);
        expect(body.errors?.[0]?.extensions?.code, JSON.stringify(body)).toBe('UNAVAILABLE');
        expect(ms).toBeLessThan(300 + slack);
      }
      expect(sockets.length).toBeGreaterThan(0);
    } finally {
      await frozen.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('gives up on a pooled connection that stops answering with TIMEOUT, and carries on once Neo4j resumes', async () => {
    const relay = await freezableRelay();
    const paused = impatientService(relay.uri);
    try {
      expect((await paused.graphql(read)).body.data).toEqual({ place: { name: 'Russia' } });
      relay.freeze();
      // The pooled connection is handed out and its query is never answered: the service's own deadline ends it.
      const { body, ms } = await paused.graphql(read);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'TIMEOUT', operation: expect.any(String) });
      expect(ms).toBeGreaterThanOrEqual(300 + deadlineMarginMs - 50);
      expect(ms).toBeLessThan(300 + deadlineMarginMs + slack);
      expect(await paused.ready()).toBe(503);
      // The stuck query still holds its connection (no later request gets it) until Neo4j answers it.
      expect(paused.gateway.activity.inFlight).toBe(1);
      relay.thaw();
      await expect.poll(() => paused.gateway.activity.inFlight, { timeout: slack }).toBe(0);
      expect((await paused.graphql(read)).body.data).toEqual({ place: { name: 'Russia' } });
      expect(await paused.ready()).toBe(200);
    } finally {
      relay.thaw();
      await paused.close();
      await relay.close();
    }
  });
});
