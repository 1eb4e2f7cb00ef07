/**
 * The one way writes reach the graph: every mutation and both importers go through it. Each call
 * is one write transaction through the gateway, checked against the model before anything runs,
 * with its author on every change and a revision for each. `records.ts`, `writer.ts` and
 * `merge.ts` are its parts; nothing else calls them to write.
 */
import neo4j from 'neo4j-driver';
import type { Neo4jGateway } from '../db/gateway';
import { ClientError, ErrorCode } from '../server/errors';
import { longText, type rankReasons } from '../model';
import { mergeEntities, type MergeResult } from './merge';
import { writeEntity, writeRecords, type ClaimReference, type EntityWriteMode, type GraphRecord, type RecordOutcome, type RelationshipRecord } from './records';
import { validateKey, ValidationError } from './validate';
import { resolveKeys, unlinkEntities, updateEntities, type Author, type PropertyMap, type WriteStatus } from './writer';
import type { EntityType } from '../model';

export type ClaimRank = 'PREFERRED' | 'NORMAL' | 'DEPRECATED';

export class GraphWrites {
  constructor(
    private readonly gateway: Neo4jGateway,
    readonly author: Author,
    /** Told the keys each write touched, once its transaction has committed (the live feed). */
    private readonly onCommitted: (keys: string[]) => void = () => {},
  ) {}

  /** The work's result, once committed, after telling `onCommitted` of the keys it touched. */
  private async committed<T>(work: Promise<T>, keys: (result: T) => string[]): Promise<T> {
    const result = await work;
    this.onCommitted(keys(result));
    return result;
  }

  /**
   * Records (entities, relationships, claims with their sources) in one transaction. A record
   * the model or the graph refuses is rejected and nothing of it lands; the others land.
   */
  records(tag: string, records: GraphRecord[], options?: { relationshipRevisions: boolean }): Promise<RecordOutcome[]> {
    return this.committed(this.gateway.writeTransaction(tag, (tx) => writeRecords(tx, records, this.author, options)), () => records.flatMap(keysOfRecord));
  }

  /** One record that must land whole: its rejection is the caller's error, and nothing is written. */
  async record(tag: string, record: GraphRecord): Promise<WriteStatus> {
    const written = this.gateway.writeTransaction(tag, async (tx) => {
      const [outcome] = await writeRecords(tx, [record], this.author);
      if (!outcome || outcome.status === 'rejected') throw outcome?.error ?? new Error(`${tag} wrote nothing`);
      return outcome.status;
    });
    return this.committed(written, () => keysOfRecord(record));
  }

  /** One entity by key: `create` refuses a taken key, `update` an unknown one, `upsert` does either. */
  entity(type: EntityType, mode: EntityWriteMode, key: unknown, input: Record<string, unknown>) {
    return this.committed(this.gateway.writeTransaction(`${type.toLowerCase()}.${mode}`, (tx) => writeEntity(tx, this.author, type, mode, key, input)), (written) => [written.key]);
  }

  /** Removes a relationship, with a revision on the entity it starts from; false when there is none. */
  unlink(record: RelationshipRecord): Promise<boolean> {
    const removed = this.gateway.writeTransaction('unlink', async (tx) => {
      const current = await resolveKeys(tx, [record.from, record.to]);
      const [from, to] = [current.get(record.from), current.get(record.to)];
      if (!from || !to) return false;
      const [removed] = await unlinkEntities(tx, record.type, [{ from, to }], this.author);
      return removed ?? false;
    });
    return this.committed(removed, () => [record.from, record.to]);
  }

  /** Ranks a claim; a DEPRECATED one needs a reason. NOT_FOUND when no claim has the key. */
  async rankClaim(keyInput: unknown, rank: ClaimRank, reason: (typeof rankReasons)[number] | null, note: string | null): Promise<{ status: WriteStatus; key: string }> {
    const key = validateKey(keyInput, 'key', ['Claim']);
    if (rank === 'DEPRECATED' && !reason) throw new ValidationError('reason', 'a DEPRECATED claim needs a reason.');
    if (note && note.length > longText.max) throw new ValidationError('note', `at most ${longText.max} characters (got ${note.length}).`);
    const rankedAt = neo4j.types.DateTime.fromStandardDate(new Date(this.author.now));
    const ranked = this.gateway.writeTransaction('claim.rank', async (tx) => {
      const current = (await resolveKeys(tx, [key])).get(key);
      return current ? updateEntities(tx, 'Claim', [{ key: current, properties: { rank, rankReason: reason, rankNote: note, rankedAt } }], this.author) : [null];
    });
    const [status] = await this.committed(ranked, () => [key]);
    if (!status) throw new ClientError(ErrorCode.NOT_FOUND, `No claim has the key "${key}".`, { extensions: { field: 'key' } });
    return { status, key };
  }

  /**
   * Adds sources to a recorded claim, creating those whose key names nothing, in one
   * transaction; the claim keeps its other sources. NOT_FOUND when no claim has the key.
   */
  async addClaimSources(keyInput: unknown, sources: { references: ClaimReference[]; newSources: Map<string, PropertyMap> }): Promise<{ status: WriteStatus; key: string }> {
    const key = validateKey(keyInput, 'key', ['Claim']);
    const added = this.gateway.writeTransaction('claim.add-sources', async (tx) => {
      const current = await resolveKeys(tx, [key, ...sources.newSources.keys()]);
      const claim = current.get(key);
      if (!claim) throw new ClientError(ErrorCode.NOT_FOUND, `No claim has the key "${key}".`, { extensions: { field: 'key' } });
      const records: GraphRecord[] = [
        ...[...sources.newSources].filter(([source]) => !current.has(source)).map(([source, properties]): GraphRecord => ({ record: 'entity', type: 'Source', key: source, properties })),
        ...sources.references.map((reference): GraphRecord => ({ record: 'relationship', type: 'STATED_IN', from: claim, to: reference.key, properties: reference.properties, field: reference.field.replace(/\.key$/, '') })),
      ];
      const outcomes = await writeRecords(tx, records, this.author);
      const rejected = outcomes.find((outcome) => outcome.status === 'rejected');
      if (rejected?.status === 'rejected') throw rejected.error;
      return { status: outcomes.some((outcome) => outcome.status !== 'unchanged') ? ('updated' as const) : ('unchanged' as const), key: claim };
    });
    return this.committed(added, (result) => [result.key]);
  }

  /** Merges a duplicate record of an entity into the one that remains (see merge.ts). */
  merge(survivor: unknown, duplicate: unknown): Promise<MergeResult> {
    return this.committed(this.gateway.writeTransaction('entities.merge', (tx) => mergeEntities(tx, survivor, duplicate, this.author)), (merged) => [merged.survivor, merged.retired]);
  }
}

/** The keys a record may change: its own, a claim's references (a superseded claim is deprecated), a relationship's ends. */
function keysOfRecord(record: GraphRecord): string[] {
  if (record.record === 'relationship') return [record.from, record.to];
  if (record.record === 'claim') return [record.key, ...record.references.map((reference) => reference.key)];
  return [record.key];
}
