/**
 * Subscriptions, fan-out, the shared rate limit, read-your-writes and Redis failing (#20). Over
 * 300 lines: one file, so CI starts one Redis-using file and the helpers (an SSE reader, a
 * graphql-ws client) are written once.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, type Client } from 'graphql-ws/client';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createLogger } from '../src/server/logger';
import { LiveFeed } from '../src/server/live';
import { serveWebSockets } from '../src/server/websocket';
import { createTestService, testKeys, type TestService } from './support/service';
import { startRedis } from './support/redis';

const writer = { 'x-api-key': testKeys.writer };
const admin = { 'x-api-key': testKeys.admin };
/** The longest a test waits for a message it expects; never a sleep that asserts. */
const waitMs = 10_000;

type Message = { data?: Record<string, unknown>; errors?: { message: string; extensions?: Record<string, unknown> }[] };

/**
 * A subscription over Server-Sent Events, in-process: the messages as they arrive, `next(n)`
 * waiting (bounded) until n have, and `close()` as a client that goes away.
 */
/** Every subscription a test opened: closed after it, whatever its outcome. */
const opened: { close: () => void }[] = [];

async function subscribe(service: Pick<TestService, 'yoga'>, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await service.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: controller.signal,
  });
  const messages: Message[] = [];
  let notify = () => {};
  let ended = false;
  let raw = '';
  const rawText = () => raw;
  const reader = response.body!.getReader();
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        raw += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = event.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()).join('\n');
          if (/^event: next/m.test(event) && data) messages.push(JSON.parse(data) as Message);
          notify();
        }
      }
      // A refusal before the stream begins comes as one JSON response.
      if (!response.headers.get('content-type')?.includes('text/event-stream') && buffer.trim()) messages.push(JSON.parse(buffer) as Message);
    } catch {
      // Cancelled by close().
    }
    ended = true;
    notify();
  })();
  const subscription = {
    messages,
    async next(count: number): Promise<Message[]> {
      const deadline = Date.now() + waitMs;
      while (messages.length < count && !ended && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          notify = resolve;
          setTimeout(resolve, 200);
        });
      }
      if (messages.length < count) throw new Error(`expected ${count} messages, got ${messages.length}: ${JSON.stringify(messages)} ${response.status} ${JSON.stringify(rawText())}`);
      return messages.slice(0, count);
    },
    /** As a client that goes away: the stream is cancelled, which is what the server hears. */
    close: () => {
      void reader.cancel().catch(() => undefined);
      controller.abort();
    },
  };
  opened.push(subscription);
  return subscription;
}

/** Runs `work` with a graphql-ws client of the service behind a real HTTP server on a free port. */
async function overWebSocket<T>(service: Pick<TestService, 'yoga'>, connectionParams: Record<string, string>, work: (client: Client) => Promise<T>): Promise<T> {
  const server = createServer(service.yoga);
  const sockets = serveWebSockets(server, service.yoga, 100_000);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = createClient({ url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0 });
  try {
    return await work(client);
  } finally {
    await client.dispose();
    await sockets.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** Waits (bounded) until `condition` holds. */
async function until(condition: () => boolean, what: string) {
  const deadline = Date.now() + waitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const recordClaim = `mutation ($input: RecordClaimInput!) { recordClaim(input: $input) { status claim { key } } }`;

let sequence = 0;
/** A new claim by `maker` of `type`, with its own text so its key is new. */
const claimInput = (maker: string, type: string) => ({
  properties: { text: `Live test claim ${++sequence} at ${Date.now()}`, type, stance: 'ASSERTS', basis: 'CLAIMED_BY_PARTY', madeAt: '2024-03-12' },
  madeBy: [{ key: maker, attribution: 'EXPLICIT' }],
  about: [{ key: 'place:ru:lozovaya-rudka', role: 'PLACE' }],
  sources: [{ key: 'source:social-post:live-test', quote: 'live', source: { kind: 'SOCIAL_POST', title: 'Live test post', publishedAt: '2024-03-12' } }],
});

async function record(service: TestService, maker: string, type: string): Promise<string> {
  const response = await service.graphql<{ recordClaim: { claim: { key: string } } }>(recordClaim, { input: claimInput(maker, type) }, writer);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.recordClaim.claim.key;
}

const claimFeed = `subscription ($filter: ClaimFilter, $since: DateTime, $after: String, $changes: [ClaimChangeKind!]) {
  claimChanged(filter: $filter, since: $since, after: $after, changes: $changes) {
    change recordedAt cursor
    claim { key type text makers { actor { key } } }
  }
}`;

type ClaimMessage = { claimChanged: { change: string; recordedAt: string; cursor: string; claim: { key: string; type: string; makers: { actor: { key: string } }[] } } };
const keysOf = (messages: Message[]) => messages.map((message) => (message.data as ClaimMessage).claimChanged.claim.key);

/** What these tests write, removed when the file is done: other files count the seed's claims and relationship types. */
const cleanup = createTestService();
afterAll(async () => {
  await cleanup.gateway.write('test.live.cleanup', `MATCH (c:Claim)-[:STATED_IN]->(:Source {key: 'source:social-post:live-test'}) OPTIONAL MATCH (c)<-[:REVISES]-(revision) DETACH DELETE c, revision`);
  await cleanup.gateway.write(
    'test.live.cleanup',
    `MATCH (n) WHERE n.key IN ['source:social-post:live-test', 'person:live-test-survivor', 'person:live-test-duplicate'] OPTIONAL MATCH (n)<-[:REVISES|REDIRECTS_TO]-(bookkeeping) DETACH DELETE n, bookkeeping`,
  );
  await cleanup.close();
});

const legion = 'unit:freedom-of-russia-legion';
const corps = 'unit:russian-volunteer-corps';

describe('subscriptions on one instance (in-process feed)', () => {
  let service: TestService;
  beforeAll(() => {
    service = createTestService({ LIVE_MAX_SUBSCRIPTIONS_PER_CLIENT: '3' });
  });
  afterAll(() => service.close());
  afterEach(async () => {
    for (const subscription of opened.splice(0)) subscription.close();
    await until(() => service.yoga.live.counts.open === 0, 'the subscriptions to be released');
  });

  it('sends a recorded claim to a subscriber whose filter admits it, as it selected it, and not to one whose filter excludes it', async () => {
    const control = await subscribe(service, claimFeed, { filter: { madeBy: legion, types: ['CONTROL'] } });
    const casualties = await subscribe(service, claimFeed, { filter: { madeBy: legion, types: ['CASUALTIES'] } });
    const key = await record(service, legion, 'CONTROL');
    const [message] = await control.next(1);
    expect(message!.data).toMatchObject({ claimChanged: { change: 'RECORDED', claim: { key, type: 'CONTROL', makers: [{ actor: { key: legion } }] } } });
    // The excluded subscriber's first message is a later claim its filter admits: the first never reached it.
    const sentinel = await record(service, legion, 'CASUALTIES');
    expect(keysOf(await casualties.next(1))).toEqual([sentinel]);
    expect(keysOf(control.messages)).toEqual([key]);
    control.close();
    casualties.close();
  });

  it('reads each message with its nested fields in one round trip', async () => {
    const fresh = createTestService();
    try {
      const feed = await subscribe(fresh, `subscription ($filter: ClaimFilter) { claimChanged(filter: $filter) { claim { key makers { actor { key name } } subjects { entity { key } } sources { quote source { key title } } } } }`, { filter: { madeBy: legion, types: ['ATTACK'] } });
      const key = await record(fresh, legion, 'ATTACK');
      expect(keysOf(await feed.next(1))).toEqual([key]);
      const metrics = await (await fresh.yoga.fetch('http://localhost/metrics')).text();
      const tags = [...metrics.matchAll(/^cypher_round_trips_total\{tag="([^"]+)"\} (\d+)$/gm)].map(([, tag, count]) => [tag, Number(count)]);
      // The recording's own statements, then one read for the message: no loader round trip per nested field.
      expect(tags.filter(([tag]) => !String(tag).startsWith('claim.record') && !String(tag).startsWith('entities.by-key'))).toEqual([['claims.live', 1]]);
      feed.close();
      await until(() => fresh.yoga.live.counts.open === 0, 'the subscription to be released');
    } finally {
      await fresh.close();
    }
  });

  it('reads a change once for all subscribers with the same filter and selection, each keeping its own kinds of change', async () => {
    const fresh = createTestService();
    try {
      const withText = `subscription ($filter: ClaimFilter) { claimChanged(filter: $filter) { cursor claim { key text } } }`;
      const subscribers = [
        ...[1, 2, 3, 4, 5].map(() => ({ query: claimFeed, variables: { filter: { madeBy: corps, types: ['PRESENCE'] } } })),
        // Which kinds a subscriber keeps is its own: it reads with the others.
        { query: claimFeed, variables: { filter: { madeBy: corps, types: ['PRESENCE'] }, changes: ['RANKED'] } },
        { query: claimFeed, variables: { filter: { madeBy: corps, types: ['CASUALTIES'] } } },
        { query: withText, variables: { filter: { madeBy: corps, types: ['PRESENCE'] } } },
      ];
      const feeds = await Promise.all(subscribers.map(({ query, variables }) => subscribe(fresh, query, variables)));
      await until(() => fresh.yoga.live.counts.open === subscribers.length, 'every subscription');
      const distinct = new Set(subscribers.map(({ query, variables }) => JSON.stringify([query, variables.filter]))).size;
      expect(fresh.yoga.live.counts.shared).toBe(distinct);

      const recorded = await fresh.graphql<{ recordClaim: { claim: { key: string } } }>(recordClaim, { input: claimInput(corps, 'PRESENCE') }, writer);
      const key = recorded.body.data!.recordClaim.claim.key;
      const admits = subscribers.map(({ variables }) => variables.filter.types[0] === 'PRESENCE' && !('changes' in variables));
      await Promise.all(feeds.map((feed, index) => (admits[index] ? feed.next(1) : undefined)));
      for (const [index, feed] of feeds.entries()) {
        expect(feed.messages.map((message) => (message.data!.claimChanged as { claim: { key: string } }).claim.key)).toEqual(admits[index] ? [key] : []);
      }
      // Round trips after the write: one read per distinct filter and selection, however many subscribe.
      expect(recorded.roundTrips.filter((tag) => tag.endsWith('.live'))).toEqual(Array.from({ length: distinct }, () => 'claims.live'));
      const metrics = await (await fresh.yoga.fetch('http://localhost/metrics')).text();
      expect(metrics).toMatch(new RegExp(`^live_shared_reads ${distinct}$`, 'm'));

      for (const feed of feeds) feed.close();
      await until(() => fresh.yoga.live.counts.open === 0, 'the subscriptions to be released');
      expect(fresh.yoga.live.counts.shared).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it('frees a subscription and its shared read when its client disconnects over a real socket', async () => {
    const server = createServer(service.yoga);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const controllers = [1, 2, 3].map(() => new AbortController());
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
      for (const controller of controllers) {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: JSON.stringify({ query: claimFeed, variables: { filter: { madeBy: corps } } }), signal: controller.signal });
        expect(response.headers.get('content-type')).toContain('text/event-stream');
      }
      await until(() => service.yoga.live.counts.open === controllers.length, 'three subscriptions over HTTP');
      expect(service.yoga.live.counts.shared).toBe(1);
      for (const controller of controllers) controller.abort();
      await until(() => service.yoga.live.counts.open === 0, 'the subscriptions to be released');
      expect(service.yoga.live.counts.shared).toBe(0);
      const metrics = await (await service.yoga.fetch('http://localhost/metrics')).text();
      expect(metrics).toMatch(/^live_subscriptions_open 0$/m);
      expect(metrics).toMatch(/^live_shared_reads 0$/m);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('tells ranked, superseded and changed claims apart, and sends only the kinds asked for', async () => {
    const ranks = await subscribe(service, claimFeed, { filter: { madeBy: corps }, changes: ['RANKED', 'SUPERSEDED'] });
    const all = await subscribe(service, claimFeed, { filter: { madeBy: corps } });
    // Each write waits for its message: a message carries the claim as it is when read, so two quick
    // changes of one claim may come as one message of the later.
    const first = await record(service, corps, 'CONTROL');
    await all.next(1);
    const ranked = await service.graphql('mutation ($key: String!) { setClaimRank(key: $key, rank: DEPRECATED, reason: REFUTED) { status } }', { key: first }, writer);
    expect(ranked.body.errors).toBeUndefined();
    await all.next(2);
    const second = await record(service, corps, 'CONTROL');
    await all.next(3);
    const input = { ...claimInput(corps, 'CONTROL'), supersedes: [{ key: second }] };
    const third = (await service.graphql<{ recordClaim: { claim: { key: string } } }>(recordClaim, { input }, writer)).body.data!.recordClaim.claim.key;
    const expected = [
      [first, 'RECORDED'],
      [first, 'RANKED'],
      [second, 'RECORDED'],
    ];
    const messages = (await all.next(5)).map((message) => (message.data as ClaimMessage).claimChanged);
    expect(messages.slice(0, 3).map((change) => [change.claim.key, change.change])).toEqual(expected);
    // The new claim and the one it supersedes change in one transaction: one message each, in either order.
    expect(messages.slice(3).map((change) => [change.claim.key, change.change]).sort()).toEqual([[second, 'SUPERSEDED'], [third, 'RECORDED']].sort());
    expect((await ranks.next(2)).map((message) => (message.data as ClaimMessage).claimChanged.change)).toEqual(['RANKED', 'SUPERSEDED']);
    ranks.close();
    all.close();
  });

  it('replays from `since` and from a cursor, then goes live, each change once', async () => {
    const first = await subscribe(service, claimFeed, { filter: { madeBy: legion } });
    const seen = await record(service, legion, 'PRESENCE');
    const [last] = await first.next(1);
    first.close();
    const gap = [await record(service, legion, 'PRESENCE'), await record(service, legion, 'ATTACK'), await record(service, legion, 'PRESENCE')];
    const { recordedAt, cursor, claim } = (last!.data as ClaimMessage).claimChanged;
    expect(claim.key).toBe(seen);
    const bySince = await subscribe(service, claimFeed, { filter: { madeBy: legion }, since: recordedAt });
    const byCursor = await subscribe(service, claimFeed, { filter: { madeBy: legion, types: ['PRESENCE'] }, after: cursor });
    expect(keysOf(await bySince.next(3))).toEqual(gap);
    const live = await record(service, legion, 'PRESENCE');
    expect(keysOf(await bySince.next(4))).toEqual([...gap, live]);
    expect(keysOf(await byCursor.next(3))).toEqual([gap[0], gap[2], live]);
    bySince.close();
    byCursor.close();
  });

  it('sends events changed in a place or any place inside it, and merges', async () => {
    const eventFeed = `subscription ($filter: EventFilter) { eventChanged(filter: $filter) { change recordedAt event { key places { place { key } } } } }`;
    const belgorod = await subscribe(service, eventFeed, { filter: { inPlace: 'place:ru:belgorod-oblast' } });
    const avdiivka = await subscribe(service, eventFeed, { filter: { inPlace: 'place:ua:avdiivka' } });
    const update = 'mutation ($key: String!, $note: String!) { updateEvent(key: $key, input: {codingNote: $note}) { status } }';
    // The Grayvoron district lies inside Belgorod Oblast.
    expect((await service.graphql(update, { key: 'event:2023-05-belgorod-raid', note: `live test ${Date.now()}` }, writer)).body.errors).toBeUndefined();
    expect((await service.graphql(update, { key: 'event:2024-02-17-avdiivka-withdrawal', note: `live test ${Date.now()}` }, writer)).body.errors).toBeUndefined();
    const [changed] = await belgorod.next(1);
    expect(changed!.data).toMatchObject({ eventChanged: { change: 'CHANGED', event: { key: 'event:2023-05-belgorod-raid' } } });
    const [sentinel] = await avdiivka.next(1);
    expect(sentinel!.data).toMatchObject({ eventChanged: { event: { key: 'event:2024-02-17-avdiivka-withdrawal' } } });
    expect(belgorod.messages).toHaveLength(1);
    belgorod.close();
    avdiivka.close();

    const merges = await subscribe(service, 'subscription { entityMerged { retiredKey recordedAt survivor { key ... on Person { formerKeys } } } }');
    for (const key of ['person:live-test-survivor', 'person:live-test-duplicate']) {
      expect((await service.graphql('mutation ($key: String!) { createPerson(key: $key, input: {name: "Live Test"}) { status } }', { key }, writer)).body.errors).toBeUndefined();
    }
    const merged = await service.graphql('mutation { mergeEntities(survivor: "person:live-test-survivor", duplicate: "person:live-test-duplicate") { survivor { key } } }', {}, admin);
    expect(merged.body.errors).toBeUndefined();
    const [merge] = await merges.next(1);
    expect(merge).toMatchObject({ data: { entityMerged: { retiredKey: 'person:live-test-duplicate', survivor: { key: 'person:live-test-survivor', formerKeys: ['person:live-test-duplicate'] } } } });
    merges.close();
  });

  it('caps subscriptions per client, counts them in metrics and releases them when the client goes', async () => {
    const open = await Promise.all([1, 2, 3].map(() => subscribe(service, claimFeed, {}, writer)));
    await until(() => service.yoga.live.counts.open === 3, 'three subscriptions');
    const refused = await subscribe(service, claimFeed, {}, writer);
    const [message] = await refused.next(1);
    expect(message!.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'subscriptions', maximum: 3 });
    // Another client (anonymous, by address) has its own allowance.
    const other = await subscribe(service, claimFeed);
    await until(() => service.yoga.live.counts.open === 4, 'another client');
    const metrics = await (await service.yoga.fetch('http://localhost/metrics')).text();
    expect(metrics).toMatch(/^live_subscriptions_open 4$/m);
    for (const subscription of [...open, other]) subscription.close();
    await until(() => service.yoga.live.counts.open === 0, 'subscriptions to be released');
  });

  it("returns a write's bookmark; a read through another instance that sends it back sees the write", async () => {
    // Another driver: its own bookmark manager, as another instance would have.
    const other = createTestService();
    try {
      const response = await service.yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...writer },
        body: JSON.stringify({ query: recordClaim, variables: { input: claimInput(legion, 'DENIAL') } }),
      });
      const body = (await response.json()) as { data: { recordClaim: { claim: { key: string } } }; extensions: { bookmarks: string[] } };
      const header = response.headers.get('x-neo4j-bookmark');
      expect(body.extensions.bookmarks.length).toBeGreaterThan(0);
      expect(header).toBe(body.extensions.bookmarks.join(','));
      const read = await other.graphql('query ($key: String!) { claim(key: $key) { key } }', { key: body.data.recordClaim.claim.key }, { 'x-neo4j-bookmark': header! });
      expect(read.body).toEqual({ data: { claim: { key: body.data.recordClaim.claim.key } } });
      // A read has no bookmark to return; a header that is no bookmark is refused before any Cypher runs.
      expect(read.body).not.toHaveProperty('extensions');
      const bad = await other.graphql('{ __typename }', {}, { 'x-neo4j-bookmark': 'not a bookmark!' });
      expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', header: 'x-neo4j-bookmark' });
      expect(bad.roundTrips).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('serves the same subscriptions over WebSockets (graphql-ws), with credentials in connectionParams', async () => {
    await overWebSocket(service, { Authorization: `Bearer ${testKeys.reader}` }, async (client) => {
      const messages: Message[] = [];
      client.subscribe({ query: claimFeed, variables: { filter: { madeBy: corps, types: ['APPEAL'] } } }, { next: (message) => void messages.push(message as Message), error: () => {}, complete: () => {} });
      await until(() => service.yoga.live.counts.open === 1, 'the WebSocket subscription');
      const key = await record(service, corps, 'APPEAL');
      await until(() => messages.length === 1, 'the claim over the WebSocket');
      expect(keysOf(messages)).toEqual([key]);
    });
    await until(() => service.yoga.live.counts.open === 0, 'the WebSocket subscription to be released');
  });
});

const redisUrl = inject('redisUrl');

describe.skipIf(!redisUrl)('two instances sharing Neo4j and Redis', () => {
  let a: TestService;
  let b: TestService;
  const feeds: LiveFeed[] = [];
  beforeAll(() => {
    const feed = () => {
      const live = new LiveFeed({ logger: createLogger('silent'), redisUrl, maxPerClient: 20 });
      feeds.push(live);
      return live;
    };
    a = createTestService({}, { live: feed() });
    b = createTestService({}, { live: feed() });
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close(), ...feeds.map((feed) => feed.close())]);
  });

  it('shares the rate limit: the N+1st request of a client is refused whichever instance gets it', async () => {
    const limit = 5;
    const limited = [0, 1].map(() => {
      const live = new LiveFeed({ logger: createLogger('silent'), redisUrl, maxPerClient: 20 });
      feeds.push(live);
      return createTestService({ RATE_LIMIT_PER_MINUTE: String(limit) }, { live });
    });
    await until(() => feeds.every((feed) => feed.degraded() === null), 'the instances to reach Redis');
    // A principal of its own, so no other test's requests count.
    const client = { authorization: `Bearer ${testKeys.admin}` };
    const statuses: number[] = [];
    for (let index = 0; index < limit + 2; index += 1) statuses.push((await limited[index % 2]!.graphql('{ __typename }', {}, client)).status);
    expect(statuses).toEqual([...Array(limit).fill(200), 429, 429]);
    await Promise.all(limited.map((service) => service.close()));
  });

  it('sends a claim recorded through A to a filtered subscriber on B, not to one whose filter excludes it, and replays a gap once', async () => {
    await until(() => feeds.every((feed) => feed.degraded() === null), 'both instances to reach Redis');
    const control = await subscribe(b, claimFeed, { filter: { madeBy: corps, types: ['CONTROL'] } });
    const excluded = await subscribe(b, claimFeed, { filter: { madeBy: corps, types: ['CASUALTIES'] } });
    const key = await record(a, corps, 'CONTROL');
    const [message] = await control.next(1);
    expect(message!.data).toMatchObject({ claimChanged: { change: 'RECORDED', claim: { key, makers: [{ actor: { key: corps } }] } } });
    const sentinel = await record(a, corps, 'CASUALTIES');
    expect(keysOf(await excluded.next(1))).toEqual([sentinel]);
    excluded.close();

    // Disconnected, the client misses three claims; reconnecting on B with `since` gets each once, then the live ones.
    control.close();
    const gap = [await record(a, corps, 'CONTROL'), await record(b, corps, 'CONTROL'), await record(a, corps, 'CONTROL')];
    const resumed = await subscribe(b, claimFeed, { filter: { madeBy: corps, types: ['CONTROL'] }, since: (message!.data as ClaimMessage).claimChanged.recordedAt });
    const live = await record(a, corps, 'CONTROL');
    expect(keysOf(await resumed.next(4))).toEqual([...gap, live]);
    resumed.close();
  });
});

describe.skipIf(!redisUrl)('Redis killed and restarted under a write loop', () => {
  it('loses no acknowledged write, /ready says what is degraded and recovers, and the subscriber gets every claim once', async () => {
    // A Redis of this test's own, to kill.
    const redis = await startRedis(Number(process.env.REDIS_TEST_PORT ?? 6391) + 1);
    const feeds = [0, 1].map(() => new LiveFeed({ logger: createLogger('silent'), redisUrl: redis.url, maxPerClient: 20 }));
    const [a, b] = feeds.map((feed) => createTestService({}, { live: feed })) as [TestService, TestService];
    const ready = async () => {
      const response = await a.yoga.fetch('http://localhost/ready');
      return { status: response.status, body: await response.text() };
    };
    try {
      await until(() => feeds.every((feed) => feed.degraded() === null), 'both instances to reach Redis');
      const feed = await subscribe(b, claimFeed, { filter: { madeBy: legion, types: ['WITHDRAWAL'] } });
      const acknowledged: string[] = [];
      const write = async (count: number) => {
        for (let index = 0; index < count; index += 1) acknowledged.push(await record(a, legion, 'WITHDRAWAL'));
      };
      await write(3);
      await feed.next(3);
      await redis.kill();
      await until(() => feeds.every((feed) => feed.degraded() !== null), 'the instances to notice');
      const degraded = await ready();
      expect(degraded.status).toBe(200);
      expect(JSON.parse(degraded.body)).toMatchObject({ status: 'degraded', degraded: { redis: expect.stringContaining('Redis does not answer') } });
      await write(3);
      await redis.restart();
      await until(() => feeds.every((feed) => feed.degraded() === null), 'the instances to reconnect');
      expect((await ready()).status).toBe(200);
      expect((await ready()).body).toBe('');
      await write(2);
      expect(keysOf(await feed.next(8))).toEqual(acknowledged);
      const [row] = await a.gateway.read<{ found: number }>('test.acknowledged', 'MATCH (n:Claim) WHERE n.key IN $keys RETURN count(n) AS found', { keys: acknowledged });
      expect(row!.found).toBe(acknowledged.length);
    } finally {
      for (const subscription of opened.splice(0)) subscription.close();
      await Promise.all([a.close(), b.close(), ...feeds.map((feed) => feed.close())]);
      await redis.stop();
    }
  });
});
