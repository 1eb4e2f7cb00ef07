import { getArgumentValues, type GraphQLField, type GraphQLResolveInfo } from 'graphql';
import { builder } from './builder';
import { ClaimRef, EventRef } from './refs';
import { ClaimFilter } from './claim';
import { EventFilter } from './event';
import { PlaceType } from './place';
import { claimVisibilityArgs, asOfArg } from './visibility';
import { fieldsSelectedAt, loadEntitiesByKey, type Entity } from './entity';
import { withNearCircle } from './geo';
import { connectionOptions, listBound, listMatch, pageWindow, toConnection, type PageArgs, type PageWindow } from './pagination';
import { fullTextIndexOf } from '../model';
import { claimFilterQuery, eventFilterQuery, type FilterQuery } from '../read/filters';
import { aggregateCypher, timeIntervals, timeLabel, type AggregateRow, type Measure } from '../read/aggregate';
import { claimDimensions, dimensionOptions, eventDimensions, claimMeasures, eventMeasures, type GroupingOptions } from '../read/aggregate-dimensions';
import { topLevelAsOf } from '../read/scope';
import { aggregateLimits } from '../server/limits';
import { ClientError, ErrorCode } from '../server/errors';
import type { Context } from '../server/context';

const TimeInterval = builder.enumType('TimeInterval', {
  description:
    'The span of a time bucket. A date counts in the bucket its whole interval (Earliest to Latest) lies within, as timeMode WITHIN reads it; else in the next coarser span that holds it (docs/architecture.md, "Aggregates").',
  values: Object.fromEntries(timeIntervals.map((interval) => [interval, { description: interval === 'WEEK' ? 'An ISO week, from Monday.' : `A calendar ${interval.toLowerCase()}.` }])) as Record<(typeof timeIntervals)[number], { description: string }>,
});

const ClaimDate = builder.enumType('ClaimDate', {
  description: 'Which date of a claim places it in time.',
  values: {
    VALID: { description: 'The period it is about: validFrom, or validTo for a cumulative figure (a running total counts at its end); madeAt when it has none. The default.' },
    MADE: { description: 'When it was made (madeAt).' },
  } as const,
});

const dimensionDescriptions: Record<string, string> = {
  TIME: 'Time buckets of `interval` (MONTH by default), precision-aware.',
  TYPE: 'The type.',
  STANCE: 'The stance.',
  BASIS: 'The basis.',
  MEASURE: 'What a figure counts (`measure`).',
  LOSS_STATUS: 'The loss status.',
  EQUIPMENT_CATEGORY: "The category the claim counts, else its equipment's.",
  EQUIPMENT_MODEL: 'The equipment it is about (role EQUIPMENT).',
  EQUIPMENT_FAMILY: 'The top family (VARIANT_OF) of the equipment it is about.',
  MAKER: 'Each maker (a claim with several counts for each).',
  SUBJECT: 'Each entity it is about in `role` (OWNER: the side that lost an item), any role without one.',
  PLACE: 'Each place it is about, or (with `placeType`) the place of that type it lies in.',
  SOURCE_KIND: 'The kind of each source it is stated in.',
  SOURCE_RELIABILITY: 'The reliability of each source it is stated in.',
  SUB_TYPE: 'The ACLED sub-event type.',
  SIDE: 'The side of each unit that took part.',
  PARTICIPANT: 'Each actor that took part in `role`, any role without one.',
};
const dimensionValues = (names: string[]) => Object.fromEntries(names.map((name) => [name, { description: dimensionDescriptions[name] ?? name }]));

const ClaimDimension = builder.enumType('ClaimDimension', {
  description: 'What claims are grouped by. A claim with several values (makers, sources) counts in the bucket of each; one with none, in the bucket whose value is null.',
  values: dimensionValues(Object.keys(claimDimensions)) as Record<keyof typeof claimDimensions, { description: string }>,
});
const EventDimension = builder.enumType('EventDimension', {
  description: 'What events are grouped by. An event with several values (places, participants) counts in the bucket of each; one with none, in the bucket whose value is null.',
  values: dimensionValues(Object.keys(eventDimensions)) as Record<keyof typeof eventDimensions, { description: string }>,
});

const groupingFields = (t: PothosSchemaTypes.InputFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<object>, 'InputObject'>) => ({
  interval: t.field({ type: TimeInterval, description: 'For TIME: the span of a bucket (MONTH by default).' }),
  role: t.string({ description: 'For SUBJECT or PARTICIPANT: only entities in this role (OWNER, CAPTOR, EQUIPMENT; ATTACKER...).' }),
  placeType: t.field({ type: PlaceType, description: 'For PLACE: the level of the hierarchy to count at (REGION, DISTRICT...).' }),
});

export const ClaimGrouping = builder.inputType('ClaimGrouping', {
  description: 'One dimension to group claims by, with its options.',
  fields: (t) => ({
    dimension: t.field({ type: ClaimDimension, required: true, description: 'The dimension.' }),
    ...groupingFields(t as never),
    date: t.field({ type: ClaimDate, description: 'For TIME: which date (VALID by default).' }),
  }),
});
export const EventGrouping = builder.inputType('EventGrouping', {
  description: 'One dimension to group events by, with its options (TIME reads startDate).',
  fields: (t) => ({
    dimension: t.field({ type: EventDimension, required: true, description: 'The dimension.' }),
    ...groupingFields(t as never),
  }),
});

const BucketSort = builder.enumType('BucketSort', {
  description: 'What buckets are ordered by.',
  values: {
    KEYS: { description: 'The values of the dimensions, in the order grouped (times in order; null last).' },
    COUNT: { description: 'How many claims or events.' },
    DISTINCT_SUBJECTS: { description: 'Distinct subjects (participants, for events).' },
    AMOUNT_SUM: { description: 'Sum of the amounts (of fatalities, for events).' },
    CONTRADICTED: { description: 'Contradicted claims (claims only).' },
  } as const,
});
const BucketOrder = builder.inputType('BucketOrder', {
  description: 'An order of buckets; ties go by their keys.',
  fields: (t) => ({
    by: t.field({ type: BucketSort, required: true, description: 'What to order by.' }),
    descending: t.boolean({ defaultValue: false, description: 'Largest first.' }),
  }),
});

export interface BucketKey {
  dimension: string;
  value: string | null;
  label: string | null;
  span: string | null;
}
interface Amount {
  sum: number;
  min: number;
  max: number;
}
interface Bucket {
  keys: BucketKey[];
  measures: Record<string, unknown>;
  members?: { keys: string[]; window: PageWindow };
  asOf: string | null;
}

export const BucketKeyRef = builder.objectRef<BucketKey>('BucketKey').implement({
  description: "One dimension's value of a bucket.",
  fields: (t) => ({
    dimension: t.exposeString('dimension', { description: 'The dimension.' }),
    value: t.exposeString('value', { nullable: true, description: "The value: an enumeration's value, an entity's key, a time bucket's first day; null for what has none." }),
    label: t.exposeString('label', { nullable: true, description: 'For people: an entity\'s name, a time bucket as "2024-03", "2024-W11", "2024-Q1" (or "2023-12-28..2024-01-02" for a date no year holds).' }),
    span: t.field({ type: TimeInterval, nullable: true, resolve: (key) => key.span as (typeof timeIntervals)[number] | null, description: 'For TIME: the span of the bucket; coarser than asked for dates whose interval no bucket of the asked span holds; null for a date no year holds (its label: "first..last").' }),
  }),
});

const AmountRef = builder.objectRef<Amount>('AggregateAmount').implement({
  description: 'Sum, least and most of a number over a bucket.',
  fields: (t) => ({
    sum: t.exposeFloat('sum', { description: 'The sum.' }),
    min: t.exposeFloat('min', { description: 'The least.' }),
    max: t.exposeFloat('max', { description: 'The most.' }),
  }),
});

const measureInt = (name: string) => (bucket: Bucket) => Number(bucket.measures[name] ?? 0);

/** Field extensions naming the measure a bucket's field needs computed. */
const measureOf = (name: string) => ({ extensions: { measure: name } });

const bucketRef = (name: string, itemRef: typeof ClaimRef | typeof EventRef, noun: string, extra: 'claims' | 'events') =>
  builder.objectRef<Bucket>(name).implement({
    description: `A group of ${noun} with the same values of the dimensions asked (none for the totals), and its measures.`,
    fields: (t) => ({
      keys: t.field({ type: [BucketKeyRef], description: 'The value of each dimension, in the order grouped.', extensions: listBound(aggregateLimits.maxDimensions), resolve: (bucket) => bucket.keys }),
      count: t.int({ description: `How many ${noun}.`, resolve: measureInt('count'), ...measureOf('count') }),
      distinctSubjects: t.int({
        description: extra === 'claims' ? 'How many distinct entities they are about (in `subjectRole`, when given).' : 'How many distinct actors took part (in `subjectRole`, when given).',
        resolve: measureInt('distinctSubjects'),
        ...measureOf('distinctSubjects'),
      }),
      [extra]: t.connection(
        {
          type: itemRef,
          description: `The ${noun} behind the numbers, ${extra === 'claims' ? 'most recently made' : 'latest'} first: a count is never without its provenance.`,
          resolve: (bucket, args, context) => bucketMembers(bucket, args, context),
        },
        connectionOptions(noun),
      ),
    }),
  });

const ClaimBucketRef = bucketRef('ClaimBucket', ClaimRef, 'claims', 'claims');
const EventBucketRef = bucketRef('EventBucket', EventRef, 'events', 'events');
builder.objectFields(ClaimBucketRef, (t) => ({
  amount: t.field({
    type: AmountRef,
    nullable: true,
    description: 'Sum, least and most of their amounts, each cumulative figure (a running total) taken as its change since its series\' previous figure; null when none has an amount.',
    resolve: (bucket) => (bucket.measures.amount as Amount | null) ?? null,
    ...measureOf('amount'),
  }),
  contradicted: t.int({ description: 'How many are in a dispute: contradicted by, or contradicting, a visible claim.', resolve: measureInt('contradicted'), ...measureOf('contradicted') }),
}));
builder.objectFields(EventBucketRef, (t) => ({
  fatalities: t.field({ type: AmountRef, nullable: true, description: 'Sum, least and most of their reported fatalities; null when none reports any.', resolve: (bucket) => (bucket.measures.fatalities as Amount | null) ?? null, ...measureOf('fatalities') }),
}));

/** The page of a bucket's members asked for, from the keys the aggregate returned. */
async function bucketMembers(bucket: Bucket, args: PageArgs, context: Context) {
  const total = Number(bucket.measures.count ?? 0);
  const window = pageWindow(args, total);
  const members = bucket.members;
  const start = members ? window.offset - members.window.offset : 0;
  const keys = members && start >= 0 ? members.keys.slice(start, start + window.limit) : [];
  const entities = await Promise.all(keys.map((key) => context.loaders.load<string, Entity>('entities.by-key', loadEntitiesByKey, key)));
  return toConnection(entities.map((entity) => ({ ...entity, asOf: bucket.asOf })), window, total);
}

interface Aggregate {
  total: Bucket | null;
  bucketCount: number;
  buckets: Bucket[];
}

const aggregateRef = (name: string, bucket: typeof ClaimBucketRef, noun: string) =>
  builder.objectRef<Aggregate>(name).implement({
    description: `Counts and measures of the ${noun} a filter selects, grouped, in one round trip.`,
    fields: (t) => ({
      total: t.field({ type: bucket, description: `The measures over every ${noun.replace(/s$/, '')} selected.`, resolve: (aggregate) => aggregate.total! }),
      bucketCount: t.int({ description: 'How many buckets the grouping forms, before `limit`.', resolve: (aggregate) => aggregate.bucketCount }),
      buckets: t.field({
        type: [bucket],
        description: `The buckets, ordered (by their keys by default), at most \`limit\` (${aggregateLimits.defaultBuckets} by default, ${aggregateLimits.maxBuckets} at most).`,
        args: {
          limit: t.arg.int({ defaultValue: aggregateLimits.defaultBuckets, description: `How many buckets, at most ${aggregateLimits.maxBuckets}.` }),
          orderBy: t.arg({ type: [BucketOrder], description: 'The order; by default by the keys.' }),
        },
        extensions: listBound(aggregateLimits.maxBuckets, aggregateLimits.defaultBuckets, 'limit'),
        resolve: (aggregate) => aggregate.buckets,
      }),
    }),
  });

const ClaimAggregateRef = aggregateRef('ClaimAggregate', ClaimBucketRef, 'claims');
const EventAggregateRef = aggregateRef('EventAggregate', EventBucketRef, 'events');

export interface Grouping extends GroupingOptions {
  dimension: string;
}

/** The arguments of a field selected at `path`, once: the aggregate reads one window and one order. */
function selectedArgs(info: GraphQLResolveInfo, path: string[], definition: GraphQLField<unknown, unknown> | undefined): Record<string, unknown> | null {
  const nodes = fieldsSelectedAt(info.fieldNodes, info.fragments, path.slice(0, -1)).filter((node) => node.name.value === path.at(-1));
  if (nodes.length === 0 || !definition) return null;
  const all = nodes.map((node) => getArgumentValues(definition, node, info.variableValues));
  if (new Set(all.map((args) => JSON.stringify(args))).size > 1) {
    throw new ClientError(ErrorCode.BAD_USER_INPUT, `Select ${path.join('.')} with one set of arguments per aggregate (use another aggregate, aliased, for another).`, {
      extensions: { argument: path.join('.') },
    });
  }
  return all[0]!;
}

/** Refuses more dimensions than `maximum`, and an option that its dimension does not take. */
export function checkGroupings(groupings: readonly Grouping[], argument: string, maximum: number) {
  if (groupings.length > maximum) {
    throw new ClientError(ErrorCode.BAD_USER_INPUT, `${argument}: at most ${maximum} dimensions (got ${groupings.length}).`, { extensions: { argument, maximum } });
  }
  for (const grouping of groupings) {
    const allowed = dimensionOptions[grouping.dimension] ?? [];
    const stray = (['interval', 'date', 'role', 'placeType'] as const).find((option) => grouping[option] != null && !allowed.includes(option));
    if (stray) throw new ClientError(ErrorCode.BAD_USER_INPUT, `${argument}: ${stray} does not apply to ${grouping.dimension}.`, { extensions: { argument } });
  }
}

/** Runs an aggregate: the list's filter, grouped and measured as the selection asks. */
async function runAggregate(
  context: Context,
  info: GraphQLResolveInfo,
  kind: { tag: string; label: 'Claim' | 'Event'; text?: string | null; filter: FilterQuery; asOf: string | null; dimensions: Record<string, (options: GroupingOptions) => ReturnType<(typeof claimDimensions)['TYPE']>>; measures: Record<string, Measure>; itemsOrder: string; items: string },
  groupBy: readonly Grouping[],
  subjectRole: string | null,
): Promise<Aggregate> {
  checkGroupings(groupBy, 'groupBy', aggregateLimits.maxDimensions);
  const aggregateType = info.schema.getType(info.returnType.toString().replace('!', '')) as { getFields(): Record<string, GraphQLField<unknown, unknown>> };
  const bucketType = info.schema.getType(kind.label === 'Claim' ? 'ClaimBucket' : 'EventBucket') as { getFields(): Record<string, GraphQLField<unknown, unknown>> };
  const bucketArgs = selectedArgs(info, ['buckets'], aggregateType.getFields().buckets) ?? {};
  const limit = Number(bucketArgs.limit ?? aggregateLimits.defaultBuckets);
  if (!Number.isInteger(limit) || limit < 0 || limit > aggregateLimits.maxBuckets) {
    throw new ClientError(ErrorCode.BAD_USER_INPUT, `buckets: limit must be between 0 and ${aggregateLimits.maxBuckets} (got ${limit}).`, { extensions: { argument: 'limit', maximum: aggregateLimits.maxBuckets } });
  }
  const wantsTotal = fieldsSelectedAt(info.fieldNodes, info.fragments, ['total']).length > 0;
  // Only the measures selected (below buckets or total, or ordered by) are computed.
  const measureNames = new Set(['count']);
  for (const path of [['buckets'], ['total']]) {
    for (const node of fieldsSelectedAt(info.fieldNodes, info.fragments, path)) {
      const measure = bucketType.getFields()[node.name.value]?.extensions.measure;
      if (typeof measure === 'string') measureNames.add(measure);
    }
  }
  const sortMeasure: Record<string, string> = { COUNT: 'count', DISTINCT_SUBJECTS: 'distinctSubjects', AMOUNT_SUM: kind.label === 'Claim' ? 'amount' : 'fatalities', CONTRADICTED: 'contradicted', KEYS: 'keys' };
  const orderBy = ((bucketArgs.orderBy as { by: string; descending?: boolean }[] | null | undefined) ?? []).map(({ by, descending }) => {
    const measure = sortMeasure[by]!;
    if (measure !== 'keys' && !kind.measures[measure]) throw new ClientError(ErrorCode.BAD_USER_INPUT, `buckets: ${kind.items} have no ${by} to order by.`, { extensions: { argument: 'orderBy' } });
    if (measure !== 'keys') measureNames.add(measure);
    return { by: measure === 'amount' || measure === 'fatalities' ? `${measure}.sum` : measure, descending: descending ?? false };
  });
  // The members' window: the largest any selection of the items' connection asks for.
  const itemsArgs = [['buckets', kind.items], ['total', kind.items]].map((path) => selectedArgs(info, path, bucketType.getFields()[kind.items])).filter((args): args is Record<string, unknown> => args !== null);
  const window = itemsArgs.length > 0 ? pageWindow(itemsArgs[0] as PageArgs) : undefined;
  const { match, parameters } = listMatch({ label: kind.label, fullTextIndex: fullTextIndexOf[kind.label], text: kind.text, start: kind.filter.start, conditions: kind.filter.conditions, asOf: kind.asOf });
  const { cypher, parameters: allParameters } = aggregateCypher({
    match,
    parameters: { ...parameters, subjectRole },
    dimensions: groupBy.map((grouping) => kind.dimensions[grouping.dimension]!(grouping)),
    measures: Object.fromEntries([...measureNames].map((name) => [name, kind.measures[name]!])),
    orderBy,
    limit,
    maxBuckets: aggregateLimits.maxGroupedBuckets,
    members: window ? { orderBy: kind.itemsOrder, offset: window.offset, limit: window.limit } : undefined,
    totals: wantsTotal && groupBy.length > 0,
  });
  const [row] = await context.db.read<AggregateRow>(kind.tag, cypher, allParameters);
  const bucketCount = Number(row?.bucketCount ?? 0);
  if (bucketCount > aggregateLimits.maxGroupedBuckets) {
    throw new ClientError(
      ErrorCode.TOO_MANY_BUCKETS,
      `The grouping forms ${bucketCount} buckets, over the limit of ${aggregateLimits.maxGroupedBuckets} buckets an aggregate may form: group by a coarser interval or fewer dimensions, or filter more.`,
      { extensions: { limit: aggregateLimits.maxGroupedBuckets, found: bucketCount } },
    );
  }
  const bucketOf = (entry: AggregateRow['buckets'][number]): Bucket => ({
    keys: entry.keys.map(([value, label, span], index) => ({
      dimension: groupBy[index]!.dimension,
      value: value === null ? null : String(value),
      label: span && value ? timeLabel(String(value), span) : label,
      span,
    })),
    measures: entry.measures,
    members: window && entry.members ? { keys: entry.members, window } : undefined,
    asOf: kind.asOf,
  });
  const buckets = (row?.buckets ?? []).map(bucketOf);
  const total = groupBy.length === 0 ? (buckets[0] ?? null) : row?.totals ? bucketOf({ keys: [], measures: row.totals, members: row.totalMembers ?? undefined }) : null;
  return { total, bucketCount, buckets };
}

const aggregateArgs = {
  groupBy: 'The dimensions to group by, at most three; none: only the totals (one bucket).',
  subjectRole: 'For distinctSubjects: only subjects (participants) in this role.',
};

builder.queryField('claimAggregate', (t) =>
  t.field({
    type: ClaimAggregateRef,
    description:
      'Counts and measures of the claims `claims(filter:)` lists, grouped by dimensions (month x status, maker...), in one round trip; each bucket gives the claims behind it. Deprecated claims only when asked for.',
    args: {
      filter: t.arg({ type: ClaimFilter, description: 'The same conditions as `claims`.' }),
      groupBy: t.arg({ type: [ClaimGrouping], defaultValue: [], description: aggregateArgs.groupBy }),
      subjectRole: t.arg.string({ description: aggregateArgs.subjectRole }),
      ...claimVisibilityArgs(t.arg),
    },
    extensions: { fixedCost: aggregateLimits.aggregateCost },
    resolve: (_root, args, context, info) => {
      const filter = args.filter ?? {};
      return runAggregate(
        context,
        info,
        { tag: 'claims.aggregate', label: 'Claim', text: filter.text, filter: claimFilterQuery(filter, args), asOf: args.asOf ?? null, dimensions: claimDimensions, measures: claimMeasures(topLevelAsOf(args.asOf)), itemsOrder: 'n.madeAtEarliest DESC, n.key', items: 'claims' },
        (args.groupBy ?? []) as Grouping[],
        args.subjectRole ?? null,
      );
    },
  }),
);

builder.queryField('eventAggregate', (t) =>
  t.field({
    type: EventAggregateRef,
    description: 'Counts and measures of the events `events(filter:)` lists, grouped by dimensions (region x week...), in one round trip; each bucket gives the events behind it.',
    args: {
      filter: t.arg({ type: EventFilter, description: 'The same conditions as `events`.' }),
      groupBy: t.arg({ type: [EventGrouping], defaultValue: [], description: aggregateArgs.groupBy }),
      subjectRole: t.arg.string({ description: aggregateArgs.subjectRole }),
      asOf: asOfArg(t.arg),
    },
    extensions: { fixedCost: aggregateLimits.aggregateCost },
    resolve: async (_root, args, context, info) => {
      const filter = await withNearCircle(context, args.filter ?? {});
      return runAggregate(
        context,
        info,
        { tag: 'events.aggregate', label: 'Event', text: filter.text, filter: eventFilterQuery(filter), asOf: args.asOf ?? null, dimensions: eventDimensions, measures: eventMeasures, itemsOrder: 'n.startDateEarliest DESC, n.key', items: 'events' },
        (args.groupBy ?? []) as Grouping[],
        args.subjectRole ?? null,
      );
    },
  }),
);

