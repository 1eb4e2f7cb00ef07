import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { SignJWT } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/server/logger';
import { createYogaApp } from '../src/server/yoga';
import { createTestService, testConfig, testJwtSecret, testKeys, type GraphQLResponse } from './support/service';

// Attacks on the HTTP layer (issue #15, items 2, 3, 8, 9 and the JWT part of 11): each is
// reproduced and must be refused, with nothing served that should not be.

const service = createTestService();
afterAll(() => service.close());

/** Cypher round trips made by the apps below. */
const roundTrips: string[] = [];
const counted = service.gateway.observed((tag) => roundTrips.push(tag));

/** The service with the given settings, a clock that stands still, and no other difference. */
function app(environment: Record<string, string> = {}, now = () => 0) {
  return createYogaApp({ gateway: counted, logger: createLogger('silent'), config: testConfig(environment), now });
}

type App = ReturnType<typeof app>;
const post = (yoga: App, path: string, body: object, headers: Record<string, string> = {}, address = '198.51.100.7') =>
  yoga.fetch(`http://localhost${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }, { req: { socket: { remoteAddress: address } } });
const get = (yoga: App, path: string, headers: Record<string, string> = {}, address = '198.51.100.7') =>
  yoga.fetch(`http://localhost${path}`, { headers }, { req: { socket: { remoteAddress: address } } });
const errorsOf = async (response: Response) => ((await response.json()) as GraphQLResponse['body']).errors ?? [];

describe('the rate limit holds whatever the path or the spelling of the credentials', () => {
  const limit = 40;
  const paths = ['/graphql', '/graphql/', '//graphql', '/anything/graphql', '/graphql?x=/health', '/health', '/ready', '/metrics', '/anything/health', '/nothing'];

  it('lets 1,500 anonymous requests over every path and junk credentials through only up to the limit', async () => {
    const yoga = app({ RATE_LIMIT_PER_MINUTE: String(limit) });
    const junk: Record<string, string>[] = [{}, { 'x-api-key': 'not-a-key-0123456789' }, { authorization: 'Bearer not-a-key' }, { authorization: 'Basic YTpi' }, { AUTHORIZATION: 'bearer  x.y.z' }];
    const statuses: number[] = [];
    for (let index = 0; index < 1_500; index += 1) {
      const path = paths[index % paths.length]!;
      const headers = junk[index % junk.length]!;
      const response = index % 2 ? await post(yoga, path, { query: '{ __typename }' }, headers) : await get(yoga, path, { ...headers, 'x-graphql-yoga-csrf': '1' });
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    expect(statuses.filter((status) => status !== 429)).toHaveLength(limit);
    expect(statuses.slice(limit).every((status) => status === 429)).toBe(true);
    // Another address has its own budget; and the budget refills with time.
    expect((await post(yoga, '/graphql', { query: '{ __typename }' }, {}, '198.51.100.8')).status).toBe(200);
  });

  it('puts every spelling of one key in one bucket, X-API-Key included, on every path', async () => {
    let clock = 0;
    const yoga = app({ RATE_LIMIT_PER_MINUTE: String(limit) }, () => clock);
    const spellings: Record<string, string>[] = [
      { authorization: `Bearer ${testKeys.reader}` },
      { authorization: `bearer  ${testKeys.reader}` },
      { Authorization: `BEARER\t${testKeys.reader}  ` },
      { 'x-api-key': testKeys.reader },
      { 'X-API-KEY': ` ${testKeys.reader} ` },
    ];
    const statuses: number[] = [];
    for (let index = 0; index < 300; index += 1) {
      const response = await post(yoga, paths[index % 4]!, { query: '{ __typename }' }, spellings[index % spellings.length]!, `203.0.113.${index % 250}`);
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    expect(statuses.filter((status) => status !== 429)).toHaveLength(limit);
    // The key's bucket is the key's, not its addresses': another key still has its budget.
    expect((await post(yoga, '/graphql', { query: '{ __typename }' }, { 'x-api-key': testKeys.writer })).status).toBe(200);
    clock += 60_000;
    expect((await post(yoga, '/graphql', { query: '{ __typename }' }, spellings[1]!)).status).toBe(200);
  });
});

describe('only the documented paths are served', () => {
  it('answers 404 NOT_FOUND, without a round trip, at any other path, near misses of /graphql included', async () => {
    const yoga = app();
    roundTrips.length = 0;
    for (const path of ['/graphql/', '//graphql', '/anything/graphql', '/graphql/graphql', '/anything/health', '/health/', '/graphql/graphiql-0000000000000000.js', '/']) {
      const response = await post(yoga, path, { query: '{ place(key: "place:ru") { name } }' });
      expect(response.status, path).toBe(404);
      expect((await errorsOf(response))[0]?.extensions?.code, path).toBe('NOT_FOUND');
    }
    expect(roundTrips).toEqual([]);
    const served = await post(yoga, '/graphql', { query: '{ place(key: "place:ru") { name } }' });
    expect(await served.json()).toEqual({ data: { place: { name: 'Russia' } } });
    expect((await get(yoga, '/health')).status).toBe(200);
    expect((await get(yoga, '/ready')).status).toBe(200);
  });
});

describe('/metrics', () => {
  const secret = 'confidential-informant-name';

  it('keeps its size whatever clients write: no URL, operation name or error path in a label, no variable value', async () => {
    const yoga = app();
    // The service's own metrics: the process's (nodejs_*, process_*) change with the garbage
    // collector's first runs, whatever the clients send.
    const scrape = async () =>
      (await (await get(yoga, '/metrics')).text())
        .split('\n')
        .filter((line) => !/^(# (HELP|TYPE) )?(nodejs|process)_/.test(line))
        .join('\n');
    // Each series by name and labels, without its value: the set must not grow.
    const seriesOf = (text: string) => new Set(text.split('\n').filter((line) => line && !line.startsWith('#')).map((line) => line.slice(0, line.lastIndexOf(' '))));
    const requests = (from: number, count: number) =>
      Array.from({ length: count }, (_, offset) => {
        const index = from + offset;
        switch (index % 4) {
          case 0:
            return get(yoga, `/graphql?query=${encodeURIComponent('query ($t: String!) { place(key: $t) { name } }')}&variables=${encodeURIComponent(JSON.stringify({ t: `${secret}-${index}` }))}&u${index}=1`, {
              accept: 'application/json',
              'x-graphql-yoga-csrf': '1',
            });
          case 1:
            return post(yoga, '/graphql', { query: `query Operation${index}Of${secret.replace(/-/g, '_')} { __typename }`, operationName: `Operation${index}Of${secret.replace(/-/g, '_')}` });
          case 2:
            return post(yoga, '/graphql', { query: `{ ${secret.replace(/-/g, '_')}${index}: place(key: "place:none-${index}") { name } unknownField${index} }` });
          default:
            return post(yoga, '/graphql', { query: `{ a${index}: place(key: "${secret}-${index}") { name } }` });
        }
      });
    // Warm-up: a few requests of each kind, so every series exists before the size is taken
    // (and the counters' digits, which grow with any traffic, weigh little in the comparison).
    for (const response of await Promise.all(requests(0, 20))) await response.arrayBuffer();
    const before = await scrape();
    for (let batch = 20; batch < 420; batch += 20) for (const response of await Promise.all(requests(batch, 20))) await response.arrayBuffer();
    const text = await scrape();
    console.log(`/metrics: ${before.length} bytes after the warm-up, ${text.length} after 400 more requests with unique queries, names and variables`);
    expect(seriesOf(text)).toEqual(seriesOf(before));
    expect(Math.abs(text.length - before.length) / before.length).toBeLessThan(0.05);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('confidential');
    expect(text).not.toMatch(/operationName=|url=|path=/);
  });

  it('is closed by METRICS_TOKEN when one is configured', async () => {
    const token = 'metrics-token-0123456789abcdef';
    const yoga = app({ METRICS_TOKEN: token });
    expect((await get(yoga, '/metrics')).status).toBe(401);
    expect((await get(yoga, '/metrics', { authorization: 'Bearer metrics-token-0123456789abcdeX' })).status).toBe(401);
    expect((await get(yoga, '/metrics', { 'x-api-key': testKeys.admin })).status).toBe(401);
    const scraped = await get(yoga, '/metrics', { authorization: `Bearer ${token}` });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('process_resident_memory_bytes');
  });

  it('without a token, is open when reads are public and needs a reader\'s key when they are not', async () => {
    expect((await get(app(), '/metrics')).status).toBe(200);
    const closed = app({ READ_ACCESS: 'authenticated' });
    const anonymous = await get(closed, '/metrics');
    expect(anonymous.status).toBe(401);
    expect((await errorsOf(anonymous))[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await get(closed, '/metrics', { 'x-api-key': 'not-a-key-0123456789' })).status).toBe(401);
    expect((await get(closed, '/metrics', { authorization: `Bearer ${testKeys.reader}` })).status).toBe(200);
  });
});

describe('READ_ACCESS=authenticated closes the schema to anonymous clients', () => {
  const introspection = '{ __schema { types { name } } }';
  const hidden = 'query { ...Q } fragment Q on Query { t: __type(name: "Event") { fields { name } } }';
  const misspelt = '{ evnt(key: "event:2024-03-kursk-raid") { name } }';

  it('refuses introspection, even aliased in a fragment, to anonymous clients and to tokens that may not read', async () => {
    const yoga = app({ READ_ACCESS: 'authenticated' });
    const scopeless = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('nobody').setIssuedAt().setExpirationTime('5m').sign(new TextEncoder().encode(testJwtSecret));
    for (const [query, headers] of [
      [introspection, {}],
      [hidden, {}],
      [introspection, { authorization: `Bearer ${scopeless}` }],
    ] as const) {
      const response = await post(yoga, '/graphql', { query }, headers);
      const body = (await response.json()) as GraphQLResponse['body'];
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(body)).not.toContain('Event');
    }
    const reader = (await (await post(yoga, '/graphql', { query: hidden }, { 'x-api-key': testKeys.reader })).json()) as GraphQLResponse<{ t: { fields: unknown[] } }>['body'];
    expect(reader.errors).toBeUndefined();
    expect(reader.data?.t.fields.length).toBeGreaterThan(3);
  });

  it('strips "Did you mean …" from errors for anonymous clients, keeps it for readers and in public mode', async () => {
    const closed = app({ READ_ACCESS: 'authenticated' });
    const anonymous = await errorsOf(await post(closed, '/graphql', { query: misspelt }));
    expect(anonymous[0]?.message).toBe('Cannot query field "evnt" on type "Query".');
    // Input fields, arguments, and an enum value in variables (refused while executing, not validating).
    const hinted = [
      { query: '{ events(filter: { inPlac: "place:ru" }) { __typename } }' },
      { query: '{ event(kye: "x") { name } }' },
      { query: 'query ($order: EventOrder) { events(orderBy: $order) { __typename } }', variables: { order: 'START_DATE_AS' } },
    ];
    for (const body of hinted) {
      const hints = await errorsOf(await post(closed, '/graphql', body));
      expect(hints.length, body.query).toBeGreaterThan(0);
      expect(JSON.stringify(hints), body.query).not.toContain('Did you mean');
      expect(JSON.stringify(await errorsOf(await post(closed, '/graphql', body, { 'x-api-key': testKeys.reader }))), body.query).toContain('Did you mean');
    }
    expect((await errorsOf(await post(closed, '/graphql', { query: misspelt }, { 'x-api-key': testKeys.reader })))[0]?.message).toContain('Did you mean "event"');
    expect((await errorsOf(await post(app(), '/graphql', { query: misspelt })))[0]?.message).toContain('Did you mean "event"');
  });

  it('keeps introspection open when reads are public', async () => {
    const body = (await (await post(app(), '/graphql', { query: introspection })).json()) as GraphQLResponse<{ __schema: { types: { name: string }[] } }>['body'];
    expect(body.data?.__schema.types.map((type) => type.name)).toContain('Event');
  });

  it('serves the GraphiQL page opened on its headers pane, asking for a key', async () => {
    const page = await get(app({ READ_ACCESS: 'authenticated' }), '/graphql', { accept: 'text/html' });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('"defaultEditorToolsVisibility":"headers"');
    expect(html).toContain('Bearer \\u003cyour API key>');
    expect(await (await get(app(), '/graphql', { accept: 'text/html' })).text()).not.toContain('your API key');
  });
});

describe('GraphiQL: a small page, its assets compressed and cached', () => {
  it('serves a page of a few KB that loads hashed assets from this host only', async () => {
    const yoga = app();
    const response = await get(yoga, '/graphql', { accept: 'text/html' });
    const html = await response.text();
    console.log(`GraphiQL page: ${html.length} bytes`);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(html.length).toBeLessThan(4_000);
    expect(html).toContain('<title>Conflict graph</title>');
    expect(html).toContain('event(key: \\"event:2024-03-kursk-raid\\")');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const assets = [...html.matchAll(/\/graphql\/graphiql-[\w-]+\.(?:js|css|ico)/g)].map((match) => match[0]);
    expect(assets).toHaveLength(6);

    let total = { plain: 0, br: 0, gzip: 0 };
    for (const path of assets) {
      const plain = await get(yoga, path);
      expect(plain.status, path).toBe(200);
      expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const body = Buffer.from(await plain.arrayBuffer());
      const br = await get(yoga, path, { 'accept-encoding': 'gzip, deflate, br' });
      expect(br.headers.get('content-encoding')).toBe('br');
      expect(br.headers.get('vary')).toBe('accept-encoding');
      const brBody = Buffer.from(await br.arrayBuffer());
      expect(brotliDecompressSync(brBody).equals(body)).toBe(true);
      const gzip = await get(yoga, path, { 'accept-encoding': 'gzip;q=1, br;q=0' });
      expect(gzip.headers.get('content-encoding')).toBe('gzip');
      const gzipBody = Buffer.from(await gzip.arrayBuffer());
      expect(gunzipSync(gzipBody).equals(body)).toBe(true);
      const etag = br.headers.get('etag');
      expect(etag).toMatch(/^"[0-9a-f]{16}-br"$/);
      const revalidated = await get(yoga, path, { 'accept-encoding': 'br', 'if-none-match': etag! });
      expect(revalidated.status).toBe(304);
      expect(await revalidated.arrayBuffer()).toHaveProperty('byteLength', 0);
      total = { plain: total.plain + body.length, br: total.br + brBody.length, gzip: total.gzip + gzipBody.length };
    }
    console.log(`GraphiQL assets: ${total.plain} bytes plain, ${total.gzip} gzip, ${total.br} brotli`);
    expect(total.br).toBeLessThan(total.plain / 3);
  });
});

describe('JWTs must expire, and not too late', () => {
  const secret = new TextEncoder().encode(testJwtSecret);
  const token = (lifetime: string | undefined) => {
    const jwt = new SignJWT({ scope: 'graph:read' }).setProtectedHeader({ alg: 'HS256' }).setSubject('analyst-9').setIssuedAt();
    return (lifetime ? jwt.setExpirationTime(lifetime) : jwt).sign(secret);
  };
  const read = async (yoga: App, jwt: string) => post(yoga, '/graphql', { query: '{ place(key: "place:ru") { name } }' }, { authorization: `Bearer ${jwt}` });

  it('refuses a token without exp, saying why', async () => {
    const response = await read(app(), await token(undefined));
    expect(response.status).toBe(401);
    const [error] = await errorsOf(response);
    expect(error).toMatchObject({ message: 'The bearer token was refused: it has no expiry (exp).', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a lifetime over JWT_MAX_LIFETIME_S (24 h by default), accepts one within it or within a raised limit', async () => {
    const [tooLong] = await errorsOf(await read(app(), await token('25h')));
    expect(tooLong?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(tooLong?.message).toContain('over the limit of 86400 s (JWT_MAX_LIFETIME_S)');
    expect(await (await read(app(), await token('23h'))).json()).toEqual({ data: { place: { name: 'Russia' } } });
    expect(await (await read(app({ JWT_MAX_LIFETIME_S: String(48 * 3_600) }), await token('25h'))).json()).toEqual({ data: { place: { name: 'Russia' } } });
  });
});
