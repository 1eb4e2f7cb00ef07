import type { ObservedTransaction } from '../db/gateway';
import { toPlain } from '../db/values';
import { entityTypeOfKey, labelsOf, relationshipSpecs, type EntityType, type RelationshipType } from './spec';

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

/** Records a revision of `target` (a node) when `created` or `changed` says something happened. */
const revision = (target: string, operation: string) =>
  `FOREACH (_ IN CASE WHEN created OR size(changed) > 0 THEN [1] ELSE [] END |
     CREATE (${target})<-[:REVISES]-(:Revision {at: datetime($now), by: $principal,
       operation: CASE WHEN created THEN '${operation}_CREATED' ELSE '${operation}_UPDATED' END,
       changed: changed, values: row.values}))`;

/** The row with `values`: what was written, as JSON, for its revision. */
const withValues = <T extends { properties: PropertyMap; to?: string }>(row: T) => ({
  ...row,
  values: JSON.stringify(row.to ? { to: row.to, ...(toPlain(row.properties) as object) } : toPlain(row.properties)),
});

const status = (created: boolean, changed: number): WriteStatus => (created ? 'created' : changed > 0 ? 'updated' : 'unchanged');

/**
 * Creates or updates entities of one type by key, in one statement. With `onlyCreate`, an entity
 * that exists is left as it is (sources named by a claim: created when new, never altered).
 */
export async function upsertEntities(
  tx: ObservedTransaction,
  type: EntityType,
  rows: EntityRow[],
  author: Author,
  options: { onlyCreate?: boolean } = {},
): Promise<WriteStatus[]> {
  if (rows.length === 0) return [];
  const label = type;
  const extra = labelsOf[type] === type ? '' : `n:${labelsOf[type]}, `;
  const result = await tx.run<{ index: number; created: boolean; changed: string[] }>(
    `UNWIND range(0, size($rows) - 1) AS index
     WITH index, $rows[index] AS row
     OPTIONAL MATCH (existing:${label} {key: row.key})
     WITH index, row, existing IS NULL AS created
     MERGE (n:${label} {key: row.key})
     ON CREATE SET ${extra}n.recordedAt = datetime($now), n.recordedBy = $principal
     WITH index, row, created, n, CASE WHEN created THEN keys(row.properties) WHEN $onlyCreate THEN [] ELSE ${changedKeys('n')} END AS changed
     FOREACH (_ IN CASE WHEN size(changed) > 0 THEN [1] ELSE [] END | SET n += row.properties)
     FOREACH (_ IN CASE WHEN NOT created AND size(changed) > 0 THEN [1] ELSE [] END | SET n.updatedAt = datetime($now), n.updatedBy = $principal)
     ${revision('n', 'ENTITY')}
     RETURN index, created, changed ORDER BY index`,
    { rows: rows.map(withValues), onlyCreate: options.onlyCreate ?? false, ...author },
  );
  return result.rows.map((row) => status(row.created, row.changed.length));
}

/** Updates existing entities only; `null` for a key that names nothing of that type. */
export async function updateEntities(tx: ObservedTransaction, type: EntityType, rows: EntityRow[], author: Author): Promise<(WriteStatus | null)[]> {
  const label = type;
  const result = await tx.run<{ index: number; changed: string[] }>(
    `UNWIND range(0, size($rows) - 1) AS index
     WITH index, $rows[index] AS row
     MATCH (n:${label} {key: row.key})
     WITH index, row, n, false AS created, ${changedKeys('n')} AS changed
     FOREACH (_ IN CASE WHEN size(changed) > 0 THEN [1] ELSE [] END |
       SET n += row.properties, n.updatedAt = datetime($now), n.updatedBy = $principal)
     ${revision('n', 'ENTITY')}
     RETURN index, changed`,
    { rows: rows.map(withValues), ...author },
  );
  const byIndex = new Map(result.rows.map((row) => [row.index, status(false, row.changed.length)]));
  return rows.map((_row, index) => byIndex.get(index) ?? null);
}

/**
 * The current key of each key: itself, or the survivor's key when a merge retired it; absent
 * when the key names nothing. The prefix of a key gives its label, so each is one index seek;
 * only keys not found that way are looked up among redirects.
 */
export async function resolveKeys(tx: ObservedTransaction, keys: Iterable<string>): Promise<Map<string, string>> {
  const byLabel = new Map<string, string[]>();
  for (const key of new Set(keys)) {
    const type = entityTypeOfKey(key);
    if (!type) continue;
    const group = byLabel.get(type) ?? [];
    group.push(key);
    byLabel.set(type, group);
  }
  const current = new Map<string, string>();
  for (const [label, grouped] of byLabel) {
    const result = await tx.run<{ key: string }>(`UNWIND $keys AS key MATCH (n:${label} {key: key}) RETURN key`, { keys: grouped });
    for (const row of result.rows) current.set(row.key, row.key);
  }
  const missing = [...byLabel.values()].flat().filter((key) => !current.has(key));
  if (missing.length > 0) {
    const result = await tx.run<{ key: string; current: string }>(
      'UNWIND $keys AS key MATCH (:Redirect {key: key})-[:REDIRECTS_TO]->(n) RETURN key, n.key AS current',
      { keys: missing },
    );
    for (const row of result.rows) current.set(row.key, row.current);
  }
  return current;
}

/**
 * Creates or updates relationships of one type between existing entities, one per pair and type.
 * Endpoints must be current keys of the types the model allows (callers check with resolveKeys).
 */
export async function linkEntities(
  tx: ObservedTransaction,
  type: RelationshipType,
  rows: LinkRow[],
  author: Author,
  options: { revisions: boolean } = { revisions: true },
): Promise<WriteStatus[]> {
  const statuses: WriteStatus[] = new Array<WriteStatus>(rows.length);
  // One statement per pair of endpoint labels, so each endpoint is an index seek.
  for (const [labels, group] of groupBy(rows, (row) => `${endpointLabel(row.from)}>${endpointLabel(row.to)}`)) {
    const [fromLabel, toLabel] = labels.split('>');
    const result = await tx.run<{ index: number; created: boolean; changed: string[] }>(
      `UNWIND $rows AS row
       MATCH (a:${fromLabel} {key: row.from}), (b:${toLabel} {key: row.to})
       OPTIONAL MATCH (a)-[existing:${type}]->(b)
       WITH row, a, b, existing IS NULL AS created
       MERGE (a)-[r:${type}]->(b)
       ON CREATE SET r.recordedAt = datetime($now), r.recordedBy = $principal
       WITH row, a, b, r, created, CASE WHEN created THEN keys(row.properties) ELSE ${changedKeys('r')} END AS changed
       FOREACH (_ IN CASE WHEN size(changed) > 0 THEN [1] ELSE [] END | SET r += row.properties)
       FOREACH (_ IN CASE WHEN NOT created AND size(changed) > 0 THEN [1] ELSE [] END | SET r.updatedAt = datetime($now), r.updatedBy = $principal)
       ${type === 'SUPERSEDES' ? supersede : ''}
       ${options.revisions ? revision('a', type) : ''}
       RETURN row.index AS index, created, changed`,
      {
        rows: group.map(({ item, index }) => ({ ...withValues(item), index })),
        ...author,
      },
    );
    for (const row of result.rows) statuses[row.index] = status(row.created, row.changed.length);
  }
  return statuses;
}

/** A superseded claim is kept, deprecated, so default results show the claim that replaced it. */
const supersede = `FOREACH (_ IN CASE WHEN coalesce(b.rank, '') <> 'DEPRECATED' THEN [1] ELSE [] END |
  SET b.rank = 'DEPRECATED', b.rankReason = 'SUPERSEDED', b.rankedAt = datetime($now), b.updatedAt = datetime($now), b.updatedBy = $principal)`;

/** Removes relationships; true where one existed. */
export async function unlinkEntities(tx: ObservedTransaction, type: RelationshipType, rows: Omit<LinkRow, 'properties'>[], author: Author): Promise<boolean[]> {
  const removed = new Array<boolean>(rows.length).fill(false);
  for (const [labels, group] of groupBy(rows, (row) => `${endpointLabel(row.from)}>${endpointLabel(row.to)}`)) {
    const [fromLabel, toLabel] = labels.split('>');
    const result = await tx.run<{ index: number }>(
      `UNWIND $rows AS row
       MATCH (a:${fromLabel} {key: row.from})-[r:${type}]->(b:${toLabel} {key: row.to})
       DELETE r
       CREATE (a)<-[:REVISES]-(:Revision {at: datetime($now), by: $principal, operation: '${type}_DELETED', changed: [], values: row.values})
       RETURN row.index AS index`,
      { rows: group.map(({ item, index }) => ({ ...item, index, values: JSON.stringify({ to: item.to }) })), ...author },
    );
    for (const row of result.rows) removed[row.index] = true;
  }
  return removed;
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

/** Whether a relationship of this type may join entities of these types. */
export function allowedEndpoints(type: RelationshipType, from: EntityType, to: EntityType): boolean {
  const spec = relationshipSpecs[type];
  return (spec.from as readonly EntityType[]).includes(from) && (spec.to as readonly EntityType[]).includes(to);
}
