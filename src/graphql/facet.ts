import { builder } from './builder';
import { BucketKeyRef, checkGroupings, ClaimGrouping, EventGrouping, type BucketKey, type Grouping } from './aggregate';
import { ClaimConnectionRef } from './claim';
import { EventConnectionRef } from './event';
import { listBound, type Connection } from './pagination';
import { facetCypher, timeLabel } from '../read/aggregate';
import { claimDimensions, eventDimensions, type GroupingOptions } from '../read/aggregate-dimensions';
import { aggregateLimits } from '../server/limits';
import { ClientError, ErrorCode } from '../server/errors';

interface Facet {
  dimension: string;
  valueCount: number;
  values: { key: BucketKey; count: number }[];
}

const FacetValueRef = builder.objectRef<Facet['values'][number]>('FacetValue').implement({
  description: 'One value of a facet, and how many items of the list have it.',
  fields: (t) => ({
    key: t.field({ type: BucketKeyRef, description: 'The value.', resolve: (value) => value.key }),
    count: t.exposeInt('count', { description: 'How many items of the list (all pages) have it.' }),
  }),
});

const FacetRef = builder.objectRef<Facet>('Facet').implement({
  description: 'The counts of one dimension\'s values over a list, for a filter UI.',
  fields: (t) => ({
    dimension: t.exposeString('dimension', { description: 'The dimension.' }),
    valueCount: t.exposeInt('valueCount', { description: 'How many values it has over the list, before `limit`.' }),
    values: t.field({ type: [FacetValueRef], description: 'Its values, most frequent first (ties by value).', extensions: listBound(aggregateLimits.maxFacetValues), resolve: (facet) => facet.values }),
  }),
});

/** `facets` on a list's page: its filter, counted per value of each dimension apart, in one more round trip. */
function facetsField(
  connection: Parameters<typeof builder.objectField>[0],
  grouping: typeof ClaimGrouping | typeof EventGrouping,
  dimensions: Record<string, (options: GroupingOptions) => ReturnType<(typeof claimDimensions)['TYPE']>>,
  tag: string,
  items: string,
) {
  builder.objectField(connection, 'facets', (t) =>
    t.field({
      type: [FacetRef],
      description: `For a filter UI: how many ${items} of this list (all pages) have each value of each dimension, most frequent first; the same dimensions as the aggregate's groupBy, each counted apart.`,
      args: {
        dimensions: t.arg({ type: [grouping], required: true, description: `The dimensions, at most ${aggregateLimits.maxFacets}.` }),
        limit: t.arg.int({ defaultValue: aggregateLimits.defaultFacetValues, description: `Values per dimension, at most ${aggregateLimits.maxFacetValues}.` }),
      },
      // Each dimension scans the list once; its values are priced at their most.
      extensions: { fixedCost: aggregateLimits.aggregateCost * aggregateLimits.maxFacets, ...listBound(aggregateLimits.maxFacets) },
      resolve: async (page, args, context) => {
        const groupings = args.dimensions as unknown as Grouping[];
        checkGroupings(groupings, 'dimensions', aggregateLimits.maxFacets);
        const limit = args.limit ?? aggregateLimits.defaultFacetValues;
        if (!Number.isInteger(limit) || limit < 0 || limit > aggregateLimits.maxFacetValues) {
          throw new ClientError(ErrorCode.BAD_USER_INPUT, `facets: limit must be between 0 and ${aggregateLimits.maxFacetValues} (got ${limit}).`, { extensions: { argument: 'limit', maximum: aggregateLimits.maxFacetValues } });
        }
        const list = (page as Connection<unknown>).list;
        if (!list || groupings.length === 0) return [];
        const { cypher, parameters } = facetCypher({ ...list, dimensions: groupings.map((grouping) => dimensions[grouping.dimension]!(grouping)), limit });
        const [row] = await context.db.read<{ facets: { valueCount: number; values: { key: [string | null, string | null, string | null]; count: number }[] }[] }>(tag, cypher, parameters);
        return (row?.facets ?? []).map((facet, index) => ({
          dimension: groupings[index]!.dimension,
          valueCount: Number(facet.valueCount),
          values: facet.values.map(({ key: [value, label, span], count }) => ({
            key: { dimension: groupings[index]!.dimension, value: value === null ? null : String(value), label: span && value ? timeLabel(String(value), span) : label, span },
            count: Number(count),
          })),
        }));
      },
    }),
  );
}

facetsField(ClaimConnectionRef, ClaimGrouping, claimDimensions, 'claims.facets', 'claims');
facetsField(EventConnectionRef, EventGrouping, eventDimensions, 'events.facets', 'events');
