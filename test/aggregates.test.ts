import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/project-root';
import { generateLossBundle, lossKeys } from '../bench/generate-losses';
import { importBundle } from '../src/import/bundle';
import { createTestService } from './support/service';

// Aggregates over a generated bundle of per-item losses, plus a few records written here for
// what the generator has not (a running total, a correction, a week across a month's end,
// contradictions, events in a place hierarchy). Every expected number is worked out from the
// records themselves, in this file. The data is removed afterwards.
const namespace = 'test-aggregates';
const keys = lossKeys(namespace);
// A longer transaction timeout for the import, on a machine shared with other test runs.
const service = createTestService({ NEO4J_QUERY_TIMEOUT_MS: '60000' });
const firstImport = '2026-01-01T00:00:00.000Z';
const laterImport = '2026-01-02T00:00:00.000Z';

interface LossClaim {
  key: string;
  properties: { lossStatus: string; equipmentCategory: string; validFrom: string; validTo?: string; amount: number; madeAt: string };
  about: { key: string; role: string }[];
}
const lines = [...generateLossBundle(1_200, 11, namespace)];
const records = lines.slice(1).map((line) => JSON.parse(line) as { record: string; type?: string; from?: string; to?: string } & Partial<LossClaim>);
const losses = records.filter((record) => record.record === 'claim') as unknown as LossClaim[];
const parentOf = new Map(records.filter((record) => record.type === 'VARIANT_OF').map((record) => [record.from!, record.to!]));
const familyOf = (equipment: string): string => (parentOf.has(equipment) ? familyOf(parentOf.get(equipment)!) : equipment);
const role = (claim: LossClaim, name: string) => claim.about.find((subject) => subject.role === name)?.key ?? null;
const monthOnly = (claim: LossClaim) => claim.properties.validFrom.length === 7;
const tally = <T>(items: T[], keyOf: (item: T) => string | null) => {
  const counts = new Map<string | null, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return counts;
};

// --- records written here ---------------------------------------------------------------------
const analyst = `org:${namespace}:analyst`;
const dater = `org:${namespace}:dater`;
const staff = `org:${namespace}:staff`;
const report = `source:${namespace}:report`;
const russia = keys.side('russia');
const claim = (key: string, properties: Record<string, unknown>, maker = analyst, extra: Record<string, unknown> = {}) => ({
  record: 'claim',
  key: `claim:${namespace}:${key}`,
  properties: { text: `A claim (${key})`, type: 'LOSSES', stance: 'ASSERTS', basis: 'ASSESSED_BY_ANALYST', madeAt: '2023-07-01', ...properties },
  madeBy: [{ key: maker, attribution: 'EXPLICIT' }],
  sources: [{ key: report, first: true }],
  ...extra,
});
/** A running total of Russian tanks by one maker: [validTo, amount]; one figure corrected the next day. */
const series: [string, number][] = [
  ['2023-01-30', 100],
  ['2023-01-31', 110],
  ['2023-02-15', 130],
  ['2023-02-28', 150],
  ['2023-03-01', 160],
];
const figure = ([day, amount]: [string, number], key = `figure-${day}`, extra: Record<string, unknown> = {}) =>
  claim(key, { measure: 'tank', amount, cumulative: true, validFrom: '2022-02-24', validTo: day, madeAt: day, basis: 'CLAIMED_BY_PARTY', equipmentCategory: 'TANK' }, staff, {
    about: [{ key: russia, role: 'OWNER' }],
    ...extra,
  });
const correction = figure(['2023-02-15', 128], 'figure-2023-02-15-correction', { supersedes: [{ key: `claim:${namespace}:figure-2023-02-15` }] });
const extraLines = [
  { record: 'entity', type: 'Organization', key: analyst, properties: { name: 'Analyst (test)', type: 'ANALYST' } },
  { record: 'entity', type: 'Organization', key: staff, properties: { name: 'Staff (test)', type: 'STATE' } },
  { record: 'entity', type: 'Organization', key: dater, properties: { name: 'Dater (test)', type: 'ANALYST' } },
  // Ranges: within one month and one week; across a month's end within a week; across a new year.
  claim('range-june', { validFrom: '2023-06-01..2023-06-03', text: 'Losses in early June' }, dater),
  claim('range-month-end', { validFrom: '2023-05-30..2023-06-02', text: 'Losses around the month end' }, dater),
  claim('range-new-year', { validFrom: '2023-12-28..2024-01-02', text: 'Losses over the new year' }, dater),
  { record: 'entity', type: 'Source', key: report, properties: { kind: 'ANALYSIS', reliability: 'C' } },
  // A week from Monday 29 May to Sunday 4 June 2023: in no one month.
  claim('week', { validFrom: '2023-W22', text: 'Losses in a week' }),
  claim('month', { validFrom: '2023-05', text: 'Losses some time in May' }),
  claim('day', { validFrom: '2023-05-31', text: 'Losses on a day' }),
  claim('contradicted', { validFrom: '2023-05-31', text: 'A disputed claim' }),
  claim('contradicting', { validFrom: '2023-05-31', text: 'A claim disputing it' }, analyst, { contradicts: [{ key: `claim:${namespace}:contradicted` }] }),
  ...series.map((point) => figure(point)),
  correction,
  ...['region', 'district', 'village-a', 'village-b'].map((slug) => ({
    record: 'entity',
    type: 'Place',
    key: `place:${namespace}:${slug}`,
    properties: { name: `P ${slug}`, type: slug.startsWith('village') ? 'VILLAGE' : slug.toUpperCase() },
  })),
  { record: 'relationship', type: 'LOCATED_IN', from: `place:${namespace}:district`, to: `place:${namespace}:region`, properties: {} },
  { record: 'relationship', type: 'LOCATED_IN', from: `place:${namespace}:village-a`, to: `place:${namespace}:district`, properties: {} },
  { record: 'relationship', type: 'LOCATED_IN', from: `place:${namespace}:village-b`, to: `place:${namespace}:region`, properties: {} },
];
/** Events: [slug, place, start date (with its precision), fatalities]. */
const events: [string, string, string, number | null][] = [
  ['e1', 'village-a', '2023-05-29', 2],
  ['e2', 'village-b', '2023-06-02', 5],
  ['e3', 'district', '2023-06-05', null],
  ['e4', 'village-a', '2023-W23', 1],
];
for (const [slug, place, startDate, fatalities] of events) {
  extraLines.push({ record: 'entity', type: 'Event', key: `event:${namespace}:${slug}`, properties: { name: slug, type: 'BATTLES', startDate, ...(fatalities === null ? {} : { fatalities }) } } as never);
  extraLines.push({ record: 'relationship', type: 'OCCURRED_AT', from: `event:${namespace}:${slug}`, to: `place:${namespace}:${place}`, properties: {} } as never);
}
/** Recorded a day after the rest: invisible asOf the first import. */
const late = claim('late', { validFrom: '2023-05-31', text: 'Recorded later' });

async function data<T>(query: string, variables: Record<string, unknown> = {}) {
  const response = await service.graphql<T>(query, variables);
  expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
  return { data: response.body.data as T, roundTrips: response.roundTrips };
}

interface Bucket {
  keys: { value: string | null; label: string | null; span: string | null }[];
  count: number;
}
/** The buckets of a claim aggregate, by their keys joined with "|". */
async function claimBuckets(filter: Record<string, unknown>, groupBy: Record<string, unknown>[], extra = '', args = '') {
  const result = await data<{ claimAggregate: { bucketCount: number; buckets: (Bucket & Record<string, unknown>)[] } }>(
    `query ($filter: ClaimFilter, $groupBy: [ClaimGrouping!]) { claimAggregate(filter: $filter, groupBy: $groupBy${args}) { bucketCount buckets(limit: 1000) { keys { value label span } count ${extra} } } }`,
    { filter, groupBy },
  );
  expect(result.roundTrips).toEqual(['claims.aggregate']);
  const buckets = result.data.claimAggregate.buckets;
  expect(result.data.claimAggregate.bucketCount).toBe(buckets.length);
  // A time bucket coarser than asked says so by its span: "2023-05-01@MONTH" in a daily series.
  const keyOf = (bucket: Bucket) => bucket.keys.map((key, index) => (key.span && key.span !== (groupBy[index]!.interval ?? 'MONTH') ? `${key.value}@${key.span}` : (key.value ?? ''))).join('|');
  return new Map(buckets.map((bucket) => [keyOf(bucket), bucket]));
}
const counts = (buckets: Map<string, Bucket>) => new Map([...buckets].map(([key, bucket]) => [key, bucket.count]));
const asKeys = (counted: Map<string | null, number>) => new Map([...counted].map(([key, count]) => [key ?? '', count]));

async function removeData() {
  const [row] = await service.gateway.write<{ deleted: number }>(
    'test.aggregates.cleanup',
    `MATCH (n) WHERE n.key CONTAINS $namespace
     OPTIONAL MATCH (revision:Revision)-[:REVISES]->(n)
     WITH n, collect(revision) AS revisions
     FOREACH (revision IN revisions | DETACH DELETE revision)
     DETACH DELETE n RETURN count(n) AS deleted`,
    { namespace: `:${namespace}:` },
  );
  return row?.deleted;
}

beforeAll(async () => {
  await removeData();
  const header = lines[0]!;
  const first = await importBundle(service.gateway, [...lines, ...extraLines.map((line) => JSON.stringify(line))], { author: { principal: 'test:aggregates', now: firstImport } });
  expect(first.rejections).toEqual([]);
  const second = await importBundle(service.gateway, [header, JSON.stringify(late)], { author: { principal: 'test:aggregates', now: laterImport } });
  expect(second.rejections).toEqual([]);
});

afterAll(async () => {
  try {
    await removeData();
  } finally {
    await service.close();
  }
});

const tracker = { madeBy: keys.maker };

describe('claim aggregates', () => {
  it('counts losses per month by status for one side and category, in one round trip', async () => {
    const owner = keys.side('russia');
    const selected = losses.filter((loss) => role(loss, 'OWNER') === owner && loss.properties.equipmentCategory === 'TANK');
    const expected = tally(selected, (loss) => `${loss.properties.validFrom.slice(0, 7)}-01|${loss.properties.lossStatus}`);
    const buckets = await claimBuckets({ ...tracker, owner, equipmentCategories: ['TANK'] }, [{ dimension: 'TIME', interval: 'MONTH' }, { dimension: 'LOSS_STATUS' }]);
    expect(counts(buckets)).toEqual(asKeys(expected));
    const [some] = buckets.values();
    expect(some!.keys[0]).toMatchObject({ span: 'MONTH', label: some!.keys[0]!.value!.slice(0, 7) });
  });

  it('gives facets of a list beside its page: per value of each dimension, most first, with the number of values', async () => {
    const owner = keys.side('russia');
    const selected = losses.filter((loss) => role(loss, 'OWNER') === owner);
    const byStatus = tally(selected, (loss) => loss.properties.lossStatus);
    const byCategory = tally(selected, (loss) => loss.properties.equipmentCategory);
    type Facet = { dimension: string; valueCount: number; values: { key: { value: string | null }; count: number }[] };
    const result = await data<{ claims: { totalCount: number; edges: unknown[]; facets: Facet[] } }>(
      `query ($filter: ClaimFilter) { claims(filter: $filter, first: 5) { totalCount edges { node { key } }
         facets(dimensions: [{ dimension: LOSS_STATUS }, { dimension: EQUIPMENT_CATEGORY }], limit: 3) { dimension valueCount values { key { value } count } } } }`,
      { filter: { ...tracker, owner } },
    );
    const { claims } = result.data;
    expect(claims.totalCount).toBe(selected.length);
    const top = (counted: Map<string | null, number>) =>
      [...counted].sort(([a, x], [b, y]) => y - x || String(a).localeCompare(String(b))).slice(0, 3).map(([value, count]) => ({ key: { value }, count }));
    expect(claims.facets).toEqual([
      { dimension: 'LOSS_STATUS', valueCount: byStatus.size, values: top(byStatus) },
      { dimension: 'EQUIPMENT_CATEGORY', valueCount: byCategory.size, values: top(byCategory) },
    ]);
    // The page and the facets: two Cypher round trips in one request, whatever the number of dimensions.
    expect(result.roundTrips).toEqual(['claims.list', 'claims.facets']);
  });

  it('groups by every claim dimension', async () => {
    const byDimension: [Record<string, unknown>, (loss: LossClaim) => string | null][] = [
      [{ dimension: 'LOSS_STATUS' }, (loss) => loss.properties.lossStatus],
      [{ dimension: 'EQUIPMENT_CATEGORY' }, (loss) => loss.properties.equipmentCategory],
      [{ dimension: 'EQUIPMENT_MODEL' }, (loss) => role(loss, 'EQUIPMENT')],
      [{ dimension: 'EQUIPMENT_FAMILY' }, (loss) => familyOf(role(loss, 'EQUIPMENT')!)],
      [{ dimension: 'SUBJECT', role: 'OWNER' }, (loss) => role(loss, 'OWNER')],
      [{ dimension: 'SUBJECT', role: 'CAPTOR' }, (loss) => role(loss, 'CAPTOR')],
      [{ dimension: 'MAKER' }, () => keys.maker],
      [{ dimension: 'TYPE' }, () => 'LOSSES'],
      [{ dimension: 'STANCE' }, () => 'ASSERTS'],
      [{ dimension: 'BASIS' }, () => 'CONFIRMED_BY_EVIDENCE'],
      [{ dimension: 'SOURCE_KIND' }, () => 'DATASET'],
      [{ dimension: 'SOURCE_RELIABILITY' }, () => 'B'],
      [{ dimension: 'MEASURE' }, () => null],
      [{ dimension: 'PLACE' }, () => null],
      [{ dimension: 'TIME', interval: 'YEAR' }, (loss) => `${loss.properties.validFrom.slice(0, 4)}-01-01`],
      [{ dimension: 'TIME', interval: 'QUARTER' }, (loss) => { const month = Number(loss.properties.validFrom.slice(5, 7)); return `${loss.properties.validFrom.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`; }],
      // A month-precision loss counts in its month, never in a day or a week.
      [{ dimension: 'TIME', interval: 'DAY' }, (loss) => (monthOnly(loss) ? `${loss.properties.validFrom}-01@MONTH` : loss.properties.validFrom)],
      [{ dimension: 'TIME', interval: 'WEEK', date: 'MADE' }, (loss) => { const day = new Date(`${loss.properties.madeAt}T00:00:00Z`); day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7)); return day.toISOString().slice(0, 10); }],
    ];
    for (const [grouping, keyOf] of byDimension) {
      const buckets = await claimBuckets(tracker, [grouping]);
      expect(counts(buckets), JSON.stringify(grouping)).toEqual(asKeys(tally(losses, keyOf)));
    }
    const daily = await claimBuckets(tracker, [{ dimension: 'TIME', interval: 'DAY' }]);
    const monthBuckets = [...daily.values()].filter((bucket) => bucket.keys[0]!.span === 'MONTH');
    expect(monthBuckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(losses.filter(monthOnly).length);
    expect(monthBuckets.length).toBeGreaterThan(0);
  });

  it('measures distinct subjects and amounts per bucket, ordered by a measure with a limit', async () => {
    const result = await data<{ claimAggregate: { total: { count: number; distinctSubjects: number; amount: { sum: number; min: number; max: number } }; buckets: { keys: { value: string }[]; count: number; distinctSubjects: number; amount: { sum: number } }[] } }>(
      `query ($filter: ClaimFilter) { claimAggregate(filter: $filter, groupBy: [{dimension: LOSS_STATUS}], subjectRole: "EQUIPMENT") {
        total { count distinctSubjects amount { sum min max } }
        buckets(limit: 2, orderBy: [{by: COUNT, descending: true}]) { keys { value } count distinctSubjects amount { sum } } } }`,
      { filter: tracker },
    );
    const { total, buckets } = result.data.claimAggregate;
    expect(total).toEqual({ count: losses.length, distinctSubjects: new Set(losses.map((loss) => role(loss, 'EQUIPMENT'))).size, amount: { sum: losses.length, min: 1, max: 1 } });
    const byStatus = [...tally(losses, (loss) => loss.properties.lossStatus)].sort(([a, x], [b, y]) => y - x || a!.localeCompare(b!)).slice(0, 2);
    expect(buckets.map((bucket) => [bucket.keys[0]!.value, bucket.count, bucket.amount.sum])).toEqual(byStatus.map(([status, count]) => [status, count, count]));
    for (const bucket of buckets) {
      expect(bucket.distinctSubjects).toBe(new Set(losses.filter((loss) => loss.properties.lossStatus === bucket.keys[0]!.value).map((loss) => role(loss, 'EQUIPMENT'))).size);
    }
  });

  it('places each date in the bucket its whole interval lies within, as the WITHIN time filter reads it, else in the next coarser span that holds it', async () => {
    const monthly = await claimBuckets({ madeBy: analyst }, [{ dimension: 'TIME', interval: 'MONTH' }]);
    // day, contradicted, contradicting, late and month in May; the week (29 May - 4 June) in no one month: in the second quarter.
    expect(counts(monthly)).toEqual(new Map([['2023-05-01', 5], ['2023-04-01@QUARTER', 1]]));
    expect(monthly.get('2023-04-01@QUARTER')!.keys[0]).toEqual({ value: '2023-04-01', label: '2023-Q2', span: 'QUARTER' });
    const weekly = await claimBuckets({ madeBy: analyst }, [{ dimension: 'TIME', interval: 'WEEK' }]);
    expect(counts(weekly)).toEqual(new Map([['2023-05-01@MONTH', 1], ['2023-05-29', 5]]));
    expect(weekly.get('2023-05-01@MONTH')!.keys[0]).toEqual({ value: '2023-05-01', label: '2023-05', span: 'MONTH' });
    expect(weekly.get('2023-05-29')!.keys[0]).toEqual({ value: '2023-05-29', label: '2023-W22', span: 'WEEK' });
    // Ranges: 1-3 June in June; 30 May - 2 June in Q2 (a month) and in the week of 29 May (a week);
    // 28 December - 2 January in no year: a bucket of its own, its span null.
    const datedMonthly = await claimBuckets({ madeBy: dater }, [{ dimension: 'TIME', interval: 'MONTH' }]);
    expect(counts(datedMonthly)).toEqual(new Map([['2023-06-01', 1], ['2023-04-01@QUARTER', 1], ['2023-12-28', 1]]));
    expect(datedMonthly.get('2023-12-28')!.keys[0]).toEqual({ value: '2023-12-28', label: '2023-12-28..2024-01-02', span: null });
    const datedWeekly = await claimBuckets({ madeBy: dater }, [{ dimension: 'TIME', interval: 'WEEK' }]);
    expect(counts(datedWeekly)).toEqual(new Map([['2023-05-29', 2], ['2023-12-28', 1]]));
    // Each bucket of the asked span counts exactly what the list finds WITHIN its period.
    for (const [buckets, madeBy, interval] of [[monthly, analyst, 'MONTH'], [weekly, analyst, 'WEEK'], [datedMonthly, dater, 'MONTH'], [datedWeekly, dater, 'WEEK']] as const) {
      for (const bucket of buckets.values()) {
        const { value, span } = bucket.keys[0]!;
        if (span !== interval) continue;
        const end = new Date(`${value}T00:00:00Z`);
        if (span === 'WEEK') end.setUTCDate(end.getUTCDate() + 6);
        else end.setUTCMonth(end.getUTCMonth() + 1, 0);
        const listed = await data<{ claims: { totalCount: number } }>('query ($filter: ClaimFilter) { claims(filter: $filter) { totalCount } }', {
          filter: { madeBy, from: value, to: end.toISOString().slice(0, 10), timeMode: 'WITHIN' },
        });
        expect(listed.data.claims.totalCount, `${madeBy} ${value}`).toBe(bucket.count);
      }
    }
  });

  it('counts contradicted claims, and only what was recorded by asOf', async () => {
    const query = `query ($filter: ClaimFilter, $asOf: DateTime) { claimAggregate(filter: $filter, asOf: $asOf, groupBy: [{dimension: MAKER}]) { buckets { keys { value label } count contradicted } } }`;
    const now = await data<{ claimAggregate: { buckets: { keys: { value: string; label: string }[]; count: number; contradicted: number }[] } }>(query, { filter: { madeBy: analyst } });
    expect(now.data.claimAggregate.buckets).toEqual([{ keys: [{ value: analyst, label: 'Analyst (test)' }], count: 6, contradicted: 2 }]);
    const before = await data<typeof now.data>(query, { filter: { madeBy: analyst }, asOf: '2026-01-01T12:00:00Z' });
    expect(before.data.claimAggregate.buckets[0]).toMatchObject({ count: 5, contradicted: 2 });
  });

  it('turns a running total into changes per month, with the corrected figure, and hides deprecated claims by default', async () => {
    const visible = series.map(([day, amount]): [string, number] => [day, day === '2023-02-15' ? 128 : amount]);
    // Each month's last figure minus the one before the month; the first figure counts whole.
    const expected = new Map<string, number>();
    let before = 0;
    for (const month of ['2023-01', '2023-02', '2023-03']) {
      const last = visible.filter(([day]) => day.startsWith(month)).at(-1)![1];
      expected.set(`${month}-01`, last - before);
      before = last;
    }
    const buckets = await claimBuckets({ madeBy: staff }, [{ dimension: 'TIME', interval: 'MONTH' }], 'amount { sum }');
    expect(new Map([...buckets].map(([key, bucket]) => [key, (bucket.amount as { sum: number }).sum]))).toEqual(expected);
    expect(buckets.get('2023-02-01')!.count).toBe(2);
    const all = await claimBuckets({ madeBy: staff }, [{ dimension: 'TIME', interval: 'MONTH' }], '', ', includeDeprecated: true');
    expect(all.get('2023-02-01')!.count).toBe(3);
  });

  it("compares a maker's running totals with per-item losses, tanks per month side by side", async () => {
    const owner = keys.side('russia');
    const tanks = losses.filter((loss) => role(loss, 'OWNER') === owner && loss.properties.equipmentCategory === 'TANK');
    const perItem = tally(tanks, (loss) => `${loss.properties.validFrom.slice(0, 7)}-01|${keys.maker}`);
    const buckets = await claimBuckets({ owner: russia, equipmentCategories: ['TANK'] }, [{ dimension: 'TIME', interval: 'MONTH' }, { dimension: 'MAKER' }], 'amount { sum }');
    for (const [key, count] of perItem) expect((buckets.get(key!)!.amount as { sum: number }).sum).toBe(count);
    expect((buckets.get(`2023-01-01|${staff}`)!.amount as { sum: number }).sum).toBe(110);
    expect(buckets.size).toBe(perItem.size + 3);
  });

  it("gives each bucket's claims as a connection, in one more round trip for all buckets", async () => {
    const response = await service.graphql<{ claimAggregate: { buckets: { keys: { value: string }[]; count: number; claims: { totalCount: number; edges: { node: { key: string; lossStatus: string } }[] } }[] } }>(
      `{ claimAggregate(filter: {madeBy: "${keys.maker}"}, groupBy: [{dimension: LOSS_STATUS}]) { buckets(limit: 3) { keys { value } count claims(first: 4) { totalCount edges { node { key lossStatus } } } } } }`,
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.roundTrips).toEqual(['claims.aggregate', 'entities.by-key']);
    const newestFirst = [...losses].sort((a, b) => b.properties.madeAt.localeCompare(a.properties.madeAt) || a.key.localeCompare(b.key));
    for (const bucket of response.body.data!.claimAggregate.buckets) {
      const status = bucket.keys[0]!.value;
      expect(bucket.claims.totalCount).toBe(bucket.count);
      expect(bucket.claims.edges.map(({ node }) => node.key)).toEqual(newestFirst.filter((loss) => loss.properties.lossStatus === status).slice(0, 4).map((loss) => loss.key));
    }
  });

  it('refuses bad groupings with BAD_USER_INPUT, before any Cypher', async () => {
    for (const groupBy of ['[{dimension: TYPE, role: "OWNER"}]', '[{dimension: TYPE}, {dimension: BASIS}, {dimension: STANCE}, {dimension: MAKER}]']) {
      const response = await service.graphql(`{ claimAggregate(groupBy: ${groupBy}) { buckets { count } } }`);
      expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.roundTrips).toEqual([]);
    }
    const tooMany = await service.graphql('{ claimAggregate { buckets(limit: 5000) { count } } }');
    expect(tooMany.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('event aggregates', () => {
  it('counts events per region and per district per week, with fatalities, in one round trip', async () => {
    const query = `query ($groupBy: [EventGrouping!]) { eventAggregate(filter: {inPlace: "place:${namespace}:region"}, groupBy: $groupBy) {
      total { count fatalities { sum } } buckets { keys { value span } count fatalities { sum min max } } } }`;
    const regional = await data<{ eventAggregate: { total: { count: number }; buckets: { keys: { value: string; span: string }[]; count: number; fatalities: { sum: number; min: number; max: number } | null }[] } }>(query, {
      groupBy: [{ dimension: 'PLACE', placeType: 'REGION' }, { dimension: 'TIME', interval: 'WEEK' }],
    });
    expect(regional.roundTrips).toEqual(['events.aggregate']);
    const weekOf = (date: string) => (date.includes('W') ? '2023-06-05' : date < '2023-06-05' ? '2023-05-29' : '2023-06-05');
    const expected = new Map<string, number>();
    for (const [, , date] of events) expected.set(`place:${namespace}:region|${weekOf(date)}`, (expected.get(`place:${namespace}:region|${weekOf(date)}`) ?? 0) + 1);
    expect(new Map(regional.data.eventAggregate.buckets.map((bucket) => [bucket.keys.map((key) => key.value).join('|'), bucket.count]))).toEqual(expected);
    expect(regional.data.eventAggregate.total).toEqual({ count: events.length, fatalities: { sum: 8 } });
    const firstWeek = regional.data.eventAggregate.buckets.find((bucket) => bucket.keys[1]!.value === '2023-05-29')!;
    expect(firstWeek.fatalities).toEqual({ sum: 7, min: 2, max: 5 });
    // e2 lies in no district: its bucket is the null one.
    const districts = await data<typeof regional.data>(query, { groupBy: [{ dimension: 'PLACE', placeType: 'DISTRICT' }] });
    expect(new Map(districts.data.eventAggregate.buckets.map((bucket) => [bucket.keys[0]!.value, bucket.count]))).toEqual(new Map([[`place:${namespace}:district`, 3], [null, 1]]));
  });
});

describe('the README', () => {
  it("runs its aggregate examples, each in one round trip and one for the buckets' claims", async () => {
    const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
    const examples = [...readme.matchAll(/```graphql\n([^`]*?claimAggregate[^`]*?)```/g)].map((match) => match[1]!);
    expect(examples).toHaveLength(3);
    for (const example of examples) {
      const response = await service.graphql(example);
      expect(response.body.errors, example).toBeUndefined();
      expect(response.roundTrips[0]).toBe('claims.aggregate');
      expect(response.roundTrips.length).toBeLessThanOrEqual(2);
    }
  });

  it("opens GraphiQL with the saved aggregate questions as tabs, the README's documents, each answering in one round trip", async () => {
    const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
    const page = await (await service.yoga.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } })).text();
    const options = JSON.parse(/renderYogaGraphiQL\([^,]+, (\{.*\})\);<\/script>/.exec(page)![1]!) as { defaultTabs: { query: string }[] };
    const tabs = options.defaultTabs.map((tab) => tab.query).filter((query) => query.includes('claimAggregate'));
    expect(tabs).toHaveLength(2);
    for (const query of tabs) {
      // The same document as the README's, its comment lines aside.
      expect(readme).toContain(query.replace(/^#.*\n/gm, ''));
      const response = await service.graphql<{ claimAggregate: { buckets: unknown[] } }>(query);
      expect(response.body.errors, query).toBeUndefined();
      expect(response.roundTrips[0]).toBe('claims.aggregate');
      expect(response.roundTrips.length).toBeLessThanOrEqual(2);
    }
    // Claims per maker: this file's makers among them.
    const makers = await service.graphql<{ claimAggregate: { bucketCount: number } }>(tabs[1]!);
    expect(makers.body.data!.claimAggregate.bucketCount).toBeGreaterThanOrEqual(3);
  });
});
