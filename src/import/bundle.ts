import type { Neo4jGateway } from '../db/gateway';
import { GraphWrites } from '../write/facade';
import { validateRecord, type GraphRecord } from '../write/records';
import { ValidationError } from '../write/validate';
import type { Author } from '../write/writer';

/** The first line of every bundle (docs/bundle-format.md). */
export const bundleFormat = 'conflict-graph/bundle';
export const bundleVersion = 1;

export interface Rejection {
  line: number;
  field: string | null;
  reason: string;
}

export interface ImportReport {
  /** Records read (lines other than the header and blank lines). */
  records: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** The first rejections, with their line numbers (at most `maxRejectionsListed`). */
  rejections: Rejection[];
  transactions: number;
}

export interface ImportProgress {
  line: number;
  report: ImportReport;
}

export interface ImportOptions {
  author: Author;
  /** Records per transaction. */
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
}

// A 10,000-record batch of the General Staff series ran past the 15 s transaction timeout on a
// busy 2-core machine; 2,000 keep each transaction a few seconds with room to spare.
export const defaultBatchSize = 2_000;
export const maxRejectionsListed = 1_000;

/** The bundle as a whole is unusable (no header, or a version this service does not read). */
export class BundleError extends ValidationError {}

export const emptyReport = (): ImportReport => ({ records: 0, created: 0, updated: 0, unchanged: 0, rejected: 0, rejections: [], transactions: 0 });

/** Counts a rejected record, and lists it with its line and reason while the list has room. */
export function addRejection(report: ImportReport, line: number, error: unknown): void {
  report.rejected += 1;
  if (report.rejections.length < maxRejectionsListed) {
    const field = error instanceof ValidationError ? error.field : null;
    report.rejections.push({ line, field, reason: error instanceof Error ? error.message : String(error) });
  }
}

/** One record of a bundle with its line number: validated, or with the error that rejects it. */
export type BundleLine = { line: number; record: GraphRecord } | { line: number; error: unknown };

/**
 * The records of an NDJSON bundle, each validated (bad JSON included as a ValidationError);
 * blank lines are skipped. Throws BundleError when the header is missing or of another version.
 */
export async function* readBundle(lines: AsyncIterable<string> | Iterable<string>): AsyncGenerator<BundleLine> {
  let lineNumber = 0;
  let headerSeen = false;
  for await (const text of lines) {
    lineNumber += 1;
    if (text.trim() === '') continue;
    if (!headerSeen) {
      checkHeader(text, lineNumber);
      headerSeen = true;
      continue;
    }
    let item: BundleLine;
    try {
      item = { line: lineNumber, record: validateRecord(JSON.parse(text), `line ${lineNumber}`) };
    } catch (error) {
      item = { line: lineNumber, error: error instanceof SyntaxError ? new ValidationError(`line ${lineNumber}`, `not valid JSON (${error.message}).`) : error };
    }
    yield item;
  }
  if (!headerSeen) throw new BundleError('line 1', `a bundle starts with the header {"format": "${bundleFormat}", "version": ${bundleVersion}}; this one is empty.`);
}

/**
 * Imports an NDJSON bundle: validates each line, writes the good records in transactions of
 * `batchSize`, and reports what was created, updated, unchanged or rejected (with the line and
 * the reason). A bad record never stops the good ones; importing the same bundle again changes
 * nothing.
 */
export async function importBundle(gateway: Neo4jGateway, lines: AsyncIterable<string> | Iterable<string>, options: ImportOptions): Promise<ImportReport> {
  const batchSize = options.batchSize ?? defaultBatchSize;
  const writes = new GraphWrites(gateway, options.author);
  const report = emptyReport();
  let batch: { record: GraphRecord; line: number }[] = [];
  // One batch is written while the next is read and checked: Node.js would otherwise idle while Neo4j works.
  let writing: Promise<void> = Promise.resolve();
  const flush = async (line: number) => {
    const records = batch;
    batch = [];
    await writing;
    writing = (async () => {
      if (records.length > 0) {
        const outcomes = await writes.records(
          'import.batch',
          records.map((item) => item.record),
          { relationshipRevisions: false },
        );
        report.transactions += 1;
        outcomes.forEach((outcome, index) => {
          if (outcome.status === 'rejected') addRejection(report, records[index]!.line, outcome.error);
          else report[outcome.status] += 1;
        });
      }
      options.onProgress?.({ line, report });
    })();
    // Awaited at the next flush; marked handled now so a failure is not reported twice.
    writing.catch(() => undefined);
  };

  let lastLine = 0;
  for await (const item of readBundle(lines)) {
    lastLine = item.line;
    report.records += 1;
    if ('error' in item) addRejection(report, item.line, item.error);
    else batch.push(item);
    if (batch.length >= batchSize) await flush(item.line);
  }
  await flush(lastLine);
  await writing;
  report.rejections.sort((a, b) => a.line - b.line);
  return report;
}

function checkHeader(text: string, line: number) {
  let header: { format?: unknown; version?: unknown };
  try {
    header = JSON.parse(text) as typeof header;
  } catch {
    header = {};
  }
  if (header?.format !== bundleFormat) {
    throw new BundleError(`line ${line}`, `a bundle starts with the header {"format": "${bundleFormat}", "version": ${bundleVersion}}.`);
  }
  if (header.version !== bundleVersion) {
    throw new BundleError(`line ${line}`, `this service reads bundle version ${bundleVersion}, not ${JSON.stringify(header.version)}.`);
  }
}
