// The live feed under load (issue #20): N concurrent SSE subscribers on one instance while claims
// are recorded at a fixed rate. The service runs as `npm start` runs it (`node dist/main.js`, built
// first with `npm run build`) in a child process; the subscribers live in other processes
// (`--procs`), so the client side does not starve the service; this process writes. Reported:
// delivery latency p50/p99/max from the write's acknowledgement (this process's clock) and from
// the claim's record time (the message's `recordedAt`, which precedes the commit by the write's own time) to each subscriber's receipt, messages
// missing, the service's RSS and CPU (from /proc) while it streams, and its Cypher round trips of
// the live feed per claim (/metrics). `--filters K` spreads the subscribers over K filters (K
// shared reads); the default, 1, gives every subscriber the same one.
//
//   npm run build && NEO4J_URI=bolt://127.0.0.1:7757 npx tsx bench/live.ts [--subscribers 1000] [--procs 2] [--rate 50] [--seconds 30] [--filters 1] [--redis redis://...]
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    child: { type: 'string' },
    url: { type: 'string' },
    subscribers: { type: 'string', default: '1000' },
    procs: { type: 'string', default: '2' },
    rate: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '30' },
    filters: { type: 'string', default: '1' },
    redis: { type: 'string' },
    port: { type: 'string', default: '4757' },
  },
});

const types = ['CONTROL', 'ATTACK', 'PRESENCE', 'CASUALTIES', 'DENIAL'] as const;
// Writes spread over makers, places and sources as the soak's do: claims that all link one node queue on its lock.
const makers = ['unit:freedom-of-russia-legion', 'unit:siberian-battalion', 'unit:russian-volunteer-corps', 'unit:russian-armed-forces'];
const places = ['place:ru:lozovaya-rudka', 'place:ru:grayvoronsky-district', 'place:ua:avdiivka', 'place:ua:lyman', 'place:ua:kramatorsk-raion'];
const feed = `subscription ($filter: ClaimFilter) { claimChanged(filter: $filter) { change recordedAt cursor claim { key text type makers { actor { key name } } } } }`;

if (values.child) {
  // A subscriber process: `--child first,count` opens `count` streams, subscriber i on filter i % filters.
  const [first, count] = values.child.split(',').map(Number) as [number, number];
  const filters = Number(values.filters);
  const received: [string, number, number][] = [];
  let open = 0;
  const controllers: AbortController[] = [];
  const subscribeOne = async (index: number) => {
    const controller = new AbortController();
    controllers.push(controller);
    const response = await fetch(`${values.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: feed, variables: { filter: { types: [types[index % filters]] } } }),
      signal: controller.signal,
    });
    open += 1;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      const reader = response.body!.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = event.split('\n').find((line) => line.startsWith('data:'));
          if (!/^event: next/m.test(event) || !data) continue;
          const message = JSON.parse(data.slice(5)) as { data?: { claimChanged: { recordedAt: string; claim: { key: string } } } };
          if (message.data) received.push([message.data.claimChanged.claim.key, Date.now(), Date.parse(message.data.claimChanged.recordedAt)]);
        }
      }
    } catch {
      // Aborted at the end.
    }
  };
  for (let index = first; index < first + count; index += 1) void subscribeOne(index);
  const ready = setInterval(() => process.stdout.write(`open ${open}\n`), 500);
  process.stdout.on('error', () => process.exit(0));
  // The parent says when the writes are done: report, then go (the streams close with the process).
  process.stdin.once('data', () => {
    clearInterval(ready);
    process.stdout.write(`received ${JSON.stringify(received)}\n`, () => {
      for (const controller of controllers) controller.abort();
      process.exit(0);
    });
  });
} else {
  const subscribers = Number(values.subscribers);
  const procs = Number(values.procs);
  const rate = Number(values.rate);
  const seconds = Number(values.seconds);
  const filters = Number(values.filters);
  const base = `http://127.0.0.1:${values.port}`;
  const writerKey = 'bench-live-writer-0123456789abcdef';
  const service = spawn(process.execPath, ['dist/main.js'], {
    env: {
      ...process.env,
      PORT: values.port,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '0',
      API_KEYS: `writer:${writerKey}:write`,
      LIVE_MAX_SUBSCRIPTIONS_PER_CLIENT: String(subscribers + 10),
      ...(values.redis ? { REDIS_URL: values.redis } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stopService = () => service.kill('SIGTERM');
  process.on('exit', stopService);
  const deadline = Date.now() + 180_000;
  while (!(await fetch(`${base}/ready`).then((response) => response.ok, () => false))) {
    if (Date.now() > deadline) throw new Error('the service did not get ready');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const metric = async (name: string) => {
    const text = await (await fetch(`${base}/metrics`, { signal: AbortSignal.timeout(60_000) })).text();
    return [...text.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? ([\\d.e+]+)$`, 'gm'))].reduce((sum, [, value]) => sum + Number(value), 0);
  };
  const liveReads = async () => {
    const text = await (await fetch(`${base}/metrics`)).text();
    return Number(/^cypher_round_trips_total\{tag="claims.live"\} (\d+)$/m.exec(text)?.[1] ?? 0);
  };

  // Subscribers, spread over the processes.
  const children: { child: ChildProcess; open: number; received?: [string, number, number][] }[] = [];
  const share = Math.ceil(subscribers / procs);
  for (let first = 0; first < subscribers; first += share) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/live.ts', '--child', `${first},${Math.min(share, subscribers - first)}`, '--url', base, '--filters', String(filters)], { stdio: ['pipe', 'pipe', 'inherit'] });
    const entry: (typeof children)[number] = { child, open: 0 };
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('open ')) entry.open = Number(line.slice(5));
      else if (line.startsWith('received ')) entry.received = JSON.parse(line.slice(9)) as [string, number, number][];
    });
    children.push(entry);
  }
  while ((await metric('live_subscriptions_open')) < subscribers) await new Promise((resolve) => setTimeout(resolve, 500));
  console.log(`${subscribers} subscriptions open (${await metric('live_shared_reads')} shared reads); recording ${rate} claims/s for ${seconds} s`);

  // /proc: the service's CPU time (utime + stime, in clock ticks of 1/100 s) and resident memory.
  const cpuTicks = () => {
    const fields = readFileSync(`/proc/${service.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]);
  };
  const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${service.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  const rssBefore = rssMb();
  const readsBefore = await liveReads();
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(rssMb()), 500);
  const acknowledged = new Map<string, number>();
  let failed = 0;
  const run = Date.now().toString(36);
  const record = async (index: number) => {
    const input = {
      key: `claim:bench-live:${run}-${index}`,
      properties: { text: `Bench live claim ${index}`, type: types[index % filters], stance: 'ASSERTS', basis: 'CLAIMED_BY_PARTY', madeAt: '2024-03-12' },
      madeBy: [{ key: makers[index % makers.length]!, attribution: 'EXPLICIT' }],
      about: [{ key: places[index % places.length]!, role: 'PLACE' }],
      sources: [{ key: `source:bench-live:${run}-${index % 50}`, quote: `claim ${index}`, source: { kind: 'SOCIAL_POST', title: `Bench live post ${index % 50}`, publishedAt: '2024-03-12' } }],
    };
    try {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': writerKey },
        body: JSON.stringify({ query: 'mutation ($input: RecordClaimInput!) { recordClaim(input: $input) { claim { key } } }', variables: { input } }),
      });
      const body = (await response.json()) as { data?: { recordClaim: { claim: { key: string } } }; errors?: unknown[] };
      if (body.data && !body.errors) acknowledged.set(body.data.recordClaim.claim.key, Date.now());
      else failed += 1;
    } catch {
      // Refused or timed out: a write not acknowledged (the service saturated), counted.
      failed += 1;
    }
  };
  const cpuStart = cpuTicks();
  const started = performance.now();
  const writes: Promise<void>[] = [];
  const total = rate * seconds;
  for (let index = 0; index < total; index += 1) {
    // On schedule, not one after another: a slow write does not slow the stream.
    const due = started + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    writes.push(record(index));
  }
  await Promise.all(writes);
  const writeSeconds = (performance.now() - started) / 1000;
  // Let the last messages arrive: until the service has sent none for 3 s (at most 90 s), then collect.
  const expected = subscribers / filters;
  for (let sent = -1, quiet = Date.now() + 90_000; Date.now() < quiet; ) {
    const now = await metric('live_messages_sent');
    if (now === sent) break;
    sent = now;
    await new Promise((resolve) => setTimeout(resolve, 3_000));
  }
  const cpuSeconds = (cpuTicks() - cpuStart) / 100;
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const reads = (await liveReads()) - readsBefore;
  for (const { child } of children) child.stdin!.write('report\n');
  while (children.some((entry) => !entry.received)) await new Promise((resolve) => setTimeout(resolve, 200));

  const fromAck: number[] = [];
  const fromRecord: number[] = [];
  let unknown = 0;
  for (const entry of children) {
    for (const [key, at, recordedAt] of entry.received!) {
      const ack = acknowledged.get(key);
      if (ack === undefined) {
        unknown += 1;
        continue;
      }
      fromAck.push(at - ack);
      fromRecord.push(at - recordedAt);
    }
  }
  const percentile = (list: number[], p: number) => {
    const sorted = [...list].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  };
  const due = acknowledged.size * expected;
  const uptime = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(
    JSON.stringify(
      {
        subscribers,
        filters,
        redis: Boolean(values.redis),
        claimsAcknowledged: acknowledged.size,
        writesFailed: failed,
        achievedRate: +(acknowledged.size / writeSeconds).toFixed(1),
        messagesDue: due,
        messagesReceived: fromAck.length,
        missing: due - fromAck.length,
        messagesOfUnacknowledgedWrites: unknown,
        latencyFromAckMs: { p50: percentile(fromAck, 50), p99: percentile(fromAck, 99), max: percentile(fromAck, 100) },
        latencyFromRecordTimeMs: { p50: percentile(fromRecord, 50), p99: percentile(fromRecord, 99), max: percentile(fromRecord, 100) },
        liveReadsPerClaim: +(reads / acknowledged.size).toFixed(2),
        serviceCpu: `${((cpuSeconds / elapsed) * 100).toFixed(0)} % of one core (${cpuSeconds.toFixed(1)} s in ${elapsed.toFixed(1)} s)`,
        serviceRssMb: { beforeWrites: Math.round(rssBefore), peak: Math.round(Math.max(...rss)), end: Math.round(rss.at(-1) ?? 0) },
        loadAverage: uptime,
      },
      null,
      2,
    ),
  );
  // Clients gone: the service releases every subscription.
  for (const { child } of children) child.kill();
  const released = Date.now() + 30_000;
  while ((await metric('live_subscriptions_open')) > 0 && Date.now() < released) await new Promise((resolve) => setTimeout(resolve, 250));
  console.log(`after the subscribers went: live_subscriptions_open ${await metric('live_subscriptions_open')}, live_shared_reads ${await metric('live_shared_reads')}`);
  stopService();
  await new Promise((resolve) => service.once('exit', resolve));
}
