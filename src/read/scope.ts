import { revisionBeforePrefix } from '../model';

/** A condition that always holds: what a record-time condition is in a read without one. */
export const always = 'true';

/**
 * The `$perspective` of a read without one (every claim is seen): the gateway of the service and
 * of each request give it to every statement, so a statement never lacks it.
 */
export const noPerspective = { perspective: null };

/**
 * Condition: the claim is stated in at least one source that the request's perspective admits
 * (`$perspective`, one map for the whole request: every depth reads the same; null admits all).
 * A request-wide parameter, not a scope's own: the gateway view of the request gives it to every
 * statement (`src/graphql/perspective.ts`).
 */
function inPerspective(claim: string): string {
  return `($perspective IS NULL OR EXISTS { MATCH (${claim})-[:STATED_IN]->(perspectiveSource:Source)
    WHERE ($perspective.reliabilities IS NULL OR perspectiveSource.reliability IN $perspective.reliabilities)
      AND ($perspective.kinds IS NULL OR perspectiveSource.kind IN $perspective.kinds)
      AND NOT perspectiveSource.key IN $perspective.excluded
      AND ($perspective.only IS NULL OR perspectiveSource.key IN $perspective.only) })`;
}

/**
 * The names one read uses in Cypher. A relation read inside another query gets a prefix of its
 * own, and every parameter it refers to goes through `param`, so nested levels never share a
 * parameter: by construction, not by rewriting the text afterwards.
 */
export class CypherScope {
  /**
   * `readsAsOf`: the read has a record time, so entities' values are read as of it (`values`).
   * `recordTimeKnown`: `readsAsOf` says whether `$asOf` is set, as it does when the Cypher is
   * composed for one request's record time; a read without one then carries no record-time
   * condition at all, rather than `$asOf IS NULL OR …` on every row.
   */
  constructor(
    readonly prefix = '',
    readonly readsAsOf = false,
    readonly recordTimeKnown = false,
  ) {}

  private get withoutRecordTime(): boolean {
    return this.recordTimeKnown && !this.readsAsOf;
  }

  /** The parameter `name` of this read: `$<prefix>name`. */
  param(name: string): string {
    return `$${this.prefix}${name}`;
  }

  /** The parameters of this read, under the names `param` gives them. */
  parameters(values: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(values).map(([name, value]) => [`${this.prefix}${name}`, value]));
  }

  /**
   * Condition: the nodes and relationships bound to these variables were recorded by `asOf`
   * (always true when `asOf` is null).
   */
  knownAsOf(...variables: string[]): string {
    if (this.withoutRecordTime) return always;
    const asOf = this.param('asOf');
    return `(${asOf} IS NULL OR (${variables.map((variable) => `${variable}.recordedAt <= datetime(${asOf})`).join(' AND ')}))`;
  }

  /**
   * Condition: the claim is not deprecated, unless `includeDeprecated`, or it was deprecated after
   * `asOf`.
   */
  visibleRank(claim: string): string {
    const perspective = inPerspective(claim);
    if (this.withoutRecordTime) return `(${this.param('includeDeprecated')} OR coalesce(${claim}.rank, 'NORMAL') <> 'DEPRECATED') AND ${perspective}`;
    const asOf = this.param('asOf');
    return `(${this.param('includeDeprecated')} OR coalesce(${claim}.rank, 'NORMAL') <> 'DEPRECATED' OR (${asOf} IS NOT NULL AND ${claim}.rankedAt > datetime(${asOf}))) AND ${perspective}`;
  }

  /**
   * The node with only the properties named in `properties` (the query's selection): decoding and
   * sending every property of every node of a list, dates above all, was most of the time a list
   * took. Lists, not maps: the driver decodes a map's keys on every row.
   */
  entity(node: string): string {
    return `[labels(${node}), ${this.values(node)}]`;
  }

  /**
   * The values of the properties named by the parameter `properties` (the selected ones unless
   * told otherwise); in a read with a record time, as of `asOf`: a property an
   * update changed later reads the value that update's revision kept from before it (the earliest
   * such update decides; `[value]` wrapped, as the value before may have been none). Only reads
   * with a record time carry the subquery: it would weigh on the planning of every other read.
   */
  values(node: string, properties = 'properties'): string {
    if (!this.readsAsOf) return `[name IN ${this.param(properties)} | ${node}[name]]`;
    const later = `COLLECT { MATCH (${node})<-[:REVISES]-(laterRevision:Revision)
        WHERE laterRevision.keepsBefore AND laterRevision.at > datetime(${this.param('asOf')}) AND name IN laterRevision.changed
        RETURN [laterRevision['${revisionBeforePrefix}' + name]] AS before ORDER BY laterRevision.at LIMIT 1 }`;
    return `[name IN ${this.param(properties)} | head(${later} + [[${node}[name]]])[0]]`;
  }

  /** The selected properties of a relationship (`relationProperties`). */
  relationship(relationship: string): string {
    return `[name IN ${this.param('relationProperties')} | ${relationship}[name]]`;
  }

  /** A node and the relationship that leads to it, with their selected properties. */
  related(node: string, relationship: string): string {
    return `[labels(${node}), ${this.values(node)}, ${this.relationship(relationship)}]`;
  }
}

/** The scope of a top-level read: parameters under their own names, `$asOf` set or not. */
export const topLevel = new CypherScope();

const topLevelNow = new CypherScope('', false, true);
const topLevelThen = new CypherScope('', true, true);

/** The scope of a top-level read whose record time is `asOf` (none: now, with no record-time conditions). */
export const topLevelAsOf = (asOf: string | null | undefined) => (asOf ? topLevelThen : topLevelNow);
