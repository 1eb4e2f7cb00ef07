import { getNamedType, isInterfaceType, isObjectType, Kind, type FieldNode, type GraphQLNamedType, type GraphQLOutputType, type GraphQLResolveInfo, type GraphQLSchema, type SelectionNode } from 'graphql';
import type { FieldReads } from './scalar-fields';
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


/**
 * The properties that the fields selected at `path` below the current field may read: each
 * field's declared property (through fragments; `@skip` and `@include` ignored, as more is
 * harmless), and the key.
 */
export function selectedProperties(info: GraphQLResolveInfo, path: readonly string[] = []): string[] {
  // Every item of a list resolves its fields with the same field nodes: work it out once per list.
  let byPath = selectionCache.get(info.fieldNodes);
  if (!byPath) selectionCache.set(info.fieldNodes, (byPath = new Map()));
  const cacheKey = path.join('.');
  let names = byPath.get(cacheKey);
  if (!names) byPath.set(cacheKey, (names = namesSelectedAt(info.fieldNodes, info.fragments, path, { schema: info.schema, type: info.returnType })));
  return names;
}

const selectionCache = new WeakMap<readonly FieldNode[], Map<string, string[]>>();

/** The schema, and the type of the field nodes a selection is read from, to find each selected field's definition. */
export interface SelectionTypes {
  schema: GraphQLSchema;
  type: GraphQLOutputType;
}

interface TypedField {
  node: FieldNode;
  /** The type it is selected on (a fragment's type condition), if known. */
  on: GraphQLNamedType | undefined;
}

/** The fields selected at `path` below these field nodes, through fragments, with the types they are selected on. */
function typedFieldsSelectedAt(fieldNodes: readonly FieldNode[], fragments: GraphQLResolveInfo['fragments'], path: readonly string[], types?: SelectionTypes): TypedField[] {
  const typeNamed = (name: string | undefined, otherwise: GraphQLNamedType | undefined) => (name && types ? types.schema.getType(name) ?? undefined : otherwise);
  const fieldsIn = (selections: readonly SelectionNode[], on: GraphQLNamedType | undefined): TypedField[] =>
    selections.flatMap((selection) => {
      if (selection.kind === Kind.FIELD) return [{ node: selection, on }];
      if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsIn(selection.selectionSet.selections, typeNamed(selection.typeCondition?.name.value, on));
      const fragment = fragments[selection.name.value];
      return fragment ? fieldsIn(fragment.selectionSet.selections, typeNamed(fragment.typeCondition.name.value, on)) : [];
    });
  let fields = fieldsIn(
    fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []),
    types && getNamedType(types.type),
  );
  for (const step of path) {
    fields = fields
      .filter(({ node }) => node.name.value === step)
      .flatMap(({ node, on }) => {
        const definition = on && (isObjectType(on) || isInterfaceType(on)) ? on.getFields()[step] : undefined;
        return fieldsIn(node.selectionSet?.selections ?? [], definition && getNamedType(definition.type));
      });
  }
  return fields;
}

/** The fields selected at `path` below these field nodes, through fragments. */
export function fieldsSelectedAt(fieldNodes: readonly FieldNode[], fragments: GraphQLResolveInfo['fragments'], path: readonly string[]): FieldNode[] {
  return typedFieldsSelectedAt(fieldNodes, fragments, path).map(({ node }) => node);
}

/**
 * The property names that the fields selected at `path` may read, and the key (see
 * `selectedProperties`): what each field's definition declares (`FieldReads`: its property, or
 * what it is computed from; a relationship field reads none). A field that declares nothing (a
 * relationship's own, such as `from`) reads the property of its name.
 */
export function namesSelectedAt(fieldNodes: readonly FieldNode[], fragments: GraphQLResolveInfo['fragments'], path: readonly string[], types: SelectionTypes): string[] {
  const names = new Set(['key']);
  for (const { node, on } of typedFieldsSelectedAt(fieldNodes, fragments, path, types)) {
    const name = node.name.value;
    if (name.startsWith('__')) continue;
    const extensions = on && (isObjectType(on) || isInterfaceType(on)) ? on.getFields()[name]?.extensions : undefined;
    const reads = extensions as FieldReads | undefined;
    if (reads?.property) names.add(reads.property);
    else if (reads?.computed) for (const property of reads.computed) names.add(property);
    else if (!extensions?.relation) names.add(name);
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
