import neo4j from 'neo4j-driver';
import type { Neo4jGateway } from '../db/gateway';
import type { Entity, Selected } from '../graphql/entity';
import { entityFromRow } from '../graphql/entity';
import { listMatch, type ListQuery } from '../graphql/pagination';
import { fromNestedRow } from '../graphql/relations';
import { nestedCypher, withNested, type NestedRead } from '../read/compose';
import type { Relation } from '../read/relation';
import { topLevelAsOf } from '../read/scope';

/**
 * Rows an export reads per round trip. Memory holds one page (its nested rows included) at a
 * time, whatever the size of the export.
 */
export const exportPageSize = 250;

/** Items of a relationship read per exported row: the lists' maximum page size. */
export const exportItemsPerRow = 100;

export interface ExportRead extends Omit<ListQuery, 'orderBy' | 'info'> {
  /** The properties read of each row's entity. */
  properties: readonly string[];
  /** The relationships read with each row, by name, with the properties read of their items. */
  relations: Record<string, { relation: Relation<unknown>; selected: Selected }>;
}

/** A nested read of a relation's first `exportItemsPerRow` items, in its declared order. */
const nestedRead = (responseKey: string, relation: Relation<unknown>, selected: Selected, asOf: string | null): NestedRead => ({
  responseKey,
  relation: { ...relation, parameters: { ...relation.parameters, first: neo4j.int(exportItemsPerRow) } },
  asOf,
  selected,
  nested: [],
});

/**
 * The entities a list's filter selects, in key order, page after page: each page one round trip
 * that reads the entities after the last key of the page before (keyset, so page N costs what
 * page 1 does) with their relationships, composed from the same declarations as the GraphQL
 * fields. Each page is its own read transaction: a write during an export is seen by the pages
 * after it, and no key comes twice.
 */
export async function* exportPages(db: Neo4jGateway, tag: string, read: ExportRead, pageSize = exportPageSize): AsyncGenerator<Entity[]> {
  const asOf = read.asOf ?? null;
  read.conditions.add('n.key > $afterKey');
  const { match, parameters } = listMatch(read);
  const nested = Object.entries(read.relations).map(([name, { relation, selected }]) => nestedRead(name, relation, selected, asOf));
  const inner = nestedCypher('n', nested, 'n');
  const cypher = `${match}
    WITH n ORDER BY n.key LIMIT $pageSize
    ${inner.subqueries}
    RETURN ${withNested(topLevelAsOf(asOf).entity('n'), inner)} AS row ORDER BY n.key`;
  const selected = { entity: read.properties, relation: [] };
  const decode = { relation: { map: entityFromRow, nesting: { entityVariable: 'n', entityAt: [] } }, asOf, selected, nested };
  let afterKey = '';
  for (;;) {
    const rows = await db.read<{ row: unknown }>(tag, cypher, { ...parameters, ...inner.parameters, afterKey, pageSize: neo4j.int(pageSize), properties: read.properties, asOf });
    const page = rows.map((row) => fromNestedRow<Entity>(decode, row.row));
    yield page;
    if (page.length < pageSize) return;
    afterKey = page.at(-1)!.key;
  }
}
