import { createHash } from 'node:crypto';
import { relationEnumField, scalarFields } from './scalar-fields';
import { fullTextIndexOf } from '../model';
import { builder } from './builder';
import { relationText, type Related } from './entity';
import { relationField, relationPageArg } from './relations';
import { hop } from '../read/relation';
import { addKeyLookup, entityNodeOptions } from './entity-interface';
import { changedOrderValue, claimVisibilityArgs, recordTimeFilterFields, type ClaimVisibility } from './visibility';
import { claimFilterQuery } from '../read/filters';
import { TimeMode } from './time-mode';
import { connectionOptions, readPage } from './pagination';
import { ActorRef, ClaimRef, EntityRef, SourceRef } from './refs';
import { Reliability, SourceInput, SourceKind } from './source';
import { EquipmentCategory, LossStatus } from './equipment';
import { validateClaimRecord, validateClaimSources } from '../write/records';
import { bases, claimTypes, entitySpecs, rankReasons, relationshipSpecs, stances, type RelationshipType } from '../model';
import { writesOf, entityInputDescribe, freshEntity, payloadType, propertiesInputType } from './writes';
import { listTextRule } from './search-text';
import { relationSourceFields } from './cited-source';

export const ClaimType = builder.enumType('ClaimType', {
  description: 'What a claim is about.',
  values: {
    CONTROL: { description: 'Who controls a place.' },
    ATTACK: { description: 'That an attack or offensive took or takes place.' },
    CASUALTIES: { description: 'People killed or injured.' },
    LOSSES: { description: 'Losses of personnel or equipment, often cumulative figures.' },
    PRESENCE: { description: 'That a force is somewhere.' },
    WITHDRAWAL: { description: 'That a force withdrew.' },
    DENIAL: { description: 'A denial of another statement.' },
    INTENTION: { description: 'What an actor intends or vows to do.' },
    APPEAL: { description: 'A call on others to act.' },
    ASSESSMENT: { description: 'An evaluation of a situation.' },
    ALIGNMENT: { description: 'Who fights alongside whom.' },
    IDENTITY: { description: 'Who or what someone or something is.' },
    EVENT_TIMING: { description: 'When something happens.' },
    OTHER: { description: 'Anything else.' },
  } as const satisfies Record<(typeof claimTypes)[number], { description: string }>,
});

export const Stance = builder.enumType('Stance', {
  description: 'Whether a claim asserts or denies its statement.',
  values: { ASSERTS: { description: 'States it is so.' }, DENIES: { description: 'States it is not so.' } } as const satisfies Record<(typeof stances)[number], { description: string }>,
});

export const Basis = builder.enumType('Basis', {
  description: "What a claim rests on, after the Institute for the Study of War's practice.",
  values: {
    CLAIMED_BY_PARTY: { description: 'Said by a party to the conflict about itself or its enemy.' },
    REPORTED_BY_MEDIA: { description: 'Reported by media.' },
    ASSESSED_BY_ANALYST: { description: 'An analyst\'s assessment.' },
    CONFIRMED_BY_EVIDENCE: { description: 'Confirmed by evidence (geolocated footage, imagery, documents).' },
  } as const satisfies Record<(typeof bases)[number], { description: string }>,
});

export const Rank = builder.enumType('Rank', {
  description: "A claim's rank, after Wikidata: deprecated claims are kept but hidden unless asked for.",
  values: {
    PREFERRED: { description: 'Preferred over others on the same matter.' },
    NORMAL: { description: 'The default.' },
    DEPRECATED: { description: 'Retracted or known wrong; kept with a reason.' },
  } as const,
});

export const claimMakers = hop({ tag: 'claim.makers', from: 'Claim', type: 'MADE_BY', direction: 'out', to: 'Actor', order: ['item.key'], relatedAt: 'actor' });
export const claimSubjects = hop({ tag: 'claim.subjects', from: 'Claim', type: 'ABOUT', direction: 'out', order: ['item.key'], relatedAt: 'entity' });
export const claimSources = hop({ tag: 'claim.sources', from: 'Claim', type: 'STATED_IN', direction: 'out', to: 'Source', order: ['r.first DESC', 'item.key'], relatedAt: 'source' });
const claimEvidence = hop({ tag: 'claim.evidence', from: 'Claim', type: 'EVIDENCED_BY', direction: 'out', to: 'Source', order: ['item.key'], relatedAt: 'source' });
type LinkDirection = 'SUPPORTS>' | '<SUPPORTS' | 'CONTRADICTS>' | '<CONTRADICTS' | 'SUPERSEDES>' | '<SUPERSEDES' | 'SAME_ITEM>' | '<SAME_ITEM';
/** Each direction's relationship type, and whether the other claims are at its end (`>`) or its start. */
const links: Record<LinkDirection, { type: 'SUPPORTS' | 'CONTRADICTS' | 'SUPERSEDES' | 'SAME_ITEM'; direction: 'out' | 'in' }> = {
  'SUPPORTS>': { type: 'SUPPORTS', direction: 'out' },
  '<SUPPORTS': { type: 'SUPPORTS', direction: 'in' },
  'CONTRADICTS>': { type: 'CONTRADICTS', direction: 'out' },
  '<CONTRADICTS': { type: 'CONTRADICTS', direction: 'in' },
  'SUPERSEDES>': { type: 'SUPERSEDES', direction: 'out' },
  '<SUPERSEDES': { type: 'SUPERSEDES', direction: 'in' },
  'SAME_ITEM>': { type: 'SAME_ITEM', direction: 'out' },
  '<SAME_ITEM': { type: 'SAME_ITEM', direction: 'in' },
};
const claimLinks = (direction: LinkDirection, includeDeprecated: boolean) =>
  hop({ tag: `claim.links ${direction}`, from: 'Claim', ...links[direction], to: 'Claim', order: ['item.madeAtEarliest', 'item.key'], claims: { includeDeprecated }, relatedAt: 'claim' });
const claimsAbout = (includeDeprecated: boolean) => hop({ tag: 'entity.claims', from: 'Entity', type: 'ABOUT', direction: 'in', to: 'Claim', order: ['item.madeAtEarliest', 'item.key'], claims: { includeDeprecated }, relatedAt: 'claim' });

const MakerRef = builder.objectRef<Related>('ClaimMaker').implement({
  description: 'Who made a claim, and how sure the attribution is.',
  fields: (t) => ({
    actor: t.field({ type: ActorRef, description: 'The maker.', resolve: (row) => row.entity }),
    attribution: relationEnumField(t, 'MADE_BY', 'attribution', 'How the source attributes the claim to it.'),
    asWritten: t.string({ nullable: true, description: 'The name as the source writes it.', resolve: (row) => relationText(row, 'asWritten') }),
    ...relationSourceFields(t, 'identifiedViaSourceKey', "the source that identifies the maker, where the claim's own source does not name it"),
    note: t.string({ nullable: true, description: "The recorder's note.", resolve: (row) => relationText(row, 'note') }),
  }),
});

const SubjectRef = builder.objectRef<Related>('ClaimSubject').implement({
  description: 'Something a claim is about, and in what role.',
  fields: (t) => ({
    entity: t.field({ type: EntityRef, description: 'The entity.', resolve: (row) => row.entity }),
    role: relationEnumField(t, 'ABOUT', 'role', 'Its role in the claim.'),
  }),
});

const CitationRef = builder.objectRef<Related>('ClaimSource').implement({
  description: 'A source a claim appears in, with the exact quote.',
  fields: (t) => ({
    source: t.field({ type: SourceRef, description: 'The source.', resolve: (row) => row.entity }),
    quote: t.string({ nullable: true, description: 'The exact words in the source, never corrected.', resolve: (row) => relationText(row, 'quote') }),
    first: t.boolean({ description: 'Whether this is where the claim first appeared.', resolve: (row) => row.relation.first === true }),
    paraphrased: t.boolean({ description: 'Whether the quote is a paraphrase, not the source\'s words.', resolve: (row) => row.relation.paraphrased === true }),
  }),
});

const EvidenceRef = builder.objectRef<Related>('ClaimEvidence').implement({
  description: 'A photo, video, satellite image or other source that shows what a claim states.',
  fields: (t) => ({
    source: t.field({ type: SourceRef, description: 'The evidence.', resolve: (row) => row.entity }),
    note: t.string({ nullable: true, description: 'What it shows, or how it was verified.', resolve: (row) => relationText(row, 'note') }),
  }),
});

const LinkRef = builder.objectRef<Related>('ClaimLink').implement({
  description: 'A claim that supports or contradicts another, as an analyst assessed it.',
  fields: (t) => ({
    claim: t.field({ type: ClaimRef, description: 'The claim at the other end.', resolve: (row) => row.entity }),
    condition: t.string({ nullable: true, description: 'When the link holds, if it depends on how an ambiguity is read.', resolve: (row) => relationText(row, 'condition') }),
    note: t.string({ nullable: true, description: 'Why they support or contradict each other.', resolve: (row) => relationText(row, 'note') }),
  }),
});

const ClaimAboutRef = builder.objectRef<Related>('ClaimAbout').implement({
  description: 'A claim about an entity, and the entity\'s role in it.',
  fields: (t) => ({
    claim: t.field({ type: ClaimRef, description: 'The claim.', resolve: (row) => row.entity }),
    role: relationEnumField(t, 'ABOUT', 'role', "The entity's role in the claim."),
  }),
});

const linkField = (direction: LinkDirection, description: string) =>
  builder.objectField(ClaimRef, fieldNames[direction], (t) =>
    t.field({
      type: [LinkRef],
      description,
      args: { ...claimVisibilityArgs(t.arg), ...relationPageArg(t.arg) },
      ...relationField((args: ClaimVisibility) => claimLinks(direction, args.includeDeprecated ?? false)),
    }),
  );
const fieldNames: Record<LinkDirection, string> = {
  'SUPPORTS>': 'supports',
  '<SUPPORTS': 'supportedBy',
  'CONTRADICTS>': 'contradicts',
  '<CONTRADICTS': 'contradictedBy',
  'SUPERSEDES>': 'supersedes',
  '<SUPERSEDES': 'supersededBy',
  'SAME_ITEM>': 'sameItemAs',
  '<SAME_ITEM': 'sameItemLaterAs',
};

builder.node(ClaimRef, {
  description:
    'A statement someone made about the world, at a time, in sources, with a stance and a basis: not a fact. Claims support or contradict each other.',
  interfaces: [EntityRef],
  ...entityNodeOptions('Claim'),
  fields: (t) => ({
    ...scalarFields(t, 'Claim'),
    makers: t.field({ type: [MakerRef], description: 'Who made it; several candidates when the sources are ambiguous.', args: relationPageArg(t.arg), ...relationField(() => claimMakers) }),
    subjects: t.field({ type: [SubjectRef], description: 'What it is about.', args: relationPageArg(t.arg), ...relationField(() => claimSubjects) }),
    sources: t.field({ type: [CitationRef], description: 'Sources it appears in, first appearance first, with the exact quotes.', args: relationPageArg(t.arg), ...relationField(() => claimSources) }),
    evidence: t.field({ type: [EvidenceRef], description: 'Photos, videos, images that show it (EVIDENCED_BY), by key.', args: relationPageArg(t.arg), ...relationField(() => claimEvidence) }),
  }),
});

linkField('SUPPORTS>', 'Claims this one supports.');
linkField('<SUPPORTS', 'Claims that support this one.');
linkField('CONTRADICTS>', 'Claims this one contradicts.');
linkField('<CONTRADICTS', 'Claims that contradict this one.');
linkField('SUPERSEDES>', 'Claims this one replaces (a correction, a newer figure); they are kept, deprecated.');
linkField('<SUPERSEDES', 'Claims that replace this one.');
linkField('SAME_ITEM>', 'Earlier claims about the same physical item (a loss listed damaged, then captured).');
linkField('<SAME_ITEM', 'Later claims about the same physical item; a list with distinctItems hides this one when there is any.');

addKeyLookup('claim', ClaimRef, 'Claim');

builder.interfaceField(EntityRef, 'claimsAbout', (t) =>
  t.field({
    type: [ClaimAboutRef],
    description: 'Claims about it, oldest first (by madeAtEarliest).',
    args: { ...claimVisibilityArgs(t.arg), ...relationPageArg(t.arg) },
    ...relationField((args: ClaimVisibility) => claimsAbout(args.includeDeprecated ?? false)),
  }),
);

export const ClaimFilter = builder.inputType('ClaimFilter', {
  description: 'Which claims to list; all conditions must hold.',
  fields: (t) => ({
    text: t.string({ description: `Words of the claim: ${listTextRule}` }),
    about: t.string({ description: 'Key of an entity the claim is about.' }),
    madeBy: t.string({ description: 'Key of an actor that made it (or is a candidate maker).' }),
    types: t.field({ type: [ClaimType], description: 'Only these types.' }),
    stances: t.field({ type: [Stance], description: 'Only these stances.' }),
    bases: t.field({ type: [Basis], description: 'Only these bases.' }),
    sourceReliability: t.field({ type: [Reliability], description: 'Only claims stated in at least one source with one of these grades.' }),
    from: t.field({ type: 'Date', description: 'Only claims about a period (validFrom to validTo, else made at) that reaches this day or later (valid time; see timeMode).' }),
    to: t.field({ type: 'Date', description: 'Only claims about a period that starts by this day (valid time; see timeMode).' }),
    madeFrom: t.field({ type: 'Date', description: 'Only claims made on or after this day (see timeMode).' }),
    madeTo: t.field({ type: 'Date', description: 'Only claims made on or before this day (see timeMode).' }),
    timeMode: t.field({ type: TimeMode, defaultValue: 'OVERLAPS', description: 'How from/to and madeFrom/madeTo read dates less precise than a day.' }),
    measures: t.stringList({ description: 'Only claims stating a figure for one of these measures ("personnel", "tank").' }),
    equipment: t.string({ description: 'Key of an equipment: only claims about it (role EQUIPMENT) or about any model of its family, at any depth of VARIANT_OF.' }),
    equipmentCategories: t.field({
      type: [EquipmentCategory],
      description: "Only claims counting one of these categories (equipmentCategory), or about an equipment (role EQUIPMENT) of one of them.",
    }),
    lossStatuses: t.field({ type: [LossStatus], description: 'Only losses with one of these statuses.' }),
    owner: t.string({ description: 'Key of an entity the claim is about in role OWNER: the side that lost the item (a captured item counts against its owner, not its captor).' }),
    captor: t.string({ description: 'Key of an entity the claim is about in role CAPTOR.' }),
    evidenceKinds: t.field({ type: [SourceKind], description: 'Only claims with evidence (EVIDENCED_BY) of one of these kinds.' }),
    distinctItems: t.boolean({ description: 'Count each item once: hide a claim that a later claim about the same item (SAME_ITEM) names.' }),
    ...recordTimeFilterFields(t),
  }),
});

const ClaimOrder = builder.enumType('ClaimOrder', {
  description: 'How to order claims: by the first day their madeAt may denote (madeAtEarliest).',
  values: {
    MADE_AT_DESC: { description: 'Most recently made first (the default), by madeAtEarliest.' },
    MADE_AT_ASC: { description: 'Earliest made first, by madeAtEarliest: a series of figures over time.' },
    ...changedOrderValue,
  } as const,
});

const claimOrders = { MADE_AT_DESC: 'n.madeAtEarliest DESC, n.key', MADE_AT_ASC: 'n.madeAtEarliest, n.key', CHANGED_ASC: 'changed' } as const;

/** The page type of `claims`, declared apart so that its aggregate's facets can join it. */
export const ClaimConnectionRef = builder.connectionObject({ type: ClaimRef, name: 'QueryClaimsConnection', ...connectionOptions('claims') }, { name: 'QueryClaimsConnectionEdge' });

builder.queryField('claims', (t) =>
  t.connection(
    {
      type: ClaimRef,
      description: 'Claims, most recently made first unless ordered otherwise (by relevance when searching text). Deprecated claims only when asked for.',
      args: {
        filter: t.arg({ type: ClaimFilter, description: 'Conditions on the claims.' }),
        orderBy: t.arg({ type: ClaimOrder, defaultValue: 'MADE_AT_DESC', description: 'The order.' }),
        ...claimVisibilityArgs(t.arg),
      },
      resolve: (_root, args, context, info) => {
        const filter = args.filter ?? {};
        const { conditions, start } = claimFilterQuery(filter, args);
        return readPage(
          context.db,
          'claims.list',
          { label: 'Claim', fullTextIndex: fullTextIndexOf.Claim, text: filter.text, start, conditions, orderBy: claimOrders[args.orderBy ?? 'MADE_AT_DESC'], asOf: args.asOf, info },
          args,
        );
      },
    },
    ClaimConnectionRef,
  ),
);

const ClaimInput = propertiesInputType(
  'ClaimInput',
  'The properties of a claim; text is required.',
  entitySpecs.Claim.properties,
  entitySpecs.Claim.required,
  entityInputDescribe('Claim'),
);

/** An input for one kind of claim reference: the key it points at and the relationship's properties. */
const referenceInput = (name: string, relationship: RelationshipType, description: string, relationshipName: string = relationship) =>
  propertiesInputType(name, description, relationshipSpecs[relationship].properties, [], (property) => `The ${relationshipName} relationship's \`${property}\` (docs/model.md).`, (t) => ({
    key: t.string({ required: true, description: 'Key of the entity referred to.' }),
  }));

const ClaimMakerInput = referenceInput('ClaimMakerInput', 'MADE_BY', 'Who made the claim, and how the source attributes it.');
const ClaimSubjectInput = referenceInput('ClaimSubjectInput', 'ABOUT', 'What the claim is about, and in what role.');
// SUPPORTS and CONTRADICTS carry the same properties: one input serves both.
const ClaimLinkInput = referenceInput('ClaimLinkInput', 'SUPPORTS', 'Another claim, and why they are linked: SUPPORTS in `supports`, CONTRADICTS in `contradicts`.', 'SUPPORTS or CONTRADICTS');
const ClaimSupersedesInput = referenceInput('ClaimSupersedesInput', 'SUPERSEDES', 'A claim this one replaces; it is kept, deprecated.');
const ClaimSourceInput = builder.inputType('ClaimSourceInput', {
  description: 'A source the claim appears in, with the exact quote; `source` creates the source if it does not exist yet.',
  fields: (t) => ({
    key: t.string({ required: true, description: 'Key of the source.' }),
    quote: t.string({ description: 'The exact words in the source, never corrected.' }),
    first: t.boolean({ description: 'Whether this source is where the claim first appeared.' }),
    paraphrased: t.boolean({ description: "Whether the quote paraphrases the source rather than citing its words." }),
    note: t.string({ description: "The recorder's note." }),
    source: t.field({ type: SourceInput, description: 'The source, created with these properties if the key names none (an existing source is not changed).' }),
  }),
});

const ClaimEvidenceInput = builder.inputType('ClaimEvidenceInput', {
  description: 'A photo, video or other source that shows what the claim states; `source` creates it if it does not exist yet.',
  fields: (t) => ({
    key: t.string({ required: true, description: 'Key of the source.' }),
    note: t.string({ description: 'What it shows, or how it was verified.' }),
    source: t.field({ type: SourceInput, description: 'The source, created with these properties if the key names none (an existing source is not changed).' }),
  }),
});

const RecordClaimInput = builder.inputType('RecordClaimInput', {
  description: 'A claim with its makers, subjects, sources and links, recorded in one transaction: all of it or none.',
  fields: (t) => ({
    key: t.string({
      description:
        'The claim\'s key, "claim:<maker>:<slug>"; by default one derived from the first maker, the text and madeAt (not the sources), so a retry, or the claim sent again with more sources, records the same claim. Keep the key the payload returns: addClaimSources and setClaimRank take it.',
    }),
    properties: t.field({ type: ClaimInput, required: true, description: 'The claim itself.' }),
    madeBy: t.field({ type: [ClaimMakerInput], required: true, description: 'Who made it: at least one; several with attribution AMBIGUOUS when the source is unclear.' }),
    about: t.field({ type: [ClaimSubjectInput], description: 'What it is about.' }),
    sources: t.field({ type: [ClaimSourceInput], required: true, description: 'Where it appears: at least one.' }),
    supports: t.field({ type: [ClaimLinkInput], description: 'Claims it supports.' }),
    contradicts: t.field({ type: [ClaimLinkInput], description: 'Claims it contradicts.' }),
    supersedes: t.field({ type: [ClaimSupersedesInput], description: 'Claims it replaces; they are kept, deprecated.' }),
    evidence: t.field({ type: [ClaimEvidenceInput], description: 'Photos, videos, images that show it.' }),
  }),
});

const ClaimPayload = payloadType('Claim', ClaimRef);

/**
 * The key a claim gets when none is given: from what identifies it, its first maker, its text and
 * the day it was made, never its sources, so a claim sent again with one more source is the same
 * claim (its sources become the later record's).
 */
function derivedClaimKey(input: { properties: Record<string, unknown>; madeBy: { key?: unknown }[] }): string | undefined {
  const maker = input.madeBy[0]?.key;
  if (typeof maker !== 'string' || !maker.includes(':')) return undefined;
  const makerSlug = maker.slice(maker.indexOf(':') + 1).replaceAll(':', '-');
  const fingerprint = JSON.stringify([input.properties.text, input.properties.madeAt ?? null]);
  return `claim:${makerSlug}:${createHash('sha256').update(fingerprint).digest('hex').slice(0, 16)}`;
}

builder.mutationField('recordClaim', (t) =>
  t.field({
    type: ClaimPayload,
    description:
      'Records a claim with its makers, subjects and sources (creating new sources), and its links to other claims, in one transaction: all of it lands or none of it. Recording the same claim again changes nothing; recorded again with other makers, subjects or sources, it states those instead (use addClaimSources to add a source and keep the others).',
    args: { input: t.arg({ type: RecordClaimInput, required: true, description: 'The claim.' }) },
    resolve: async (_root, args, context) => {
      const input = args.input as unknown as Record<string, unknown> & { properties: Record<string, unknown>; madeBy: { key?: unknown }[] };
      const record = validateClaimRecord({ ...input, key: input.key ?? derivedClaimKey(input) }, 'input');
      const status = await writesOf(context).record('claim.record', record);
      return { status, entity: await freshEntity(context, record.key) };
    },
  }),
);

builder.mutationField('addClaimSources', (t) =>
  t.field({
    type: ClaimPayload,
    description:
      "Adds sources (with their quotes, creating new sources) to a recorded claim, keeping its others, in one transaction; a source it already has gets the given quote and flags. NOT_FOUND when no claim has the key.",
    args: {
      key: t.arg.string({ required: true, description: "The claim's key, as recordClaim returned it." }),
      sources: t.arg({ type: [ClaimSourceInput], required: true, description: 'The sources to add: at least one.' }),
    },
    resolve: async (_root, args, context) => {
      const sources = validateClaimSources(args.sources as unknown[], 'sources');
      const { status, key } = await writesOf(context).addClaimSources(args.key, sources);
      return { status, entity: await freshEntity(context, key) };
    },
  }),
);

const RankReason = builder.enumType('RankReason', {
  description: 'Why a claim has the rank it has.',
  values: {
    BEST_SOURCED: { description: 'Preferred: the best sourced of competing claims.' },
    MOST_RECENT: { description: 'Preferred: the most recent figure.' },
    SUPERSEDED: { description: 'Deprecated: replaced by a later claim (a correction).' },
    REFUTED: { description: 'Deprecated: shown to be wrong.' },
    MISATTRIBUTED: { description: 'Deprecated: attributed to the wrong maker.' },
    DUPLICATE: { description: 'Deprecated: recorded twice.' },

  } as const satisfies Record<(typeof rankReasons)[number], { description: string }>,
});

builder.mutationField('setClaimRank', (t) =>
  t.field({
    type: ClaimPayload,
    description:
      'Ranks a claim. To retract or deprecate one, give rank DEPRECATED and a reason: the claim is kept, hidden from default results, visible with includeDeprecated and in asOf queries.',
    args: {
      key: t.arg.string({ required: true, description: 'The claim\'s key.' }),
      rank: t.arg({ type: Rank, required: true, description: 'The new rank.' }),
      reason: t.arg({ type: RankReason, description: 'Why; required for DEPRECATED.' }),
      note: t.arg.string({ description: 'A note on the reason.' }),
    },
    resolve: async (_root, args, context) => {
      const { status, key } = await writesOf(context).rankClaim(args.key, args.rank, args.reason ?? null, args.note ?? null);
      return { status, entity: await freshEntity(context, key) };
    },
  }),
);
