/**
 * How deep a walk up or down `LOCATED_IN` goes: far beyond any real hierarchy (village, district,
 * region, country is 3 steps), and a bound on the work should bad data ever nest deeper. Writes
 * refuse self-loops and cycles, so walks end with the data.
 */
export const maxHierarchyDepth = 16;

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

  get where(): string {
    return this.clauses.length > 0 ? ` WHERE ${this.clauses.join(' AND ')}` : '';
  }
}
