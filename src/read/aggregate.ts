import neo4j from 'neo4j-driver';
import { CypherScope } from './scope';
import type { StoredInterval } from './conditions';

/** The spans a time bucket can have, finest first. */
export const timeIntervals = ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'] as const;
export type TimeInterval = (typeof timeIntervals)[number];

/** A stored interval as Cypher giving [first day, last day] (a missing last day: the first). */
export const boundsOf = (interval: StoredInterval) => `[${interval.start}, coalesce(${interval.end}, ${interval.start})]`;

/**
 * The rule of time buckets, in one place (docs/architecture.md, "Aggregates"), over a date's
 * interval as the time filters read it (`StoredInterval`: `<date>Earliest` to `<date>Latest`): a
 * date counts in the bucket of the asked interval that its whole interval lies within (the time
 * filters' WITHIN), else in the bucket of the next coarser span that holds it (a month-precision
 * claim in a daily series counts in its month; a week from 29 May to 4 June in a monthly series,
 * in the second quarter), never in a bucket it might lie outside. A date no year holds (a range
 * across a new year) counts in a bucket of its own, its span null and its label "first..last".
 * `bounds` is Cypher giving [first day, last day] (`boundsOf`). Cypher giving one [bucket start,
 * span, label] (null for a missing date). The asked interval is one of the code's own
 * `timeIntervals`, so each interval plans its own statement.
 */
export function timeBucket(bounds: string, asked: TimeInterval): string {
  const ladder = timeIntervals.slice(timeIntervals.indexOf(asked));
  const holds = ladder.map((span) => `WHEN date.truncate('${span.toLowerCase()}', bounds[0]) = date.truncate('${span.toLowerCase()}', bounds[1]) THEN [date.truncate('${span.toLowerCase()}', bounds[0]), '${span}', null]`);
  // The bounds read once, bound to `bounds` (a list comprehension over one element).
  return `head([bounds IN [${bounds}] | CASE WHEN bounds[0] IS NULL THEN null ${holds.join(' ')} ELSE [bounds[0], null, toString(bounds[0]) + '..' + toString(bounds[1])] END])`;
}

/**
 * One dimension of a grouping: the value a node falls under (null: the null bucket), or with
 * `many` the list of them (a claim with several makers counts under each; none: the null bucket).
 * Nodes are grouped by these values as they are (entities as nodes), and `key` turns each
 * bucket's value into its [value, label, span] once per bucket, not once per node.
 */
export interface Dimension {
  values: (scope: CypherScope) => string;
  many?: boolean;
  /** The bucket's [value, label, span] from its grouped value `value`; [value, null, null] by default. */
  key?: (value: string) => string;
  /** Its parameters, under the names `values` gives them through the scope. */
  parameters?: Record<string, unknown>;
}

/** The [value, label, span] of a bucket of `dimension` whose grouped value is `value`. */
const keyOf = (dimension: Dimension, value: string) => (dimension.key ? dimension.key(value) : `[${value}, null, null]`);

/** The node's values of a dimension as a list to unwind, the null bucket standing for none. */
const unwound = (dimension: Dimension, values: string) => (dimension.many ? `CASE WHEN size(${values}) = 0 THEN [null] ELSE ${values} END` : `[${values}]`);

/** A measure: per node (`perNode`, optional subquery and value), then per bucket (`aggregate`, then `value`). */
export interface Measure {
  /** Subqueries run for each node, before it is grouped (`CALL (n) {...}`). */
  subqueries?: string[];
  /** Values computed for each node, by name: `name: expression`. */
  perNode?: Record<string, string>;
  /** Aggregations over a bucket's nodes, by name. */
  aggregate: Record<string, string>;
  /** The measure's value, from the aggregations. */
  value: string;
}

export interface AggregatePlan {
  /** Binds `n` with the list's conditions (`listMatch`). */
  match: string;
  parameters: Record<string, unknown>;
  dimensions: Dimension[];
  measures: Record<string, Measure>;
  /** Measures by name, or `keys`, each ascending or descending. */
  orderBy: { by: string; descending: boolean }[];
  /** Buckets returned, after ordering. */
  limit: number;
  /** Buckets formed, at most: more is refused (`bucketCount` tells). */
  maxBuckets: number;
  /** Keys of each bucket's nodes to return, in this order (for its connection), as a window. */
  members?: { orderBy: string; offset: number; limit: number };
  /** Also the measures over every node, ungrouped. */
  totals: boolean;
}

export interface AggregateRow {
  bucketCount: number;
  buckets: { keys: ([string | null, string | null, string | null])[]; measures: Record<string, unknown>; members?: string[] }[];
  /** With `totals`: the measures over every node, and their members' window. */
  totals?: Record<string, unknown>;
  totalMembers?: string[] | null;
}

/**
 * One query: the nodes the list's filter selects, grouped by the dimensions (a node counts in
 * each bucket of a multi-valued dimension), measured, ordered and limited; and, when asked, the
 * totals. Only the code's fragments make the Cypher; the user's values are parameters.
 */
export function aggregateCypher(plan: AggregatePlan): { cypher: string; parameters: Record<string, unknown> } {
  const measures = Object.entries(plan.measures);
  const subqueries = measures.flatMap(([, measure]) => measure.subqueries ?? []).join('\n');
  const perNode = measures.flatMap(([, measure]) => Object.entries(measure.perNode ?? {}).map(([name, expression]) => `${expression} AS ${name}`));
  const aggregates = measures.flatMap(([, measure]) => Object.entries(measure.aggregate).map(([name, expression]) => `${expression} AS ${name}`));
  const values = `{${measures.map(([name, measure]) => `${name}: ${measure.value}`).join(', ')}}`;
  const parameters: Record<string, unknown> = { ...plan.parameters, limit: neo4j.int(plan.limit), maxBuckets: neo4j.int(plan.maxBuckets) };
  const scopes = plan.dimensions.map((dimension, index) => {
    const scope = new CypherScope(`group${index}_`);
    Object.assign(parameters, scope.parameters(dimension.parameters ?? {}));
    return scope;
  });
  const dimensionNames = plan.dimensions.map((_, index) => `k${index}`);
  const groupNames = plan.dimensions.map((_, index) => `g${index}`);
  // A node's single values are grouped on directly; only a dimension with several is unwound.
  const perNodeColumns = ['n', ...perNode, ...plan.dimensions.map((dimension, index) => `${dimension.values(scopes[index]!)} AS ${dimension.many ? `d${index}` : groupNames[index]}`)];
  const unwinds = plan.dimensions
    .flatMap((dimension, index) => (dimension.many ? [`UNWIND ${unwound(dimension, `d${index}`)} AS ${groupNames[index]}`] : []))
    .join('\n');
  const keys = plan.dimensions.map((dimension, index) => `${keyOf(dimension, groupNames[index]!)} AS ${dimensionNames[index]}`);
  const members = plan.members;
  if (members) Object.assign(parameters, { membersOffset: neo4j.int(members.offset), membersLimit: neo4j.int(members.limit) });
  const order = plan.orderBy
    .map(({ by, descending }) => (by === 'keys' ? dimensionNames.map((name) => `${name}[0]${descending ? ' DESC' : ''}`).join(', ') : `measures.${by}${descending ? ' DESC' : ''}`))
    .filter(Boolean);
  const keysOrder = dimensionNames.map((name) => `${name}[0]`);
  const grouped = `
    ${plan.match}
    ${subqueries}
    WITH ${perNodeColumns.join(', ')}
    ${members ? `ORDER BY ${members.orderBy}` : ''}
    ${unwinds}
    WITH ${[...groupNames, ...aggregates, ...(members ? ['collect(n.key) AS members'] : [])].join(', ')}
    WITH ${[...keys, ...(members ? ['members'] : []), `${values} AS measures`].join(', ')}
    WITH * ORDER BY ${[...order, ...keysOrder].join(', ') || 'measures'}
    WITH collect({keys: [${dimensionNames.join(', ')}], measures: measures${members ? ', members: members[$membersOffset..($membersOffset + $membersLimit)]' : ''}}) AS buckets
    RETURN size(buckets) AS bucketCount, CASE WHEN size(buckets) > $maxBuckets THEN [] ELSE buckets[..$limit] END AS buckets`;
  const totals = plan.totals
    ? `CALL () {
         ${plan.match}
         ${subqueries}
         WITH ${['n', ...perNode].join(', ')}
         ${members ? `ORDER BY ${members.orderBy}` : ''}
         WITH ${[...aggregates, ...(members ? ['collect(n.key) AS members'] : [])].join(', ')}
         RETURN ${values} AS totals${members ? ', members[$membersOffset..($membersOffset + $membersLimit)] AS totalMembers' : ', null AS totalMembers'}
       }`
    : '';
  const cypher = plan.totals ? `${totals} CALL () { ${grouped} } RETURN bucketCount, buckets, totals, totalMembers` : grouped;
  return { cypher, parameters };
}

/**
 * Facets of a list: for each dimension apart, the count of the list's nodes per value (a node
 * with several values counts in each, one with none under null), most first, the `limit` first
 * of them and how many values there are. One query, a subquery per dimension over the same match.
 */
export function facetCypher(plan: { match: string; parameters: Record<string, unknown>; dimensions: Dimension[]; limit: number }): { cypher: string; parameters: Record<string, unknown> } {
  const parameters: Record<string, unknown> = { ...plan.parameters, facetLimit: neo4j.int(plan.limit) };
  const subqueries = plan.dimensions.map((dimension, index) => {
    const scope = new CypherScope(`facet${index}_`);
    Object.assign(parameters, scope.parameters(dimension.parameters ?? {}));
    return `CALL () {
      ${plan.match}
      UNWIND ${unwound(dimension, dimension.values(scope))} AS value
      WITH value, count(*) AS nodes
      WITH ${keyOf(dimension, 'value')} AS key, nodes ORDER BY nodes DESC, key[0]
      WITH collect({key: key, count: nodes}) AS counted
      RETURN {valueCount: size(counted), values: counted[..$facetLimit]} AS facet${index}
    }`;
  });
  return { cypher: `${subqueries.join('\n')} RETURN [${plan.dimensions.map((_, index) => `facet${index}`).join(', ')}] AS facets`, parameters };
}

/** A bucket's label for a time span: "2024-03-11", "2024-W11", "2024-03", "2024-Q1", "2024". */
export function timeLabel(start: string, span: string): string {
  const year = start.slice(0, 4);
  switch (span) {
    case 'DAY':
      return start;
    case 'WEEK': {
      // The ISO week of a Monday: the week of its Thursday's year.
      const thursday = new Date(Date.parse(`${start}T00:00:00Z`) + 3 * 86_400_000);
      const isoYear = thursday.getUTCFullYear();
      const week = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / (7 * 86_400_000)) + 1;
      return `${isoYear}-W${String(week).padStart(2, '0')}`;
    }
    case 'MONTH':
      return start.slice(0, 7);
    case 'QUARTER':
      return `${year}-Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1}`;
    default:
      return year;
  }
}
