// Imports an NDJSON bundle (docs/bundle-format.md, which lists the flags):
// npm run import -- <file> [--principal NAME] [--batch-size N | --offline] [--resume-from LINE] [--max-line-bytes N] [--report FILE]
// Uses NEO4J_URI when set; otherwise the local Neo4j (reused if `npm start` is running).
// --offline: the first load of the local Neo4j's empty data dir, with neo4j-admin (docs/bundle-format.md, "Offline import").
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bundleLines, defaultMaxLineBytes } from '../src/import/lines';
import { runOfflineImport } from './support/run-offline-import';
import { runImport } from './support/run-import';

const usage = 'usage: npm run import -- <bundle.ndjson> [--principal NAME] [--batch-size N | --offline] [--resume-from LINE] [--max-line-bytes N] [--report FILE]';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    principal: { type: 'string' },
    'batch-size': { type: 'string' },
    'resume-from': { type: 'string' },
    'max-line-bytes': { type: 'string' },
    report: { type: 'string' },
    offline: { type: 'boolean' },
  },
});
const file = positionals[0];
if (!file || positionals.length > 1 || (values.offline && (values['batch-size'] !== undefined || values['resume-from'] !== undefined))) {
  console.error(usage);
  process.exit(64);
}

/** A whole-number flag within bounds, or the usage error. */
function wholeNumber(flag: 'batch-size' | 'resume-from' | 'max-line-bytes', min: number, max: number): number | undefined {
  const text = values[flag];
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    console.error(`--${flag} must be a whole number from ${min} to ${max} (got ${text})`);
    process.exit(64);
  }
  return value;
}
const batchSize = wholeNumber('batch-size', 1, 50_000);
const resumeFrom = wholeNumber('resume-from', 2, Number.MAX_SAFE_INTEGER);
const maxLineBytes = wholeNumber('max-line-bytes', 1_024, 256 * 1_048_576) ?? defaultMaxLineBytes;

let total: number;
try {
  total = statSync(file).size;
} catch {
  console.error(`${file}: no such file`);
  process.exit(66);
}
/** The file's lines, read as bytes (bundleLines: UTF-8 checked, length bounded). */
const linesOf = () => bundleLines(createReadStream(file), maxLineBytes);
const name = path.basename(file);
if (values.offline) {
  await runOfflineImport({ name, total, unit: 'bytes', open: linesOf }, { principal: values.principal, reportFile: values.report }, `npm run import -- ${file}`);
} else {
  await runImport({ name, total, unit: 'bytes', lines: linesOf(), again: linesOf }, { principal: values.principal, batchSize, resumeFrom, reportFile: values.report });
}
