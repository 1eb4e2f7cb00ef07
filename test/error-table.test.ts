import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createYogaApp } from '../src/server/yoga';
import { createTestService, testConfig, testKeys, type TestService } from './support/service';

/** The README's table of error codes: code, HTTP status, when. */
function documentedErrors(): { code: string; status: number; when: string }[] {
  const readme = readFileSync(path.join(__dirname, '../README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('\n## Errors\n')).split('\n').filter((line) => /^\| `[A-Z_]+` \|/.test(line));
  return table.map((line) => {
    const [code, status, when] = line.split(/(?<!\\)\|/).slice(1, 4).map((cell) => cell.trim());
    return { code: code!.replaceAll('`', ''), status: Number(status), when: when! };
  });
}

interface Answer {
  status: number;
  code: unknown;
  field?: unknown;
}

const services: TestService[] = [];
const serviceWith = (environment: Record<string, string> = {}) => {
  const made = createTestService(environment);
  services.push(made);
  return made;
};
const service = serviceWith();
afterAll(() => Promise.all(services.map((made) => made.close())));

async function answer(request: Promise<Response>): Promise<Answer> {
  const response = await request;
  const body = (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[] };
  return { status: response.status, code: body.errors?.[0]?.extensions?.code, field: body.errors?.[0]?.extensions?.field };
}

const post = (made: Pick<TestService, 'yoga'>, body: unknown, headers: Record<string, string> = {}) =>
  answer(Promise.resolve(made.yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })));
const writer = { 'x-api-key': testKeys.writer };
const reader = { 'x-api-key': testKeys.reader };
/** A service in allow-list mode, with an empty list. */
const allowList = () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'allow-list-')), 'operations.json');
  writeFileSync(file, '{}');
  return serviceWith({ PERSISTED_OPERATIONS_FILE: file });
};
const nested = '{ claims(first: 101) { edges { node { sources(first: 100) { source { key } } } } } }';

/**
 * One request that provokes each documented code, keyed `CODE status`. A code provoked only by a
 * failing Neo4j is provoked where such a Neo4j is made (`elsewhere`).
 */
const provocations: Record<string, () => Promise<Answer>> = {
  'GRAPHQL_PARSE_FAILED 200': () => post(service, { query: '{ place(' }),
  'GRAPHQL_VALIDATION_FAILED 200': () => post(service, { query: '{ nowhere }' }),
  'OPERATION_RESOLUTION_FAILURE 400': () => post(service, { query: 'query A { __typename } query B { __typename }' }),
  'BAD_USER_INPUT 200': async () => {
    // Over the maximum page with a nested selection is a page-size error, not a cost.
    const page = await post(service, { query: nested });
    expect(page).toMatchObject({ status: 200, code: 'BAD_USER_INPUT' });
    // A write's own checks name the field.
    const write = await post(service, { query: 'mutation { createPlace(key: "place:ua:test-errors", input: { name: "X", countryCode: "Ukraine" }) { status } }' }, writer);
    expect(write.field).toBe('input.countryCode');
    return write;
  },
  'UNAUTHENTICATED 401': () => post(service, { query: 'mutation { updatePlace(key: "place:ru", input: {}) { status } }' }),
  'FORBIDDEN 200': () => post(service, { query: 'mutation { updatePlace(key: "place:ru", input: {}) { status } }' }, reader),
  'NOT_FOUND 200': () => post(service, { query: 'mutation { updatePlace(key: "place:ua:test-errors-nothing", input: { name: "X" }) { status } }' }, writer),
  'NOT_FOUND 404': () => answer(Promise.resolve(service.yoga.fetch('http://localhost/nowhere'))),
  'CONFLICT 200': () => post(service, { query: 'mutation { createPlace(key: "place:ru", input: { name: "Again" }) { status } }' }, writer),
  'QUERY_TOO_DEEP 200': () => post(serviceWith({ MAX_DEPTH: '2' }), { query: '{ place(key: "place:ru") { parent { parent { name } } } }' }),
  'QUERY_TOO_COSTLY 400': () => post(serviceWith({ MAX_COST: '10' }), { query: '{ places(first: 50) { edges { node { name } } } }' }),
  'TOO_MANY_ALIASES 200': () => post(serviceWith({ MAX_ALIASES: '1' }), { query: '{ a: __typename b: __typename }' }),
  'TOO_MANY_TOKENS 200': () => post(serviceWith({ MAX_TOKENS: '5' }), { query: '{ a: __typename b: __typename c: __typename }' }),
  'TOO_MANY_DIRECTIVES 200': () => post(serviceWith({ MAX_DIRECTIVES: '1' }), { query: '{ __typename @skip(if: false) @include(if: true) }' }),
  'REQUEST_ENTITY_TOO_LARGE 413': () => post(serviceWith({ MAX_BODY_BYTES: '1000' }), { query: `{ __typename } # ${'x'.repeat(2_000)}` }),
  'RATE_LIMITED 429': async () => {
    const limited = serviceWith({ RATE_LIMIT_PER_MINUTE: '1' });
    await post(limited, { query: '{ __typename }' });
    return post(limited, { query: '{ __typename }' });
  },
  'PERSISTED_QUERY_ONLY 200': () => post(allowList(), { query: '{ __typename }' }),
  'PERSISTED_QUERY_NOT_FOUND 200': () => post(allowList(), { documentId: `sha256:${'0'.repeat(64)}` }),
  'TOO_MANY_BUCKETS 200': async () => {
    // 10,001 days of claims, each its own bucket of a daily series: one more than an aggregate may form.
    await service.gateway.write(
      'test.errors.buckets',
      `UNWIND range(0, 10000) AS day
       WITH date('1900-01-01') + duration({days: day}) AS madeAt, day
       CREATE (:Claim {key: 'claim:test-errors-buckets-' + day, text: 'A figure', type: 'OTHER', madeAt: madeAt, madeAtEarliest: madeAt, madeAtLatest: madeAt, recordedAt: datetime(), recordedBy: 'test'})`,
    );
    try {
      return await post(service, { query: '{ claimAggregate(filter: { madeFrom: "1900-01-01", madeTo: "1930-01-01" }, groupBy: [{ dimension: TIME, date: MADE, interval: DAY }]) { bucketCount } }' });
    } finally {
      await service.gateway.write('test.errors.buckets.clear', "MATCH (c:Claim) WHERE c.key STARTS WITH 'claim:test-errors-buckets-' DELETE c");
    }
  },
  'CSRF_HEADER_REQUIRED 403': () => answer(Promise.resolve(service.yoga.fetch(`http://localhost/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json' } }))),
  'UNAVAILABLE 200': () => post(serviceWith({ NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_CONNECT_TIMEOUT_MS: '300' }), { query: '{ place(key: "place:ru") { name } }' }),
  'INTERNAL_SERVER_ERROR 200': () => {
    const failing = service.gateway.observed(() => {
      throw new Error('unexpected');
    });
    const yoga = createYogaApp({ gateway: failing, logger: pino({ level: 'silent' }, new Writable({ write: (_c, _e, done) => done() })), config: testConfig() });
    return post({ yoga }, { query: '{ place(key: "place:ru") { name } }' });
  },
};

/** Codes that need a Neo4j that stops answering: provoked by the named test, checked here by name. */
const elsewhere: Record<string, string> = { 'TIMEOUT 200': 'test/db-failures.test.ts', 'QUERY_TOO_COSTLY 200': 'test/db-failures.test.ts' };

describe("the README's table of error codes", () => {
  const documented = documentedErrors();

  it('lists every code of src/server/errors.ts that a client can receive', () => {
    const source = readFileSync(path.join(__dirname, '../src/server/errors.ts'), 'utf8');
    const declared = [...source.matchAll(/^\s+([A-Z_]+): '\1',$/gm)].map((match) => match[1]!).filter((code) => code !== 'CANCELLED');
    expect(declared.filter((code) => !documented.some((row) => row.code === code))).toEqual([]);
  });

  for (const { code, status, when } of documented) {
    it(`${code} with HTTP ${status}: ${when}`, async () => {
      const name = `${code} ${status}`;
      if (elsewhere[name]) {
        expect(readFileSync(path.join(__dirname, '..', elsewhere[name]), 'utf8')).toContain(`'${code}'`);
        return;
      }
      const provoke = provocations[name];
      expect(provoke, `no provocation for ${name}`).toBeDefined();
      expect(await provoke!()).toMatchObject({ status, code });
    });
  }
});
