// Where an online import's time goes: imports a bundle into NEO4J_URI's database (or the local
// one) with a fixed batch size and sums the time of each kind of statement the writer runs
// (named by the statement's first clauses), the time in Node.js between statements, and the
// batches' wall time.
// npx tsx bench/profile-import.ts <bundle.ndjson> [--batch-size N]
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/config';
import { applyScripts, cypherDir, loadScripts } from '../src/cypher/runner';
import { openDatabaseForTool } from '../src/db/connect';
import { ObservedTransaction } from '../src/db/gateway';
import { importBundle } from '../src/import/bundle';
import { bundleLines, defaultMaxLineBytes } from '../src/import/lines';
import { textOf } from '../scripts/support/run-import';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'batch-size': { type: 'string' } } });
const file = positionals[0];
if (!file) throw new Error('usage: npx tsx bench/profile-import.ts <bundle.ndjson> [--batch-size N]');

const byStatement = new Map<string, { calls: number; ms: number; rows: number }>();
const original = ObservedTransaction.prototype.run;
ObservedTransaction.prototype.run = async function (this: ObservedTransaction, cypher, parameters = {}) {
  const name = cypher.replace(/\s+/g, ' ').slice(0, 90);
  const rows = Object.values(parameters).find(Array.isArray)?.length ?? 0;
  const started = performance.now();
  try {
    return await original.call(this, cypher, parameters);
  } finally {
    const entry = byStatement.get(name) ?? { calls: 0, ms: 0, rows: 0 };
    entry.calls += 1;
    entry.ms += performance.now() - started;
    entry.rows += rows;
    byStatement.set(name, entry);
  }
} as typeof original;

const config = loadConfig(process.env);
const database = await openDatabaseForTool(config, () => undefined);
await applyScripts(database.gateway, loadScripts([path.join(cypherDir, 'schema')]), { log: () => undefined });
const started = performance.now();
const report = await importBundle(database.gateway.withTimeout(config.IMPORT_TIMEOUT_MS), textOf(bundleLines(createReadStream(file), defaultMaxLineBytes), () => undefined), {
  author: { principal: 'profile', now: new Date().toISOString() },
  batchSize: values['batch-size'] ? Number(values['batch-size']) : undefined,
  timeoutMs: config.IMPORT_TIMEOUT_MS,
});
const wallMs = performance.now() - started;
const statementMs = [...byStatement.values()].reduce((sum, entry) => sum + entry.ms, 0);
console.log(JSON.stringify({ records: report.records, created: report.created, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected, transactions: report.transactions }));
console.log(`wall ${(wallMs / 1000).toFixed(1)} s, in statements ${(statementMs / 1000).toFixed(1)} s, ${Math.round(report.records / (wallMs / 1000))} records/s`);
for (const [name, entry] of [...byStatement].sort((a, b) => b[1].ms - a[1].ms)) {
  console.log(`${(entry.ms / 1000).toFixed(2).padStart(7)} s ${String(entry.calls).padStart(5)} calls ${String(entry.rows).padStart(7)} rows  ${name}`);
}
await database.close();
