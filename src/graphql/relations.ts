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
import type { Context } from '../context';
import type { Neo4jGateway } from '../db/gateway';
import { ClientError, ErrorCode } from '../errors';
import { entityFromRow, entityTypeNames, fieldsSelectedAt, keyNamesNothing, loadEntitiesByKey, namesSelectedAt, selectedEntityProjection, type Entity, type EntityTypeName, type Related, type Selected, type SelectionTypes } from './entity';
import type { BuilderTypes } from './builder';
import { groupedInKeyOrder, inKeyOrder } from './loaders';
import { checkPageSize, maxPageSize } from './pagination';
import { matchEntityByKey, matchEntityOfType } from '../model';

/**
 * A one-to-many relationship field: Cypher of the shape `UNWIND $keys AS key ... RETURN key,
 * value [ORDER BY ...]` that gets `$asOf` and the selected `$properties` and
 * `$relationProperties`. It is read in the query of the list or lookup above it (see
 * `NestedRead`), or batched with its siblings. Items that are entities, or relationships to one,
 * are projected with `selectedEntityProjection` (and `relatedProjection`), and `entityAt` says
 * where the entity lies in the field's selection ([] for the item itself): relations nest
 * below it. Other items (`selection`) say themselves what they read, and nothing nests below.
 */
export interface Relation<V> {
  tag: string;
  map: (value: unknown, asOf: string | null, selected?: Selected) => V;
  parameters: Record<string, unknown>;
  entityAt?: readonly string[];
  selection?: RelationSelection;
  shape: RelationShape;
}

/** The properties a relation's items read, from its field's selection. */
export type RelationSelection = (fieldNodes: readonly FieldNode[], fragments: GraphQLResolveInfo['fragments'], types: SelectionTypes) => Selected;

/** The selection of a relation whose items are small nodes read whole (`properties(n)`): nothing to choose. */
export const wholeItems: RelationSelection = () => ({ entity: [], relation: [] });

/** A relation's Cypher cut into the parts a nested read puts together again. */
interface RelationShape {
  /** What follows `UNWIND $keys AS key`: binds the related nodes of the entity with key `key`. */
  body: string;
  /** The body, starting from the entity bound to a variable rather than from its key. */
  from: (node: string) => string;
  value: string;
  order: string | null;
  /** The variable of the related entity, for the relations nested below (none below a `selection`). */
  entityVariable: string | null;
}

/**
 * A nested read has the entity itself, so its body starts from it: seeking each key in the index
 * again took a quarter of the benchmark's deep query. The key pattern `(v:Label {key: key})` or
 * the match by any key become the bound node.
 */
function startingFrom(body: string, value: string, order: string | undefined): (node: string) => string {
  // `key` is bound only where the rest of the relation uses it: reading it costs a lookup per row.
  const keyOf = (node: string, rest: string) => (usesKeyVariable(`${rest} ${value} ${order ?? ''}`) ? `, ${node}.key AS key` : '');
  if (body.startsWith(matchEntityByKey)) {
    const rest = body.slice(matchEntityByKey.length);
    return (node) => `WITH ${node} AS n${keyOf(node, rest)} ${rest}`;
  }
  const anchor = /\((\w*):(\w+) \{key: key\}\)/.exec(body);
  if (!anchor) return (node) => `WITH ${node}.key AS key ${body}`;
  const [pattern, variable, label] = anchor;
  if (variable) {
    const rest = body.replace(pattern, `(${variable}:${label})`);
    return (node) => `WITH ${node} AS ${variable}${keyOf(node, rest)} ${rest}`;
  }
  return (node) => {
    const rest = body.replace(pattern, `(${node}:${label})`);
    return `WITH ${node}${keyOf(node, rest)} ${rest}`;
  };
}

/** Whether Cypher uses the variable `key`, not a property or a map key of that name. */
const usesKeyVariable = (cypher: string) => /(?<![.\w$])key\b(?!\s*:)/.test(cypher);

const relationCypher = /^\s*UNWIND \$keys AS key\s([\s\S]*)\sRETURN key, ([\s\S]*) AS value(?:\s+ORDER BY ([\s\S]*?))?\s*$/;

export function relation<V>(
  tag: string,
  cypher: string,
  map: Relation<V>['map'],
  parameters: Record<string, unknown>,
  nesting: readonly string[] | RelationSelection,
): Relation<V> {
  let shape = shapes.get(cypher);
  if (!shape) {
    const [, body, value, order] = relationCypher.exec(cypher) ?? [];
    const entityVariable = typeof nesting === 'function' ? null : /^\[labels\((\w+)\), \[name IN \$properties/.exec(value ?? '')?.[1];
    if (!body || !value || entityVariable === undefined) throw new Error(`The Cypher of relation ${tag} does not have the shape of a relation`);
    shape = { body, from: startingFrom(body, value, order), value, order: order ?? null, entityVariable };
    shapes.set(cypher, shape);
  }
  return typeof nesting === 'function' ? { tag, map, parameters, selection: nesting, shape } : { tag, map, parameters, entityAt: nesting, shape };
}

// Relations with arguments are made per field resolved; their Cypher is one of a few texts.
const shapes = new Map<string, RelationShape>();

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
 * (`src/limits.ts`), so nested lists at their defaults stay within the budget.
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

/** A relation read inside its parent's query: for which field, as of when, which properties, and what is nested below it. */
interface NestedRead {
  responseKey: string;
  relation: Relation<unknown>;
  asOf: string | null;
  selected: Selected;
  nested: NestedRead[];
}

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
  if (relation.selection) return { selected: relation.selection(fieldNodes, info.fragments, { schema: info.schema, type: returnType }), nested: [] };
  return planned(fieldNodes, returnType, relation.entityAt ?? [], info, asOf);
}

/** Cypher of a row with its nested reads: `[value, [rows of each nested read]]`, as `fromNestedRow` reads it. */
const withNested = (value: string, inner: { columns: readonly string[] }) => `[${value}, [${inner.columns.join(', ')}]]`;

/**
 * Whether a selected name may be a property of this type's nodes. A relation field is read by a
 * subquery of its own, and asking Neo4j for a property of its name costs a lookup per row.
 */
const notRelationOf = (type: GraphQLNamedType | undefined) => (name: string) =>
  !(type && (isObjectType(type) || isInterfaceType(type)) && type.getFields()[name]?.extensions.relation);

function typeAt(type: GraphQLOutputType, path: readonly string[]): GraphQLNamedType | undefined {
  let named: GraphQLNamedType | undefined = getNamedType(type);
  for (const step of path) {
    if (!named || !(isObjectType(named) || isInterfaceType(named))) return undefined;
    const field: GraphQLField<unknown, unknown> | undefined = named.getFields()[step];
    named = field && getNamedType(field.type);
  }
  return named;
}

/**
 * Cypher subqueries that read the nested relations of the entity bound to `variable`, one row
 * each: column `<prefix><i>` holds the rows of the i-th read, `[value, nested]` lists in the
 * relation's order. Parameters are renamed with the prefix, so levels do not collide.
 */
export function nestedCypher(variable: string | null, reads: readonly NestedRead[], prefix: string): { subqueries: string; columns: string[]; parameters: Record<string, unknown> } {
  if (reads.length > 0 && !variable) throw new Error('Relations nest only below an entity');
  const parameters: Record<string, unknown> = {};
  const columns: string[] = [];
  const subqueries = reads.map((read, index) => {
    const shape = read.relation.shape;
    const own = `${prefix}${index}_`;
    const rename = (cypher: string) => cypher.replace(/\$(\w+)/g, (_match, name: string) => `$${own}${name}`);
    const inner = nestedCypher(shape.entityVariable, read.nested, own);
    Object.assign(parameters, inner.parameters);
    for (const [name, value] of Object.entries(readParameters(read))) parameters[`${own}${name}`] = value;
    columns.push(`${own}rows`);
    // The entity goes in under a name of its own: a subquery may not bind a name it imports.
    return `WITH *, ${variable} AS ${own}node
    CALL (${own}node) {
      ${rename(shape.from(`${own}node`))}
      ${inner.subqueries}
      WITH ${withNested(rename(shape.value), inner)} AS value${shape.order ? ` ORDER BY ${rename(shape.order)}` : ''} LIMIT $${own}first
      RETURN collect(value) AS ${own}rows
    }`;
  });
  return { subqueries: subqueries.join('\n'), columns, parameters };
}

function readParameters(read: Pick<NestedRead, 'relation' | 'asOf' | 'selected'>): Record<string, unknown> {
  return { ...read.relation.parameters, asOf: read.asOf, properties: read.selected.entity, relationProperties: read.selected.relation };
}

/** A row of a nested read: its value, with the rows of the reads below it kept on its entity. */
export function fromNestedRow<V>(
  read: { relation: Pick<Relation<unknown>, 'map' | 'entityAt'>; asOf: string | null; selected: Selected; nested: readonly NestedRead[] },
  row: unknown,
): V {
  const [value, nested] = row as [unknown, unknown[][]];
  const item = read.relation.map(value, read.asOf, read.selected) as V;
  if (read.nested.length > 0) {
    // Items of a relation with `entityAt` [] are entities; the others are relationships to one.
    const entity = read.relation.entityAt?.length ? (item as Related).entity : (item as Entity);
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
  const { tag, parameters, shape } = relation;
  const { read, inner } = plannedRead(relation, info, asOf);
  const batch = async (keys: readonly string[], db: Neo4jGateway): Promise<V[][]> => {
    // Per key, so that the limit bounds each entity's items.
    const rows = await db.read<{ key: string; value: unknown }>(
      tag,
      `UNWIND $keys AS key
       CALL (key) {
         ${shape.body}
         ${inner.subqueries}
         WITH ${withNested(shape.value, inner)} AS value${shape.order ? ` ORDER BY ${shape.order}` : ''} LIMIT $first
         RETURN value
       }
       RETURN key, value`,
      { ...readParameters(read), ...inner.parameters, keys },
    );
    return groupedInKeyOrder(keys, rows.map((row) => ({ key: row.key, value: fromNestedRow<V>(read, row.value) })));
  };
  return context.loaders.load(`${tag} ${JSON.stringify(parameters)} ${asOf ?? ''} ${JSON.stringify(read.selected)} ${nestedSignature(read.nested)}`, batch, entity.key);
}

// Every item of a list resolves a field with the same field nodes: plan its read once per list.
// graphql-js builds these lists anew for each execution, so a plan (which may hold the
// request's variables) lives no longer than its request; `test/read-api.test.ts`, "one document
// run with different variables", fails if an executor ever shares them between requests.
const plans = new WeakMap<readonly FieldNode[], Map<string, { read: NestedRead; inner: ReturnType<typeof nestedCypher> }>>();

function plannedRead(relation: Relation<unknown>, info: GraphQLResolveInfo, asOf: string | null) {
  let byRead = plans.get(info.fieldNodes);
  if (!byRead) plans.set(info.fieldNodes, (byRead = new Map()));
  const planKey = `${relation.tag} ${JSON.stringify(relation.parameters)} ${asOf ?? ''}`;
  let plan = byRead.get(planKey);
  if (!plan) {
    const read: NestedRead = { responseKey: String(info.path.key), relation, asOf, ...plannedFor(relation, info.fieldNodes, info.returnType, info, asOf) };
    plan = { read, inner: nestedCypher(relation.shape.entityVariable, read.nested, 'n') };
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
  const read = { relation: { map: entityFromRow, entityAt: [] }, asOf: null, ...planned(info.fieldNodes, type ?? info.returnType, [], info, null) };
  const inner = nestedCypher('n', read.nested, 'n');
  const batch = async (keys: readonly string[], db: Neo4jGateway): Promise<(Entity | Error)[]> => {
    const rows = await db.read<{ key: string; entity: unknown }>(
      'entities.by-key',
      `UNWIND $keys AS key ${only ? matchEntityOfType(only) : matchEntityByKey}
       ${inner.subqueries}
       RETURN key, ${withNested(selectedEntityProjection('n'), inner)} AS entity`,
      { ...inner.parameters, keys, properties: read.selected.entity },
    );
    const found = new Map(rows.map((row) => [row.key, fromNestedRow<Entity>(read, row.entity)]));
    return inKeyOrder(keys, found, keyNamesNothing);
  };
  return context.loaders.load(`entities.by-key ${only ?? ''} ${JSON.stringify(read.selected)} ${nestedSignature(read.nested)}`, batch, key);
}
