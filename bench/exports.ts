// Memory of the service while it streams exports (issue #21): the service runs as `npm start` runs
// it (the bundle dist/main.js under plain node, NODE_ENV=production, every setting at its default
// but the database and the port), this process downloads an export over HTTP, counting rows and
// discarding bytes, and samples the service's resident memory (VmRSS) every 100 ms. Growth = the
// peak during the export minus the service's memory after a small warm-up export; and the heap
// the export leaves retained (after a full collection: bench/heap-probe.mjs, --expose-gc).
// `--create` first writes the synthetic rows with Cypher (namespace "bx": that many claims, each
// with a maker, a subject and a quoted source; that many events, each at one of 1,000 places with
// a point and an uncertainty); a scratch database only, with the schema applied
// (`npm run cypher -- cypher/schema`). `--node` adds flags to the service's node (`--node=--trace-gc`).
// NEO4J_URI=bolt://... npx tsx bench/exports.ts [--create] [--rows 100000] [--node FLAG]...
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/config';
import { createDriver } from '../src/db/connect';
import { Neo4jGateway } from '../src/db/gateway';
import { buildService, serviceBundle } from '../scripts/support/bundle';
import { projectRoot } from '../src/project-root';

const { values } = parseArgs({ options: { create: { type: 'boolean', default: false }, rows: { type: 'string', default: '100000' }, node: { type: 'string', multiple: true, default: [] } } });
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', NEO4J_QUERY_TIMEOUT_MS: '600000' });
const driver = createDriver(config.NEO4J_URI!, config);
const gateway = new Neo4jGateway(driver, config.NEO4J_DATABASE, config.NEO4J_QUERY_TIMEOUT_MS);

{
  const rows = Number(values.rows);
  if (values.create) {
    const started = performance.now();
    await gateway.autoCommit(
      'bench.exports.create',
      `MERGE (maker:Actor:Organization {key: 'org:bx:maker'}) ON CREATE SET maker.name = 'Bench maker', maker.recordedAt = datetime()
       WITH maker
       UNWIND range(1, 1000) AS i
       MERGE (p:Place {key: 'place:bx:' + i}) ON CREATE SET p.name = 'Bench place ' + i, p.type = 'VILLAGE', p.recordedAt = datetime(),
         p.location = point({latitude: 45 + i / 1000.0, longitude: 30 + i / 1000.0}), p.locationPrecision = 'SETTLEMENT', p.locationUncertaintyKm = 2.5`,
    );
    await gateway.autoCommit(
      'bench.exports.create',
      `UNWIND range(1, $rows) AS i
       CALL (i) {
         MATCH (maker:Organization {key: 'org:bx:maker'})
         MATCH (p:Place {key: 'place:bx:' + (1 + i % 1000)})
         MERGE (s:Source {key: 'source:bx:' + i}) ON CREATE SET s.kind = 'NEWS_ARTICLE', s.title = 'Bench source, "' + i + '"', s.recordedAt = datetime()
         MERGE (c:Claim {key: 'claim:bx:' + right('000000' + i, 7)}) ON CREATE SET c.text = '=Bench claim ' + i + ', with a comma', c.type = 'CONTROL', c.stance = 'ASSERTS', c.basis = 'REPORTED_BY_MEDIA',
           c.madeAt = date('2024-03-12'), c.madeAtPrecision = 'DAY', c.madeAtEarliest = date('2024-03-12'), c.madeAtLatest = date('2024-03-12'), c.recordedAt = datetime()
         MERGE (c)-[:MADE_BY {attribution: 'EXPLICIT'}]->(maker)
         MERGE (c)-[:ABOUT {role: 'PLACE'}]->(p)
         MERGE (c)-[:STATED_IN {quote: 'Quote ' + i + ': "the village is ours"', first: true}]->(s)
         MERGE (e:Event {key: 'event:bx:' + right('000000' + i, 7)}) ON CREATE SET e.name = 'Bench event ' + i, e.type = 'BATTLES', e.subType = 'ARMED_CLASH',
           e.startDate = date('2024-03-12'), e.startDatePrecision = 'DAY', e.startDateEarliest = date('2024-03-12'), e.startDateLatest = date('2024-03-12'), e.recordedAt = datetime()
         MERGE (e)-[:OCCURRED_AT {precision: 'NEAR'}]->(p)
       } IN TRANSACTIONS OF 5000 ROWS`,
      { rows },
    );
    console.log(`created ${rows} claims and events in ${Math.round((performance.now() - started) / 1000)} s`);
  }
  await driver.close();

  await buildService();
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
  const env = { PATH: process.env.PATH, NODE_ENV: 'production', NEO4J_URI: config.NEO4J_URI, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn' };
  const child = spawn(process.execPath, [...values.node, '--expose-gc', '--import', './bench/heap-probe.mjs', serviceBundle], { cwd: projectRoot, env, stdio: ['pipe', 'inherit', 'pipe'] });
  let heapWaiter: ((bytes: number) => void) | undefined;
  child.stderr.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    const heap = /^heap (\d+)$/m.exec(text);
    if (heap) heapWaiter?.(Number(heap[1]));
    else process.stderr.write(text);
  });
  /** The service's heap after a full collection, in MB. */
  const heapMb = () => new Promise<number>((resolve) => {
    heapWaiter = (bytes) => resolve(bytes / 1024 / 1024);
    child.stdin.write('\n');
  });
  // Ready once connected and warmed up, as a balancer would wait for it.
  for (;;) {
    const ready = await fetch(`http://127.0.0.1:${port}/ready`).then((response) => response.ok, () => false);
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

  /** Downloads an export, discarding its bytes; the child's memory sampled meanwhile. */
  async function download(path: string, filter: object) {
    let peak = rssMb();
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 100);
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}${path}?filter=${encodeURIComponent(JSON.stringify(filter))}`);
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) lines += 1;
    }
    clearInterval(sampler);
    return { bytes, lines, seconds: (performance.now() - started) / 1000, peakMb: Math.max(peak, rssMb()) };
  }

  const claims = { madeBy: 'org:bx:maker' };
  const events = { types: ['BATTLES'], from: '2024-03-12', to: '2024-03-12' };
  // Warm-up: the schema built, the pool open, the queries' shapes planned (filters that select nothing).
  await download('/export/claims.csv', { ...claims, types: ['OTHER'] });
  await download('/export/events.geojson', { ...events, types: ['RIOTS'] });
  const baseline = rssMb();
  const baselineHeap = await heapMb();
  console.log(`service after warm-up: ${baseline.toFixed(0)} MB resident, ${baselineHeap.toFixed(0)} MB heap after a full collection`);
  for (const [path, filter] of [['/export/claims.csv', claims], ['/export/events.geojson', events]] as const) {
    const result = await download(path, filter);
    const heapAfter = await heapMb();
    console.log(
      `${path}: ${result.lines} lines, ${(result.bytes / 1e6).toFixed(1)} MB in ${result.seconds.toFixed(1)} s; service peak ${result.peakMb.toFixed(0)} MB resident, growth ${(result.peakMb - baseline).toFixed(0)} MB over the warm-up; heap retained after it ${(heapAfter - baselineHeap).toFixed(1)} MB`,
    );
  }
  child.kill();
}
