// A soak test (not part of CI): a fixed rate of mixed reads and writes against a running
// service for a set time, reporting errors, latency over time and the service's memory over time.
//
//   npm run bench:soak -- [--url http://127.0.0.1:4000] [--key <write API key>] [--rate 20] [--minutes 10] [--out FILE]
//
// Reads: the analysts' raid query, a search, a page of events in a region, a place's claims.
// Writes (one in five): recordClaim with a new key each time, about one of 50 places the soak
// creates first, by one of the seed's units, in one of 50 sources: the graph grows as it would,
// spread over many entities, rather than piling every claim onto one.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { url: { type: 'string' }, key: { type: 'string' }, rate: { type: 'string' }, minutes: { type: 'string' }, out: { type: 'string' } },
});
const base = values.url ?? 'http://127.0.0.1:4000';
const key = values.key ?? process.env.SOAK_API_KEY;
const rate = Number(values.rate ?? 20);
const minutes = Number(values.minutes ?? 10);
if (!key || !(rate > 0) || !(minutes > 0)) {
  console.error('usage: npm run bench:soak -- --key <write API key> [--url URL] [--rate requests/s] [--minutes N] [--out FILE]');
  process.exit(64);
}

const run = Date.now().toString(36);
const places = Array.from({ length: 50 }, (_, index) => `place:ua:soak-${run}-${index}`);
const makers = ['unit:freedom-of-russia-legion', 'unit:siberian-battalion', 'unit:russian-volunteer-corps', 'unit:russian-armed-forces'];
const reads = [
  () => `{ event(key: "event:2024-03-kursk-raid") { name participants { role actor { name } } claimsAbout { claim { text makers { actor { name } } sources { quote source { title } } contradictedBy { claim { text } } } } } }`,
  () => `{ search(text: "Losovaya Rudka", first: 5) { kind score entity { key } } }`,
  () => `{ events(filter: { inPlace: "place:ru:kursk-oblast" }, first: 20) { totalCount edges { node { name places { place { name } } participants { role actor { name } } } } } }`,
  (index: number) => `{ place(key: "${places[index % places.length]}") { name claimsAbout { claim { text stance makers { actor { name } } } } } }`,
];
const write = `mutation ($input: RecordClaimInput!) { recordClaim(input: $input) { status claim { key } } }`;

interface Sample {
  at: number;
  ms: number;
  ok: boolean;
  kind: 'read' | 'write';
}
const samples: Sample[] = [];
const errors = new Map<string, number>();
const memory: { minute: number; rssMb: number; heapMb: number }[] = [];
let sequence = 0;

async function one() {
  const index = sequence++;
  const isWrite = index % 5 === 4;
  const body = isWrite
    ? {
        query: write,
        variables: {
          input: {
            key: `claim:soak:${run}-${index}`,
            properties: { text: `Soak claim ${index}`, type: 'CONTROL', madeAt: '2024-03-12' },
            madeBy: [{ key: makers[index % makers.length] }],
            about: [{ key: places[index % places.length], role: 'PLACE' }],
            sources: [{ key: `source:soak:${run}-${index % 50}`, quote: `claim ${index}`, source: { kind: 'SOCIAL_POST', title: `Soak channel ${index % 50}` } }],
          },
        },
      }
    : { query: reads[index % reads.length]!(index) };
  const started = performance.now();
  let ok = false;
  try {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key! },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const result = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    ok = response.ok && !result.errors;
    if (!ok) {
      const code = result.errors?.[0]?.extensions?.code ?? `HTTP ${response.status}`;
      errors.set(code, (errors.get(code) ?? 0) + 1);
    }
  } catch (error) {
    const code = error instanceof Error ? error.name : 'failure';
    errors.set(code, (errors.get(code) ?? 0) + 1);
  }
  samples.push({ at: Date.now(), ms: performance.now() - started, ok, kind: isWrite ? 'write' : 'read' });
}

async function serviceMemory(minute: number) {
  const text = await (await fetch(`${base}/metrics`)).text();
  const metric = (name: string) => Number(text.match(new RegExp(`^${name} (\\S+)`, 'm'))?.[1] ?? Number.NaN) / 1_048_576;
  memory.push({ minute, rssMb: Math.round(metric('process_resident_memory_bytes')), heapMb: Math.round(metric('nodejs_heap_size_used_bytes')) });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

// The places the claims are about, created before the clock starts.
for (const place of places) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify({ query: 'mutation ($key: String!) { upsertPlace(key: $key, input: { name: "Soak village", type: VILLAGE }) { status } }', variables: { key: place } }),
  });
  if (!response.ok) throw new Error(`could not create ${place}: ${response.status} ${await response.text()}`);
}

const started = Date.now();
const end = started + minutes * 60_000;
await serviceMemory(0);
const inFlight = new Set<Promise<void>>();
let nextMinute = 1;
// Open loop: requests start on schedule whether or not earlier ones have finished.
for (let due = started; due < end; due += 1_000 / rate) {
  const wait = due - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const request = one().finally(() => inFlight.delete(request));
  inFlight.add(request);
  if (Date.now() - started >= nextMinute * 60_000) {
    await serviceMemory(nextMinute);
    nextMinute += 1;
  }
}
await Promise.all(inFlight);
await serviceMemory(minutes);

const lines = [
  `# Soak: ${rate} requests/s (one write in five) for ${minutes} min against ${base}, ${new Date(started).toISOString()}`,
  '',
  '| minute | requests | errors | p50 ms | p99 ms | max ms | service RSS MB | service heap MB |',
  '|---|---|---|---|---|---|---|---|',
];
for (let minute = 0; minute < minutes; minute += 1) {
  const inMinute = samples.filter((sample) => sample.at >= started + minute * 60_000 && sample.at < started + (minute + 1) * 60_000);
  const latencies = inMinute.map((sample) => sample.ms).sort((a, b) => a - b);
  const after = memory.find((point) => point.minute === minute + 1);
  lines.push(
    `| ${minute + 1} | ${inMinute.length} | ${inMinute.filter((sample) => !sample.ok).length} | ${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} | ${(latencies.at(-1) ?? Number.NaN).toFixed(1)} | ${after?.rssMb ?? '?'} | ${after?.heapMb ?? '?'} |`,
  );
}
const all = samples.map((sample) => sample.ms).sort((a, b) => a - b);
lines.push(
  '',
  `In all: ${samples.length} requests (${samples.filter((sample) => sample.kind === 'write').length} writes), ${samples.filter((sample) => !sample.ok).length} errors${errors.size ? ` (${[...errors].map(([code, count]) => `${code}: ${count}`).join(', ')})` : ''}; p50 ${percentile(all, 50).toFixed(1)} ms, p99 ${percentile(all, 99).toFixed(1)} ms.`,
  `Service memory at the start: RSS ${memory[0]?.rssMb} MB, heap ${memory[0]?.heapMb} MB; at the end: RSS ${memory.at(-1)?.rssMb} MB, heap ${memory.at(-1)?.heapMb} MB.`,
);
const report = lines.join('\n');
console.log(report);
if (values.out) writeFileSync(values.out, `${report}\n`);
process.exitCode = samples.some((sample) => !sample.ok) ? 1 : 0;
