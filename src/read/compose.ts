/**
 * Cypher of relation reads, composed from their declarations (`relation.ts`): the batched query
 * that reads a relation for many entities by key, and the subqueries that read relations inside
 * the query of the list or lookup above them, level by level. Pure: declarations and the plan in,
 * Cypher and parameters out (`test/unit/compose.test.ts`).
 */
import { matchEntityByKey } from '../model';
import type { Selected } from '../graphql/entity';
import type { Relation } from './relation';
import { CypherScope, topLevelAsOf } from './scope';

/** A relation read inside its parent's query: for which field, as of when, which properties, and what is nested below it. */
export interface NestedRead {
  responseKey: string;
  relation: Relation<unknown>;
  asOf: string | null;
  selected: Selected;
  nested: NestedRead[];
}

export interface NestedCypher {
  subqueries: string;
  /** The columns that hold each nested read's rows, in the order of the reads. */
  columns: string[];
  parameters: Record<string, unknown>;
}

/** Cypher of a row with its nested reads: `[value, [rows of each nested read]]`, as `fromNestedRow` reads it. */
export const withNested = (value: string, inner: Pick<NestedCypher, 'columns'>) => `[${value}, [${inner.columns.join(', ')}]]`;

/** The values of a read's parameters, before its scope names them. */
export function readParameters(read: Pick<NestedRead, 'relation' | 'asOf' | 'selected'>): Record<string, unknown> {
  return { ...read.relation.parameters, asOf: read.asOf, properties: read.selected.entity, relationProperties: read.selected.relation };
}

/**
 * The items' part of a relation's read: match, order and limit, then what is nested below the
 * items that remain, then the value. Limited before nesting, so an entity with thousands of
 * related items reads the relations below only its first few; ordered again after, as the
 * subqueries are not promised to keep the order of their input.
 */
function itemsOf(read: Pick<NestedRead, 'relation'>, scope: CypherScope, start: string, inner: NestedCypher): string {
  const { relation } = read;
  const order = relation.order ? ` ORDER BY ${relation.order}` : '';
  if (inner.columns.length === 0) {
    return `${relation.match(scope, start)}
      WITH ${withNested(relation.value(scope), inner)} AS value${order} LIMIT ${scope.param('first')}`;
  }
  return `${relation.match(scope, start)}
      WITH *${order} LIMIT ${scope.param('first')}
      ${inner.subqueries}
      WITH ${withNested(relation.value(scope), inner)} AS value${order}`;
}

const entityVariableOf = (relation: Relation<unknown>) => ('entityVariable' in relation.nesting ? relation.nesting.entityVariable : null);

/**
 * Subqueries that read the nested relations of the entity bound to `variable`, one row each:
 * column `<prefix><i>rows` holds the rows of the i-th read, `[value, nested]` lists in the
 * relation's order. Each read has a scope of its own, so its parameters are its own.
 */
export function nestedCypher(variable: string | null, reads: readonly NestedRead[], prefix: string): NestedCypher {
  if (reads.length > 0 && !variable) throw new Error('Relations nest only below an entity');
  const parameters: Record<string, unknown> = {};
  const columns: string[] = [];
  const subqueries = reads.map((read, index) => {
    const own = `${prefix}${index}_`;
    const scope = new CypherScope(own, read.asOf !== null, true);
    const start = `${own}node`;
    const inner = nestedCypher(entityVariableOf(read.relation), read.nested, own);
    Object.assign(parameters, inner.parameters, scope.parameters(readParameters(read)));
    columns.push(`${own}rows`);
    // The entity goes in under a name of its own: a subquery may not bind a name it imports.
    return `WITH *, ${variable} AS ${start}
    CALL (${start}) {
      ${itemsOf(read, scope, start, inner)}
      RETURN collect(value) AS ${own}rows
    }`;
  });
  return { subqueries: subqueries.join('\n'), columns, parameters };
}

/** Cypher that binds `n` to the node a relation starts from, found by the key in `key`. */
const startByKey = (from: string) => (from === 'Entity' ? matchEntityByKey : `MATCH (n:${from} {key: key})`);

/**
 * The batched read of a relation for the entities whose keys are `$keys`: rows of `key, value`,
 * at most `$first` per key, with the relations nested below read in the same query.
 */
export function batchedRead(read: Omit<NestedRead, 'responseKey'>): { cypher: string; parameters: Record<string, unknown> } {
  const inner = nestedCypher(entityVariableOf(read.relation), read.nested, 'n');
  const cypher = `UNWIND $keys AS key
    CALL (key) {
      ${startByKey(read.relation.from)}
      ${itemsOf(read, topLevelAsOf(read.asOf), 'n', inner)}
      RETURN value
    }
    RETURN key, value`;
  return { cypher, parameters: { ...readParameters(read), ...inner.parameters } };
}
