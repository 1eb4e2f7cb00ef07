import type { Neo4jGateway } from '../db/gateway';
import { matchEntityByKey } from '../db/keys';
import { toPlain, type Plain } from '../db/values';
import { ClientError, ErrorCode } from '../errors';
import type { Context } from '../context';
import { groupedInKeyOrder, inKeyOrder } from './loaders';

export const entityTypeNames = ['Unit', 'Person', 'Organization', 'Place', 'Event', 'Claim', 'Source'] as const;
export type EntityTypeName = (typeof entityTypeNames)[number];

/** A node of the graph as resolvers see it: its GraphQL type, stable key and plain properties. */
export interface Entity {
  typename: EntityTypeName;
  key: string;
  properties: Record<string, Plain>;
  /** The record time it was read as of (null: now); the relationships below it honour it. */
  asOf: string | null;
}

/** Cypher that projects node `n` for `entityFromRow`. */
export const entityProjection = (variable: string) => `{labels: labels(${variable}), properties: properties(${variable})}`;

export function entityFromRow(row: unknown, asOf: string | null = null): Entity {
  const { labels, properties } = row as { labels: string[]; properties: Record<string, unknown> };
  const typename = entityTypeNames.find((name) => labels.includes(name));
  if (!typename) throw new Error(`A node with labels ${labels.join(':')} has no GraphQL type`);
  const plain = toPlain(properties) as Record<string, Plain>;
  return { typename, key: String(plain.key), properties: plain, asOf };
}

/** Batch: entities by key, in key order; an error for each key that names nothing. */
export async function loadEntitiesByKey(keys: readonly string[], db: Neo4jGateway): Promise<(Entity | Error)[]> {
  const rows = await db.read<{ key: string; entity: unknown }>(
    'entities.by-key',
    `UNWIND $keys AS key ${matchEntityByKey} RETURN key, n ${entityProjection('n')} AS entity`,
    { keys },
  );
  const found = new Map(rows.map((row) => [row.key, entityFromRow(row.entity)]));
  return inKeyOrder(keys, found, (key) => new ClientError(ErrorCode.NOT_FOUND, `Nothing has the key "${key}".`));
}

/** The entity with this key and of one of these types, or null: a well-formed key that names nothing is not an error. */
export async function findEntity(
  context: Context,
  key: string,
  typenames: readonly EntityTypeName[] = entityTypeNames,
): Promise<Entity | null> {
  try {
    const entity = await context.loaders.load('entities.by-key', loadEntitiesByKey, key);
    return typenames.includes(entity.typename) ? entity : null;
  } catch (error) {
    if (error instanceof ClientError && error.extensions.code === ErrorCode.NOT_FOUND) return null;
    throw error;
  }
}

/** A string property, or null. */
export function text(entity: { properties: Record<string, Plain> }, name: string): string | null {
  const value = entity.properties[name];
  return typeof value === 'string' ? value : null;
}

/** A list-of-strings property; absent is empty. */
export function texts(entity: { properties: Record<string, Plain> }, name: string): string[] {
  const value = entity.properties[name];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** A numeric property, or null. */
export function number(entity: { properties: Record<string, Plain> }, name: string): number | null {
  const value = entity.properties[name];
  return typeof value === 'number' ? value : null;
}

/**
 * Cypher condition: the nodes and relationships bound to these variables were recorded by
 * `$asOf` (always true when `$asOf` is null).
 */
export const knownAsOf = (...variables: string[]) =>
  `($asOf IS NULL OR (${variables.map((variable) => `${variable}.recordedAt <= datetime($asOf)`).join(' AND ')}))`;

/** A one-to-many relationship field: Cypher that gets `$keys` and `$asOf` and returns key, value. */
export interface Relation<V> {
  tag: string;
  cypher: string;
  map: (value: unknown, asOf: string | null) => V;
  parameters: Record<string, unknown>;
}

export function relation<V>(
  tag: string,
  cypher: string,
  map: (value: unknown, asOf: string | null) => V,
  parameters: Record<string, unknown> = {},
): Relation<V> {
  return { tag, cypher, map, parameters };
}

/**
 * The related values of one entity, batched with its siblings: one loader per relation, options
 * and record time, so the relationships below a list honour the list's `asOf`.
 */
export function loadRelation<V>(context: Context, { tag, cypher, map, parameters }: Relation<V>, entity: Entity, asOf = entity.asOf): Promise<V[]> {
  const batch = async (keys: readonly string[], db: Neo4jGateway): Promise<V[][]> => {
    const rows = await db.read<{ key: string; value: unknown }>(tag, cypher, { ...parameters, keys, asOf });
    return groupedInKeyOrder(keys, rows.map((row) => ({ key: row.key, value: map(row.value, asOf) })));
  };
  return context.loaders.load(`${tag} ${JSON.stringify(parameters)} ${asOf ?? ''}`, batch, entity.key);
}

/** An entity and the properties of the relationship that leads to it. */
export interface Related {
  entity: Entity;
  relation: Record<string, Plain>;
}

export function relatedFromRow(row: unknown, asOf: string | null = null): Related {
  const { entity, relation } = row as { entity: unknown; relation: Record<string, unknown> };
  return { entity: entityFromRow(entity, asOf), relation: toPlain(relation) as Record<string, Plain> };
}

/** A string property of the relationship, or null. */
export function relationText(row: Pick<Related, 'relation'>, name: string): string | null {
  const value = row.relation[name];
  return typeof value === 'string' ? value : null;
}

/** Cypher that projects node `n` and relationship `r` for `relatedFromRow`. */
export const relatedProjection = (node: string, relation: string) =>
  `{entity: ${entityProjection(node)}, relation: properties(${relation})}`;
