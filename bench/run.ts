// The benchmark runner: each operation of bench/operations.ts against the service, the floor
// (hand-written Cypher behind a minimal HTTP server on the same driver) and the peer
// (@neo4j/graphql over the same database, bench/peer), under load at each number of concurrent
// clients, on the graph the database holds now (load one with npm run bench:generate and
// npm run import). Prints a markdown table with the ratios.
//
//   npm run bench -- [--label 100k] [--duration 10] [--turns 5] [--connections 1,32] [--operations 0,2] [--out FILE]
//
// With --against <bundle> (another build of the service, say the last release's dist/main.js),
// the service is measured against that build and a second instance of it instead of the floor
// and the peer: before and after in the same turns, and the run-to-run noise from the two
// instances of one build.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadConfig } from '../src/server/config';
import { openDatabaseForTool } from '../src/db/connect';
import { createLogger } from '../src/server/logger';
import { createYogaApp } from '../src/server/yoga';
import { bundle, buildService, serviceBundle } from '../scripts/support/bundle';
import { operations, type Subjects } from './operations';

const { values } = parseArgs({
  options: {
    label: { type: 'string' },
    duration: { type: 'string' },
    turns: { type: 'string' },
    connections: { type: 'string' },
    operations: { type: 'string' },
    out: { type: 'string' },
    against: { type: 'string' },
  },
});
const against = values.against;
const duration = Number(values.duration ?? 10);
const turns = Number(values.turns ?? 5);
const connectionCounts = (values.connections ?? '1,32').split(',').map(Number);
const servicePort = 4200;
const floorPort = 4300;
const peerPort = 4400;

// The peer is a package of its own (its copy of graphql, the library's dependencies), installed on first use.
if (!against && !existsSync('bench/peer/node_modules')) {
  console.log('Installing the peer: npm ci --prefix bench/peer');
  const install = spawnSync('npm', ['ci', '--prefix', 'bench/peer', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (install.status !== 0) throw new Error('npm ci --prefix bench/peer failed');
}
// All three servers run as `npm start` runs the service: bundled, under plain node.
const floorBundle = 'dist/bench/floor-server.js';
const peerBundle = 'bench/peer/dist/server.js';
await Promise.all(against ? [buildService()] : [buildService(), bundle('bench/floor-server.ts', floorBundle), bundle('bench/peer/server.ts', peerBundle)]);
const peerVersion = against ? '' : (JSON.parse(readFileSync('bench/peer/node_modules/@neo4j/graphql/package.json', 'utf8')) as { version: string }).version;

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
// Each operation keeps its index in operations(): the floor serves it at /<index>.
const selected = values.operations?.split(',').map(Number);
const ops = [...operations(subjects).entries()].filter(([index]) => !selected || selected.includes(index));
if (ops.length === 0) throw new Error(`--operations ${values.operations}: no such operation`);
const [counts] = await database.gateway.read<{ nodes: number; relationships: number }>(
  'bench.counts',
  'MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS relationships',
);

// Round trips per operation, counted in-process through the real schema.
const roundTrips = new Map<number, number>();
for (const [index, operation] of ops) {
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
  roundTrips.set(index, trips);
}

/** Starts a server script; `ready` resolves to its start time once `readyPath` answers 2xx. */
function start(
  script: string,
  port: number,
  readyPath: string,
  readyMethod: 'GET' | 'POST',
  extra: Record<string, string>,
): { child: ChildProcess; ready: Promise<number> } {
  const started = performance.now();
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, NEO4J_URI: uri, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'production', RATE_LIMIT_PER_MINUTE: '0', SEED_WHEN_EMPTY: 'false', ...extra },
    stdio: 'inherit',
  });
  const exited = new Promise<never>((_resolve, reject) => child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before it was ready`))));
  const probed = (async () => {
    while (child.exitCode === null) {
      const probe = await fetch(`http://127.0.0.1:${port}${readyPath}`, { method: readyMethod }).catch(() => undefined);
      if (probe?.ok) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return Number.NaN;
  })();
  return { child, ready: Promise.race([probed, exited]) };
}

const service = start(serviceBundle, servicePort, '/ready', 'GET', {});
// Against another build, "floor" and "peer" are two instances of that build.
const floor = against ? start(against, floorPort, '/ready', 'GET', {}) : start(floorBundle, floorPort, '/0', 'POST', { BENCH_SUBJECTS: JSON.stringify(subjects) });
const peer = against ? start(against, peerPort, '/ready', 'GET', {}) : start(peerBundle, peerPort, '/health', 'GET', {});
// However the run ends, an error included, the servers it started end with it.
process.on('exit', () => [service, floor, peer].forEach(({ child }) => child.kill('SIGTERM')));
const serviceStartMs = await service.ready;
await floor.ready;
const peerStartMs = await peer.ready;

// A GraphQL error answers 200, which autocannon would count as a success, and a wrong query fails
// fast, which would flatter its side: check each answer of the floor and the peer first.
for (const [index, operation] of against ? [] : ops) {
  const floorAnswer = await fetch(`http://127.0.0.1:${floorPort}/${index}`, { method: 'POST' });
  if (!floorAnswer.ok) throw new Error(`floor, ${operation.name}: ${(await floorAnswer.text()).slice(0, 500)}`);
  const peerAnswer = await fetch(`http://127.0.0.1:${peerPort}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(operation.peer),
  });
  const body = (await peerAnswer.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(`peer, ${operation.name}: ${JSON.stringify(body.errors).slice(0, 500)}`);
}

interface Measure {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU milliseconds per request of the server measured, and of Neo4j; NaN where unknown. */
  cpu: number;
  neo4jCpu: number;
}

/** A process's CPU time so far in ms, from /proc (Linux); NaN elsewhere or when it is gone. */
function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1_000) / clockTicksPerSecond;
  } catch {
    return Number.NaN;
  }
}
const clockTicksPerSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/** The process listening on a local TCP port (Neo4j's Bolt port), when `ss` can say. */
function listenerPid(uri: string): number | undefined {
  const { hostname, port } = new URL(uri);
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(hostname)) return undefined;
  const listing = spawnSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' }).stdout ?? '';
  const pid = Number(listing.match(/pid=(\d+)/)?.[1]);
  return Number.isInteger(pid) ? pid : undefined;
}
const neo4jPid = listenerPid(uri);

interface Target {
  url: string;
  body: string;
  pid: number | undefined;
}

interface Window {
  latencies: number[];
  requests: number;
  errors: number;
  cpu: number;
  neo4jCpu: number;
}

/** One window of load on one server: each answer's time, and the CPU it and Neo4j spent. */
async function loadWindow({ url, body, pid }: Target, connections: number, seconds: number): Promise<Window> {
  // autocannon's percentiles are whole milliseconds, too coarse for answers under a few; its events carry the exact time.
  const latencies: number[] = [];
  const cpuBefore = [cpuMs(pid), cpuMs(neo4jPid)] as const;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options = { url, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body, connections, duration: seconds, timeout: 30 };
    autocannon(options, (error: unknown, done: autocannon.Result) => (error ? reject(error) : resolve(done))).on('response', (_client, statusCode, _bytes, milliseconds) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(milliseconds);
    });
  });
  return {
    latencies,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
    cpu: cpuMs(pid) - cpuBefore[0],
    neo4jCpu: cpuMs(neo4jPid) - cpuBefore[1],
  };
}

/**
 * Loads the servers in turns until each has had `duration` seconds. This machine's speed drifts
 * by tens of percent within a minute; in turns, a drift falls on all three alike.
 */
async function measure(targets: readonly Target[], connections: number): Promise<Measure[]> {
  const windows = targets.map((): Window[] => []);
  for (let turn = 0; turn < turns; turn += 1) {
    for (const [index, target] of targets.entries()) windows[index]?.push(await loadWindow(target, connections, duration / turns));
  }
  return windows.map((measured) => {
    const sum = (of: (window: Window) => number) => measured.reduce((total, window) => total + of(window), 0);
    const requests = sum((window) => window.requests);
    const latencies = measured.flatMap((window) => window.latencies).sort((a, b) => a - b);
    const percentile = (share: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))] ?? Number.NaN);
    return {
      rps: requests / duration,
      p50: percentile(0.5),
      p99: percentile(0.99),
      errors: sum((window) => window.errors),
      cpu: sum((window) => window.cpu) / Math.max(requests, 1),
      neo4jCpu: sum((window) => window.neo4jCpu) / Math.max(requests, 1),
    };
  });
}

/** Tenths of a millisecond: finer than this, the machine's noise decides. */
const round = (milliseconds: number) => Math.round(milliseconds * 10) / 10;

// Rates at least 0.001, so that a ratio stays finite.
const p50Ratio = (service: Measure, other: Measure) => (service.p50 / Math.max(other.p50, 0.1)).toFixed(2);
const rpsRatio = (service: Measure, other: Measure) => (service.rps / Math.max(other.rps, 0.001)).toFixed(2);
const cpuCells = (measures: Measure[], of: (measure: Measure) => number) => measures.map((measure) => (Number.isNaN(of(measure)) ? '–' : of(measure).toFixed(2))).join(' / ');

const rows: string[] = [];
const warmUpSeconds = 4;
for (const [index, operation] of ops) {
  // Unmeasured first: a database just started, and each side's JIT and query plans, warm up.
  const targets: Target[] = [
    { url: `http://127.0.0.1:${servicePort}/graphql`, body: JSON.stringify(operation.graphql), pid: service.child.pid },
    against
      ? { url: `http://127.0.0.1:${floorPort}/graphql`, body: JSON.stringify(operation.graphql), pid: floor.child.pid }
      : { url: `http://127.0.0.1:${floorPort}/${index}`, body: '{}', pid: floor.child.pid },
    { url: `http://127.0.0.1:${peerPort}/graphql`, body: JSON.stringify(against ? operation.graphql : operation.peer), pid: peer.child.pid },
  ];
  // At every number of clients: after a warm-up at 32 only, a fresh service still answered one client at 60 % of its later rate.
  for (const target of targets) for (const connections of connectionCounts) await loadWindow(target, connections, warmUpSeconds);
  for (const connections of connectionCounts) {
    const measures = await measure(targets, connections);
    const [serviceMeasure, floorMeasure, peerMeasure] = measures as [Measure, Measure, Measure];
    const cells = [
      operation.name,
      connections,
      roundTrips.get(index),
      serviceMeasure.rps.toFixed(0),
      serviceMeasure.p50,
      serviceMeasure.p99,
      floorMeasure.rps.toFixed(0),
      floorMeasure.p50,
      floorMeasure.p99,
      peerMeasure.rps.toFixed(0),
      peerMeasure.p50,
      peerMeasure.p99,
      `${serviceMeasure.errors} / ${floorMeasure.errors} / ${peerMeasure.errors}`,
      cpuCells(measures, (measure) => measure.cpu),
      cpuCells(measures, (measure) => measure.neo4jCpu),
      p50Ratio(serviceMeasure, floorMeasure),
      p50Ratio(serviceMeasure, peerMeasure),
      rpsRatio(serviceMeasure, floorMeasure),
      rpsRatio(serviceMeasure, peerMeasure),
    ];
    const row = `| ${cells.join(' | ')} |`;
    rows.push(row);
    console.log(row);
  }
}

const metrics = await (await fetch(`http://127.0.0.1:${servicePort}/metrics`)).text();
const rssMb = Math.round(Number(metrics.match(/^process_resident_memory_bytes (\S+)/m)?.[1] ?? Number.NaN) / 1_048_576);
await database.close();

const report = [
  `## ${values.label ?? 'graph'}: ${counts?.nodes} nodes, ${counts?.relationships} relationships (${new Date().toISOString().slice(0, 10)})`,
  '',
  `${duration} s per measure with autocannon, in ${turns} turns of ${duration / turns} s taken in rotation with the other two servers, after ${warmUpSeconds} s of each server on each operation at each number of clients unmeasured; service start to /ready ${(serviceStartMs / 1_000).toFixed(1)} s; service RSS after the run ${rssMb} MB.`,
  against
    ? `Against ${against}: "floor" and "peer" below are two instances of that build, so their difference is the run-to-run noise.`
    : `Peer: @neo4j/graphql ${peerVersion} (bench/peer), start to listening ${(peerStartMs / 1_000).toFixed(1)} s.`,
  `CPU per request: each server process's, and Neo4j's ${neo4jPid === undefined ? '(not found on this machine: –)' : `(pid ${neo4jPid})`}, from /proc over each measure; the load generator's is in neither.`,
  `Subjects: region ${subjects.region}, settlement ${subjects.settlement}, event ${subjects.event}, search "${subjects.searchText}".`,
  '',
  '| operation | clients | round trips | service req/s | service p50 ms | service p99 ms | floor req/s | floor p50 ms | floor p99 ms | peer req/s | peer p50 ms | peer p99 ms | errors service / floor / peer | CPU ms per request service / floor / peer | Neo4j CPU ms per request service / floor / peer | p50 service/floor | p50 service/peer | req/s service/floor | req/s service/peer |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows,
].join('\n');
console.log(`\n${report}`);
if (values.out) writeFileSync(values.out, `${report}\n`);
process.exit(0);
