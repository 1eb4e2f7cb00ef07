import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyScripts, cypherDir, loadScripts } from '../src/cypher/runner';
import { createTestService, testKeys } from './support/service';

// Dates as intervals (issue #19, item 1): a date of some precision is the interval of days it
// may denote, and time filters compare intervals, OVERLAPS by default or WITHIN.

const service = createTestService();
const writer = { 'x-api-key': testKeys.writer };
const maker = 'org:test-time-maker';
const source = 'source:test-time:source';
const village = 'place:ru:lozovaya-rudka';
const article = 'source:article:000-1b3165c116f10b7f';

async function data<T>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<T> {
  const response = await service.graphql<T>(query, variables, headers);
  expect(response.body.errors).toBeUndefined();
  return response.body.data as T;
}

async function removeTestData() {
  await service.gateway.write('test.time.cleanup', `MATCH (n) WHERE n.key CONTAINS 'test-time' OPTIONAL MATCH (n)<-[:REVISES]-(revision) DETACH DELETE n, revision`);
}

/** The day `days` after an ISO day, computed with the calendar, not with the service's code. */
const plusDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  await removeTestData();
  await data(`mutation { upsertOrganization(key: "${maker}", input: { name: "Test time maker" }) { status } }`, {}, writer);
});
afterAll(async () => {
  await removeTestData();
  await service.close();
});

describe('who controlled Lozovaya Rudka on 14 March 2024?', () => {
  const question = `query ($mode: TimeMode) {
    claims(filter: { about: "${village}", types: [CONTROL], from: "2024-03-14", to: "2024-03-14", timeMode: $mode }) {
      edges { node { key validFrom validFromPrecision validFromEarliest validFromLatest makers { attribution actor { key } } } }
    }
  }`;
  type Answer = { claims: { edges: { node: { key: string; validFromPrecision: string; validFromEarliest: string; validFromLatest: string; makers: { attribution: string; actor: { key: string } }[] } }[] } };

  it("overlapping: the article's week-precise claim, with both of its ambiguous makers", async () => {
    // What the graph stores of the article's control claims about the village, read directly.
    const stored = await service.gateway.read<{ key: string; makers: { key: string; attribution: string }[] }>(
      'test.time.expected',
      `MATCH (c:Claim {type: 'CONTROL'})-[:ABOUT]->(:Place {key: $village}), (c)-[:STATED_IN]->(:Source {key: $article})
       WHERE c.validFromPrecision = 'WEEK'
       RETURN c.key AS key, [(c)-[m:MADE_BY]->(a) | {key: a.key, attribution: m.attribution}] AS makers`,
      { village, article },
    );
    expect(stored.length).toBeGreaterThan(0);
    const answer = await data<Answer>(question);
    for (const expected of stored) {
      const claim = answer.claims.edges.map((edge) => edge.node).find((node) => node.key === expected.key);
      expect(claim, expected.key).toBeDefined();
      expect(claim!.validFromPrecision).toBe('WEEK');
      expect(claim!.validFromEarliest <= '2024-03-14' && claim!.validFromLatest >= '2024-03-14').toBe(true);
      expect(claim!.makers.map((m) => ({ key: m.actor.key, attribution: m.attribution })).sort((a, b) => a.key.localeCompare(b.key))).toEqual(
        expected.makers.sort((a, b) => a.key.localeCompare(b.key)),
      );
      expect(expected.makers.length).toBeGreaterThan(1);
      expect(new Set(expected.makers.map((m) => m.attribution))).toEqual(new Set(['AMBIGUOUS']));
    }
  });

  it('within 14 March: not the week-precise claim, which may be about another day of the week', async () => {
    const answer = await data<Answer>(question, { mode: 'WITHIN' });
    expect(answer.claims.edges.map((edge) => edge.node).filter((node) => node.validFromPrecision === 'WEEK')).toEqual([]);
  });

  it('the article, dated to some day of 12–14 March, is among the sources published 12–14 March, and its claims among those made then', async () => {
    const sources = await data<{ sources: { edges: { node: { key: string; publishedAtEarliest: string; publishedAtLatest: string } }[] } }>(
      `{ sources(filter: { publishedFrom: "2024-03-12", publishedTo: "2024-03-14" }, first: 100) { edges { node { key publishedAtEarliest publishedAtLatest } } } }`,
    );
    expect(sources.sources.edges.map((edge) => edge.node).map((node) => node.key)).toContain(article);
    const made = await service.gateway.read<{ count: number }>(
      'test.time.expected',
      `MATCH (c:Claim)-[:STATED_IN]->(:Source {key: $article}) WHERE c.madeAt IS NOT NULL RETURN count(DISTINCT c) AS count`,
      { article },
    );
    const claims = await data<{ claims: { totalCount: number; edges: { node: { key: string } }[] } }>(
      `{ claims(filter: { madeFrom: "2024-03-12", madeTo: "2024-03-14" }, first: 100) { totalCount edges { node { key } } } }`,
    );
    expect(claims.claims.totalCount).toBeGreaterThanOrEqual(Number(made[0]!.count));
  });
});

/** Each precision, its written form, and the first and last day it denotes. */
const precisions = [
  { name: 'day', value: '2024-03-12', precision: 'DAY', first: '2024-03-12', last: '2024-03-12' },
  { name: 'week across a month', value: '2024-W09', precision: 'WEEK', first: '2024-02-26', last: '2024-03-03' },
  { name: 'week across a year', value: '2025-W01', precision: 'WEEK', first: '2024-12-30', last: '2025-01-05' },
  { name: 'month of a leap February', value: '2024-02', precision: 'MONTH', first: '2024-02-01', last: '2024-02-29' },
  { name: 'quarter', value: '2024-Q2', precision: 'QUARTER', first: '2024-04-01', last: '2024-06-30' },
  { name: 'year', value: '2023', precision: 'YEAR', first: '2023-01-01', last: '2023-12-31' },
  { name: 'range', value: '2024-03-12..2024-03-14', precision: 'RANGE', first: '2024-03-12', last: '2024-03-14' },
] as const;

const claimKey = (name: string) => `claim:test-time:${name.toLowerCase().replaceAll(' ', '-')}`;

describe('a test per precision at each boundary', () => {
  beforeAll(async () => {
    for (const { name, value } of precisions) {
      await data(
        `mutation ($input: RecordClaimInput!) { recordClaim(input: $input) { status } }`,
        {
          input: {
            key: claimKey(name),
            properties: { text: `A claim about the ${name}`, madeAt: value, validFrom: value },
            madeBy: [{ key: maker }],
            sources: [{ key: source, source: { kind: 'NEWS_ARTICLE', title: 'Test time source', publishedAt: value } }],
          },
        },
        writer,
      );
    }
  });

  it.each(precisions)('$name ($value): stored as its first day with its precision, its first and last day', async ({ name, precision, first, last }) => {
    const read = await data<{ claim: Record<string, string> }>(
      `query ($key: String!) { claim(key: $key) { validFrom validFromPrecision validFromEarliest validFromLatest madeAtEarliest madeAtLatest } }`,
      { key: claimKey(name) },
    );
    expect(read.claim).toEqual({ validFrom: first, validFromPrecision: precision, validFromEarliest: first, validFromLatest: last, madeAtEarliest: first, madeAtLatest: last });
  });

  it.each(precisions)('$name: OVERLAPS finds it on its first and last day, not the day before or after; WITHIN only for a period that holds all of it', async ({ name, first, last }) => {
    // One request, one list per question; each restricted to this maker's claims.
    const ask = (alias: string, from: string, to: string, mode: string) =>
      `${alias}: claims(filter: { madeBy: "${maker}", from: "${from}", to: "${to}", timeMode: ${mode} }, first: 20) { edges { node { key } } }`;
    const questions = {
      firstDay: ask('firstDay', first, first, 'OVERLAPS'),
      lastDay: ask('lastDay', last, last, 'OVERLAPS'),
      dayBefore: ask('dayBefore', plusDays(first, -1), plusDays(first, -1), 'OVERLAPS'),
      dayAfter: ask('dayAfter', plusDays(last, 1), plusDays(last, 1), 'OVERLAPS'),
      whole: ask('whole', first, last, 'WITHIN'),
      lateStart: ask('lateStart', plusDays(first, 1), last, 'WITHIN'),
      earlyEnd: ask('earlyEnd', first, plusDays(last, -1), 'WITHIN'),
    };
    const answer = await data<Record<keyof typeof questions, { edges: { node: { key: string } }[] }>>(`{ ${Object.values(questions).join('\n')} }`);
    const found = Object.fromEntries(Object.entries(answer).map(([alias, list]) => [alias, list.edges.map((edge) => edge.node).some((node) => node.key === claimKey(name))]));
    expect(found).toEqual({ firstDay: true, lastDay: true, dayBefore: false, dayAfter: false, whole: true, lateStart: false, earlyEnd: false });
  });

  it('madeFrom/madeTo, events and sources read the same intervals', async () => {
    const range = precisions.find((entry) => entry.precision === 'RANGE')!;
    await data(`mutation { upsertEvent(key: "event:2024-03-test-time", input: { name: "Test time event", startDate: "${range.value}" }) { status } }`, {}, writer);
    const answer = await data<{ made: { edges: { node: { key: string } }[] }; events: { edges: { node: { key: string; startDateLatest: string } }[] }; within: { edges: { node: { key: string } }[] }; sources: { edges: { node: { key: string } }[] } }>(
      `{ made: claims(filter: { madeBy: "${maker}", madeFrom: "${range.last}", madeTo: "${range.last}" }, first: 20) { edges { node { key } } }
         events(filter: { from: "${range.last}", to: "${range.last}" }, first: 100) { edges { node { key startDateLatest } } }
         within: events(filter: { from: "${range.last}", to: "${range.last}", timeMode: WITHIN }, first: 100) { edges { node { key } } }
         sources(filter: { publishedFrom: "${plusDays(range.last, 1)}", publishedTo: "${plusDays(range.last, 1)}" }, first: 100) { edges { node { key } } } }`,
    );
    expect(answer.made.edges.map((edge) => edge.node).map((node) => node.key)).toContain(claimKey('range'));
    expect(answer.events.edges.map((edge) => edge.node)).toContainEqual({ key: 'event:2024-03-test-time', startDateLatest: range.last });
    expect(answer.within.edges.map((edge) => edge.node).map((node) => node.key)).not.toContain('event:2024-03-test-time');
    // The test source was created with the first claim's date (a day): not on the day after the range.
    expect(answer.sources.edges.map((edge) => edge.node).map((node) => node.key)).not.toContain(source);
  });
});

describe('events without an end', () => {
  it('an event without endDate may still be going on: `from` keeps it, WITHIN a bounded period does not', async () => {
    const ongoing = 'event:2024-01-test-time-ongoing';
    const ended = 'event:2024-01-test-time-ended';
    await data(
      `mutation { a: upsertEvent(key: "${ongoing}", input: { name: "Test time ongoing", startDate: "2024-01-10" }) { status }
                  b: upsertEvent(key: "${ended}", input: { name: "Test time ended", startDate: "2024-01-10", endDate: "2024-02-01" }) { status } }`,
      {},
      writer,
    );
    const keysOf = (list: { edges: { node: { key: string } }[] }) => list.edges.map((edge) => edge.node.key).filter((key) => key === ongoing || key === ended).sort();
    type List = { edges: { node: { key: string } }[] };
    const answer = await data<{ later: List; laterWithin: List; early: List; earlyWithin: List }>(
      `{ later: events(filter: { from: "2025-06-01" }, first: 100) { edges { node { key } } }
         laterWithin: events(filter: { from: "2025-06-01", timeMode: WITHIN }, first: 100) { edges { node { key } } }
         early: events(filter: { from: "2024-01-20", to: "2024-03-01" }, first: 100) { edges { node { key } } }
         earlyWithin: events(filter: { from: "2024-01-01", to: "2024-03-01", timeMode: WITHIN }, first: 100) { edges { node { key } } } }`,
    );
    expect({ later: keysOf(answer.later), laterWithin: keysOf(answer.laterWithin), early: keysOf(answer.early), earlyWithin: keysOf(answer.earlyWithin) }).toEqual({
      later: [ongoing],
      laterWithin: [],
      early: [ended, ongoing],
      earlyWithin: [ended],
    });
  });
});

describe('bad dates', () => {
  it.each<[string, string, string?]>([
    ['a range that ends before it starts', '2024-03-14..2024-03-12'],
    ['a fifth quarter', '2024-Q5'],
    ['a quarter stored off its first day', '2024-05-01', 'QUARTER'],
    ['a range precision for one day', '2024-03-12', 'RANGE'],
    ['a range with a bad end', '2024-03-12..2024-02-30'],
  ])('%s is refused with BAD_USER_INPUT naming the field, and nothing is written', async (_, value, precision) => {
    const key = 'event:2024-03-test-time-refused';
    const response = await service.graphql(
      `mutation ($input: EventInput!) { createEvent(key: "${key}", input: $input) { status } }`,
      { input: { name: 'Refused', startDate: value, ...(precision ? { startDatePrecision: precision } : {}) } },
      writer,
    );
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(String(response.body.errors?.[0]?.extensions?.field)).toMatch(/^input\.startDate/);
    const stored = await service.gateway.read<{ count: number }>('test.time.expected', 'MATCH (n:Event {key: $key}) RETURN count(n) AS count', { key });
    expect(Number(stored[0]!.count)).toBe(0);
  });
});

describe('the migration of dates written before intervals', () => {
  it('gives an older date the same first and last day as the API gives it', async () => {
    const precise = precisions.filter((entry) => entry.precision !== 'RANGE');
    // Written as the graph held dates before: the day and its precision only.
    await service.gateway.write(
      'test.time.old-dates',
      `UNWIND $rows AS row CREATE (:Claim {key: row.key, text: 'old', madeAt: date(row.first), madeAtPrecision: row.precision})`,
      { rows: precise.map(({ name, first, precision }) => ({ key: `${claimKey(name)}-old`, first, precision })) },
    );
    await applyScripts(service.gateway, loadScripts([path.join(cypherDir, 'seed', '060_date_intervals.cypher')]), { force: true });
    for (const { name } of precise) {
      const read = await data<{ old: Record<string, string>; api: Record<string, string> }>(
        `query ($old: String!, $api: String!) { old: claim(key: $old) { madeAtEarliest madeAtLatest } api: claim(key: $api) { madeAtEarliest madeAtLatest } }`,
        { old: `${claimKey(name)}-old`, api: claimKey(name) },
      );
      expect(read.old, name).toEqual(read.api);
    }
  });
});
