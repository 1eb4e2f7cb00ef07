// Imports the General Staff's daily loss figures (docs/general-staff.md):
//   npm run import:general-staff [-- --data DIR] [--principal NAME] [--batch-size N] [--report FILE]
// DIR defaults to ../shared/data/general-staff-losses beside the repository.
// Uses NEO4J_URI when set; otherwise the local Neo4j (reused if `npm start` is running).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildGeneralStaffBundle, readGeneralStaffData } from '../src/import/general-staff';
import { projectRoot } from '../src/project-root';
import { runImport } from './support/run-import';

const defaultDataDir = path.resolve(projectRoot, '../shared/data/general-staff-losses');
const usage = 'usage: npm run import:general-staff [-- --data DIR] [--principal NAME] [--batch-size N] [--report FILE]';

let values: { data?: string; principal?: string; 'batch-size'?: string; report?: string };
try {
  ({ values } = parseArgs({
    options: { data: { type: 'string' }, principal: { type: 'string' }, 'batch-size': { type: 'string' }, report: { type: 'string' } },
  }));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\n${usage}`);
  process.exit(64);
}

const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);
if (batchSize !== undefined && (!Number.isSafeInteger(batchSize) || batchSize < 1 || batchSize > 50_000)) {
  console.error(`--batch-size must be a whole number from 1 to 50000 (got ${values['batch-size']})`);
  process.exit(64);
}

const dataDir = values.data === undefined ? defaultDataDir : path.resolve(values.data);
if (!existsSync(dataDir)) {
  console.error(`${dataDir}: no such folder\n${usage}`);
  process.exit(66);
}

let bundle: ReturnType<typeof buildGeneralStaffBundle>;
try {
  bundle = buildGeneralStaffBundle(readGeneralStaffData(dataDir));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(65);
}
const { lines, summary } = bundle;
console.log(
  `${dataDir}: ${summary.days} days, ${summary.figureClaims} figures, ${summary.directionClaims} greatest-losses directions, ` +
    `${summary.correctionClaims} corrections (${summary.skippedCorrections.length} skipped, ${summary.zeroDeltas} zero deltas ignored): ${summary.records} records`,
);
for (const skipped of summary.skippedCorrections) console.log(`  skipped correction ${skipped.date} ${skipped.category} ${skipped.delta}: ${skipped.reason}`);

await runImport(
  { name: 'general-staff-losses', total: lines.length, unit: 'lines', lines: lines.map((text) => ({ text, size: 1 })) },
  { principal: values.principal, batchSize, reportFile: values.report },
);
