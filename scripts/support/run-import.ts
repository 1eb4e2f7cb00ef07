import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import cliProgress from 'cli-progress';
import { loadConfig } from '../../src/server/config';
import { ClientError, ErrorCode } from '../../src/server/errors';
import { applyScripts, cypherDir, loadScripts } from '../../src/cypher/runner';
import { openDatabaseForTool, type Database } from '../../src/db/connect';
import { transactionMemoryLimit } from '../../src/db/gateway';
import { ImportFailure, importBundle, repeatedClaims, type ImportOptions, type ImportReport, type RepeatedClaims } from '../../src/import/bundle';
import type { BundleLineText } from '../../src/import/lines';
import path from 'node:path';

export interface ImportSource {
  /** What is imported, for messages and the default principal. */
  name: string;
  /** Size of the whole input in `unit`s, for the progress bar. */
  total: number;
  unit: string;
  /** The bundle's lines (or why one cannot be read); each adds `size` units of progress. */
  lines: AsyncIterable<BundleLineText> | Iterable<BundleLineText>;
  /**
   * The same lines from the start, for a first pass that finds the claims given more than once
   * (repeatedClaims); a source that cannot be read twice goes without it.
   */
  again?: () => AsyncIterable<BundleLineText> | Iterable<BundleLineText>;
}

export interface ImportCliOptions {
  principal?: string;
  batchSize?: number;
  /** Where the report goes; it is always written, after a failure too (by default to `defaultReportFile`). */
  reportFile?: string;
  resumeFrom?: number;
  /** Passed to importBundle: tests make a batch fail through it. */
  commit?: ImportOptions['commit'];
}

/** Where an online import writes its report when not told. */
export const defaultReportFile = (name: string) => path.join(tmpdir(), `${name}.import-report.json`);

/**
 * What `npm run import` and the dataset importers share: open the database, make sure the schema
 * is there, import with a progress bar, print the report and write it to a file. Exit status: 0
 * when every record landed, 3 when some were rejected, 1 on failure; after a failure the message
 * and the report say which lines were committed and how to resume.
 */
export async function runImport(source: ImportSource, options: ImportCliOptions): Promise<void> {
  let database: Database | undefined;
  let bar: cliProgress.SingleBar | undefined;
  const started = performance.now();
  const reportFile = options.reportFile ?? defaultReportFile(source.name);
  try {
    const config = loadConfig(process.env);
    database = await openDatabaseForTool(config, (line) => console.log(line));
    await applyScripts(database.gateway, loadScripts([path.join(cypherDir, 'schema')]), { log: (line) => console.log(line) });
    console.log(`importing ${source.name} into ${database.uri} (database "${config.NEO4J_DATABASE}")${options.resumeFrom ? `, from line ${options.resumeFrom}` : ''}`);

    let repeated: RepeatedClaims | undefined;
    if (source.again) {
      let scanned = 0;
      bar = startProgressBar(source, 'claims given twice ', '{records} lines read');
      let lines = 0;
      repeated = await repeatedClaims(textOf(source.again(), (size) => bar?.update((scanned += size), { records: ++lines })));
      bar.update(source.total);
      bar.stop();
    }
    bar = startProgressBar(source, '', '{read} read, {records} written ({rate} records/s)');
    let done = 0;
    const importStarted = performance.now();
    const report = await importBundle(database.gateway.withTimeout(config.IMPORT_TIMEOUT_MS), textOf(source.lines, (size) => (done += size)), {
      author: { principal: options.principal ?? `import:${source.name}`, now: new Date().toISOString() },
      batchSize: options.batchSize,
      timeoutMs: config.IMPORT_TIMEOUT_MS,
      resumeFrom: options.resumeFrom,
      commit: options.commit,
      repeatedClaims: repeated,
      reportFailures: true,
      onProgress: ({ read, report: soFar }) => {
        const seconds = (performance.now() - importStarted) / 1_000;
        bar?.update(done, { read, records: soFar.records, rate: Math.round(soFar.records / Math.max(seconds, 0.001)), rejected: soFar.rejected });
      },
    });
    bar.update(source.total);
    bar.stop();
    printReport(report, (performance.now() - importStarted) / 1_000, (performance.now() - started) / 1_000);
    settle(report, reportFile);
    console.log(`report: ${reportFile}`);
  } catch (error) {
    bar?.stop();
    if (error instanceof ImportFailure) {
      writeReport(error.report, reportFile);
      console.error(failureMessage(error, reportFile));
    } else console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await database?.close();
  }
}

/** What an import that stopped committed, what it did not, and how to go on. */
export function failureMessage({ report, cause }: ImportFailure, reportFile: string): string {
  const through = report.committedThrough ?? 0;
  const from = report.failure?.fromLine ?? through + 1;
  const timedOut = cause instanceof ClientError && cause.extensions.code === ErrorCode.TIMEOUT;
  const refusedForMemory = cause instanceof ClientError && cause.extensions.limit === transactionMemoryLimit;
  return [
    `import failed at the batch from line ${from}: ${report.failure?.reason}`,
    through > (report.resumedFrom ?? 1) - 1
      ? `committed: ${report.transactions} batches, every line up to line ${through} (created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected})`
      : `committed: nothing${report.resumedFrom ? ` from line ${report.resumedFrom}` : ''}`,
    `not written: line ${from} to the end`,
    `to go on: the same command with --resume-from ${from} (running it again from the start is also safe: what is written stays unchanged)`,
    ...(timedOut ? ['a batch ran out of time even at a smaller size: raise IMPORT_TIMEOUT_MS, or check the database (docs/bundle-format.md, "Batches")'] : []),
    ...(refusedForMemory ? ["a batch was refused for its memory even at a smaller size: give the database more (the local Neo4j's NEO4J_LOCAL_HEAP_MB), or pass a smaller --batch-size"] : []),
    `report: ${reportFile}`,
  ].join('\n');
}

/** Writes the report to `reportFile` when one is asked for, and sets the exit status: 3 when records were rejected. */
export function settle(report: ImportReport, reportFile: string | undefined) {
  if (reportFile) writeReport(report, reportFile);
  process.exitCode = report.rejected > 0 ? 3 : 0;
}

export const writeReport = (report: ImportReport, reportFile: string) => writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);

/** A bar for reading a bundle: how much is read, records (as `counts` shows them) and their rate, rejections so far. */
export function startProgressBar(source: Pick<ImportSource, 'total' | 'unit'>, label = '', counts = '{records} records, {rate} records/s'): cliProgress.SingleBar {
  const bar = new cliProgress.SingleBar(
    {
      format: `${label}{bar} {percentage}% | {value}/{total} ${source.unit} | ${counts} | {rejected} rejected`,
      noTTYOutput: true,
      notTTYSchedule: 2_000,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(source.total, 0, { read: 0, records: 0, rate: 0, rejected: 0 });
  return bar;
}

/** The text of each line (or why it cannot be read), telling `onSize` how much of the input it was. */
export async function* textOf(lines: ImportSource['lines'], onSize: (size: number) => void): AsyncGenerator<BundleLineText['text']> {
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
