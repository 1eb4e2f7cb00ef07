// The three aggregate questions of issue #18, each asked of the service in-process (GraphQL in,
// its Cypher out, one round trip) and as the best hand-written Cypher for the same answer through
// the same driver (the floor), alternately, one at a time; p50 and p90 of each, and whether both
// gave the same numbers. On a graph of bench/generate.ts with the losses of
// bench/generate-losses.ts (namespace "gl") imported beside it (bench/README.md, "Aggregates").
// NEO4J_URI=bolt://... npx tsx bench/aggregates.ts [--runs 15]
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { loadConfig } from '../src/server/config';
import { createDriver } from '../src/db/connect';
import { Neo4jGateway } from '../src/db/gateway';
import { toPlain } from '../src/db/values';
import { createYogaApp } from '../src/server/yoga';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' }, owner: { type: 'string', default: 'org:gl:russia' } } });
const runs = Number(values.runs);
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0', NEO4J_QUERY_TIMEOUT_MS: '120000', MAX_COST: '1000000' });
const driver = createDriver(config.NEO4J_URI!, config);
const gateway = new Neo4jGateway(driver, config.NEO4J_DATABASE, config.NEO4J_QUERY_TIMEOUT_MS);
const yoga = createYogaApp({ gateway, logger: pino({ level: 'silent' }), config });

const [latest] = await gateway.read<{ year: number }>('bench.latest-year', 'MATCH (e:Event) RETURN max(e.startDate).year AS year');
const year = latest?.year ?? 2024;
const from = `${year}-01-01`;
const to = `${year}-12-31`;
const visible = (claim: string) => `coalesce(${claim}.rank, 'NORMAL') <> 'DEPRECATED'`;

interface Question {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  floor: string;
  /** The numbers to compare, from the service's answer and from the floor's. */
  service: (data: any) => unknown;
  fromFloor: (result: any) => unknown;
}

const sorted = (rows: string[]) => rows.sort();
const questions: Question[] = [
  {
    name: 'losses per month by status, one side',
    query: `query ($owner: String!) { claimAggregate(filter: {owner: $owner}, groupBy: [{dimension: TIME, interval: MONTH}, {dimension: LOSS_STATUS}]) { buckets(limit: 1000) { keys { value } count } } }`,
    variables: { owner: values.owner },
    floor: `MATCH (:Organization {key: $owner})<-[:ABOUT {role: 'OWNER'}]-(c:Claim) WHERE ${visible('c')}
            WITH date.truncate('month', coalesce(c.validFrom, c.madeAt)) AS month, c.lossStatus AS status, count(*) AS count
            ORDER BY month, status RETURN collect([toString(month), status, count]) AS result`,
    service: (data) => sorted(data.claimAggregate.buckets.map((bucket: any) => `${bucket.keys[0].value} ${bucket.keys[1].value} ${bucket.count}`)),
    fromFloor: (result) => sorted(result.map(([month, status, count]: [string, string, number]) => `${month} ${status} ${count}`)),
  },
  {
    name: `events per region per week, ${year}`,
    query: `query ($from: Date!, $to: Date!) { eventAggregate(filter: {from: $from, to: $to}, groupBy: [{dimension: PLACE, placeType: REGION}, {dimension: TIME, interval: WEEK}]) { bucketCount buckets(limit: 1000) { keys { value } count } } }`,
    variables: { from, to },
    // As the list's filter reads from/to (docs/model.md, "Dates as intervals"): an event without an
    // end may still be going on, so it overlaps the year if it started by its end.
    floor: `MATCH (e:Event) WHERE (e.endDateLatest IS NULL OR e.endDateLatest >= date($from)) AND e.startDateEarliest <= date($to)
            MATCH (e)-[:OCCURRED_AT]->(:Place)-[:LOCATED_IN*0..16]->(region:Place {type: 'REGION'})
            WITH region.key AS region, date.truncate('week', e.startDateEarliest) AS week, count(DISTINCT e) AS count
            ORDER BY region, week LIMIT 1000 RETURN collect([region, toString(week), count]) AS result`,
    service: (data) => sorted(data.eventAggregate.buckets.filter((bucket: any) => bucket.keys[0].value !== null).map((bucket: any) => `${bucket.keys[0].value} ${bucket.keys[1].value} ${bucket.count}`)),
    fromFloor: (result) => sorted(result.map(([region, week, count]: [string, string, number]) => `${region} ${week} ${count}`)),
  },
  {
    name: 'claims per maker with contradictions',
    query: `{ claimAggregate(groupBy: [{dimension: MAKER}]) { buckets(limit: 100, orderBy: [{by: COUNT, descending: true}]) { keys { value } count contradicted } } }`,
    variables: {},
    floor: `MATCH (c:Claim)-[:MADE_BY]->(maker:Actor) WHERE ${visible('c')}
            WITH maker, count(c) AS count, sum(CASE WHEN EXISTS { (c)-[:CONTRADICTS]-(other:Claim) WHERE ${visible('other')} } THEN 1 ELSE 0 END) AS contradicted
            ORDER BY count DESC, maker.key LIMIT 100 RETURN collect([maker.key, count, contradicted]) AS result`,
    service: (data) => data.claimAggregate.buckets.filter((bucket: any) => bucket.keys[0].value !== null).map((bucket: any) => `${bucket.keys[0].value} ${bucket.count} ${bucket.contradicted}`),
    fromFloor: (result) => result.map(([maker, count, contradicted]: [string, number, number]) => `${maker} ${count} ${contradicted}`),
  },
];

const percentile = (times: number[], share: number) => [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(times.length * share))]!;
console.log(`| question | service p50 ms | p90 | floor p50 ms | p90 | ratio p50 | same answer |`);
console.log(`|---|---|---|---|---|---|---|`);
for (const question of questions) {
  const serviceTimes: number[] = [];
  const floorTimes: number[] = [];
  let serviceAnswer: unknown;
  let floorAnswer: unknown;
  // One warm-up each (plans cached), then alternately, so both see the same load.
  for (let run = -1; run < runs; run += 1) {
    let started = performance.now();
    const response = await yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: question.query, variables: question.variables }) });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    if (body.errors) throw new Error(`${question.name}: ${JSON.stringify(body.errors)}`);
    if (run >= 0) serviceTimes.push(performance.now() - started);
    serviceAnswer = question.service(body.data);
    started = performance.now();
    const { records } = await driver.executeQuery(question.floor, { ...question.variables }, { database: config.NEO4J_DATABASE, routing: 'READ' });
    if (run >= 0) floorTimes.push(performance.now() - started);
    floorAnswer = question.fromFloor(toPlain(records[0]?.get('result')));
  }
  const same = JSON.stringify(serviceAnswer) === JSON.stringify(floorAnswer);
  const [s50, s90, f50, f90] = [percentile(serviceTimes, 0.5), percentile(serviceTimes, 0.9), percentile(floorTimes, 0.5), percentile(floorTimes, 0.9)];
  console.log(`| ${question.name} | ${s50.toFixed(0)} | ${s90.toFixed(0)} | ${f50.toFixed(0)} | ${f90.toFixed(0)} | ${(s50 / f50).toFixed(2)} | ${same ? 'yes' : 'NO'} (${(serviceAnswer as unknown[]).length} buckets) |`);
}
await driver.close();
