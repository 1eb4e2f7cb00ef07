import {
  getArgumentValues,
  getNamedType,
  isInterfaceType,
  isObjectType,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
} from 'graphql';
import type { ArgBuilder } from '@pothos/core';
import neo4j from 'neo4j-driver';
import type { Context } from '../server/context';
import type { Neo4jGateway } from '../db/gateway';
import { ClientError, ErrorCode } from '../server/errors';
import { entityFromRow, entityTypeNames, fieldsSelectedAt, keyNamesNothing, loadEntitiesByKey, namesSelectedAt, type Entity, type EntityTypeName, type Related, type Selected } from './entity';
import type { FieldReads } from './scalar-fields';
import type { Relation } from '../read/relation';
import { batchedRead, nestedCypher, withNested, type NestedRead } from '../read/compose';
import { topLevel } from '../read/scope';
import type { BuilderTypes } from './builder';
import { groupedInKeyOrder, inKeyOrder } from '../read/loaders';
import { checkPageSize, maxPageSize } from './pagination';
import { matchEntityByKey, matchEntityOfType } from '../model';

/**
 * Options of a list field that loads a relation: its resolver, and the relation (from the
 * field's arguments) in the field's extensions, where a list above it finds it to read it in
 * its own query. A field's `asOf` argument overrides the record time of the entity it is on.
 * Every relation is read with a limit per entity: the field's `first` (see `relationPageArg`),
 * else `itemLimit` (a field of one value reads one), else the maximum page size.
 */
export function relationField<V, Args extends object = Record<string, unknown>>(relationFor: (args: Args) => Relation<V>, itemLimit: number = maxPageSize) {
  const bounded = (args: Args): Relation<V> => {
    const first = (args as { first?: number | null }).first;
    const limit = typeof first === 'number' ? checkPageSize(first, 'first') : itemLimit;
    const relation = relationFor(args);
    return { ...relation, parameters: { ...relation.parameters, first: neo4j.int(limit) } };
  };
  return {
    // NoInfer: the arguments' type comes from `relationFor`, not from the field it is spread into.
    resolve: (entity: Entity, args: NoInfer<Args>, context: Context, info: GraphQLResolveInfo) =>
      loadRelation(context, bounded(args), entity, info, asOfArgument(args) ?? entity.asOf),
    extensions: { relation: bounded },
  };
}

/** Items per entity that a relationship list returns when `first` is not given. */
export const relationPageSize = 10;

/**
 * The `first` argument of a relationship list: how many items per entity, 10 by default, at
 * most the maximum page size. The cost of an operation counts the list at this size
 * (`src/server/limits.ts`), so nested lists at their defaults stay within the budget.
 */
export const relationPageArg = (t: ArgBuilder<BuilderTypes>) => ({
  first: t.int({ defaultValue: relationPageSize, description: `How many, ${relationPageSize} by default, at most ${maxPageSize}.` }),
});

/** `relationField` for a field of one value (a place's parent): the first related value, or null. */
export function singleRelationField<V, Args extends object = Record<string, unknown>>(relationFor: (args: Args) => Relation<V>) {
  const { resolve, extensions } = relationField(relationFor, 1);
  return { resolve: (...args: Parameters<typeof resolve>) => mapMaybePromise(resolve(...args), (values) => values[0] ?? null), extensions };
}

/**
 * `f` of a value that may still be coming. Values read by the query above are there already: a
 * resolver that returns them as they are lets the executor complete the field at once, where a
 * promise costs it a turn of the microtask queue and the bookkeeping of an asynchronous field.
 */
export function mapMaybePromise<T, U>(value: T | Promise<T>, f: (value: T) => U): U | Promise<U> {
  return value instanceof Promise ? value.then(f) : f(value);
}

const asOfArgument = (args: object) => (args as { asOf?: string | null }).asOf ?? null;

/**
 * The relationship fields selected on the entities at `path` below these field nodes that can be
 * read in the same query: each is a field of the entity's type that loads a relation, asked for
 * with the same arguments wherever it is selected.
 */
function nestedReads(
  fieldNodes: readonly FieldNode[],
  returnType: GraphQLOutputType,
  path: readonly string[],
  info: GraphQLResolveInfo,
  asOf: string | null,
): NestedRead[] {
  const entityType = typeAt(returnType, path);
  if (!entityType || !(isObjectType(entityType) || isInterfaceType(entityType))) return [];
  const byResponseKey = new Map<string, FieldNode[]>();
  for (const field of fieldsSelectedAt(fieldNodes, info.fragments, path)) {
    const responseKey = field.alias?.value ?? field.name.value;
    byResponseKey.set(responseKey, [...(byResponseKey.get(responseKey) ?? []), field]);
  }
  const reads: NestedRead[] = [];
  for (const [responseKey, fields] of byResponseKey) {
    const [first] = fields;
    const definition = first && entityType.getFields()[first.name.value];
    const relationFor = definition?.extensions.relation as ((args: Record<string, unknown>) => Relation<unknown>) | undefined;
    if (!first || !definition || !relationFor) continue;
    const args = getArgumentValues(definition as GraphQLField<unknown, unknown>, first, info.variableValues);
    const sameEverywhere = fields.every(
      (field) => field.name.value === first.name.value && JSON.stringify(getArgumentValues(definition as GraphQLField<unknown, unknown>, field, info.variableValues)) === JSON.stringify(args),
    );
    if (!sameEverywhere) continue;
    const relation = relationFor(args);
    const childAsOf = asOfArgument(args) ?? asOf;
    reads.push({ responseKey, relation, asOf: childAsOf, ...plannedFor(relation, fields, definition.type, info, childAsOf) });
  }
  return reads;
}

/**
 * What a read of the entities at `entityAt` below these field nodes needs: the properties
 * selected on them and on the relationships to them, and the relations nested below them.
 */
export function planned(fieldNodes: readonly FieldNode[], returnType: GraphQLOutputType, entityAt: readonly string[], info: GraphQLResolveInfo, asOf: string | null) {
  const onEntity = notRelationOf(typeAt(returnType, entityAt));
  const onItem = notRelationOf(typeAt(returnType, []));
  const types = { schema: info.schema, type: returnType };
  return {
    selected: {
      entity: namesSelectedAt(fieldNodes, info.fragments, entityAt, types).filter(onEntity),
      // The field that holds the related entity (`entityAt`'s first step) is no property of the relationship.
      relation: namesSelectedAt(fieldNodes, info.fragments, [], types).filter((name) => name !== entityAt[0] && onItem(name)),
    },
    nested: nestedReads(fieldNodes, returnType, entityAt, info, asOf),
  };
}

/** `planned` for the items of a relation, which may say themselves what they read. */
function plannedFor(relation: Relation<unknown>, fieldNodes: readonly FieldNode[], returnType: GraphQLOutputType, info: GraphQLResolveInfo, asOf: string | null) {
  const { nesting } = relation;
  if ('selection' in nesting) return { selected: nesting.selection(fieldNodes, info.fragments, { schema: info.schema, type: returnType }), nested: [] };
  return planned(fieldNodes, returnType, nesting.entityAt, info, asOf);
}

/**
 * Whether a selected name may be a property of this type's nodes. A relation field is read by a
 * subquery of its own, and asking Neo4j for a property of its name costs a lookup per row.
 */
const propertiesReadByFields = new WeakMap<GraphQLNamedType, Set<string>>();

/** Names selected that are no relation of the type; a property that a field of another name reads stays (Place's `names`, read by `spellings`). */
const notRelationOf = (type: GraphQLNamedType | undefined) => {
  if (!type || !(isObjectType(type) || isInterfaceType(type))) return () => true;
  let readByAField = propertiesReadByFields.get(type);
  if (!readByAField) propertiesReadByFields.set(type, (readByAField = new Set(Object.values(type.getFields()).flatMap((field) => (field.extensions as FieldReads).property ?? []))));
  return (name: string) => readByAField.has(name) || !type.getFields()[name]?.extensions.relation;
};

function typeAt(type: GraphQLOutputType, path: readonly string[]): GraphQLNamedType | undefined {
  let named: GraphQLNamedType | undefined = getNamedType(type);
  for (const step of path) {
    if (!named || !(isObjectType(named) || isInterfaceType(named))) return undefined;
    const field: GraphQLField<unknown, unknown> | undefined = named.getFields()[step];
    named = field && getNamedType(field.type);
  }
  return named;
}

/** A row of a nested read: its value, with the rows of the reads below it kept on its entity. */
export function fromNestedRow<V>(
  read: { relation: Pick<Relation<unknown>, 'map' | 'nesting'>; asOf: string | null; selected: Selected; nested: readonly NestedRead[] },
  row: unknown,
): V {
  const [value, nested] = row as [unknown, unknown[][]];
  const item = read.relation.map(value, read.asOf, read.selected) as V;
  if (read.nested.length > 0) {
    // Items of a relation with `entityAt` [] are entities; the others are relationships to one.
    const { nesting } = read.relation;
    const entity = 'entityAt' in nesting && nesting.entityAt.length > 0 ? (item as Related).entity : (item as Entity);
    entity.prefetched = new Map(read.nested.map((child, index) => [child.responseKey, (nested[index] ?? []).map((childRow) => fromNestedRow(child, childRow))]));
  }
  return item;
}

/** What makes two nested reads the same query, for naming the loader that batches them. */
function nestedSignature(reads: readonly NestedRead[]): string {
  return JSON.stringify(reads.map((read) => [read.responseKey, read.relation.tag, read.relation.parameters, read.asOf, read.selected, nestedSignature(read.nested)]));
}

/**
 * The related values of one entity, batched with its siblings: one loader per relation, options,
 * record time, selected properties and nested reads, so the relationships below a list honour
 * the list's `asOf`. Relations selected below it are read in the same query, and a value that
 * the list above read already is served from there.
 */
export function loadRelation<V>(context: Context, relation: Relation<V>, entity: Entity, info: GraphQLResolveInfo, asOf = entity.asOf): V[] | Promise<V[]> {
  const prefetched = entity.prefetched?.get(String(info.path.key));
  if (prefetched) return prefetched as V[];
  const { tag, parameters } = relation;
  const { read, query } = plannedRead(relation, info, asOf);
  const batch = async (keys: readonly string[], db: Neo4jGateway): Promise<V[][]> => {
    // Per key, so that the limit bounds each entity's items.
    const rows = await db.read<{ key: string; value: unknown }>(tag, query.cypher, { ...query.parameters, keys });
    return groupedInKeyOrder(keys, rows.map((row) => ({ key: row.key, value: fromNestedRow<V>(read, row.value) })));
  };
  return context.loaders.load(`${tag} ${JSON.stringify(parameters)} ${asOf ?? ''} ${JSON.stringify(read.selected)} ${nestedSignature(read.nested)}`, batch, entity.key);
}

// Every item of a list resolves a field with the same field nodes: plan its read once per list.
// graphql-js builds these lists anew for each execution, so a plan (which may hold the
// request's variables) lives no longer than its request; `test/read-api.test.ts`, "one document
// run with different variables", fails if an executor ever shares them between requests.
const plans = new WeakMap<readonly FieldNode[], Map<string, { read: NestedRead; query: ReturnType<typeof batchedRead> }>>();

function plannedRead(relation: Relation<unknown>, info: GraphQLResolveInfo, asOf: string | null) {
  let byRead = plans.get(info.fieldNodes);
  if (!byRead) plans.set(info.fieldNodes, (byRead = new Map()));
  const planKey = `${relation.tag} ${JSON.stringify(relation.parameters)} ${asOf ?? ''}`;
  let plan = byRead.get(planKey);
  if (!plan) {
    const read: NestedRead = { responseKey: String(info.path.key), relation, asOf, ...plannedFor(relation, info.fieldNodes, info.returnType, info, asOf) };
    plan = { read, query: batchedRead(read) };
    byRead.set(planKey, plan);
  }
  return plan;
}

/**
 * The entity with this key and of one of these types, or null: a well-formed key that names
 * nothing is not an error. With the lookup's resolve info, it reads only the properties the
 * selection names and, in the same query, the relations selected below it.
 */
export async function findEntity(
  context: Context,
  key: string,
  typenames: readonly EntityTypeName[] = entityTypeNames,
  info?: GraphQLResolveInfo,
): Promise<Entity | null> {
  try {
    const entity = info ? await loadSelectedEntity(context, key, typenames, info) : await context.loaders.load('entities.by-key', loadEntitiesByKey, key);
    return typenames.includes(entity.typename) ? entity : null;
  } catch (error) {
    if (error instanceof ClientError && error.extensions.code === ErrorCode.NOT_FOUND) return null;
    throw error;
  }
}

function loadSelectedEntity(context: Context, key: string, typenames: readonly EntityTypeName[], info: GraphQLResolveInfo): Promise<Entity> {
  // A lookup of one type (node(id:) knows it from the id) plans with that type's fields, not the interface's.
  const only = typenames.length === 1 ? entityTypeNames.find((name) => name === typenames[0]) : undefined;
  const type = only ? (info.schema.getType(only) as GraphQLOutputType | undefined) : undefined;
  const read = { relation: { map: entityFromRow, nesting: { entityVariable: 'n', entityAt: [] } }, asOf: null, ...planned(info.fieldNodes, type ?? info.returnType, [], info, null) };
  const inner = nestedCypher('n', read.nested, 'n');
  const batch = async (keys: readonly string[], db: Neo4jGateway): Promise<(Entity | Error)[]> => {
    const rows = await db.read<{ key: string; entity: unknown }>(
      'entities.by-key',
      `UNWIND $keys AS key ${only ? matchEntityOfType(only) : matchEntityByKey}
       ${inner.subqueries}
       RETURN key, ${withNested(topLevel.entity('n'), inner)} AS entity`,
      { ...inner.parameters, keys, properties: read.selected.entity },
    );
    const found = new Map(rows.map((row) => [row.key, fromNestedRow<Entity>(read, row.entity)]));
    return inKeyOrder(keys, found, keyNamesNothing);
  };
  return context.loaders.load(`entities.by-key ${only ?? ''} ${JSON.stringify(read.selected)} ${nestedSignature(read.nested)}`, batch, key);
}
