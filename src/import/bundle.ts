import { transactionMemoryLimit, type Neo4jGateway } from '../db/gateway';
import { GraphWrites } from '../write/facade';
import { statingAsLast, validateClaimRecord, validateRecord, type ClaimRecord, type GraphRecord, type RecordOutcome } from '../write/records';
import { ClientError, ErrorCode } from '../server/errors';
import { BatchSize } from './batch-size';
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
  /** Records read and written or rejected (lines other than the header and blank lines). */
  records: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** The first rejections, with their line numbers (at most `maxRejectionsListed`). */
  rejections: Rejection[];
  transactions: number;
  /** Online: every line up to this one is written or rejected (0 before the first commit). */
  committedThrough?: number;
  /** Lines before this one were left out (`resumeFrom`). */
  resumedFrom?: number;
  /** Why the import stopped: nothing from `fromLine` on was written. */
  failure?: { reason: string; fromLine: number };
}

export interface ImportProgress {
  /** Records read so far, ahead of those written (counted in `report`). */
  read: number;
  report: ImportReport;
}

export interface ImportOptions {
  author: Author;
  /** Lines per transaction, fixed; without it the size adapts to `timeoutMs` (batch-size.ts), or is `defaultBatchSize`. */
  batchSize?: number;
  /** The transaction time limit of the gateway's writes, which adaptive batches stay well within. */
  timeoutMs?: number;
  /** Throw ImportFailure, whose report says what was committed, rather than the error itself (for the CLI). */
  reportFailures?: boolean;
  /** Lines before this one are read (the header checked) but not written: resumes a failed import. */
  resumeFrom?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Claims the bundle gives more than once (repeatedClaims): their earlier records state what the last one does. */
  repeatedClaims?: RepeatedClaims;
  /** Runs each batch's write (`write`); tests pass one that fails or times out. */
  commit?: (records: GraphRecord[], write: () => Promise<RecordOutcome[]>) => Promise<RecordOutcome[]>;
  /** Told the keys each committed batch touched (the live feed, for the importBundle mutation). */
  onCommitted?: (keys: string[]) => void;
}

/** Lines per transaction with no time limit to adapt to (the importBundle mutation's bundles are one). */
export const defaultBatchSize = 2_000;
export const maxRejectionsListed = 1_000;

/** An import that stopped: its report says what was committed (`committedThrough`) and what not (`failure`). */
export class ImportFailure extends Error {
  constructor(
    readonly report: ImportReport,
    override readonly cause: unknown,
  ) {
    super(report.failure?.reason);
  }
}

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
export async function* readBundle(lines: AsyncIterable<string | ValidationError> | Iterable<string | ValidationError>): AsyncGenerator<BundleLine> {
  let lineNumber = 0;
  let headerSeen = false;
  for await (const text of lines) {
    lineNumber += 1;
    if (text instanceof ValidationError) {
      // A line that could not be read (bundleLines: invalid UTF-8, too long).
      if (!headerSeen) throw new BundleError(text.field, text.message.slice(text.field.length + 2));
      yield { line: lineNumber, error: text };
      continue;
    }
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

/** The last record of each claim a bundle gives more than once, by key, with its line. */
export type RepeatedClaims = Map<string, { line: number; record: ClaimRecord }>;

/**
 * Reads a bundle once for the claims it gives more than once, keeping only keys in memory and
 * the last record of those. Without it, a claim whose records fall in different batches took
 * each record's makers, subjects and sources in turn, and every run of the same bundle changed
 * them back and forth. Lines are only parsed here (checking them all would take six times as
 * long); the last records kept are checked, and one that fails is left to the import to reject.
 */
export async function repeatedClaims(lines: Parameters<typeof readBundle>[0]): Promise<RepeatedClaims> {
  const seen = new Set<string>();
  const lastInputs = new Map<string, { line: number; input: Record<string, unknown> }>();
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (typeof text !== 'string' || !text.includes('"claim"')) continue;
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch {
      continue;
    }
    if (typeof input !== 'object' || input === null || !('record' in input) || input.record !== 'claim' || !('key' in input) || typeof input.key !== 'string') continue;
    if (seen.has(input.key)) lastInputs.set(input.key, { line, input: input as Record<string, unknown> });
    else seen.add(input.key);
  }
  const repeated: RepeatedClaims = new Map();
  for (const [key, { line: last, input }] of lastInputs) {
    try {
      repeated.set(key, { line: last, record: validateClaimRecord(input, `line ${last}`) });
    } catch {
      // Rejected when the import reaches it; the claim's earlier records stand as given.
    }
  }
  return repeated;
}

/**
 * Imports an NDJSON bundle: validates each line, writes the good records in transactions of
 * consecutive lines (batch-size.ts), and reports what was created, updated, unchanged or rejected
 * (with the line and the reason). A bad record never stops the good ones; importing the same
 * bundle again changes nothing. With `reportFailures`, a failure throws ImportFailure, whose
 * report says which lines were committed; batches commit in order, so those are every line up to one.
 */
export async function importBundle(
  gateway: Neo4jGateway,
  lines: AsyncIterable<string | ValidationError> | Iterable<string | ValidationError>,
  options: ImportOptions,
): Promise<ImportReport> {
  const sizes = new BatchSize(options.timeoutMs ?? Infinity, { fixed: options.batchSize ?? (options.timeoutMs === undefined ? defaultBatchSize : undefined) });
  const writes = new GraphWrites(gateway, options.author, options.onCommitted);
  const commit = options.commit ?? ((_records, write) => write());
  const resumeFrom = options.resumeFrom ?? 1;
  const report: ImportReport = { ...emptyReport(), committedThrough: resumeFrom - 1, ...(resumeFrom > 1 ? { resumedFrom: resumeFrom } : {}) };
  let read = 0;
  const tell = () => options.onProgress?.({ read, report });

  const writeBatch = async (items: BundleLine[]) => {
    for (let attempts = 1; items.length > 0; ) {
      const part = items.slice(0, sizes.size);
      const records = part.flatMap((item) => ('record' in item ? [item.record] : []));
      const started = performance.now();
      let outcomes: RecordOutcome[] = [];
      try {
        if (records.length > 0) outcomes = await commit(records, () => writes.records('import.batch', records, { relationshipRevisions: false }));
      } catch (error) {
        // Only batches that adapt to a time limit are retried; the importBundle mutation answers at once.
        if (!isTooLarge(error) || options.timeoutMs === undefined || attempts >= BatchSize.maxAttempts) throw error;
        attempts += 1;
        sizes.tooLarge(part.length);
        continue;
      }
      sizes.committed(part.length, performance.now() - started);
      attempts = 1;
      if (records.length > 0) report.transactions += 1;
      let position = 0;
      for (const item of part) {
        report.records += 1;
        const outcome = 'record' in item ? outcomes[position++]! : { status: 'rejected' as const, error: item.error };
        if (outcome.status === 'rejected') addRejection(report, item.line, outcome.error);
        else report[outcome.status] += 1;
      }
      report.committedThrough = part.at(-1)!.line;
      items = items.slice(part.length);
      tell();
    }
  };

  let batch: BundleLine[] = [];
  // One batch is written while the next is read and checked: Node.js would otherwise idle while Neo4j works.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    const items = batch;
    batch = [];
    await writing;
    writing = writeBatch(items);
    // Awaited at the next flush; marked handled now so a failure is not reported twice.
    writing.catch(() => undefined);
  };
  try {
    for await (const item of readBundle(lines)) {
      if (item.line < resumeFrom) continue;
      batch.push(withLastStatements(item, options.repeatedClaims));
      if (++read % 100 === 0) tell();
      if (batch.length >= sizes.size) await flush();
    }
    await flush();
    await writing;
  } catch (error) {
    if (error instanceof BundleError || !options.reportFailures) throw error;
    // A batch may still be writing when reading fails: the report says what it committed.
    await writing.catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    report.failure = { reason, fromLine: report.committedThrough! + 1 };
    throw new ImportFailure(report, error);
  }
  return report;
}

/** A claim's earlier record, when the bundle gives the claim again, stating what the last one does. */
function withLastStatements(item: BundleLine, repeated: RepeatedClaims | undefined): BundleLine {
  if (!('record' in item) || item.record.record !== 'claim') return item;
  const last = repeated?.get(item.record.key);
  return last && last.line > item.line ? { line: item.line, record: statingAsLast(item.record, last.record) } : item;
}

/**
 * A batch too large for the database: out of time, or refused for its memory (a transaction's
 * state grows with its batch; at 100k loss records and the local Neo4j's default heap, a
 * 16,000-line batch was refused). Either way a smaller one may pass.
 */
const isTooLarge = (error: unknown) =>
  error instanceof ClientError && (error.extensions.code === ErrorCode.TIMEOUT || (error.extensions.code === ErrorCode.QUERY_TOO_COSTLY && error.extensions.limit === transactionMemoryLimit));

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
