import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../src/graphql/global-id';
import { createLogger } from '../src/server/logger';
import { createYogaApp } from '../src/server/yoga';
import { createTestService, testConfig, testJwtSecret, testKeys, type GraphQLResponse } from './support/service';

const service = createTestService();
const writer = { 'x-api-key': testKeys.writer };
const admin = { authorization: `Bearer ${testKeys.admin}` };
const reader = { 'x-api-key': testKeys.reader };

// Everything these tests write has "test-write" in its key or was recorded by a test principal; it is removed afterwards.
async function removeTestData() {
  await service.gateway.write(
    'test.write-api.cleanup',
    `MATCH (n) WHERE n.key CONTAINS 'test-write' OR n.recordedBy IN ['key:writer', 'key:admin', 'jwt:analyst-7', 'jwt:ingest-service']
     OPTIONAL MATCH (n)<-[:REVISES|REDIRECTS_TO]-(bookkeeping)
     DETACH DELETE n, bookkeeping`,
  );
  await service.gateway.write('test.write-api.cleanup-redirects', `MATCH (r:Redirect) WHERE r.key CONTAINS 'test-write' DETACH DELETE r`);
  await service.gateway.write(
    'test.write-api.cleanup-revisions',
    `MATCH (r:Revision) WHERE r.by STARTS WITH 'key:' OR r.by STARTS WITH 'jwt:' DETACH DELETE r`,
  );
}

beforeAll(removeTestData);
afterAll(async () => {
  await removeTestData();
  await service.close();
});

async function graphCounts() {
  const [row] = await service.gateway.read<{ nodes: number; relationships: number }>(
    'test.counts',
    'MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS relationships',
  );
  return row!;
}

function errorOf(response: GraphQLResponse) {
  expect(response.body.errors, JSON.stringify(response.body)).toBeDefined();
  return response.body.errors![0]!;
}

async function data<T>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = writer): Promise<T> {
  const response = await service.graphql<T>(query, variables, headers);
  expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
  return response.body.data as T;
}

const upsertPlace = `mutation ($key: String!, $input: PlaceInput!) {
  upsertPlace(key: $key, input: $input) { status place { key name type recordedBy location { latitude longitude } history { operation by changed } } } }`;
const createPlace = `mutation ($key: String!, $input: PlaceInput!) { createPlace(key: $key, input: $input) { status place { key name } } }`;
const updatePlace = `mutation ($key: String!, $input: PlaceInput!) { updatePlace(key: $key, input: $input) { status place { key name type countryCode } } }`;

describe('access control', () => {
  it('needs credentials to write: UNAUTHENTICATED with status 401, and nothing written', async () => {
    const before = await graphCounts();
    const response = await service.graphql(createPlace, { key: 'place:ua:test-write-anonymous', input: { name: 'Nowhere' } });
    expect(response.status).toBe(401);
    expect(errorOf(response).extensions?.code).toBe('UNAUTHENTICATED');
    expect(await graphCounts()).toEqual(before);
  });

  it('refuses an unknown API key and a malformed Authorization header, even for reads', async () => {
    const attempts: Record<string, string>[] = [{ 'x-api-key': 'not-a-key-of-this-service' }, { authorization: 'Basic abc' }, { authorization: 'Bearer nope' }];
    for (const headers of attempts) {
      const response = await service.graphql('{ database { name } }', {}, headers);
      expect(errorOf(response).extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('lets a reader read but not write (FORBIDDEN), and a writer write but not merge', async () => {
    expect((await service.graphql('{ place(key: "place:ru") { name } }', {}, reader)).body.data).toEqual({ place: { name: 'Russia' } });
    const write = await service.graphql(createPlace, { key: 'place:ua:test-write-reader', input: { name: 'X' } }, reader);
    expect(errorOf(write).extensions?.code).toBe('FORBIDDEN');
    const merge = await service.graphql(
      'mutation { mergeEntities(survivor: "place:ru", duplicate: "place:ua") { retiredKey } }',
      {},
      writer,
    );
    expect(errorOf(merge).extensions?.code).toBe('FORBIDDEN');
    expect((await service.graphql('{ place(key: "place:ua") { key } }')).body.data).toEqual({ place: { key: 'place:ua' } });
  });

  it('accepts a JWT with a graph:write scope and records its subject; refuses expired, forged and scope-less tokens', async () => {
    const secret = new TextEncoder().encode(testJwtSecret);
    const token = (scope: string | undefined, expiresIn = '5m', key = secret) =>
      new SignJWT(scope ? { scope } : {}).setProtectedHeader({ alg: 'HS256' }).setSubject('analyst-7').setIssuedAt().setExpirationTime(expiresIn).sign(key);
    const created = await data<{ upsertPlace: { place: { recordedBy: string } } }>(
      upsertPlace,
      { key: 'place:ua:test-write-jwt', input: { name: 'Jwtville' } },
      { authorization: `Bearer ${await token('openid graph:write')}` },
    );
    expect(created.upsertPlace.place.recordedBy).toBe('jwt:analyst-7');

    const expired = await service.graphql('{ database { name } }', {}, { authorization: `Bearer ${await token('graph:write', '-1m')}` });
    expect(errorOf(expired).extensions?.code).toBe('UNAUTHENTICATED');
    expect(errorOf(expired).message).toContain('expired');
    const forged = await service.graphql('{ database { name } }', {}, {
      authorization: `Bearer ${await token('graph:admin', '5m', new TextEncoder().encode('another-secret-of-at-least-32-characters'))}`,
    });
    expect(errorOf(forged).extensions?.code).toBe('UNAUTHENTICATED');
    const scopeless = await service.graphql(createPlace, { key: 'place:ua:test-write-scopeless', input: { name: 'X' } }, { authorization: `Bearer ${await token(undefined)}` });
    expect(errorOf(scopeless).extensions?.code).toBe('FORBIDDEN');
  });

  it('verifies JWTs against a JWKS URL (RS256), with issuer and audience', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256' };
    const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as AddressInfo;
    const withJwks = createTestService({ JWT_SECRET: '', JWT_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`, JWT_ISSUER: 'https://id.example', JWT_AUDIENCE: 'conflict-graph' });
    const sign = (issuer: string) =>
      new SignJWT({ scope: 'graph:write' }).setProtectedHeader({ alg: 'RS256', kid: 'test-key' }).setSubject('ingest-service').setIssuer(issuer).setAudience('conflict-graph').setExpirationTime('5m').sign(privateKey);
    try {
      const accepted = await withJwks.graphql<{ upsertPlace: { place: { recordedBy: string } } }>(upsertPlace, { key: 'place:ua:test-write-jwks', input: { name: 'Jwks' } }, { authorization: `Bearer ${await sign('https://id.example')}` });
      expect(accepted.body.data?.upsertPlace.place.recordedBy).toBe('jwt:ingest-service');
      const wrongIssuer = await withJwks.graphql('{ database { name } }', {}, { authorization: `Bearer ${await sign('https://elsewhere.example')}` });
      expect(errorOf(wrongIssuer).extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await withJwks.close();
      server.close();
    }
  });

  it('closes reads to anonymous clients when READ_ACCESS=authenticated', async () => {
    const closed = createTestService({ READ_ACCESS: 'authenticated' });
    try {
      expect(errorOf(await closed.graphql('{ place(key: "place:ru") { name } }')).extensions?.code).toBe('UNAUTHENTICATED');
      expect((await closed.graphql('{ place(key: "place:ru") { name } }', {}, reader)).body.data).toEqual({ place: { name: 'Russia' } });
    } finally {
      await closed.close();
    }
  });
});

describe('entity mutations', () => {
  it('creates, updates, leaves unchanged and removes properties, recording who and when', async () => {
    const key = 'place:ua:test-write-village';
    const created = await data<{ upsertPlace: { status: string; place: { key: string; name: string; recordedBy: string; location: unknown; history: { operation: string; by: string }[] } } }>(
      upsertPlace,
      { key, input: { name: 'Testivka', type: 'VILLAGE', location: { latitude: 48.5, longitude: 37.9 } } },
    );
    expect(created.upsertPlace.status).toBe('CREATED');
    expect(created.upsertPlace.place).toMatchObject({ key, name: 'Testivka', recordedBy: 'key:writer', location: { latitude: 48.5, longitude: 37.9 } });
    expect(created.upsertPlace.place.history).toEqual([expect.objectContaining({ operation: 'ENTITY_CREATED', by: 'key:writer' })]);

    const again = await data<{ upsertPlace: { status: string } }>(upsertPlace, { key, input: { name: 'Testivka', type: 'VILLAGE' } });
    expect(again.upsertPlace.status).toBe('UNCHANGED');

    const updated = await data<{ updatePlace: { status: string; place: { name: string; type: string | null; countryCode: string } } }>(updatePlace, {
      key,
      input: { name: 'Testivka (renamed)', type: null, countryCode: 'UA' },
    });
    expect(updated.updatePlace).toEqual({ status: 'UPDATED', place: { key, name: 'Testivka (renamed)', type: null, countryCode: 'UA' } });

    const conflict = await service.graphql(createPlace, { key, input: { name: 'Again' } }, writer);
    expect(errorOf(conflict).extensions?.code).toBe('CONFLICT');
    const missing = await service.graphql(updatePlace, { key: 'place:ua:test-write-missing', input: { name: 'X' } }, writer);
    expect(errorOf(missing).extensions?.code).toBe('NOT_FOUND');

    const history = await data<{ place: { history: { operation: string; changed: string[] }[] } }>('query ($key: String!) { place(key: $key) { history { operation changed } } }', { key });
    expect(history.place.history.map((revision) => revision.operation)).toEqual(['ENTITY_UPDATED', 'ENTITY_CREATED']);
    expect(history.place.history[0]!.changed.sort()).toEqual(['countryCode', 'name', 'type']);
  });

  it('makes one node when the same key is upserted concurrently', async () => {
    const key = 'place:ua:test-write-concurrent';
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, index) => service.graphql(upsertPlace, { key, input: { name: 'Racetown', type: index % 2 ? 'TOWN' : 'VILLAGE' } }, writer)),
    );
    for (const response of responses) expect(response.body.errors).toBeUndefined();
    const [row] = await service.gateway.read<{ count: number }>('test.count-key', 'MATCH (n:Place {key: $key}) RETURN count(n) AS count', { key });
    expect(row!.count).toBe(1);
  });
});

describe('validation before anything is written', () => {
  const cases: [string, string, Record<string, unknown>, string][] = [
    ['a key not in the documented form', 'Place:UA Kyiv', { name: 'Kyiv' }, 'key'],
    ['a key with the wrong prefix', 'unit:test-write-wrong-prefix', { name: 'Kyiv' }, 'key'],
    ['a missing required property', 'place:ua:test-write-no-name', { type: 'CITY' }, 'input.name'],
    ['a latitude out of range', 'place:ua:test-write-lat', { name: 'X', location: { latitude: 91, longitude: 30 } }, 'input.location.latitude'],
    ['a longitude out of range', 'place:ua:test-write-lon', { name: 'X', location: { latitude: 50, longitude: -181 } }, 'input.location.longitude'],
    ['a name over 300 characters', 'place:ua:test-write-long', { name: 'x'.repeat(301) }, 'input.name'],
    ['a malformed country code', 'place:ua:test-write-cc', { name: 'X', countryCode: 'ukr' }, 'input.countryCode'],
  ];
  for (const [what, key, input, field] of cases) {
    it(`refuses ${what}, naming ${field}`, async () => {
      const before = await graphCounts();
      const error = errorOf(await service.graphql(upsertPlace, { key, input }, writer));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(error.message).toContain(field);
      expect(await graphCounts()).toEqual(before);
    });
  }

  const eventCases: [string, Record<string, unknown>, string][] = [
    ['a date not in the calendar', { name: 'E', startDate: '2024-02-30' }, 'input.startDate'],
    ['a date that is not ISO', { name: 'E', startDate: '11/03/2024' }, 'input.startDate'],
    ['a precision the date does not fit', { name: 'E', startDate: '2024-03-15', startDatePrecision: 'MONTH' }, 'input.startDate'],
    ['an ISO week that does not exist', { name: 'E', startDate: '2023-W53' }, 'input.startDate'],
  ];
  for (const [what, input, field] of eventCases) {
    it(`refuses ${what}, naming ${field}`, async () => {
      const error = errorOf(
        await service.graphql('mutation ($input: EventInput!) { upsertEvent(key: "event:2024-03-test-write", input: $input) { status } }', { input }, writer),
      );
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });
  }

  it('stores dates with their precision: a week as its Monday, a month as its first day', async () => {
    const result = await data<{ upsertEvent: { event: { startDate: string; startDatePrecision: string; endDate: string; endDatePrecision: string } } }>(
      'mutation { upsertEvent(key: "event:2024-03-test-write-dated", input: { name: "Dated", startDate: "2024-W11", endDate: "2024-04" }) { event { startDate startDatePrecision endDate endDatePrecision } } }',
    );
    expect(result.upsertEvent.event).toEqual({ startDate: '2024-03-11', startDatePrecision: 'WEEK', endDate: '2024-04-01', endDatePrecision: 'MONTH' });
  });

  it('refuses an unknown enumeration value and a non-http URL', async () => {
    const enumError = errorOf(await service.graphql('mutation { upsertPlace(key: "place:ua:test-write-enum", input: { name: "X", type: HAMLET }) { status } }', {}, writer));
    expect(enumError.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.type' });
    const enumVariableError = errorOf(
      await service.graphql('mutation ($input: PlaceInput!) { upsertPlace(key: "place:ua:test-write-enum", input: $input) { status } }', { input: { name: 'X', type: 'HAMLET' } }, writer),
    );
    expect(enumVariableError.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.type' });
    const urlError = errorOf(
      await service.graphql('mutation { upsertSource(key: "source:test-write:ftp", input: { kind: NEWS_ARTICLE, url: "ftp://example.org/a" }) { status } }', {}, writer),
    );
    expect(urlError.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
  });
});

const recordClaim = `mutation ($input: RecordClaimInput!) {
  recordClaim(input: $input) { status claim { key text madeAt madeAtPrecision
    makers { attribution actor { key } } subjects { role entity { key } } sources { quote first source { key kind title } } contradicts { claim { key } } } } }`;

const claimInput = (overrides: Record<string, unknown> = {}) => ({
  properties: { text: 'Test-write claim: the village is under Ukrainian control.', type: 'CONTROL', stance: 'ASSERTS', basis: 'CLAIMED_BY_PARTY', madeAt: '2024-03-12' },
  madeBy: [{ key: 'unit:freedom-of-russia-legion', attribution: 'EXPLICIT' }],
  about: [{ key: 'place:ru:lozovaya-rudka', role: 'PLACE' }],
  sources: [{ key: 'source:social-post:test-write-telegram', quote: 'the village is ours', first: true, source: { kind: 'SOCIAL_POST', title: 'Legion Telegram post', publishedAt: '2024-03-12' } }],
  contradicts: [{ key: 'claim:governor-kursk:denied-turning-point', note: 'Test link.' }],
  ...overrides,
});

describe('recording a claim', () => {
  it('records the claim with its maker, subject, a new source with its quote, and a contradiction, in one call', async () => {
    const result = await data<{ recordClaim: { status: string; claim: Record<string, unknown> & { key: string } } }>(recordClaim, { input: claimInput() });
    expect(result.recordClaim.status).toBe('CREATED');
    expect(result.recordClaim.claim.key).toMatch(/^claim:freedom-of-russia-legion:[0-9a-f]{16}$/);
    expect(result.recordClaim.claim).toMatchObject({
      madeAt: '2024-03-12',
      madeAtPrecision: 'DAY',
      makers: [{ attribution: 'EXPLICIT', actor: { key: 'unit:freedom-of-russia-legion' } }],
      subjects: [{ role: 'PLACE', entity: { key: 'place:ru:lozovaya-rudka' } }],
      sources: [{ quote: 'the village is ours', first: true, source: { key: 'source:social-post:test-write-telegram', kind: 'SOCIAL_POST', title: 'Legion Telegram post' } }],
      contradicts: [{ claim: { key: 'claim:governor-kursk:denied-turning-point' } }],
    });
    const village = await data<{ place: { claimsAbout: { claim: { key: string } }[] } }>('{ place(key: "place:ru:lozovaya-rudka") { claimsAbout { claim { key } } } }');
    expect(village.place.claimsAbout.map((about) => about.claim.key)).toContain(result.recordClaim.claim.key);

    const retry = await data<{ recordClaim: { status: string; claim: { key: string } } }>(recordClaim, { input: claimInput() });
    expect(retry.recordClaim).toMatchObject({ status: 'UNCHANGED', claim: { key: result.recordClaim.claim.key } });
  });

  it('writes nothing when a reference names nothing, and says which', async () => {
    const before = await graphCounts();
    const input = claimInput({
      key: 'claim:test-write:dangling',
      about: [{ key: 'place:ru:lozovaya-rudka', role: 'PLACE' }, { key: 'place:ru:test-write-nowhere', role: 'PLACE' }],
      sources: [{ key: 'source:social-post:test-write-never', source: { kind: 'SOCIAL_POST' } }],
    });
    const error = errorOf(await service.graphql(recordClaim, { input }, writer));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.about[1].key' });
    expect(await graphCounts()).toEqual(before);
    expect((await service.graphql('{ source(key: "source:social-post:test-write-never") { key } }')).body.data).toEqual({ source: null });
  });

  it('rolls the whole claim back when the database fails half-way through', async () => {
    // The same service over a gateway that fails on its fourth statement: after the sources and
    // the claim node are written, before the relationships.
    let statements = 0;
    const failing = service.gateway.observed(() => {
      statements += 1;
      if (statements === 4) throw new Error('injected failure');
    });
    const yoga = createYogaApp({ gateway: failing, logger: createLogger('silent'), config: testConfig() });
    const before = await graphCounts();
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...writer },
      body: JSON.stringify({ query: recordClaim, variables: { input: claimInput({ key: 'claim:test-write:half-way', sources: [{ key: 'source:social-post:test-write-half-way', source: { kind: 'SOCIAL_POST' } }] }) } }),
    });
    const body = (await response.json()) as GraphQLResponse['body'];
    expect(statements).toBeGreaterThanOrEqual(4);
    expect(body.errors?.[0]?.message).toBe('Unexpected error.');
    expect(await graphCounts()).toEqual(before);
    const [row] = await service.gateway.read<{ found: number }>(
      'test.half-way',
      "MATCH (n) WHERE n.key IN ['claim:test-write:half-way', 'source:social-post:test-write-half-way'] RETURN count(n) AS found",
    );
    expect(row!.found).toBe(0);
  });

  it('deprecates a claim with a reason: hidden by default, shown on request and as of before', async () => {
    const key = 'claim:test-write:to-deprecate';
    await data(recordClaim, { input: claimInput({ key, contradicts: [] }) });
    const before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const missingReason = errorOf(await service.graphql('mutation ($key: String!) { setClaimRank(key: $key, rank: DEPRECATED) { status } }', { key }, writer));
    expect(missingReason.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const ranked = await data<{ setClaimRank: { status: string; claim: { rank: string; rankReason: string; rankNote: string } } }>(
      'mutation ($key: String!) { setClaimRank(key: $key, rank: DEPRECATED, reason: MISATTRIBUTED, note: "It was the other battalion.") { status claim { rank rankReason rankNote } } }',
      { key },
    );
    expect(ranked.setClaimRank).toEqual({ status: 'UPDATED', claim: { rank: 'DEPRECATED', rankReason: 'MISATTRIBUTED', rankNote: 'It was the other battalion.' } });
    const views = await data<Record<string, { claimsAbout: { claim: { key: string } }[] }>>(
      `query ($before: DateTime) { byDefault: place(key: "place:ru:lozovaya-rudka") { claimsAbout { claim { key } } }
        onRequest: place(key: "place:ru:lozovaya-rudka") { claimsAbout(includeDeprecated: true) { claim { key } } }
        asOfBefore: place(key: "place:ru:lozovaya-rudka") { claimsAbout(asOf: $before) { claim { key } } } }`,
      { before },
    );
    expect(views.byDefault!.claimsAbout.map((about) => about.claim.key)).not.toContain(key);
    expect(views.onRequest!.claimsAbout.map((about) => about.claim.key)).toContain(key);
    expect(views.asOfBefore!.claimsAbout.map((about) => about.claim.key)).toContain(key);
  });
});

describe('relationships', () => {
  const link = `mutation ($input: LinkInput!) { link(input: $input) { status type from { key } to { key } } }`;
  const unlink = `mutation ($input: LinkInput!) { unlink(input: $input) { removed } }`;

  it('links a participant with a role, updates the role, and unlinks it, keeping the history', async () => {
    await data(upsertPlace, { key: 'place:ua:test-write-linked', input: { name: 'Linked' } });
    await data('mutation { upsertUnit(key: "unit:test-write-battalion", input: { name: "Test battalion", side: UKRAINE }) { status } }');
    const input = { type: 'PARTICIPATED_IN', from: 'unit:test-write-battalion', to: 'event:2024-03-kursk-raid', properties: { role: 'SUPPORTER' } };
    expect((await data<{ link: { status: string } }>(link, { input })).link.status).toBe('CREATED');
    expect((await data<{ link: { status: string } }>(link, { input })).link.status).toBe('UNCHANGED');
    expect((await data<{ link: { status: string } }>(link, { input: { ...input, properties: { role: 'ATTACKER' } } })).link.status).toBe('UPDATED');
    const raid = await data<{ event: { participants: { role: string; actor: { key: string } }[] } }>('{ event(key: "event:2024-03-kursk-raid") { participants { role actor { key } } } }');
    expect(raid.event.participants).toContainEqual({ role: 'ATTACKER', actor: { key: 'unit:test-write-battalion' } });

    expect((await data<{ unlink: { removed: boolean } }>(unlink, { input })).unlink.removed).toBe(true);
    expect(errorOf(await service.graphql(unlink, { input }, writer)).extensions?.code).toBe('NOT_FOUND');
    const history = await data<{ unit: { history: { operation: string }[] } }>('{ unit(key: "unit:test-write-battalion") { history { operation } } }');
    expect(history.unit.history.map((revision) => revision.operation)).toEqual([
      'PARTICIPATED_IN_DELETED',
      'PARTICIPATED_IN_UPDATED',
      'PARTICIPATED_IN_CREATED',
      'ENTITY_CREATED',
    ]);
  });

  it('refuses a relationship the model does not have, or a property it does not take', async () => {
    const wrongEnds = errorOf(await service.graphql(link, { input: { type: 'LOCATED_IN', from: 'event:2024-03-kursk-raid', to: 'place:ru' } }, writer));
    expect(wrongEnds.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.from' });
    const wrongProperty = errorOf(
      await service.graphql(link, { input: { type: 'LOCATED_IN', from: 'place:ru:lozovaya-rudka', to: 'place:ru', properties: { role: 'ATTACKER' } } }, writer),
    );
    expect(wrongProperty.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.properties.role' });
    const dangling = errorOf(await service.graphql(link, { input: { type: 'LOCATED_IN', from: 'place:ru:test-write-ghost', to: 'place:ru' } }, writer));
    expect(dangling.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.from' });
  });
});

describe('merging two records of one entity', () => {
  it('moves every relationship to the survivor; the old key and global id resolve to it', async () => {
    await data('mutation { upsertUnit(key: "unit:test-write-legion", input: { name: "Test Legion", side: UKRAINE }) { status } }');
    await data('mutation { upsertUnit(key: "unit:test-write-legion-dup", input: { name: "Legion of Test", aliases: ["LT"], description: "Recorded twice." }) { status } }');
    await data('mutation { link(input: { type: PARTICIPATED_IN, from: "unit:test-write-legion-dup", to: "event:2024-03-kursk-raid", properties: { role: "SUPPORTER" } }) { status } }');
    await data(recordClaim, { input: claimInput({ key: 'claim:test-write:by-duplicate', madeBy: [{ key: 'unit:test-write-legion-dup' }], contradicts: [] }) });

    const forbidden = errorOf(await service.graphql('mutation { mergeEntities(survivor: "unit:test-write-legion", duplicate: "unit:test-write-legion-dup") { retiredKey } }', {}, writer));
    expect(forbidden.extensions?.code).toBe('FORBIDDEN');
    const merged = await data<{ mergeEntities: { retiredKey: string; movedRelationships: number; survivor: { key: string } } }>(
      'mutation { mergeEntities(survivor: "unit:test-write-legion", duplicate: "unit:test-write-legion-dup") { retiredKey movedRelationships survivor { key } } }',
      {},
      admin,
    );
    expect(merged.mergeEntities).toMatchObject({ retiredKey: 'unit:test-write-legion-dup', survivor: { key: 'unit:test-write-legion' } });
    expect(merged.mergeEntities.movedRelationships).toBeGreaterThanOrEqual(3);

    const oldId = encodeGlobalId('Unit', 'unit:test-write-legion-dup');
    const survivor = await data<Record<string, { key: string; name: string; aliases: string[]; description: string; events: { role: string; event: { key: string } }[]; claimsMade: { key: string }[]; history: { operation: string }[] }>>(
      `query ($oldId: ID!) {
        byOldKey: unit(key: "unit:test-write-legion-dup") { key name aliases description events { role event { key } } claimsMade { key } history { operation } }
        byOldId: node(id: $oldId) { ... on Unit { key name aliases description events { role event { key } } claimsMade { key } history { operation } } } }`,
      { oldId },
    );
    for (const view of [survivor.byOldKey!, survivor.byOldId!]) {
      expect(view).toMatchObject({ key: 'unit:test-write-legion', name: 'Test Legion', description: 'Recorded twice.' });
      expect(view.aliases).toEqual(expect.arrayContaining(['Legion of Test', 'LT']));
      expect(view.events).toContainEqual({ role: 'SUPPORTER', event: { key: 'event:2024-03-kursk-raid' } });
      expect(view.claimsMade.map((claim) => claim.key)).toContain('claim:test-write:by-duplicate');
      expect(view.history[0]!.operation).toBe('MERGED');
    }
  });
});

describe('refusals of ranks and merges', () => {
  it('answers NOT_FOUND for a rank on a claim that does not exist, and writes nothing', async () => {
    const before = await graphCounts();
    const error = errorOf(await service.graphql('mutation { setClaimRank(key: "claim:test-write:nowhere", rank: PREFERRED, reason: BEST_SOURCED) { status } }', {}, writer));
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'key' });
    expect(await graphCounts()).toEqual(before);
  });

  it('refuses to merge records of different kinds, a record with itself, or a key that names nothing', async () => {
    const before = await graphCounts();
    const merge = (survivor: string, duplicate: string) =>
      service.graphql('mutation ($survivor: String!, $duplicate: String!) { mergeEntities(survivor: $survivor, duplicate: $duplicate) { retiredKey } }', { survivor, duplicate }, admin);
    expect(errorOf(await merge('place:ru', 'unit:siberian-battalion')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'duplicate' });
    expect(errorOf(await merge('place:ru', 'place:ru')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'duplicate' });
    expect(errorOf(await merge('place:ru', 'place:ru:test-write-ghost')).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'duplicate' });
    expect(errorOf(await merge('not a key', 'place:ru')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'survivor' });
    expect(await graphCounts()).toEqual(before);
  });
});

describe('small bundles through the API', () => {
  const bundle = [
    JSON.stringify({ format: 'conflict-graph/bundle', version: 1, name: 'test' }),
    JSON.stringify({ record: 'entity', type: 'Place', key: 'place:ua:test-write-bundled', properties: { name: 'Bundled', type: 'TOWN' } }),
    JSON.stringify({ record: 'relationship', type: 'LOCATED_IN', from: 'place:ua:test-write-bundled', to: 'place:ua', properties: { confidence: 'HIGH' } }),
    '{ not json',
    JSON.stringify({ record: 'entity', type: 'Place', key: 'place:ua:test-write-typo', properties: { name: 'Typo', nmae: 'x' } }),
  ].join('\n');
  const importBundle = `mutation ($ndjson: String!) { importBundle(ndjson: $ndjson) { records created updated unchanged rejected rejections { line field reason } } }`;

  it('writes the good records, reports the bad ones by line, and changes nothing the second time', async () => {
    const first = await data<{ importBundle: Record<string, unknown> & { rejections: { line: number; field: string; reason: string }[] } }>(importBundle, { ndjson: bundle });
    expect(first.importBundle).toMatchObject({ records: 4, created: 2, updated: 0, unchanged: 0, rejected: 2 });
    expect(first.importBundle.rejections.map((rejection) => [rejection.line, rejection.field])).toEqual([
      [4, 'line 4'],
      [5, 'line 5.properties.nmae'],
    ]);
    const second = await data<{ importBundle: Record<string, unknown> }>(importBundle, { ndjson: bundle });
    expect(second.importBundle).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 2 });
    const town = await data<{ place: { parent: { key: string } } }>('{ place(key: "place:ua:test-write-bundled") { parent { key } } }');
    expect(town.place.parent.key).toBe('place:ua');
  });

  it('rejects a relationship to a claim of the same bundle that was itself rejected', async () => {
    const orphan = [
      JSON.stringify({ format: 'conflict-graph/bundle', version: 1, name: 'test' }),
      JSON.stringify({
        record: 'claim',
        key: 'claim:test-write:orphan',
        properties: { text: 'Made by nobody known', type: 'CONTROL', stance: 'ASSERTS' },
        madeBy: [{ key: 'unit:test-write-nobody' }],
        sources: [{ key: 'source:ref:analyst-background' }],
      }),
      JSON.stringify({ record: 'relationship', type: 'ABOUT', from: 'claim:test-write:orphan', to: 'place:ua', properties: {} }),
    ].join('\n');
    const before = await graphCounts();
    const result = await data<{ importBundle: { rejected: number; rejections: { line: number; field: string; reason: string }[] } }>(importBundle, { ndjson: orphan });
    expect(result.importBundle.rejected).toBe(2);
    expect(result.importBundle.rejections.map((rejection) => [rejection.line, rejection.field])).toEqual([
      [2, 'line 2.madeBy[0].key'],
      [3, 'line 3.from'],
    ]);
    expect(result.importBundle.rejections[1]?.reason).toMatch(/claim:test-write:orphan/);
    expect(await graphCounts()).toEqual(before);
  });

  it('refuses a bundle without its header as a whole', async () => {
    const error = errorOf(await service.graphql(importBundle, { ndjson: bundle.split('\n').slice(1).join('\n') }, writer));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'line 1' });
  });
});
