/**
 * The attacks of issue #15 as load: each one at 10 clients for a while, from one loopback
 * address, while a probe client on another address reads a place by key one request at a time.
 * Prints, per attack, what the attackers got, the probe's p50 and p99 and the service's peak
 * memory (resident set, sampled from /proc every 100 ms).
 *
 *   npx tsx bench/attacks.ts --url http://127.0.0.1:4000/graphql --pid <service pid> [--seconds 30] [--clients 10]
 *
 * Run it against a service over the seeded graph (`npm start`), as an outside attacker would
 * meet it. Only loopback addresses are used: attackers from 127.0.0.3, the probe from 127.0.0.2.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: options } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:4000/graphql' },
    pid: { type: 'string' },
    seconds: { type: 'string', default: '30' },
    clients: { type: 'string', default: '10' },
    only: { type: 'string' },
  },
});
const url = new URL(options.url);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) throw new Error('Attacks go to loopback addresses only.');
const seconds = Number(options.seconds);
const clients = Number(options.clients);

interface Attack {
  name: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

const graphql = (query: string) => JSON.stringify({ query });
const fragmentBomb = (levels: number) =>
  `query { ...F0 } ${Array.from({ length: levels }, (_, level) => (level < levels - 1 ? `fragment F${level} on Query { ...F${level + 1} ...F${level + 1} }` : `fragment F${level} on Query { database { name } }`)).join(' ')}`;
const wideIntrospection = '__schema { types { name description fields { name description args { name description type { name ofType { name ofType { name } } } } type { name ofType { name } } } } }';
const longWords = Array.from({ length: 12 }, (_, index) => String.fromCharCode(97 + index).repeat(100)).join(' ');

const attacks: Attack[] = [
  { name: 'fragment bomb (22 levels)', method: 'POST', body: graphql(fragmentBomb(22)) },
  { name: '30 aliased wide introspections', method: 'POST', body: graphql(`{ ${Array.from({ length: 30 }, (_, index) => `i${index}: ${wideIntrospection}`).join(' ')} }`) },
  { name: '30 aliased 12-word searches', method: 'POST', body: graphql(`{ ${Array.from({ length: 30 }, (_, index) => `s${index}: search(text: "${longWords}") { score }`).join(' ')} }`) },
  { name: 'ancestors over a 6-place cycle', method: 'POST', body: graphql('{ place(key: "place:bench:cycle-0") { ancestors { key name } } }') },
  { name: 'GraphiQL page', method: 'GET', headers: { accept: 'text/html' } },
];

const probeBody = graphql('{ place(key: "place:ru") { name } }');

function send(attack: Attack, localAddress: string, agent: http.Agent): Promise<{ status: number; bytes: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: attack.method,
        localAddress,
        agent,
        headers: { 'content-type': 'application/json', ...(attack.headers ?? {}) },
      },
      (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes, ms: performance.now() - started }));
      },
    );
    request.on('error', () => resolve({ status: 0, bytes: 0, ms: performance.now() - started }));
    request.end(attack.body);
  });
}

const residentMb = (pid: string | undefined) => {
  if (!pid) return Number.NaN;
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;

async function run(attack: Attack) {
  const deadline = performance.now() + seconds * 1000;
  const attackAgent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const probeAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let peak = residentMb(options.pid);
  const sampler = setInterval(() => (peak = Math.max(peak, residentMb(options.pid))), 100);
  const statuses = new Map<number, number>();
  let bytes = 0;
  const attacker = async () => {
    while (performance.now() < deadline) {
      const result = await send(attack, '127.0.0.3', attackAgent);
      statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
      bytes += result.bytes;
    }
  };
  const probe: number[] = [];
  let probeFailures = 0;
  const prober = async () => {
    while (performance.now() < deadline) {
      const result = await send({ name: 'probe', method: 'POST', body: probeBody }, '127.0.0.2', probeAgent);
      if (result.status === 200) probe.push(result.ms);
      else probeFailures += 1;
    }
  };
  await Promise.all([...Array.from({ length: clients }, attacker), prober()]);
  clearInterval(sampler);
  attackAgent.destroy();
  probeAgent.destroy();
  probe.sort((a, b) => a - b);
  const requests = [...statuses.values()].reduce((sum, count) => sum + count, 0);
  return {
    attack: attack.name,
    requests,
    statuses: Object.fromEntries(statuses),
    mbSent: Math.round(bytes / 1e5) / 10,
    probeRequests: probe.length,
    probeFailures,
    probeP50ms: Math.round(percentile(probe, 50) * 10) / 10,
    probeP99ms: Math.round(percentile(probe, 99) * 10) / 10,
    peakRssMb: Math.round(peak),
  };
}

for (const attack of attacks.filter((candidate) => !options.only || candidate.name.includes(options.only))) {
  const result = await run(attack);
  console.log(JSON.stringify(result));
}
