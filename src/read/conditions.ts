/**
 * How deep a walk up or down `LOCATED_IN` goes: far beyond any real hierarchy (village, district,
 * region, country is 3 steps), and a bound on the work should bad data ever nest deeper. Writes
 * refuse self-loops and cycles, so walks end with the data.
 */
export const maxHierarchyDepth = 16;

/** How a time filter compares a stored interval with the asked one: may it touch it, or is it certainly inside? */
export type TimeMode = 'OVERLAPS' | 'WITHIN';

/**
 * A stored interval, as Cypher expressions over a node's dates' first and last days (`<date>Earliest`,
 * `<date>Latest`): a week-precise date overlaps each of its seven days, and lies within none.
 */
export interface StoredInterval {
  start: string;
  end: string;
  /** A null end is open (an event still going on, or whose end is not known): it may reach any later day, and is certainly within no period. */
  openEnd?: boolean;
}

/**
 * The WHERE clause of a list query, assembled from the code's own Cypher fragments; the user's
 * values only ever travel as parameters.
 */
export class Conditions {
  readonly parameters: Record<string, unknown> = {};
  private readonly clauses: string[] = [];

  /** Adds a condition and the parameters it uses. */
  add(clause: string, parameters: Record<string, unknown> = {}): this {
    this.clauses.push(clause);
    Object.assign(this.parameters, parameters);
    return this;
  }

  /** Adds `clause`, which reads `$name`, only when the value is given (a list: when not empty). */
  when(name: string, value: unknown, clause: string): this {
    const given = Array.isArray(value) ? value.length > 0 : value !== null && value !== undefined && value !== '';
    return given ? this.add(clause, { [name]: value }) : this;
  }

  /**
   * Time filters `from`/`to` (either may be absent) on a stored interval: OVERLAPS keeps what may
   * fall in [from, to], WITHIN only what certainly does. Values go as parameters under `names`.
   */
  period(interval: StoredInterval, names: { from: string; to: string }, values: { from?: string | null; to?: string | null }, mode: TimeMode = 'OVERLAPS'): this {
    const [fromSide, toSide] = mode === 'WITHIN' ? [interval.start, interval.end] : [interval.end, interval.start];
    const fromClause = `${fromSide} >= date($${names.from})`;
    const fromKeepsOpenEnd = interval.openEnd === true && fromSide === interval.end;
    return this.when(names.from, values.from, fromKeepsOpenEnd ? `(${fromSide} IS NULL OR ${fromClause})` : fromClause).when(names.to, values.to, `${toSide} <= date($${names.to})`);
  }

  get where(): string {
    return this.clauses.length > 0 ? ` WHERE ${this.clauses.join(' AND ')}` : '';
  }
}
