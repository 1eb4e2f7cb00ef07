import neo4j from 'neo4j-driver';
import { CypherScope } from './scope';

/** The spans a time bucket can have, finest first. */
export const timeIntervals = ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'] as const;
export type TimeInterval = (typeof timeIntervals)[number];

/** A date of `n` and its precision, as Cypher expressions. */
export interface DatedBy {
  date: string;
  precision: string;
}

const spanRank = `{${timeIntervals.map((interval, rank) => `${interval}: ${rank}`).join(', ')}}`;

/**
 * The rule of time buckets, in one place (docs/architecture.md, "Aggregates"): a date counts in
 * the bucket of the asked interval that holds it, unless its precision is coarser than the
 * interval: then it counts in a bucket of its own precision (a month-precision claim in a daily
 * series counts in its month, never in a day). A week-precision date in a month, quarter or year
 * counts where its Thursday falls, the ISO rule for a week's year. Cypher giving the list of one
 * [bucket start, span] (none for a missing date); `interval` is a parameter.
 */
export function timeBucket(dated: DatedBy, interval: string): string {
  const precision = `coalesce(${dated.precision}, 'DAY')`;
  const span = `CASE WHEN ${spanRank}[${precision}] > ${spanRank}[${interval}] THEN ${precision} ELSE ${interval} END`;
  const anchor = `CASE WHEN ${precision} = 'WEEK' AND span <> 'WEEK' THEN ${dated.date} + duration({days: 3}) ELSE ${dated.date} END`;
  return `CASE WHEN ${dated.date} IS NULL THEN [] ELSE [span IN [${span}] | [toString(date.truncate(toLower(span), ${anchor})), null, span]] END`;
}

/**
 * One dimension of a grouping: the buckets a node falls in, as Cypher giving a list of
 * [value, label, span] (several for a claim with several makers; none: the null bucket).
 */
export interface Dimension {
  values: (scope: CypherScope) => string;
  /** Its parameters, under the names `values` gives them through the scope. */
  parameters?: Record<string, unknown>;
}

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
  const aggregateNames = measures.flatMap(([, measure]) => Object.keys(measure.aggregate));
  const values = `{${measures.map(([name, measure]) => `${name}: ${measure.value}`).join(', ')}}`;
  const parameters: Record<string, unknown> = { ...plan.parameters, limit: neo4j.int(plan.limit), maxBuckets: neo4j.int(plan.maxBuckets) };
  const scopes = plan.dimensions.map((dimension, index) => {
    const scope = new CypherScope(`group${index}_`);
    Object.assign(parameters, scope.parameters(dimension.parameters ?? {}));
    return scope;
  });
  const dimensionNames = plan.dimensions.map((_, index) => `k${index}`);
  const perNodeColumns = ['n', ...perNode, ...plan.dimensions.map((dimension, index) => `${dimension.values(scopes[index]!)} AS d${index}`)];
  const unwinds = dimensionNames.map((name, index) => `UNWIND CASE WHEN size(d${index}) = 0 THEN [[null, null, null]] ELSE d${index} END AS ${name}`).join('\n');
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
    WITH ${[...dimensionNames, ...aggregates, ...(members ? ['collect(n.key) AS members'] : [])].join(', ')}
    WITH ${[...dimensionNames, ...aggregateNames, ...(members ? ['members'] : [])].join(', ')}, ${values} AS measures
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
      WITH ${dimension.values(scope)} AS found
      UNWIND CASE WHEN size(found) = 0 THEN [[null, null, null]] ELSE found END AS key
      WITH key, count(*) AS nodes ORDER BY nodes DESC, key[0]
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
