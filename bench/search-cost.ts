// What one search costs Neo4j: each text below is searched through the service in-process
// (GraphQL in, the same Cypher and Lucene query as production), one at a time, and timed.
// NEO4J_URI=bolt://... npx tsx bench/search-cost.ts [--runs 5]
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { loadConfig } from '../src/server/config';
import { createDriver } from '../src/db/connect';
import { Neo4jGateway } from '../src/db/gateway';
import { createYogaApp } from '../src/server/yoga';
import { seededRandom } from './generate';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0', NEO4J_QUERY_TIMEOUT_MS: '60000' });
const driver = createDriver(config.NEO4J_URI!, config);
const gateway = new Neo4jGateway(driver, config.NEO4J_DATABASE, config.NEO4J_QUERY_TIMEOUT_MS);
const yoga = createYogaApp({ gateway, logger: pino({ level: 'silent' }), config });

const random = seededRandom(15);
const word = (length: number) => Array.from({ length }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
const words = (count: number, length: number) => Array.from({ length: count }, () => word(length)).join(' ');
const texts: [string, string][] = [
  ['Losovaya Rudka', 'Losovaya Rudka'],
  ['raid into Kursk', 'raid into Kursk'],
  ['3 words of 12', words(3, 12)],
  ['8 words of 12', words(8, 12)],
  ['8 words of 20', words(8, 20)],
  ['8 words of 40', words(8, 40)],
  ['8 words of 100', words(8, 100)],
  ['12 words of 20', words(12, 20)],
  ['12 words of 100 (the attack)', words(12, 100)],
];

for (const [label, text] of texts) {
  const times: number[] = [];
  let outcome = '';
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query ($text: String!) { search(text: $text, first: 10) { score entity { key } } }', variables: { text } }),
    });
    const body = (await response.json()) as { data?: { search: unknown[] }; errors?: { extensions?: { code?: string } }[] };
    times.push(performance.now() - started);
    outcome = body.errors ? String(body.errors[0]?.extensions?.code) : `${body.data?.search.length} hits`;
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(30)} median ${times[Math.floor(times.length / 2)]!.toFixed(0).padStart(6)} ms  max ${times.at(-1)!.toFixed(0).padStart(6)} ms  ${outcome}`);
}
await driver.close();
