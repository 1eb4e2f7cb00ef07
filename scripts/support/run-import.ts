import { writeFileSync } from 'node:fs';
import cliProgress from 'cli-progress';
import { loadConfig } from '../../src/server/config';
import { applyScripts, cypherDir, loadScripts } from '../../src/cypher/runner';
import { openDatabaseForTool, type Database } from '../../src/db/connect';
import { importBundle, type ImportReport } from '../../src/import/bundle';
import path from 'node:path';

export interface ImportSource {
  /** What is imported, for messages and the default principal. */
  name: string;
  /** Size of the whole input in `unit`s, for the progress bar. */
  total: number;
  unit: string;
  /** The bundle's lines; each adds `size` units of progress. */
  lines: AsyncIterable<{ text: string; size: number }> | Iterable<{ text: string; size: number }>;
}

export interface ImportCliOptions {
  principal?: string;
  batchSize?: number;
  reportFile?: string;
}

/**
 * What `npm run import` and the dataset importers share: open the database, make sure the schema
 * is there, import with a progress bar, print the report. Exit status: 0 when every record
 * landed, 3 when some were rejected, 1 on failure.
 */
export async function runImport(source: ImportSource, options: ImportCliOptions): Promise<void> {
  let database: Database | undefined;
  let bar: cliProgress.SingleBar | undefined;
  const started = performance.now();
  try {
    const config = loadConfig(process.env);
    database = await openDatabaseForTool(config, (line) => console.log(line));
    await applyScripts(database.gateway, loadScripts([path.join(cypherDir, 'schema')]), { log: (line) => console.log(line) });
    console.log(`importing ${source.name} into ${database.uri} (database "${config.NEO4J_DATABASE}")`);

    bar = startProgressBar(source);
    let done = 0;
    const importStarted = performance.now();
    const report = await importBundle(database.gateway, textOf(source.lines, (size) => (done += size)), {
      author: { principal: options.principal ?? `import:${source.name}`, now: new Date().toISOString() },
      batchSize: options.batchSize,
      onProgress: ({ report: soFar }) => {
        const seconds = (performance.now() - importStarted) / 1_000;
        bar?.update(done, { records: soFar.records, rate: Math.round(soFar.records / Math.max(seconds, 0.001)), rejected: soFar.rejected });
      },
    });
    bar.update(source.total);
    bar.stop();
    printReport(report, (performance.now() - importStarted) / 1_000, (performance.now() - started) / 1_000);
    settle(report, options.reportFile);
  } catch (error) {
    bar?.stop();
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await database?.close();
  }
}

/** Writes the report to `reportFile` when one is asked for, and sets the exit status: 3 when records were rejected. */
export function settle(report: ImportReport, reportFile: string | undefined) {
  if (reportFile) writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  process.exitCode = report.rejected > 0 ? 3 : 0;
}

/** A bar for reading a bundle: how much is read, records and their rate, rejections so far. */
export function startProgressBar(source: Pick<ImportSource, 'total' | 'unit'>, label = ''): cliProgress.SingleBar {
  const bar = new cliProgress.SingleBar(
    {
      format: `${label}{bar} {percentage}% | {value}/{total} ${source.unit} | {records} records, {rate} records/s | {rejected} rejected`,
      noTTYOutput: true,
      notTTYSchedule: 2_000,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(source.total, 0, { records: 0, rate: 0, rejected: 0 });
  return bar;
}

/** The text of each line, telling `onSize` how much of the input it was. */
export async function* textOf(lines: ImportSource['lines'], onSize: (size: number) => void): AsyncGenerator<string> {
  for await (const line of lines) {
    onSize(line.size);
    yield line.text;
  }
}

/** The report's line, then its first rejections; `writes` says how the records were written. */
export function printReport(report: ImportReport, importSeconds: number, totalSeconds: number, writes = `${report.transactions} transactions`) {
  console.log(
    `records: ${report.records} | created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected} | ` +
      `${writes} in ${importSeconds.toFixed(1)} s (${Math.round(report.records / Math.max(importSeconds, 0.001))} records/s; ${totalSeconds.toFixed(1)} s in all)`,
  );
  for (const rejection of report.rejections.slice(0, 20)) console.log(`  ${rejection.reason}`);
  if (report.rejected > 20) console.log(`  ... and ${report.rejected - 20} more (--report FILE lists up to 1000)`);
}
