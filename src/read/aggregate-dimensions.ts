import { boundsOf, timeBucket, type Dimension, type Measure, type TimeInterval } from './aggregate';
import { maxHierarchyDepth } from './conditions';
import type { CypherScope } from './scope';

/** What a grouping says besides its dimension: the interval and date of time, the role, the place level. */
export interface GroupingOptions {
  interval?: TimeInterval | null;
  date?: 'VALID' | 'MADE' | null;
  role?: string | null;
  placeType?: string | null;
}

/** A property of `n` as one bucket. */
const property = (name: string): Dimension => ({ values: () => `n.${name}` });

/** An entity's bucket: its key, labelled by its name. */
const entityKey = (node: string) => `[${node}.key, coalesce(${node}.name, ${node}.title, ${node}.key), null]`;

/** The nodes a pattern from `n` reaches, bound to `x`, each a bucket named by its key. */
const reached = (pattern: string, where: (scope: CypherScope) => string = () => ''): Dimension => ({
  values: (scope) => `COLLECT { MATCH ${pattern} ${where(scope)} RETURN DISTINCT x }`,
  many: true,
  key: entityKey,
});

/** A property of the nodes a pattern reaches, each value a bucket. */
const reachedProperty = (pattern: string, value: string): Dimension => ({
  values: () => `COLLECT { MATCH ${pattern} WHERE ${value} IS NOT NULL RETURN DISTINCT ${value} }`,
  many: true,
});

/** Time buckets of the asked interval over a date's interval (`timeBucket`), keyed by their first day. */
const time = (bounds: string, options: GroupingOptions): Dimension => ({
  values: () => timeBucket(bounds, options.interval ?? 'MONTH'),
  key: (bucket) => `CASE WHEN ${bucket} IS NULL THEN [null, null, null] ELSE [toString(${bucket}[0]), ${bucket}[2], ${bucket}[1]] END`,
});

/** The entities in a role (any role without one). */
const inRole = (pattern: (role: string) => string, options: GroupingOptions): Dimension => ({
  ...reached(pattern('r'), (scope) => `WHERE ${scope.param('role')} IS NULL OR r.role = ${scope.param('role')}`),
  parameters: { role: options.role ?? null },
});

/** The places a pattern reaches, or the places of the asked type they lie in. */
const place = (toPlace: string, options: GroupingOptions): Dimension =>
  options.placeType
    ? {
        ...reached(`${toPlace}(:Place)-[:LOCATED_IN*0..${maxHierarchyDepth}]->(x:Place)`, (scope) => `WHERE x.type = ${scope.param('placeType')}`),
        parameters: { placeType: options.placeType },
      }
    : reached(`${toPlace}(x:Place)`);

/** A claim's date, its first and last day (`<date>Earliest`, `<date>Latest`), else madeAt's. */
const claimDateBounds = (date: 'validFrom' | 'validTo' | 'madeAt') =>
  boundsOf(date === 'madeAt' ? { start: 'n.madeAtEarliest', end: 'n.madeAtLatest' } : { start: `coalesce(n.${date}Earliest, n.madeAtEarliest)`, end: `coalesce(n.${date}Latest, n.madeAtLatest)` });

/**
 * The date a claim counts at, as [first day, last day]: for a cumulative figure (a running total
 * since validFrom) the end of its period, else the start of the period it is about; madeAt when
 * it has none; or madeAt when asked (`MADE`). Each property read once.
 */
export const claimDate = (date: GroupingOptions['date']): string =>
  date === 'MADE' ? claimDateBounds('madeAt') : `CASE WHEN n.cumulative THEN ${claimDateBounds('validTo')} ELSE ${claimDateBounds('validFrom')} END`;

export const claimDimensions = {
  TIME: (options: GroupingOptions) => time(claimDate(options.date), options),
  TYPE: () => property('type'),
  STANCE: () => property('stance'),
  BASIS: () => property('basis'),
  MEASURE: () => property('measure'),
  LOSS_STATUS: () => property('lossStatus'),
  // The maker's own category first (a figure counts one), else its equipment's: as the filter reads them.
  EQUIPMENT_CATEGORY: (): Dimension => ({
    values: () => `coalesce(n.equipmentCategory, head(COLLECT { MATCH (n)-[:ABOUT {role: 'EQUIPMENT'}]->(e:Equipment) RETURN e.category }))`,
  }),
  EQUIPMENT_MODEL: (): Dimension => reached("(n)-[:ABOUT {role: 'EQUIPMENT'}]->(x:Equipment)"),
  // The family at the top of VARIANT_OF (T-72 for a T-72B3M).
  EQUIPMENT_FAMILY: (): Dimension => reached(`(n)-[:ABOUT {role: 'EQUIPMENT'}]->(:Equipment)-[:VARIANT_OF*0..${maxHierarchyDepth}]->(x:Equipment)`, () => 'WHERE NOT EXISTS { (x)-[:VARIANT_OF]->() }'),
  // Every MADE_BY leads to an actor: no label to check on the way.
  MAKER: (): Dimension => reached('(n)-[:MADE_BY]->(x)'),
  SUBJECT: (options: GroupingOptions) => inRole((r) => `(n)-[${r}:ABOUT]->(x)`, options),
  PLACE: (options: GroupingOptions) => place('(n)-[:ABOUT]->', options),
  SOURCE_KIND: () => reachedProperty('(n)-[:STATED_IN]->(s:Source)', 's.kind'),
  SOURCE_RELIABILITY: () => reachedProperty('(n)-[:STATED_IN]->(s:Source)', 's.reliability'),
} satisfies Record<string, (options: GroupingOptions) => Dimension>;

export type ClaimDimensionName = keyof typeof claimDimensions;

export const eventDimensions = {
  TIME: (options: GroupingOptions) => time(boundsOf({ start: 'n.startDateEarliest', end: 'n.startDateLatest' }), options),
  TYPE: () => property('type'),
  SUB_TYPE: () => property('subType'),
  PLACE: (options: GroupingOptions) => place('(n)-[:OCCURRED_AT]->', options),
  SIDE: () => reachedProperty('(n)<-[:PARTICIPATED_IN]-(u:Unit)', 'u.side'),
  PARTICIPANT: (options: GroupingOptions) => inRole((r) => `(n)<-[${r}:PARTICIPATED_IN]-(x:Actor)`, options),
} satisfies Record<string, (options: GroupingOptions) => Dimension>;

export type EventDimensionName = keyof typeof eventDimensions;

/** Which dimensions read which options; any other option given is refused. */
export const dimensionOptions: Record<string, readonly (keyof GroupingOptions)[]> = {
  TIME: ['interval', 'date'],
  SUBJECT: ['role'],
  PARTICIPANT: ['role'],
  PLACE: ['placeType'],
};

const count: Measure = { aggregate: { count: 'count(n)' }, value: 'count' };

/** Distinct entities reached from the bucket's nodes (in `$subjectRole`, when given). */
const distinctOf = (pattern: string): Measure => ({
  perNode: { subjectKeys: `COLLECT { MATCH ${pattern} WHERE $subjectRole IS NULL OR r.role = $subjectRole RETURN DISTINCT x.key }` },
  aggregate: { subjectLists: 'collect(subjectKeys)' },
  value: 'size(COLLECT { UNWIND subjectLists AS list UNWIND list AS subject RETURN DISTINCT subject })',
});

/** Sum, least and most of a value per node, null when no node has one. */
const amountOf = (value: string): Measure => ({
  perNode: { amountValue: value },
  aggregate: { amountCount: 'count(amountValue)', amountSum: 'sum(amountValue)', amountMin: 'min(amountValue)', amountMax: 'max(amountValue)' },
  value: 'CASE WHEN amountCount = 0 THEN null ELSE {sum: amountSum, min: amountMin, max: amountMax} END',
});

/**
 * A claim's amount, a cumulative figure (a running total) turned into its change: the figure
 * minus the series' previous visible figure, a series being the claims of a common maker with
 * the same `measure`, ordered by the date they count at (`claimDate`). The first figure of a
 * series is its own change (the total since validFrom). Summed over a period, the changes give
 * the period's last figure minus the one before the period.
 */
const claimAmount = (scope: CypherScope) => `CASE WHEN n.cumulative THEN n.amount - coalesce(head(COLLECT {
    MATCH (previous:Claim {measure: n.measure})
    WHERE previous.cumulative AND previous <> n AND previous.madeAt <= n.madeAt
      AND coalesce(previous.validTo, previous.madeAt) < coalesce(n.validTo, n.madeAt)
      AND ${scope.visibleRank('previous')} AND ${scope.knownAsOf('previous')}
      AND EXISTS { (previous)-[:MADE_BY]->(:Actor)<-[:MADE_BY]-(n) }
    WITH previous ORDER BY coalesce(previous.validTo, previous.madeAt) DESC, previous.madeAt DESC LIMIT 1
    RETURN previous.amount }), 0) ELSE n.amount END`;

/** The measures of claims, their visibility read in `scope` (with `$asOf` only when a read has one: `topLevelAsOf`). */
export const claimMeasures = (scope: CypherScope) => ({
  count,
  distinctSubjects: distinctOf('(n)-[r:ABOUT]->(x)'),
  amount: amountOf(claimAmount(scope)),
  // In a dispute either way: a visible claim contradicts it, or it contradicts one.
  contradicted: {
    perNode: { isContradicted: `CASE WHEN EXISTS { MATCH (n)-[:CONTRADICTS]-(other:Claim) WHERE ${scope.visibleRank('other')} AND ${scope.knownAsOf('other')} } THEN 1 ELSE 0 END` },
    aggregate: { contradicted: 'sum(isContradicted)' },
    value: 'contradicted',
  },
}) satisfies Record<string, Measure>;

export const eventMeasures = {
  count,
  distinctSubjects: distinctOf('(n)<-[r:PARTICIPATED_IN]-(x:Actor)'),
  fatalities: amountOf('n.fatalities'),
} satisfies Record<string, Measure>;
