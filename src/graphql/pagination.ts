import neo4j from 'neo4j-driver';
import type { Neo4jGateway } from '../db/gateway';
import { ClientError, ErrorCode } from '../server/errors';
import type { BuilderTypes } from './builder';
import type { Conditions } from '../read/conditions';
import type { GraphQLResolveInfo } from 'graphql';
import { entityFromRow, type Entity } from './entity';
import { topLevelAsOf } from '../read/scope';
import { fromNestedRow, planned } from './relations';
import { nestedCypher } from '../read/compose';
import { toLuceneQuery } from './search-text';

const neo4jInt = (value: number) => neo4j.int(value);

export const defaultPageSize = 20;
export const maxPageSize = 100;

/**
 * What a list that takes no page size declares about its size (`extensions.listBound`), for the
 * cost of an operation (`src/server/limits.ts`) and the test that every list is bounded.
 */
export interface ListBound {
  /** The most items it can hold. */
  maxItems: number;
  /** The size to price it at, when the items of several such lists share one bound; else maxItems. */
  pricedAs?: number;
  /** The argument that sets its size, if one does (up to maxItems; pricedAs when not given). */
  sizeArgument?: string;
}

/** Field extensions that declare a list's bound. */
export const listBound = (maxItems: number, pricedAs?: number, sizeArgument?: string) => ({ listBound: { maxItems, pricedAs, sizeArgument } satisfies ListBound });

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface PageWindow {
  offset: number;
  limit: number;
}

export interface Connection<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
  /** For a list's own fields (facets): the Cypher that binds its `n`, and its parameters. */
  list?: { match: string; parameters: Record<string, unknown> };
}

const cursorPrefix = 'offset:';

function encodeCursor(position: number): string {
  return Buffer.from(`${cursorPrefix}${position}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, argument: 'after' | 'before'): number {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const position = decoded.startsWith(cursorPrefix) ? Number(decoded.slice(cursorPrefix.length)) : Number.NaN;
  if (!Number.isSafeInteger(position) || position < 0 || encodeCursor(position) !== cursor) {
    throw new ClientError(ErrorCode.BAD_USER_INPUT, `"${cursor.slice(0, 60)}" is not a cursor of this list (${argument}).`, {
      extensions: { argument },
    });
  }
  return position;
}

/** When an entity last changed, in record time: its last update, else its recording. */
export const changedAt = (variable: string) => `coalesce(${variable}.updatedAt, ${variable}.recordedAt)`;

const changePrefix = 'changed:';
/** A neo4j DATETIME as Cypher's toString writes it, to the nanosecond. */
const changeTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A cursor of a list ordered by change (CHANGED_ASC): the change time and key of its item, not a
 * position, so writes between two pages (which move items to the end) skip nothing and repeat
 * nothing before it. The time is kept to the nanosecond, as stored.
 */
export const encodeChangeCursor = (changed: string, key: string) => Buffer.from(`${changePrefix}${changed}|${key}`, 'utf8').toString('base64url');

export function decodeChangeCursor(cursor: string): { changed: string; key: string } {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const separator = decoded.indexOf('|');
  const changed = decoded.slice(changePrefix.length, separator);
  const key = decoded.slice(separator + 1);
  if (!decoded.startsWith(changePrefix) || separator < 0 || !changeTimePattern.test(changed) || key === '' || encodeChangeCursor(changed, key) !== cursor) {
    throw new ClientError(ErrorCode.BAD_USER_INPUT, `"${cursor.slice(0, 60)}" is not a cursor of a list ordered by CHANGED_ASC (after).`, { extensions: { argument: 'after' } });
  }
  return { changed, key };
}

/** A page size within the maximum, or BAD_USER_INPUT naming the argument. */
export function checkPageSize(size: number, argument: 'first' | 'last'): number {
  if (size < 0 || size > maxPageSize) {
    throw new ClientError(
      ErrorCode.BAD_USER_INPUT,
      `${argument} must be between 0 and ${maxPageSize}, the maximum page size (got ${size}).`,
      { extensions: { argument, maximum: maxPageSize } },
    );
  }
  return size;
}

/**
 * The slice of a stably ordered list that Relay's arguments ask for. Cursors are positions in
 * that order; `last` counts back from `before`, which needs the total when there is no `before`.
 */
export function pageWindow(args: PageArgs, total?: number): PageWindow {
  const start = args.after ? decodeCursor(args.after, 'after') + 1 : 0;
  const end = args.before ? decodeCursor(args.before, 'before') : undefined;
  if (args.last != null) {
    const last = checkPageSize(args.last, 'last');
    const stop = end ?? total ?? 0;
    const offset = Math.max(start, stop - last);
    return { offset, limit: Math.max(0, stop - offset) };
  }
  const first = checkPageSize(args.first ?? defaultPageSize, 'first');
  return { offset: start, limit: Math.max(0, Math.min(first, (end ?? Number.MAX_SAFE_INTEGER) - start)) };
}

/** Whether the window can only be known once the total is (`last` without `before`). */
export function needsTotalFirst(args: PageArgs): boolean {
  return args.last != null && !args.before;
}

/** With `cursors`, a page of a sync (changeCursor): `totalCount` counts what follows `after`. */
export function toConnection<T>(nodes: T[], window: PageWindow, totalCount: number, cursors?: string[]): Connection<T> {
  const edges = nodes.map((node, index) => ({ node, cursor: cursors?.[index] ?? encodeCursor(window.offset + index) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: window.offset + nodes.length < totalCount,
      hasPreviousPage: window.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

export interface ListQuery {
  /** The label listed, bound to `n`. */
  label: 'Actor' | 'Place' | 'Event' | 'Claim' | 'Source';
  /** The full-text index that `text` searches; a search ranks by relevance first. */
  fullTextIndex: string;
  text?: string | null;
  /** Cypher that binds `n` when there is no text, instead of every node of the label. */
  start?: string;
  conditions: Conditions;
  /** Cypher ORDER BY, or 'changed': by change in record time (a sync), with cursors that survive writes. */
  orderBy: string | 'changed';
  /** Record time: only nodes recorded by then; the relationships below inherit it. */
  asOf?: string | null;
  /**
   * The list field's resolve info: the page reads only the properties its selection names, and
   * the relationship fields selected below it in the same query (relations.ts).
   */
  info: GraphQLResolveInfo;
  /** Where the entity lies below the field of `info` (a subscription's message holds it in a field); a connection's node by default. */
  entityAt?: readonly string[];
  /** Properties read besides the selected ones (a subscription tells from them what changed). */
  alsoRead?: readonly string[];
}

/**
 * The Cypher that binds a list's `n` (and `score`, when searching text) with its conditions, and
 * its parameters: what a page and an aggregate of the same list both start from.
 */
export function listMatch(query: Omit<ListQuery, 'orderBy' | 'info'>): { match: string; parameters: Record<string, unknown> } {
  if (query.asOf) query.conditions.add('n.recordedAt <= datetime($asOf)', { asOf: query.asOf });
  const parameters = { ...query.conditions.parameters };
  let start = query.start ?? `MATCH (n:${query.label})`;
  if (query.text) {
    start = `CALL db.index.fulltext.queryNodes('${query.fullTextIndex}', $lucene) YIELD node AS n, score`;
    parameters.lucene = toLuceneQuery(query.text, 'matching');
  }
  return { match: `${start}${query.conditions.where}`, parameters };
}

/**
 * One page of a stably ordered list and its total, in one round trip. The Cypher is built only
 * from the code's own fragments; every value arrives as a parameter.
 */
export async function readPage(db: Neo4jGateway, tag: string, query: ListQuery, args: PageArgs): Promise<Connection<Entity>> {
  const sync = query.orderBy === 'changed';
  if (sync) {
    if (args.last != null || args.before) {
      throw new ClientError(ErrorCode.BAD_USER_INPUT, 'A list ordered by CHANGED_ASC pages forward only: give first and after, not last or before.', { extensions: { argument: args.last != null ? 'last' : 'before' } });
    }
    if (args.after) {
      const after = decodeChangeCursor(args.after);
      query.conditions.add(`(${changedAt('n')} > datetime($afterChanged) OR (${changedAt('n')} = datetime($afterChanged) AND n.key > $afterKey))`, { afterChanged: after.changed, afterKey: after.key });
    }
  }
  const { match, parameters } = listMatch(query);
  const order = sync ? `${changedAt('n')}, n.key` : query.orderBy;
  const orderBy = query.text ? `score DESC, ${order}` : order;
  let total: number | undefined;
  if (needsTotalFirst(args)) {
    const [row] = await db.read<{ total: number }>(`${tag}.count`, `${match} RETURN count(n) AS total`, parameters);
    total = row?.total ?? 0;
  }
  // A sync's `after` is a condition: its page starts at the first item left.
  const window = pageWindow(sync ? { first: args.first } : args, total);
  const asOf = query.asOf ?? null;
  const { info } = query;
  const plan = planned(info.fieldNodes, info.returnType, query.entityAt ?? ['edges', 'node'], info, asOf);
  const { nested } = plan;
  const selected = query.alsoRead ? { ...plan.selected, entity: [...new Set([...plan.selected.entity, ...query.alsoRead])] } : plan.selected;
  const inner = nestedCypher('n', nested, 'n');
  // Numbered, to keep the page's order through the nested reads.
  const page = (nodes: string) => `
       UNWIND range(0, size(${nodes}) - 1) AS position WITH ${nodes}[position] AS n, position
       ${inner.subqueries}
       WITH n, position, [${inner.columns.join(', ')}] AS nested ORDER BY position
       RETURN collect([${topLevelAsOf(asOf).entity('n')}, nested${sync ? `, toString(${changedAt('n')})` : ''}]) AS page`;
  // A list that starts from a place (`start`) is walked once and counted as it is collected; a
  // list of a whole label is counted from Neo4j's counts and only its page is sorted out.
  const cypher = query.start && !query.text
    ? `${match} WITH n ORDER BY ${orderBy} WITH collect(n) AS matched
       CALL (matched) { WITH matched[$offset..($offset + $limit)] AS nodes ${page('nodes')} }
       RETURN size(matched) AS total, page`
    : `CALL () { ${match} RETURN count(n) AS total }
       CALL () { ${match} WITH n ORDER BY ${orderBy} SKIP $offset LIMIT $limit WITH collect(n) AS nodes ${page('nodes')} }
       RETURN total, page`;
  const [row] = await db.read<{ total: number; page: unknown[] }>(tag, cypher, {
    ...parameters,
    ...inner.parameters,
    offset: neo4jInt(window.offset),
    limit: neo4jInt(window.limit),
    properties: selected.entity,
    asOf,
  });
  const read = { relation: { map: entityFromRow, nesting: { entityVariable: 'n', entityAt: [] } }, asOf, selected, nested };
  const entries = row?.page ?? [];
  const nodes = entries.map((entry) => fromNestedRow<Entity>(read, entry));
  const cursors = sync ? entries.map((entry, index) => encodeChangeCursor(String((entry as unknown[])[2]), nodes[index]!.key)) : undefined;
  const connection = toConnection(nodes, window, row?.total ?? 0, cursors);
  if (sync && args.after) connection.pageInfo.hasPreviousPage = true;
  connection.list = { match, parameters };
  return connection;
}

/** The options every connection type shares: a description and the total over all pages. */
export function connectionOptions(noun: string) {
  return {
    description: `A page of ${noun}.`,
    fields: (t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, object>) => ({
      totalCount: t.int({
        description: `How many ${noun} match, on all pages.`,
        resolve: (connection) => (connection as Connection<unknown>).totalCount,
      }),
    }),
  };
}
