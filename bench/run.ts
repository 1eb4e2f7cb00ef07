// The benchmark runner: each operation of bench/operations.ts against the service and against
// the floor (hand-written Cypher behind a minimal HTTP server on the same driver), under load at
// each number of concurrent clients, on the graph the database holds now (load one with
// npm run bench:generate and npm run import). Prints a markdown table with the ratios.
//
//   npm run bench -- [--label 100k] [--duration 10] [--connections 1,32] [--out FILE]
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config';
import { openDatabaseForTool } from '../src/db/connect';
import { createLogger } from '../src/logger';
import { createYogaApp } from '../src/yoga';
import { operations, type Subjects } from './operations';

const { values } = parseArgs({
  options: { label: { type: 'string' }, duration: { type: 'string' }, connections: { type: 'string' }, out: { type: 'string' } },
});
const duration = Number(values.duration ?? 10);
const connectionCounts = (values.connections ?? '1,32').split(',').map(Number);
const servicePort = 4200;
const floorPort = 4300;

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0' });
const database = await openDatabaseForTool(config, (line) => console.log(line));
const uri = database.uri;

const [found] = await database.gateway.read<Subjects>(
  'bench.subjects',
  `MATCH (region:Place {type: 'REGION'}) WITH region ORDER BY region.key LIMIT 1
   MATCH (settlement:Place)-[:LOCATED_IN*1..3]->(region) WHERE EXISTS { (settlement)<-[:ABOUT]-(:Claim)-[:CONTRADICTS]-() }
   WITH region, settlement ORDER BY settlement.key LIMIT 1
   MATCH (e:Event)-[:OCCURRED_AT]->(settlement) WITH region, settlement, e ORDER BY e.key LIMIT 1
   RETURN region.key AS region, settlement.key AS settlement, e.key AS event, split(settlement.name, ' ')[0] AS searchText`,
);
if (!found) throw new Error('The graph has no generated region with a contested settlement: load one with npm run bench:generate and npm run import.');
const subjects = found;
const ops = operations(subjects);
const [counts] = await database.gateway.read<{ nodes: number; relationships: number }>(
  'bench.counts',
  'MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS relationships',
);

// Round trips per operation, counted in-process through the real schema.
const roundTrips: number[] = [];
for (const operation of ops) {
  let trips = 0;
  const counted = database.gateway.observed(() => (trips += 1));
  const yoga = createYogaApp({ gateway: counted, logger: createLogger('silent'), config });
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(operation.graphql),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(`${operation.name}: ${JSON.stringify(body.errors).slice(0, 500)}`);
  roundTrips.push(trips);
}

function start(script: string, port: number, extra: Record<string, string>): { child: ChildProcess; ready: Promise<number> } {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, NEO4J_URI: uri, PORT: String(port), LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', SEED_WHEN_EMPTY: 'false', ...extra },
    stdio: 'inherit',
  });
  const ready = (async () => {
    for (;;) {
      const probe = await fetch(`http://127.0.0.1:${port}${script.includes('main') ? '/ready' : '/0'}`, { method: script.includes('main') ? 'GET' : 'POST' }).catch(() => undefined);
      if (probe?.ok) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return { child, ready };
}

const service = start('src/main.ts', servicePort, {});
const floor = start('bench/floor-server.ts', floorPort, { BENCH_SUBJECTS: JSON.stringify(subjects) });
const serviceStartMs = await service.ready;
await floor.ready;

interface Measure {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(url: string, body: string, connections: number): Promise<Measure> {
  const result = await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, duration, timeout: 30 });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx };
}

const rows: string[] = [];
for (const [index, operation] of ops.entries()) {
  for (const connections of connectionCounts) {
    const serviceMeasure = await load(`http://127.0.0.1:${servicePort}/graphql`, JSON.stringify(operation.graphql), connections);
    const floorMeasure = await load(`http://127.0.0.1:${floorPort}/${index}`, '{}', connections);
    const row = `| ${operation.name} | ${connections} | ${roundTrips[index]} | ${serviceMeasure.rps.toFixed(0)} | ${serviceMeasure.p50} | ${serviceMeasure.p99} | ${serviceMeasure.errors} | ${floorMeasure.rps.toFixed(0)} | ${floorMeasure.p50} | ${floorMeasure.p99} | ${(serviceMeasure.p50 / Math.max(floorMeasure.p50, 0.5)).toFixed(2)} | ${(serviceMeasure.rps / Math.max(floorMeasure.rps, 0.001)).toFixed(2)} |`;
    rows.push(row);
    console.log(row);
  }
}

const metrics = await (await fetch(`http://127.0.0.1:${servicePort}/metrics`)).text();
const rssMb = Math.round(Number(metrics.match(/^process_resident_memory_bytes (\S+)/m)?.[1] ?? Number.NaN) / 1_048_576);
service.child.kill('SIGTERM');
floor.child.kill('SIGTERM');
await database.close();

const report = [
  `## ${values.label ?? 'graph'}: ${counts?.nodes} nodes, ${counts?.relationships} relationships (${new Date().toISOString().slice(0, 10)})`,
  '',
  `${duration} s per measure with autocannon; service start to /ready ${(serviceStartMs / 1_000).toFixed(1)} s; service RSS after the run ${rssMb} MB.`,
  `Subjects: region ${subjects.region}, settlement ${subjects.settlement}, event ${subjects.event}, search "${subjects.searchText}".`,
  '',
  '| operation | clients | round trips | service req/s | service p50 ms | service p99 ms | errors | floor req/s | floor p50 ms | floor p99 ms | p50 service/floor | req/s service/floor |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows,
].join('\n');
console.log(`\n${report}`);
if (values.out) writeFileSync(values.out, `${report}\n`);
process.exit(0);
