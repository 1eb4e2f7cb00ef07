import { Kind, type GraphQLResolveInfo, type FieldNode, type SelectionNode } from 'graphql';
import type { Neo4jGateway } from '../db/gateway';
import { entityTypes, matchEntityByKey, type EntityType } from '../model';
import { toPlain, type Plain } from '../db/values';
import { ClientError, ErrorCode } from '../server/errors';
import { inKeyOrder } from '../read/loaders';

/** Each entity type of the model is a GraphQL type of the same name. */
export const entityTypeNames = entityTypes;
export type EntityTypeName = EntityType;

/** A node of the graph as resolvers see it: its GraphQL type, stable key and plain properties. */
export interface Entity {
  typename: EntityTypeName;
  key: string;
  properties: Record<string, Plain>;
  /** The record time it was read as of (null: now); the relationships below it honour it. */
  asOf: string | null;
  /** Relationship fields read in the same query as the list it came in, by response key (relations.ts). */
  prefetched?: Map<string, unknown[]>;
}

/** Cypher that projects node `n`, with all its properties, for `entityFromRow`. */
export const entityProjection = (variable: string) => `{labels: labels(${variable}), properties: properties(${variable})}`;

/** Fields whose property has another name; every other field reads the property of its own name. */
const propertyOfField: Record<string, string> = { nativeName: 'nameNative' };

/**
 * The properties that the fields selected at `path` below the current field may read: their
 * names (through fragments; `@skip` and `@include` ignored, as more is harmless), and the key.
 */
export function selectedProperties(info: GraphQLResolveInfo, path: readonly string[] = []): string[] {
  // Every item of a list resolves its fields with the same field nodes: work it out once per list.
  let byPath = selectionCache.get(info.fieldNodes);
  if (!byPath) selectionCache.set(info.fieldNodes, (byPath = new Map()));
  const cacheKey = path.join('.');
  let names = byPath.get(cacheKey);
  if (!names) byPath.set(cacheKey, (names = namesSelectedAt(info.fieldNodes, info.fragments, path)));
  return names;
}

const selectionCache = new WeakMap<readonly FieldNode[], Map<string, string[]>>();

/** The fields selected at `path` below these field nodes, through fragments. */
export function fieldsSelectedAt(fieldNodes: readonly FieldNode[], fragments: GraphQLResolveInfo['fragments'], path: readonly string[]): FieldNode[] {
  const fieldsIn = (selections: readonly SelectionNode[]): FieldNode[] =>
    selections.flatMap((selection) => {
      if (selection.kind === Kind.FIELD) return [selection];
      if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsIn(selection.selectionSet.selections);
      return fieldsIn(fragments[selection.name.value]?.selectionSet.selections ?? []);
    });
  let fields = fieldsIn(fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []));
  for (const step of path) {
    fields = fieldsIn(fields.filter((field) => field.name.value === step).flatMap((field) => field.selectionSet?.selections ?? []));
  }
  return fields;
}

/** The property names that the fields selected at `path` may read, and the key (see `selectedProperties`). */
export function namesSelectedAt(fieldNodes: readonly FieldNode[], fragments: GraphQLResolveInfo['fragments'], path: readonly string[]): string[] {
  const names = new Set(['key']);
  for (const field of fieldsSelectedAt(fieldNodes, fragments, path)) {
    const name = field.name.value;
    if (!name.startsWith('__')) names.add(propertyOfField[name] ?? name);
  }
  return [...names].sort();
}

/** The properties a selection reads: of its entities (`$properties`) and of the relationships to them (`$relationProperties`). */
export interface Selected {
  entity: readonly string[];
  relation: readonly string[];
}

/** Plain properties from the values of the selected names, in order. */
export function plainProperties(values: readonly unknown[], names: readonly string[]): Record<string, Plain> {
  const properties: Record<string, Plain> = {};
  for (const [index, name] of names.entries()) properties[name] = toPlain(values[index]);
  return properties;
}

/** An entity from `entityProjection` (a map with all properties) or `CypherScope.entity` (labels and the selected values). */
export function entityFromRow(row: unknown, asOf: string | null = null, selected?: Pick<Selected, 'entity'>): Entity {
  const [labels, plain] = Array.isArray(row)
    ? [row[0] as string[], plainProperties(row[1] as unknown[], selected?.entity ?? [])]
    : [(row as { labels: string[] }).labels, toPlain((row as { properties: unknown }).properties) as Record<string, Plain>];
  const typename = entityTypeNames.find((name) => labels.includes(name));
  if (!typename) throw new Error(`A node with labels ${labels.join(':')} has no GraphQL type`);
  return { typename, key: String(plain.key), properties: plain, asOf };
}

/** The error of a batch by key for a key that names nothing. */
export const keyNamesNothing = (key: string) => new ClientError(ErrorCode.NOT_FOUND, `Nothing has the key "${key}".`);

/** Batch: entities by key, in key order; an error for each key that names nothing. */
export async function loadEntitiesByKey(keys: readonly string[], db: Neo4jGateway): Promise<(Entity | Error)[]> {
  const rows = await db.read<{ key: string; entity: unknown }>(
    'entities.by-key',
    `UNWIND $keys AS key ${matchEntityByKey} RETURN key, n ${entityProjection('n')} AS entity`,
    { keys },
  );
  const found = new Map(rows.map((row) => [row.key, entityFromRow(row.entity)]));
  return inKeyOrder(keys, found, keyNamesNothing);
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

/** An entity and the properties of the relationship that leads to it. */
export interface Related {
  entity: Entity;
  relation: Record<string, Plain>;
}

/** A related entity from `CypherScope.related`: labels, node values, relationship values. */
export function relatedFromRow(row: unknown, asOf: string | null = null, selected?: Selected): Related {
  const values = row as unknown[];
  return { entity: entityFromRow(values, asOf, selected), relation: plainProperties(values[2] as unknown[], selected?.relation ?? []) };
}

/** A string property of the relationship, or null. */
export function relationText(row: Pick<Related, 'relation'>, name: string): string | null {
  const value = row.relation[name];
  return typeof value === 'string' ? value : null;
}
