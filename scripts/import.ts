// Imports an NDJSON bundle (docs/bundle-format.md): npm run import -- <file> [--principal NAME] [--batch-size N | --offline] [--report FILE]
// Uses NEO4J_URI when set; otherwise the local Neo4j (reused if `npm start` is running).
// --offline: the first load of the local Neo4j's empty data dir, with neo4j-admin (docs/bundle-format.md, "Offline import").
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runOfflineImport } from './support/run-offline-import';
import { runImport } from './support/run-import';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { principal: { type: 'string' }, 'batch-size': { type: 'string' }, report: { type: 'string' }, offline: { type: 'boolean' } },
});
const file = positionals[0];
if (!file || positionals.length > 1 || (values.offline && values['batch-size'] !== undefined)) {
  console.error('usage: npm run import -- <bundle.ndjson> [--principal NAME] [--batch-size N | --offline] [--report FILE]');
  process.exit(64);
}

/** The file's lines with their size in bytes (newline included), read as a stream. */
async function* linesOf(filePath: string) {
  let rest = '';
  for await (const chunk of createReadStream(filePath, { encoding: 'utf8' })) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const text of lines) yield { text, size: Buffer.byteLength(text) + 1 };
  }
  if (rest) yield { text: rest, size: Buffer.byteLength(rest) };
}

const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);
if (batchSize !== undefined && (!Number.isSafeInteger(batchSize) || batchSize < 1 || batchSize > 50_000)) {
  console.error(`--batch-size must be a whole number from 1 to 50000 (got ${values['batch-size']})`);
  process.exit(64);
}

let total: number;
try {
  total = statSync(file).size;
} catch {
  console.error(`${file}: no such file`);
  process.exit(66);
}
const name = path.basename(file);
if (values.offline) {
  await runOfflineImport({ name, total, unit: 'bytes', open: () => linesOf(file) }, { principal: values.principal, reportFile: values.report }, `npm run import -- ${file}`);
} else {
  await runImport({ name, total, unit: 'bytes', lines: linesOf(file) }, { principal: values.principal, batchSize, reportFile: values.report });
}
