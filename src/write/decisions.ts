import type { ClaimReference, RelationshipRecord } from './records';
import { entityTypeOfKey, relationshipSpecs, relationshipTypes, type EntityType, type RelationshipType } from '../model';
import { ValidationError } from './validate';

/**
 * The decisions of a write that need no database: where a claim's references and a
 * relationship's ends lead, which claims stand, which hierarchy links would close a cycle. The
 * online writer (`writeRecords`) and the offline import take them from here, each over what it
 * knows exists (a batch and the stored graph; the keys of a whole bundle), so that one bundle
 * makes one graph either way.
 */

/**
 * Relationships whose chains reads walk (a place's ancestors, a unit's or an event's parents, a
 * model's family, an item's later listings), as the model declares them: no cycle may form.
 */
export const hierarchyTypes: readonly RelationshipType[] = relationshipTypes.filter((type) => 'hierarchy' in relationshipSpecs[type]);

/**
 * The relationships a claim record states whole: a claim given again has the MADE_BY, ABOUT and
 * STATED_IN of its last record, those of earlier records are not written (or, stored, removed).
 */
export const statedTypes: readonly RelationshipType[] = ['MADE_BY', 'ABOUT', 'STATED_IN'];

/** No relationship of the model joins an entity to itself: a place in itself, a claim supporting itself. */
export const selfLoop = (field: string, type: RelationshipType, key: string) => new ValidationError(field, `a ${type} cannot join "${key}" to itself.`);

/** A hierarchy (a place in a place, a unit in a unit) that would lead back to where it starts. */
export const cycle = (field: string, type: RelationshipType, row: { from: string; to: string }) =>
  new ValidationError(field, `a ${type} from "${row.from}" to "${row.to}" would close a cycle: "${row.to}" is already, through ${type}, in "${row.from}".`);


export interface ResolvedReference {
  reference: ClaimReference;
  /** The key the reference leads to now. */
  key: string;
}

/**
 * A claim's references with the keys they lead to, or the error that rejects the claim: its
 * first reference that leads nowhere. `resolve` says where a key leads (undefined: nowhere).
 */
export function resolveReferences(references: readonly ClaimReference[], resolve: (key: string) => string | undefined): ResolvedReference[] | ValidationError {
  const resolved: ResolvedReference[] = [];
  for (const reference of references) {
    const key = resolve(reference.key);
    if (key === undefined) return new ValidationError(reference.field, `nothing has the key "${reference.key}".`);
    resolved.push({ reference, key });
  }
  return resolved;
}

/**
 * The claims that stand, of those whose own references resolved: a claim naming a claim of the
 * same write that was rejected (`rejected`), or that falls in turn, names nothing once the write
 * lands, so it is rejected too (`reject`), down any chain.
 */
export function standingClaims<T>(
  claims: readonly T[],
  claimOf: (item: T) => { key: string; references: readonly ClaimReference[] },
  rejected: (key: string) => boolean,
  reject: (item: T, error: ValidationError) => void,
): T[] {
  let standing = [...claims];
  const fallen = new Set<string>();
  for (;;) {
    // A key given twice falls only when no claim of that key stands.
    const standingKeys = new Set(standing.map((item) => claimOf(item).key));
    const before = standing.length;
    standing = standing.filter((item) => {
      const claim = claimOf(item);
      const resolved = resolveReferences(claim.references, (key) => (rejected(key) || (fallen.has(key) && !standingKeys.has(key)) ? undefined : key));
      if (!(resolved instanceof ValidationError)) return true;
      fallen.add(claim.key);
      reject(item, resolved);
      return false;
    });
    if (standing.length === before) return standing;
  }
}

/**
 * The keys a relationship's endpoints lead to, or the error that rejects it: an endpoint that
 * leads nowhere, or entity types its relationship type does not join.
 */
export function resolveEndpoints(record: RelationshipRecord, resolve: (key: string) => string | undefined): { from: string; to: string } | ValidationError {
  const from = resolve(record.from);
  const to = resolve(record.to);
  const fromType = from ? entityTypeOfKey(from) : undefined;
  const toType = to ? entityTypeOfKey(to) : undefined;
  if (!from || !to || !fromType || !toType) {
    const [field, key] = from ? ['to', record.to] : ['from', record.from];
    return new ValidationError(`${record.field}.${field}`, `nothing has the key "${key}".`);
  }
  // Two keys may lead to one entity after a merge.
  if (from === to) return selfLoop(`${record.field}.to`, record.type, to);
  if (!allowedEndpoints(record.type, fromType, toType)) {
    return new ValidationError(`${record.field}.type`, `a ${record.type} relationship cannot join a ${fromType} to a ${toType}.`);
  }
  return { from, to };
}

/**
 * Whether a claim key given by a write names nothing once it lands: no record of it stands
 * (`standing`: the keys whose records resolved, or were accepted) and nothing else has the key
 * (`elsewhere`: an entity record of the write, a stored node or a retired key). Claims and
 * relationships naming such a key are rejected.
 */
export const voidClaim =
  (claimKeys: { has: (key: string) => boolean }, standing: { has: (key: string) => boolean }, elsewhere: (key: string) => boolean) =>
  (key: string): boolean =>
    claimKeys.has(key) && !standing.has(key) && !elsewhere(key);

/** Child-to-parent links of one hierarchy, in memory, that accept only links that close no cycle. */
export class Hierarchy {
  private readonly parents = new Map<string, Set<string>>();

  add(key: string, parent: string) {
    this.parents.set(key, (this.parents.get(key) ?? new Set()).add(parent));
  }

  /** Adds the link unless `parent` leads up to `key`; false when refused. A link already there is accepted. */
  accept(key: string, parent: string): boolean {
    if (this.parents.get(key)?.has(parent)) return true;
    if (this.leadsTo(parent, key)) return false;
    this.add(key, parent);
    return true;
  }

  /** Whether `key` leads up to itself. */
  onCycle(key: string): boolean {
    return [...(this.parents.get(key) ?? [])].some((parent) => this.leadsTo(parent, key));
  }

  /** Whether `start` reaches `target` going up (the links may hold cycles written before they were refused). */
  private leadsTo(start: string, target: string): boolean {
    const visited = new Set([start]);
    const stack = [start];
    for (let key = stack.pop(); key !== undefined; key = stack.pop()) {
      if (key === target) return true;
      for (const parent of this.parents.get(key) ?? []) {
        if (!visited.has(parent)) {
          visited.add(parent);
          stack.push(parent);
        }
      }
    }
    return false;
  }
}

/** Whether a relationship of this type may join entities of these types. */
export function allowedEndpoints(type: RelationshipType, from: EntityType, to: EntityType): boolean {
  const spec = relationshipSpecs[type];
  return (spec.from as readonly EntityType[]).includes(from) && (spec.to as readonly EntityType[]).includes(to);
}
