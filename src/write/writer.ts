/**
 * The batched statements every write runs: entities and relationships created or updated by key,
 * with their revisions, unlinks, and the locked hierarchy walk. Over 300 lines because each
 * statement sits beside the concurrency reasoning that shapes it.
 */
import type { ObservedTransaction } from '../db/gateway';
import { toPlain } from '../db/values';
import { Hierarchy } from './decisions';
import { entityTypeOfKey, labelsOf, revisionBeforePrefix, type EntityType, type RelationshipType } from '../model';

/** Who writes and when: every node, relationship and revision written carries both. */
export interface Author {
  principal: string;
  /** Record time, ISO 8601 UTC. */
  now: string;
}

export type WriteStatus = 'created' | 'updated' | 'unchanged';

/** Properties to write: a null value removes the property. */
export type PropertyMap = Record<string, unknown>;

export interface EntityRow {
  key: string;
  properties: PropertyMap;
}

export interface LinkRow {
  from: string;
  to: string;
  properties: PropertyMap;
}

/** `<k>` has changed between the stored `target` and `row.properties` (null meaning absent). */
const changedKeys = (target: string) =>
  `[k IN keys(row.properties) WHERE NOT coalesce(${target}[k] = row.properties[k], ${target}[k] IS NULL AND row.properties[k] IS NULL)]`;

/**
 * Records a revision of `target` (a node) when `created` or `changed` says something happened.
 * With `before` (the changed properties' values before the write, in `changed`'s order), the
 * revision keeps each as `before_<name>` and is marked `keepsBefore`: what `asOf` reads and
 * `history` shows (an absent `before_<name>` of a changed property: it had none).
 */
const revision = (target: string, operation: string, before?: string) =>
  `FOREACH (_ IN CASE WHEN created OR size(changed) > 0 THEN [1] ELSE [] END |
     CREATE (${target})<-[:REVISES]-(revision:Revision {at: datetime($now), by: $principal,
       operation: CASE WHEN created THEN '${operation}_CREATED' ELSE '${operation}_UPDATED' END,
       changed: changed, values: row.values})${
         before
           ? `
     SET revision.keepsBefore = true
     FOREACH (i IN range(0, size(changed) - 1) | SET revision['${revisionBeforePrefix}' + changed[i]] = ${before}[i]))`
           : ')'
       }`;

/** What a row writes, as the JSON of its revision's `values`. */
export const revisionValues = (row: { properties: PropertyMap; to?: string }): string =>
  JSON.stringify(row.to ? { to: row.to, ...(toPlain(row.properties) as object) } : toPlain(row.properties));

/** The row with `values`, for its revision. */
const withValues = <T extends { properties: PropertyMap; to?: string }>(row: T) => ({ ...row, values: revisionValues(row) });

const status = (created: boolean, changed: number): WriteStatus => (created ? 'created' : changed > 0 ? 'updated' : 'unchanged');

/**
 * Creates or updates entities of one type by key. `existing` holds the keys known to name an
 * entity in this transaction (callers look them up with resolveKeys); keys created here are
 * added to it and to `created`. A key given twice is created by its first row and updated by the
 * others.
 */
export async function upsertEntities(
  tx: ObservedTransaction,
  type: EntityType,
  rows: EntityRow[],
  author: Author,
  existing: Set<string>,
  created: Set<string>,
): Promise<WriteStatus[]> {
  const statuses = new Array<WriteStatus>(rows.length);
  const creates: number[] = [];
  const updates: number[] = [];
  const newKeys = new Set<string>();
  rows.forEach((row, index) => {
    if (existing.has(row.key) || newKeys.has(row.key)) updates.push(index);
    else {
      newKeys.add(row.key);
      creates.push(index);
    }
  });
  const taken = await createEntities(tx, type, creates.map((index) => rows[index]!), author);
  for (const index of creates) {
    const key = rows[index]!.key;
    existing.add(key);
    if (taken.has(key)) updates.push(index);
    else {
      created.add(key);
      statuses[index] = 'created';
    }
  }
  updates.sort((a, b) => a - b);
  const updated = await updateEntities(tx, type, updates.map((index) => rows[index]!), author);
  updated.forEach((status, position) => {
    // Every key here was found, created above or taken by another writer: it names an entity.
    if (!status) throw new Error(`${rows[updates[position]!]!.key} names no ${type}`);
    statuses[updates[position]!] = status;
  });
  return statuses;
}

/**
 * Creates entities of one type whose keys named nothing when looked up, each with its revision,
 * in one statement. MERGE, not CREATE: a key another transaction created meanwhile is left for the
 * caller to update, and returned (the marker property exists only inside this statement).
 */
export async function createEntities(tx: ObservedTransaction, type: EntityType, rows: EntityRow[], author: Author): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const result = await tx.run<{ key: string }>(
    `UNWIND $rows AS row
     MERGE (n:${type} {key: row.key})
     ON CREATE SET ${labelsOf[type] === type ? '' : `n:${labelsOf[type]}, `}n += row.properties, n.recordedAt = datetime($now), n.recordedBy = $principal, n.createdHere = true
     WITH row, n, n.createdHere IS NOT NULL AS created
     REMOVE n.createdHere
     FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END |
       CREATE (n)<-[:REVISES]-(:Revision {at: datetime($now), by: $principal, operation: 'ENTITY_CREATED', changed: keys(row.properties), values: row.values}))
     WITH row WHERE NOT created
     RETURN row.key AS key`,
    { rows: rows.map(withValues), ...author },
  );
  return new Set(result.rows.map((row) => row.key));
}

/** Updates existing entities only; `null` for a key that names nothing of that type. */
export async function updateEntities(tx: ObservedTransaction, type: EntityType, rows: EntityRow[], author: Author): Promise<(WriteStatus | null)[]> {
  if (rows.length === 0) return [];
  const label = type;
  const result = await tx.run<{ index: number; changed: string[] }>(
    `UNWIND range(0, size($rows) - 1) AS index
     WITH index, $rows[index] AS row
     MATCH (n:${label} {key: row.key})
     WITH index, row, n, false AS created, ${changedKeys('n')} AS changed
     WITH index, row, n, created, changed, [k IN changed | n[k]] AS before
     FOREACH (_ IN CASE WHEN size(changed) > 0 THEN [1] ELSE [] END |
       SET n += row.properties, n.updatedAt = datetime($now), n.updatedBy = $principal)
     ${revision('n', 'ENTITY', 'before')}
     RETURN index, changed`,
    { rows: rows.map(withValues), ...author },
  );
  const byIndex = new Map(result.rows.map((row) => [row.index, status(false, row.changed.length)]));
  return rows.map((_row, index) => byIndex.get(index) ?? null);
}

/**
 * The current key of each key: itself, or the survivor's key when a merge retired it; absent
 * when the key names nothing. The prefix of a key gives its label, so each is one index seek;
 * only keys not found that way are looked up among redirects, except those in `written`
 * (keys about to be written, which need only know whether they exist). One round trip for all
 * labels: under load each statement of an import's batch cost a fixed 0.2 to 1 s on top of its
 * rows (bench/RESULTS.md, issue #17), and this lookup was one statement per label and one more.
 */
export async function resolveKeys(tx: ObservedTransaction, keys: Iterable<string>, written: ReadonlySet<string> = new Set()): Promise<Map<string, string>> {
  const rows: { key: string; label: EntityType; redirect: boolean }[] = [];
  for (const key of new Set(keys)) {
    const label = entityTypeOfKey(key);
    if (label) rows.push({ key, label, redirect: !written.has(key) });
  }
  if (rows.length === 0) return new Map();
  // Labels come from the model (entityTypeOfKey), each a branch that seeks only for its own rows.
  const labels = [...new Set(rows.map((row) => row.label))].sort();
  const result = await tx.run<{ key: string; current: string }>(
    `UNWIND $rows AS row
     OPTIONAL CALL (row) {
       ${labels.map((label) => `UNWIND CASE WHEN row.label = '${label}' THEN [row.key] ELSE [] END AS key MATCH (n:${label} {key: key}) RETURN n`).join('\n       UNION ALL\n       ')}
     }
     CALL (row, n) {
       WITH n WHERE n IS NOT NULL RETURN n.key AS current
       UNION ALL
       UNWIND CASE WHEN n IS NULL AND row.redirect THEN [row.key] ELSE [] END AS retired
       MATCH (:Redirect {key: retired})-[:REDIRECTS_TO]->(survivor) RETURN survivor.key AS current
     }
     RETURN row.key AS key, current`,
    { rows },
  );
  return new Map(result.rows.map((row) => [row.key, row.current]));
}

/**
 * Creates or updates relationships of one type between existing entities, one per pair and type.
 * Endpoints must be current keys of the types the model allows (callers check with resolveKeys).
 * A relationship touching an entity in `created` (made by this transaction, so invisible to
 * others) cannot exist yet and is created without looking; the others are updated where they
 * exist and merged where not. A pair given twice is created by its first row and updated by the
 * others. Rows whose endpoints are not found get no status.
 */
export async function linkEntities(
  tx: ObservedTransaction,
  type: RelationshipType,
  rows: LinkRow[],
  author: Author,
  options: { revisions: boolean; created: ReadonlySet<string> },
): Promise<(WriteStatus | undefined)[]> {
  const statuses = new Array<WriteStatus | undefined>(rows.length);
  // One statement per pair of endpoint labels, so each endpoint is an index seek.
  for (const [labels, group] of groupBy(rows, (row) => `${endpointLabel(row.from)}>${endpointLabel(row.to)}`)) {
    const [fromLabel, toLabel] = labels.split('>') as [string, string];
    const isFresh = ({ item }: { item: LinkRow }) => options.created.has(item.from) || options.created.has(item.to);
    const older = group.filter((row) => !isFresh(row));
    for (const [index, status] of await updateLinks(tx, type, fromLabel, toLabel, older, author, options.revisions)) statuses[index] = status;
    const seen = new Set<string>();
    const creates: typeof group = [];
    const repeats: typeof group = [];
    for (const row of group) {
      if (statuses[row.index]) continue;
      const pair = `${row.item.from}>${row.item.to}`;
      if (seen.has(pair)) repeats.push(row);
      else {
        seen.add(pair);
        creates.push(row);
      }
    }
    for (const fresh of [true, false]) {
      const ofKind = creates.filter((row) => isFresh(row) === fresh);
      const made = new Set(await createLinks(tx, type, fromLabel, toLabel, ofKind, author, { revisions: options.revisions, merge: !fresh }));
      for (const row of ofKind) {
        if (made.has(row.index)) statuses[row.index] = 'created';
        // Another transaction made it since updateLinks looked: this row updates it, as if it had been there.
        else repeats.push(row);
      }
    }
    repeats.sort((a, b) => a.index - b.index);
    for (const [index, status] of await updateLinks(tx, type, fromLabel, toLabel, repeats, author, options.revisions)) statuses[index] = status;
  }
  return statuses;
}

/**
 * The relationship `r` of `type` from `a` (key `row.from`) to `b` (key `row.to`). Both ends are
 * found first and the relationship looked for inside a subquery, so Neo4j expands into it from
 * the end with fewer relationships: left to itself, the planner expanded from `b`, and a claim's
 * link to a source stated by 10,000 claims read all 10,000 of them (a re-import took 5× as long
 * as the first).
 */
const relationshipBetween = (fromLabel: string, type: RelationshipType, toLabel: string) =>
  `MATCH (a:${fromLabel} {key: row.from}), (b:${toLabel} {key: row.to})
   CALL (a, b) { MATCH (a)-[r:${type}]->(b) RETURN r }`;

/** Relationships that exist among `rows` get the rows' properties; returns their indexes and statuses. */
async function updateLinks(
  tx: ObservedTransaction,
  type: RelationshipType,
  fromLabel: string,
  toLabel: string,
  rows: { item: LinkRow; index: number }[],
  author: Author,
  revisions: boolean,
): Promise<[number, WriteStatus][]> {
  if (rows.length === 0) return [];
  const result = await tx.run<{ index: number; changed: string[] }>(
    `UNWIND $rows AS row
     ${relationshipBetween(fromLabel, type, toLabel)}
     WITH row, a, b, r, false AS created, ${changedKeys('r')} AS changed
     FOREACH (_ IN CASE WHEN size(changed) > 0 THEN [1] ELSE [] END |
       SET r += row.properties, r.updatedAt = datetime($now), r.updatedBy = $principal)
     ${type === 'SUPERSEDES' ? supersede : ''}
     ${revisions ? revision('a', type) : ''}
     RETURN row.index AS index, changed`,
    { rows: rows.map(({ item, index }) => ({ ...withValues(item), index })), ...author },
  );
  return result.rows.map((row) => [row.index, status(false, row.changed.length)]);
}

/**
 * Creates the relationships of `rows`, known not to exist; returns the indexes of those created.
 * With `merge`, one that another transaction created meanwhile is left for the caller to update:
 * MERGE locks both ends before it looks again, so of concurrent identical links exactly one
 * creates (and records a revision), and the others find it (the marker exists only here).
 */
async function createLinks(
  tx: ObservedTransaction,
  type: RelationshipType,
  fromLabel: string,
  toLabel: string,
  rows: { item: LinkRow; index: number }[],
  author: Author,
  options: { revisions: boolean; merge: boolean },
): Promise<number[]> {
  if (rows.length === 0) return [];
  const result = await tx.run<{ index: number }>(
    `UNWIND $rows AS row
     MATCH (a:${fromLabel} {key: row.from}), (b:${toLabel} {key: row.to})
     ${
       options.merge
         ? `MERGE (a)-[r:${type}]->(b) ON CREATE SET r.recordedAt = datetime($now), r.recordedBy = $principal, r.createdHere = true
            WITH row, a, b, r WHERE r.createdHere IS NOT NULL
            REMOVE r.createdHere`
         : `CREATE (a)-[r:${type} {recordedAt: datetime($now), recordedBy: $principal}]->(b)`
     }
     SET r += row.properties
     ${type === 'SUPERSEDES' ? supersede : ''}
     ${options.revisions ? `WITH row, a, true AS created, keys(row.properties) AS changed ${revision('a', type)}` : ''}
     RETURN row.index AS index`,
    { rows: rows.map(({ item, index }) => ({ ...withValues(item), index })), ...author },
  );
  return result.rows.map((row) => row.index);
}

/** A superseded claim is kept, deprecated, so default results show the claim that replaced it. */
const supersede = `FOREACH (_ IN CASE WHEN coalesce(b.rank, '') <> 'DEPRECATED' THEN [1] ELSE [] END |
  SET b.rank = 'DEPRECATED', b.rankReason = 'SUPERSEDED', b.rankedAt = datetime($now), b.updatedAt = datetime($now), b.updatedBy = $principal)`;

/**
 * Removes relationships; true where one existed. The start of each is locked before its
 * relationship is looked for: of concurrent identical unlinks, the first removes it and the
 * others, once it has committed, find nothing (without the lock, each would find it and
 * "remove" it again, with a revision each).
 */
export async function unlinkEntities(tx: ObservedTransaction, type: RelationshipType, rows: Omit<LinkRow, 'properties'>[], author: Author): Promise<boolean[]> {
  const removed = new Array<boolean>(rows.length).fill(false);
  for (const [labels, group] of groupBy(rows, (row) => `${endpointLabel(row.from)}>${endpointLabel(row.to)}`)) {
    const [fromLabel, toLabel] = labels.split('>') as [string, string];
    await lockNodes(tx, fromLabel, group.map(({ item }) => item.from));
    const result = await tx.run<{ index: number }>(
      `UNWIND $rows AS row
       ${relationshipBetween(fromLabel, type, toLabel)}
       DELETE r
       CREATE (a)<-[:REVISES]-(:Revision {at: datetime($now), by: $principal, operation: '${type}_DELETED', changed: [], values: row.values})
       RETURN row.index AS index`,
      { rows: group.map(({ item, index }) => ({ ...item, index, values: JSON.stringify({ to: item.to }) })), ...author },
    );
    for (const row of result.rows) removed[row.index] = true;
  }
  return removed;
}

/**
 * The MADE_BY, ABOUT and STATED_IN relationships of each claim to entities not in its `keep`
 * lists (by type): what a claim given again no longer states, for unlinkEntities to remove.
 */
export async function staleClaimLinks(tx: ObservedTransaction, rows: { claim: string; keep: Record<string, string[]> }[]): Promise<{ type: RelationshipType; from: string; to: string }[]> {
  if (rows.length === 0) return [];
  const result = await tx.run<{ type: RelationshipType; from: string; to: string }>(
    `UNWIND $rows AS row
     MATCH (c:Claim {key: row.claim})-[r:MADE_BY|ABOUT|STATED_IN]->(b)
     WHERE NOT b.key IN row.keep[type(r)]
     RETURN type(r) AS type, c.key AS from, b.key AS to`,
    { rows },
  );
  return result.rows;
}

/**
 * Which of `rows` would close a cycle of `type`, each decided as if the rows before it were
 * written: true where `to` already leads, up the hierarchy, to `from`. A row whose relationship
 * exists changes no chain and is never refused. Every node on the way up from the rows' ends is
 * locked before its relationships are read: of two transactions that would close a cycle
 * together, one reaches a node the other locked (at least the start of the other's row), waits
 * for it to commit, and then sees its relationship.
 */
export async function closingCycles(tx: ObservedTransaction, type: RelationshipType, rows: Omit<LinkRow, 'properties'>[]): Promise<boolean[]> {
  const hierarchy = await hierarchyAbove(tx, type, rows.flatMap((row) => [row.from, row.to]));
  return rows.map(({ from, to }) => !hierarchy.accept(from, to));
}

/** The relationships of `type` on the way up from `keys`, each node locked before its parents are read (see closingCycles). */
export async function hierarchyAbove(tx: ObservedTransaction, type: RelationshipType, keys: string[]): Promise<Hierarchy> {
  const hierarchy = new Hierarchy();
  const seen = new Set(keys);
  let frontier = [...seen];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const [label, group] of groupBy(frontier, endpointLabel)) {
      const result = await tx.run<{ key: string; parent: string }>(
        `UNWIND $keys AS key MATCH (n:${label} {key: key}) ${lock('n')}
         WITH n MATCH (n)-[:${type}]->(parent) RETURN n.key AS key, parent.key AS parent`,
        { keys: group.map(({ item }) => item).sort() },
      );
      for (const { key, parent } of result.rows) {
        hierarchy.add(key, parent);
        if (!seen.has(parent)) next.push(parent);
        seen.add(parent);
      }
    }
    frontier = next;
  }
  return hierarchy;
}

/**
 * Takes the write lock of a node, held until the transaction ends, without changing it (Neo4j
 * has no explicit locks): what the transaction reads of the node after this is what the last
 * writer of it committed.
 */
const lock = (node: string) => `SET ${node}.writeLock = true REMOVE ${node}.writeLock`;

/** Locks nodes in key order, so that transactions locking the same nodes do not deadlock. */
async function lockNodes(tx: ObservedTransaction, label: string, keys: string[]): Promise<void> {
  await tx.run(`UNWIND $keys AS key MATCH (n:${label} {key: key}) ${lock('n')}`, { keys: [...new Set(keys)].sort() });
}

/** An entity's type is also the label whose key index finds it. */
function endpointLabel(key: string): EntityType {
  const type = entityTypeOfKey(key);
  if (!type) throw new Error(`"${key}" has no entity type`);
  return type;
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, { item: T; index: number }[]> {
  const groups = new Map<string, { item: T; index: number }[]>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    const group = groups.get(key) ?? [];
    group.push({ item, index });
    groups.set(key, group);
  });
  return groups;
}
