import neo4j, { Neo4jError, type Driver, type ManagedTransaction, type RecordShape } from 'neo4j-driver';
import { ClientError, ErrorCode } from '../errors';

/** Told of every Cypher round trip; per-request observers count them. */
export type QueryObserver = (tag: string) => void;

export type Row = RecordShape;

/**
 * The one way to the database: managed read and write transactions (so a cluster routes them and
 * transient failures are retried), always on the configured database, tagged for Neo4j's query
 * log and `SHOW TRANSACTIONS`, with Neo4j's failures turned into typed GraphQL errors.
 */
export class Neo4jGateway {
  constructor(
    readonly driver: Driver,
    readonly database: string,
    private readonly timeoutMs: number,
    private readonly observer?: QueryObserver,
    /** Queries and transactions running now, shared by every view of this gateway (for metrics). */
    readonly activity: { inFlight: number } = { inFlight: 0 },
  ) {}

  /** The same gateway, with one more observer of its round trips (one per request). */
  observed(observer: QueryObserver): Neo4jGateway {
    const outer = this.observer;
    const both: QueryObserver = outer
      ? (tag) => {
          outer(tag);
          observer(tag);
        }
      : observer;
    return new Neo4jGateway(this.driver, this.database, this.timeoutMs, both, this.activity);
  }

  /** Checks that the database answers (for readiness); not a query, so not counted. */
  async ping(): Promise<void> {
    await this.driver.verifyConnectivity({ database: this.database });
  }

  read<T extends Row = Row>(tag: string, cypher: string, parameters: Record<string, unknown> = {}): Promise<T[]> {
    return this.query<T>('READ', tag, cypher, parameters);
  }

  write<T extends Row = Row>(tag: string, cypher: string, parameters: Record<string, unknown> = {}): Promise<T[]> {
    return this.query<T>('WRITE', tag, cypher, parameters);
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
    this.observer?.(tag);
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    this.activity.inFlight += 1;
    try {
      const result = await session.run(cypher, parameters, this.transactionConfig(tag));
      return { rows: result.records.map((record) => record.toObject() as T), counters: result.summary.counters.updates() };
    } catch (error) {
      throw translateNeo4jError(error, tag);
    } finally {
      this.activity.inFlight -= 1;
      await session.close();
    }
  }

  private async query<T extends Row>(
    mode: 'READ' | 'WRITE',
    tag: string,
    cypher: string,
    parameters: Record<string, unknown>,
  ): Promise<T[]> {
    this.observer?.(tag);
    this.activity.inFlight += 1;
    try {
      const result = await this.driver.executeQuery<{ records: { toObject(): T }[] }>(cypher, parameters, {
        database: this.database,
        routing: mode === 'READ' ? neo4j.routing.READ : neo4j.routing.WRITE,
        transactionConfig: this.transactionConfig(tag),
      });
      return result.records.map((record) => record.toObject());
    } catch (error) {
      throw translateNeo4jError(error, tag);
    } finally {
      this.activity.inFlight -= 1;
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
    });
    this.activity.inFlight += 1;
    try {
      const run = (tx: ManagedTransaction) => work(new ObservedTransaction(tx, tag, this.observer));
      const config = this.transactionConfig(tag);
      return await (mode === 'READ' ? session.executeRead(run, config) : session.executeWrite(run, config));
    } catch (error) {
      throw translateNeo4jError(error, tag);
    } finally {
      this.activity.inFlight -= 1;
      await session.close();
    }
  }

  private transactionConfig(tag: string) {
    return { timeout: this.timeoutMs, metadata: { app: 'conflict-graph', tag } };
  }
}

/** A managed transaction whose statements are counted as round trips. */
export class ObservedTransaction {
  constructor(
    private readonly tx: ManagedTransaction,
    private readonly tag: string,
    private readonly observer?: QueryObserver,
  ) {}

  async run<T extends Row = Row>(cypher: string, parameters: Record<string, unknown> = {}) {
    this.observer?.(this.tag);
    const result = await this.tx.run(cypher, parameters);
    return {
      rows: result.records.map((record) => record.toObject() as T),
      counters: result.summary.counters.updates(),
    };
  }
}

const unavailableCodes = new Set(['ServiceUnavailable', 'SessionExpired']);

/** Maps Neo4j failures that a client can act on to typed errors; anything else stays internal (masked). */
export function translateNeo4jError(error: unknown, tag: string): unknown {
  if (!(error instanceof Neo4jError)) return error;
  const code = error.code;
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ClientError(ErrorCode.CONFLICT, 'The change conflicts with an existing record (a key is already taken).', {
      extensions: { operation: tag },
      cause: error,
    });
  }
  // A transaction stopped by its timeout fails with one of these, depending on what it was doing.
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code === 'Neo.ClientError.Transaction.LockClientStopped' || code.endsWith('Transaction.Terminated')) {
    return new ClientError(ErrorCode.TIMEOUT, 'The database did not answer within the time limit; nothing was changed.', {
      extensions: { operation: tag },
      cause: error,
    });
  }
  if (unavailableCodes.has(code) || code.startsWith('Neo.TransientError.')) {
    return new ClientError(ErrorCode.UNAVAILABLE, 'The database is unavailable right now; retry shortly.', {
      extensions: { operation: tag },
      cause: error,
    });
  }
  return error;
}
