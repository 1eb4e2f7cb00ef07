import { SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import neo4j, { Neo4jError, type Driver, type ManagedTransaction, type RecordShape } from 'neo4j-driver';
import { ClientError, ErrorCode } from '../server/errors';
import type { Logger } from '../server/logger';

/** Told of every Cypher round trip and its statement; per-request observers count them. */
export type QueryObserver = (tag: string, cypher: string) => void;

export type Row = RecordShape;

/**
 * How long after its transaction timeout a call is given up on by the service itself: Neo4j
 * enforces the timeout (checking every 2 s, then rolling back), but a frozen or unreachable
 * server never says so.
 */
export const deadlineMarginMs = 5_000;

export interface GatewayOptions {
  observer?: QueryObserver;
  /** Queries and transactions running now, shared by every view of this gateway (for metrics). */
  activity?: { inFlight: number };
  /** Hears of queries Neo4j refused for their memory (warn). */
  logger?: Pick<Logger, 'warn'>;
  /** How long a readiness ping waits (the driver's connection acquisition timeout). */
  pingTimeoutMs?: number;
  /** Parameters every statement of this view gets, unless it gives its own (a request's perspective). */
  parameters?: Record<string, unknown>;
  /** Bookmarks every transaction waits for: a client's earlier writes, perhaps through another instance. */
  bookmarks?: string[];
  /** Told the bookmark of each committed write transaction (returned to the client). */
  onBookmarks?: (bookmarks: string[]) => void;
  /** When tracing is on: a CLIENT span per round trip, named by its tag (never its parameters). */
  tracer?: Tracer;
}

/**
 * The one way to the database: managed read and write transactions (so a cluster routes them and
 * transient failures are retried), always on the configured database, tagged for Neo4j's query
 * log and `SHOW TRANSACTIONS`, with Neo4j's failures turned into typed GraphQL errors, and every
 * call settled within its timeout plus `deadlineMarginMs`, whether Neo4j answers or not.
 */
export class Neo4jGateway {
  readonly activity: { inFlight: number };

  constructor(
    readonly driver: Driver,
    readonly database: string,
    private readonly timeoutMs: number,
    private readonly options: GatewayOptions = {},
  ) {
    this.activity = options.activity ?? { inFlight: 0 };
  }

  /** The same gateway, with one more observer of its round trips (one per request). */
  observed(observer: QueryObserver): Neo4jGateway {
    const outer = this.options.observer;
    const both: QueryObserver = outer
      ? (tag, cypher) => {
          outer(tag, cypher);
          observer(tag, cypher);
        }
      : observer;
    return new Neo4jGateway(this.driver, this.database, this.timeoutMs, { ...this.options, observer: both, activity: this.activity });
  }

  /** The same gateway, whose every statement also gets these parameters (a request's own, such as its perspective). */
  withParameters(parameters: Record<string, unknown>): Neo4jGateway {
    return new Neo4jGateway(this.driver, this.database, this.timeoutMs, { ...this.options, parameters: { ...this.options.parameters, ...parameters }, activity: this.activity });
  }

  /** The same gateway, reading after `bookmarks` and telling `onBookmarks` of its writes' (one per request). */
  causal(bookmarks: string[], onBookmarks: (bookmarks: string[]) => void): Neo4jGateway {
    return new Neo4jGateway(this.driver, this.database, this.timeoutMs, { ...this.options, bookmarks, onBookmarks, activity: this.activity });
  }

  /** The same gateway, making a span of each round trip with this tracer. */
  traced(tracer: Tracer): Neo4jGateway {
    return new Neo4jGateway(this.driver, this.database, this.timeoutMs, { ...this.options, tracer, activity: this.activity });
  }

  /** The same gateway with another transaction timeout (the bulk import's, IMPORT_TIMEOUT_MS). */
  withTimeout(timeoutMs: number): Neo4jGateway {
    return new Neo4jGateway(this.driver, this.database, timeoutMs, { ...this.options, activity: this.activity });
  }

  /** Checks that the database answers (for readiness), within the ping timeout; not a query, so not counted. */
  async ping(): Promise<void> {
    const timeoutMs = this.options.pingTimeoutMs ?? 5_000;
    await settleWithin(this.driver.verifyConnectivity({ database: this.database }), timeoutMs, () => new Error(`Neo4j did not answer a ping within ${timeoutMs} ms`));
  }

  read<T extends Row = Row>(tag: string, cypher: string, parameters: Record<string, unknown> = {}): Promise<T[]> {
    return this.transaction('READ', tag, async (tx) => (await tx.run<T>(cypher, parameters)).rows);
  }

  write<T extends Row = Row>(tag: string, cypher: string, parameters: Record<string, unknown> = {}): Promise<T[]> {
    return this.transaction('WRITE', tag, async (tx) => (await tx.run<T>(cypher, parameters)).rows);
  }

  /** Several statements in one read transaction; each `run` counts as a round trip. */
  readTransaction<T>(tag: string, work: (tx: ObservedTransaction) => Promise<T>): Promise<T> {
    return this.transaction('READ', tag, work);
  }

  /** Several statements in one write transaction: all of them land, or none. */
  writeTransaction<T>(tag: string, work: (tx: ObservedTransaction) => Promise<T>): Promise<T> {
    return this.transaction('WRITE', tag, work);
  }

  /**
   * One statement in an implicit (auto-commit) transaction, for what Neo4j runs only there:
   * `CALL { … } IN TRANSACTIONS` in Cypher scripts. Not retried: such a statement commits as it goes.
   */
  async autoCommit<T extends Row = Row>(tag: string, cypher: string, parameters: Record<string, unknown> = {}) {
    this.options.observer?.(tag, cypher);
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    this.activity.inFlight += 1;
    try {
      const result = await roundTrip(this.options.tracer, tag, this.database, () => session.run(cypher, { ...this.options.parameters, ...parameters }, { timeout: this.timeoutMs, metadata: { app: 'conflict-graph', tag } }));
      return { rows: result.records.map((record) => record.toObject() as T), counters: result.summary.counters.updates() };
    } catch (error) {
      throw translateNeo4jError(error, tag);
    } finally {
      this.activity.inFlight -= 1;
      await session.close();
    }
  }

  private async transaction<T>(
    mode: 'READ' | 'WRITE',
    tag: string,
    work: (tx: ObservedTransaction) => Promise<T>,
  ): Promise<T> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      // What executeQuery uses: a read after a write sees it, on a cluster too.
      bookmarkManager: this.driver.executeQueryBookmarkManager,
      // And the client's own, from a write through any instance (read-your-writes on a cluster).
      ...(this.options.bookmarks?.length ? { bookmarks: this.options.bookmarks } : {}),
    });
    this.activity.inFlight += 1;
    const run = (tx: ManagedTransaction) => work(new ObservedTransaction(tx, tag, this.options.observer, this.options.parameters, this.options.tracer && { tracer: this.options.tracer, database: this.database }));
    const config = { timeout: this.timeoutMs, metadata: { app: 'conflict-graph', tag } };
    const executed = mode === 'READ' ? session.executeRead(run, config) : session.executeWrite(run, config);
    const onBookmarks = mode === 'WRITE' ? this.options.onBookmarks : undefined;
    const done = (onBookmarks ? executed.then((result) => (onBookmarks(session.lastBookmarks()), result)) : executed).finally(async () => {
      // Only once Neo4j has answered: until then the work is in flight and holds its connection.
      this.activity.inFlight -= 1;
      await session.close();
    });
    const deadlineMs = this.timeoutMs + deadlineMarginMs;
    try {
      return await settleWithin(done, deadlineMs, () => unansweredError(tag, deadlineMs, mode));
    } catch (error) {
      const translated = translateNeo4jError(error, tag);
      if (translated instanceof ClientError && translated.extensions.code === ErrorCode.QUERY_TOO_COSTLY && translated.cause instanceof Neo4jError) {
        this.options.logger?.warn({ tag, neo4jCode: translated.cause.code, reason: translated.cause.message }, 'Neo4j refused a query for its memory limit; answered QUERY_TOO_COSTLY, not retried');
      }
      throw translated;
    }
  }
}

/** A managed transaction whose statements are counted as round trips (each attempt of a retried transaction counts). */
export class ObservedTransaction {
  constructor(
    private readonly tx: ManagedTransaction,
    private readonly tag: string,
    private readonly observer?: QueryObserver,
    private readonly defaults: Record<string, unknown> = {},
    private readonly tracing?: { tracer: Tracer; database: string },
  ) {}

  async run<T extends Row = Row>(cypher: string, parameters: Record<string, unknown> = {}) {
    this.observer?.(this.tag, cypher);
    try {
      const result = await roundTrip(this.tracing?.tracer, this.tag, this.tracing?.database ?? '', () => this.tx.run(cypher, { ...this.defaults, ...parameters }));
      return {
        rows: result.records.map((record) => record.toObject() as T),
        counters: result.summary.counters.updates(),
      };
    } catch (error) {
      // Thrown from inside the work, a ClientError is not retried; the driver would retry these transient ones.
      if (error instanceof Neo4jError && memoryCodes.has(error.code)) throw memoryLimitError(this.tag, error);
      throw error;
    }
  }
}

/** `send()`, inside a span named by the tag when tracing is on; the statement and its parameters stay out of the trace. */
function roundTrip<T>(tracer: Tracer | undefined, tag: string, database: string, send: () => PromiseLike<T>): Promise<T> {
  if (!tracer) return Promise.resolve(send());
  const attributes = { 'db.system.name': 'neo4j', 'db.namespace': database, 'db.query.summary': tag };
  return tracer.startActiveSpan(tag, { kind: SpanKind.CLIENT, attributes }, async (span) => {
    try {
      return await send();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Neo4jError ? error.code : 'failed' });
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * Neo4j's refusals of a transaction for memory: its own limit (`db.memory.transaction.max`), the
 * pool of all transactions (`db.memory.transaction.total.max`, `dbms.memory.transaction.total.max`,
 * 70 % of the heap by default), off-heap transaction state, or the heap itself. The same query
 * would fail again, and retrying it keeps the memory busy for everyone else.
 */
export const memoryCodes = new Set([
  'Neo.ClientError.General.TransactionOutOfMemoryError',
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.TransientError.General.TransactionMemoryLimit',
  'Neo.TransientError.General.OutOfMemoryError',
]);

/** `extensions.limit` of a refusal for memory: a smaller transaction may pass (the importer retries at half size). */
export const transactionMemoryLimit = 'neo4j transaction memory';

function memoryLimitError(tag: string, cause: Neo4jError): ClientError {
  return new ClientError(
    ErrorCode.QUERY_TOO_COSTLY,
    'The database refused the query: it needed more memory than a query may use. Ask for less (smaller pages, fewer nested lists); retrying it unchanged will fail again.',
    { extensions: { operation: tag, limit: transactionMemoryLimit }, cause },
  );
}

function unansweredError(tag: string, deadlineMs: number, mode: 'READ' | 'WRITE'): ClientError {
  const outcome = mode === 'WRITE' ? ' A change may still be applied if the database resumes: check before retrying.' : '';
  return new ClientError(ErrorCode.TIMEOUT, `The database did not answer within ${deadlineMs} ms.${outcome}`, {
    extensions: { operation: tag },
  });
}

/** `promise`, or `late()` as its failure if it has not settled within `ms`; a failure after that is dropped. */
function settleWithin<T>(promise: Promise<T>, ms: number, late: () => Error): Promise<T> {
  promise.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(late()), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

const unavailableCodes = new Set(['ServiceUnavailable', 'SessionExpired']);

/** Maps Neo4j failures that a client can act on to typed errors; anything else stays internal (masked). */
export function translateNeo4jError(error: unknown, tag: string): unknown {
  if (!(error instanceof Neo4jError)) return error;
  const code = error.code;
  if (code.startsWith('Neo.ClientError.Transaction.InvalidBookmark')) {
    return new ClientError(ErrorCode.BAD_USER_INPUT, 'The X-Neo4j-Bookmark header names no bookmark of this database: send back the one a write returned.', {
      extensions: { header: 'x-neo4j-bookmark' },
      cause: error,
    });
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ClientError(ErrorCode.CONFLICT, 'The change conflicts with an existing record (a key is already taken).', {
      extensions: { operation: tag },
      cause: error,
    });
  }
  if (memoryCodes.has(code)) return memoryLimitError(tag, error);
  // A transaction stopped by its timeout fails with one of these, depending on what it was doing.
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code === 'Neo.ClientError.Transaction.LockClientStopped' || code.endsWith('Transaction.Terminated')) {
    return new ClientError(ErrorCode.TIMEOUT, 'The database did not answer within the time limit; nothing was changed.', {
      extensions: { operation: tag },
      cause: error,
    });
  }
  // No connection to be had within the acquisition timeout: the server does not answer, or every connection is busy.
  if (unavailableCodes.has(code) || code.startsWith('Neo.TransientError.') || error.message.startsWith('Connection acquisition timed out')) {
    return new ClientError(ErrorCode.UNAVAILABLE, 'The database is unavailable right now; retry shortly.', {
      extensions: { operation: tag },
      cause: error,
    });
  }
  return error;
}
