// Imports an NDJSON bundle (docs/bundle-format.md): npm run import -- <file> [--principal NAME] [--batch-size N] [--report FILE]
// Uses NEO4J_URI when set; otherwise the local Neo4j (reused if `npm start` is running).
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runImport } from './support/run-import';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { principal: { type: 'string' }, 'batch-size': { type: 'string' }, report: { type: 'string' } },
});
const file = positionals[0];
if (!file || positionals.length > 1) {
  console.error('usage: npm run import -- <bundle.ndjson> [--principal NAME] [--batch-size N] [--report FILE]');
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
await runImport(
  { name: path.basename(file), total, unit: 'bytes', lines: linesOf(file) },
  { principal: values.principal, batchSize, reportFile: values.report },
);
