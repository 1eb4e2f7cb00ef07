/**
 * Relationship fields as declarations: where a relation starts, what it matches, what each item
 * is and in which order, from which `compose.ts` builds both the batched query (by key) and the
 * read nested in the query of the list above. Most relations are one hop (`hop`); the few that
 * walk a hierarchy or group rows declare their match themselves (`relation`), still as parts.
 */
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { RelationshipType } from '../model';
import { maxHierarchyDepth } from './conditions';
import { entityFromRow, relatedFromRow, type Entity, type Related, type Selected, type SelectionTypes } from '../graphql/entity';
import { always, type CypherScope } from './scope';

/** The properties a relation's items read, from its field's selection. */
export type RelationSelection = (fieldNodes: readonly FieldNode[], fragments: GraphQLResolveInfo['fragments'], types: SelectionTypes) => Selected;

/** The selection of a relation whose items are small nodes read whole (`properties(n)`): nothing to choose. */
export const wholeItems: RelationSelection = () => ({ entity: [], relation: [] });

export interface Relation<V> {
  /** Names the query in the gateway's tags and the loader that batches it. */
  tag: string;
  /** The label of the node it starts from; `Entity` for any entity, found by its key's prefix. */
  from: string;
  /** Cypher that binds the items, starting from the node bound to `start`. */
  match: (scope: CypherScope, start: string) => string;
  /** The Cypher expression of one item. */
  value: (scope: CypherScope) => string;
  /** Cypher ordering of the items, over the variables `match` binds (never a user's value). */
  order: string | null;
  /**
   * Where relations nest below the items: the variable of the related entity, and where the
   * entity lies in the item's selection ([] for the item itself). Items read whole (`selection`)
   * say themselves what they read, and nothing nests below them.
   */
  nesting: { entityVariable: string; entityAt: readonly string[] } | { selection: RelationSelection };
  map: (value: unknown, asOf: string | null, selected?: Selected) => V;
  /** Values of the parameters `match` refers to (besides asOf, properties, relationProperties, first). */
  parameters: Record<string, unknown>;
}

export const relation = <V>(declaration: Relation<V>): Relation<V> => declaration;

/** Orderings of a hop's items, by the item node (`item`) or the relationship (`r`). */
export type HopOrder = `${'item' | 'r'}.${string}`;

interface Hop {
  tag: string;
  from: string;
  type: RelationshipType;
  /** `out`: (start)-[r]->(item); `in`: (start)<-[r]-(item). */
  direction: 'out' | 'in';
  /** The items' label; none for any node. */
  to?: string;
  order?: readonly HopOrder[];
  /** The items are claims: deprecated ones are hidden unless the field's `includeDeprecated`. */
  claims?: { includeDeprecated: boolean };
}

/**
 * A relation of one hop. Its items are the related entities, or (with `relatedAt`, the field of
 * the item that holds the entity) the relationships to them with their properties.
 */
export function hop(declaration: Hop): Relation<Entity>;
export function hop(declaration: Hop & { relatedAt: string }): Relation<Related>;
export function hop(declaration: Hop & { relatedAt?: string }): Relation<Entity> | Relation<Related> {
  const { tag, from, type, direction, to, order, claims, relatedAt } = declaration;
  const match = (scope: CypherScope, start: string) => {
    const pattern = direction === 'out' ? `(${start})-[r:${type}]->(item${to ? `:${to}` : ''})` : `(${start})<-[r:${type}]-(item${to ? `:${to}` : ''})`;
    const conditions = [...(claims ? [scope.visibleRank('item')] : []), scope.knownAsOf('item', 'r')].filter((condition) => condition !== always);
    return `MATCH ${pattern}${conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : ''}`;
  };
  const common = { tag, from, match, order: order?.join(', ') ?? null, parameters: claims ? { includeDeprecated: claims.includeDeprecated } : {} };
  return relatedAt === undefined
    ? { ...common, value: (scope) => scope.entity('item'), nesting: { entityVariable: 'item', entityAt: [] }, map: entityFromRow }
    : { ...common, value: (scope) => scope.related('item', 'r'), nesting: { entityVariable: 'item', entityAt: [relatedAt] }, map: relatedFromRow };
}

/**
 * Every node above an entity along a hierarchy relationship (a place's areas, a model's
 * families), nearest first, each once at its shortest distance, so a cycle written before
 * writes refused them ends.
 */
export function ancestors(tag: string, label: string, type: RelationshipType): Relation<Entity> {
  return relation({
    tag,
    from: label,
    match: (scope, start) => `MATCH path = (${start})-[:${type}*1..${maxHierarchyDepth}]->(above:${label}) WHERE ${scope.knownAsOf('above')}
   WITH above, min(length(path)) AS distance`,
    value: (scope) => scope.entity('above'),
    order: 'distance, above.key',
    nesting: { entityVariable: 'above', entityAt: [] },
    map: entityFromRow,
    parameters: {},
  });
}
