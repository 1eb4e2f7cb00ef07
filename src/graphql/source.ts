import { sourceKinds, reliabilities, fullTextIndexOf } from '../model';
import { builder } from './builder';
import { relationEnumField, scalarFields } from './scalar-fields';
import { addEntityMutations } from './writes';
import { relationText, type Related } from './entity';
import { relationField, relationPageArg } from './relations';
import { hop } from '../read/relation';
import { Conditions } from '../read/conditions';
import { TimeMode } from './time-mode';
import { addKeyLookup, entityNodeOptions } from './entity-interface';
import { connectionOptions, readPage } from './pagination';
import { asOfArg, changedOrderValue, claimVisibilityArgs, recordTimeConditions, recordTimeFilterFields, type ClaimVisibility } from './visibility';
import { ActorRef, ClaimRef, EntityRef, EventRef, SourceRef } from './refs';
import { listTextRule } from './search-text';

export const SourceKind = builder.enumType('SourceKind', {
  description: 'What kind of document a source is.',
  values: {
    NEWS_ARTICLE: { description: 'An article of a news outlet.' },
    SOCIAL_POST: { description: 'A post on a social network or messaging channel (Telegram, X...).' },
    INTERVIEW: { description: 'An interview, broadcast or printed.' },
    OFFICIAL_STATEMENT: { description: 'A statement by a government, ministry, armed force or official.' },
    UNSPECIFIED: { description: 'Known only as another source quotes or reports it, which does not say in what form it was made.' },
    ANALYSIS: { description: 'An analyst\'s assessment (for example the Institute for the Study of War).' },
    DATASET: { description: 'A structured dataset.' },
    REFERENCE: { description: 'Background reference material (gazetteer, encyclopedia) for facts a report does not state.' },
    PHOTO: { description: 'A photograph: evidence of a loss or an event (EVIDENCED_BY), with its URL.' },
    VIDEO: { description: 'A video: evidence of a loss or an event (EVIDENCED_BY), with its URL.' },
    SATELLITE_IMAGE: { description: 'A satellite image: evidence of a loss or an event (EVIDENCED_BY), with its URL.' },
  } as const satisfies Record<(typeof sourceKinds)[number], { description: string }>,
});

export const Reliability = builder.enumType('Reliability', {
  description: "Admiralty (NATO) grading of a source's reliability.",
  values: {
    A: { description: 'Completely reliable.' },
    B: { description: 'Usually reliable.' },
    C: { description: 'Fairly reliable.' },
    D: { description: 'Not usually reliable.' },
    E: { description: 'Unreliable.' },
    F: { description: 'Reliability cannot be judged.' },
  } as const satisfies Record<(typeof reliabilities)[number], { description: string }>,
});

const sourcePublisher = hop({ tag: 'source.publisher', from: 'Source', type: 'PUBLISHED_BY', direction: 'out', to: 'Actor', relatedAt: 'actor' });
const sourceQuotes = hop({ tag: 'source.quotes', from: 'Source', type: 'QUOTES', direction: 'out', to: 'Source', order: ['item.key'] });
const sourceQuotedBy = hop({ tag: 'source.quoted-by', from: 'Source', type: 'QUOTES', direction: 'in', to: 'Source', order: ['item.key'] });
const sourceClaims = (includeDeprecated: boolean) => hop({ tag: 'source.claims', from: 'Source', type: 'STATED_IN', direction: 'in', to: 'Claim', order: ['item.madeAtEarliest', 'item.key'], claims: { includeDeprecated }, relatedAt: 'claim' });
const sourceEvents = hop({ tag: 'source.events', from: 'Source', type: 'REPORTED_IN', direction: 'in', to: 'Event', order: ['item.startDateEarliest', 'item.key'] });

const SourceClaim = builder.objectRef<Related>('SourceClaim').implement({
  description: 'A claim as a source states it.',
  fields: (t) => ({
    claim: t.field({ type: ClaimRef, description: 'The claim.', resolve: (row) => row.entity }),
    quote: t.string({ nullable: true, description: 'The exact words in the source, uncorrected.', resolve: (row) => relationText(row, 'quote') }),
    first: t.boolean({ nullable: true, description: 'Whether this source is where the claim first appeared.', resolve: (row) => row.relation.first === true }),
  }),
});

const Publisher = builder.objectRef<Related>('SourcePublisher').implement({
  description: 'Who published a source, and how sure that attribution is.',
  fields: (t) => ({
    actor: t.field({ type: ActorRef, description: 'The publisher.', resolve: (row) => row.entity }),
    attribution: relationEnumField(t, 'PUBLISHED_BY', 'attribution', 'How sure it is that this actor published it.'),
    asWritten: t.string({ nullable: true, description: 'The name as the source writes it.', resolve: (row) => relationText(row, 'asWritten') }),
  }),
});

builder.node(SourceRef, {
  description: 'A document that claims or events come from: an article, a post, an interview, a statement, a dataset.',
  interfaces: [EntityRef],
  ...entityNodeOptions('Source'),
  fields: (t) => ({
    ...scalarFields(t, 'Source'),
    publishers: t.field({ type: [Publisher], description: 'Who published it.', args: relationPageArg(t.arg), ...relationField(() => sourcePublisher) }),
    quotes: t.field({ type: [SourceRef], description: 'Sources it quotes.', args: relationPageArg(t.arg), ...relationField(() => sourceQuotes) }),
    quotedBy: t.field({ type: [SourceRef], description: 'Sources that quote it.', args: relationPageArg(t.arg), ...relationField(() => sourceQuotedBy) }),
    claimsStated: t.field({
      type: [SourceClaim],
      description: 'Claims it states, with the exact quotes.',
      args: { ...claimVisibilityArgs(t.arg), ...relationPageArg(t.arg) },
      ...relationField((args: ClaimVisibility) => sourceClaims(args.includeDeprecated ?? false)),
    }),
    events: t.field({ type: [EventRef], description: 'Events it reports.', args: relationPageArg(t.arg), ...relationField(() => sourceEvents) }),
  }),
});

addKeyLookup('source', SourceRef, 'Source');
export const SourceInput = addEntityMutations('Source', SourceRef);

const SourceFilter = builder.inputType('SourceFilter', {
  description: 'Which sources to list; all conditions must hold.',
  fields: (t) => ({
    text: t.string({ description: `Words of its title: ${listTextRule}` }),
    kinds: t.field({ type: [SourceKind], description: 'Only these kinds.' }),
    reliability: t.field({ type: [Reliability], description: 'Only these Admiralty grades.' }),
    publishedFrom: t.field({ type: 'Date', description: 'Only sources published on or after this day (see timeMode).' }),
    publishedTo: t.field({ type: 'Date', description: 'Only sources published on or before this day (see timeMode).' }),
    timeMode: t.field({ type: TimeMode, defaultValue: 'OVERLAPS', description: 'How publishedFrom and publishedTo read dates less precise than a day.' }),
    publisher: t.string({ description: 'Key of the actor that published it.' }),
    ...recordTimeFilterFields(t),
  }),
});

const SourceOrder = builder.enumType('SourceOrder', {
  description: 'How to order sources.',
  values: { PUBLISHED_AT_DESC: { description: 'Latest publication first (the default), by publishedAtEarliest: the first day publishedAt may denote.' }, ...changedOrderValue } as const,
});

builder.queryField('sources', (t) =>
  t.connection(
    {
      type: SourceRef,
      description: 'Sources, latest publication first (by relevance when searching text).',
      args: {
        filter: t.arg({ type: SourceFilter, description: 'Conditions on the sources.' }),
        orderBy: t.arg({ type: SourceOrder, defaultValue: 'PUBLISHED_AT_DESC', description: 'The order.' }),
        asOf: asOfArg(t.arg),
      },
      resolve: (_root, args, context, info) => {
        const filter = args.filter ?? {};
        const conditions = recordTimeConditions(new Conditions(), filter)
          .when('kinds', filter.kinds, 'n.kind IN $kinds')
          .when('reliability', filter.reliability, 'n.reliability IN $reliability')
          .period({ start: 'n.publishedAtEarliest', end: 'n.publishedAtLatest' }, { from: 'publishedFrom', to: 'publishedTo' }, { from: filter.publishedFrom, to: filter.publishedTo }, filter.timeMode ?? 'OVERLAPS')
          .when('publisher', filter.publisher, 'EXISTS { (n)-[:PUBLISHED_BY]->(:Actor {key: $publisher}) }');
        return readPage(
          context.db,
          'sources.list',
          { label: 'Source', fullTextIndex: fullTextIndexOf.Source, text: filter.text, conditions, orderBy: args.orderBy === 'CHANGED_ASC' ? 'changed' : 'n.publishedAtEarliest DESC, n.key', asOf: args.asOf, info },
          args,
        );
      },
    },
    connectionOptions('sources'),
  ),
);
