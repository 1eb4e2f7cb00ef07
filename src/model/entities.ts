/**
 * Every entity type of the graph, declared once: its labels, key prefix, the properties it may be
 * written with (kinds, limits, and how each reads through GraphQL), the ones that must be
 * present, the properties the service writes itself, its range and point indexes, and the
 * full-text index its searches use. Validation, keys, the GraphQL types' scalar fields, the
 * Cypher schema (checked against `cypher/schema/` by a test) and searched kinds derive from it;
 * docs/model.md explains each property's meaning.
 */
import { countryCode, enumOf, grade, language, longText, names, shortText, type ExposedSpecs, type ExposedSystemSpecs } from './properties';
import { bases, claimTypes, equipmentCategories, eventTypes, lossStatuses, placeTypes, rankReasons, ranks, reliabilities, sides, sourceKinds, stances, valuesOf } from './vocabularies';

export interface EntityDeclaration {
  /** Node labels, the most general first; the last is the type's own. Keys are unique on each. */
  labels: readonly string[];
  prefix: string;
  required: readonly string[];
  properties: ExposedSpecs;
  /** Properties the service writes itself beyond those of every entity (`systemProperties`). */
  systemProperties?: ExposedSystemSpecs;
  /** Properties, or lists of them for a composite, with a range index on the type's own label. */
  indexes?: readonly (string | readonly string[])[];
  pointIndexes?: readonly string[];
  /**
   * The full-text index that searches of this type use, and what it covers (standard-folding
   * analyzer); `uncertain`: those of its properties that hold names that may denote others too.
   */
  fullText: { index: string; properties: readonly string[]; uncertain?: readonly string[] };
}

const actorNames = { index: 'actor_names_fulltext', properties: ['name', 'aliases', 'uncertainAliases'], uncertain: ['uncertainAliases'] } as const;

/** Properties the service writes on every entity: its key, and who wrote it when. */
export const systemProperties = {
  key: { kind: 'key', description: 'Stable, readable key that outside services can store, for example "place:ru:lozovaya-rudka".', fallback: 'key' },
  recordedAt: { kind: 'datetime', description: 'Record time: when the graph learned this (not when it was true in the world).' },
  recordedBy: { kind: 'string', description: 'Who recorded it: a principal or a seed or import name.' },
  updatedAt: { kind: 'datetime', description: 'Record time of its last change through the API or an import; null if it never changed.' },
  updatedBy: { kind: 'string', description: 'Who made its last change: a principal or an import name.' },
  formerKeys: { kind: 'strings', description: 'Keys of the records merged into it; each still resolves to it.' },
} as const satisfies ExposedSystemSpecs;

/**
 * A revision of an entity's update keeps each changed property's value before it under this
 * prefix (`before_name`), so reads `asOf` an earlier record time show the values of then.
 */
export const revisionBeforePrefix = 'before_';

const note = { ...longText, description: "The recorder's note: caveats, derivations, what is uncertain." } as const;

const actorProperties = {
  name: { ...shortText, description: 'The name it is best known by in English.', fallback: 'key' },
  nameNative: { ...shortText, field: 'nativeName', description: 'Its name in its own language and script.' },
  aliases: { ...names, description: 'Other names, spellings and garbled renderings found in reports.' },
  uncertainAliases: { ...names, description: 'Names that may denote this actor or another: kept apart from aliases.' },
  uncertainAliasesNote: { ...longText, description: 'Why the uncertain aliases are uncertain, and which other actors they may denote.' },
  aliasesAsWrittenInArticle: { ...names, description: 'The names by which the seed article refers to it, verbatim.' },
  mentionedInArticle: { kind: 'boolean', description: 'Whether the seed article names or describes it; false when it is known from background sources only.' },
  description: { ...longText, description: 'What it is, in a sentence.' },
  note,
} as const satisfies ExposedSpecs;

export const entitySpecs = {
  Unit: {
    labels: ['Actor', 'Unit'],
    prefix: 'unit',
    required: ['name'],
    properties: {
      ...actorProperties,
      side: { ...enumOf('Side', sides), description: 'The side it fights on.' },
      countryCode: { ...countryCode, description: 'ISO 3166-1 alpha-2 code of the state whose forces it is, if any.' },
    },
    indexes: ['side'],
    fullText: actorNames,
  },
  Person: {
    labels: ['Actor', 'Person'],
    prefix: 'person',
    required: ['name'],
    properties: {
      ...actorProperties,
      identitySourceKey: { kind: 'key', description: 'Key of the source that identifies the person.' },
      identityNote: { ...longText, description: 'How the person was identified.' },
      describedInArticleAs: { ...shortText, description: 'How the seed article refers to the person, verbatim, when it does not name them.' },
    },
    fullText: actorNames,
  },
  Organization: {
    labels: ['Actor', 'Organization'],
    prefix: 'org',
    required: ['name'],
    properties: {
      ...actorProperties,
      type: { ...enumOf('OrganizationType', valuesOf('OrganizationType')), description: 'What kind of organization it is.' },
      countryCode: { ...countryCode, description: 'ISO 3166-1 alpha-2 code of its country.' },
    },
    fullText: actorNames,
  },
  Place: {
    labels: ['Place'],
    prefix: 'place',
    required: ['name'],
    properties: {
      name: { ...shortText, description: 'Conventional English name.', fallback: 'key' },
      // The field `names` lists the place's PlaceName nodes; this list also keeps the names of records merged into it.
      names: { ...names, field: 'spellings', description: 'Every spelling that a text search matches: its name, its recorded names, and those of records merged into it.' },
      type: { ...enumOf('PlaceType', placeTypes), description: 'Country, region, district, city, town, village...' },
      countryCode: { ...countryCode, description: 'ISO 3166-1 alpha-2 code of the country it is in.' },
      location: { kind: 'point', description: 'A WGS-84 point that stands for the place (see locationPrecision).' },
      locationPrecision: { ...enumOf('LocationPrecision', valuesOf('LocationPrecision')), description: 'What the point stands for (see location).' },
      locationUncertaintyKm: { kind: 'float', min: 0, max: 20_000, description: 'Rough radius, in kilometres, within which the place lies around its point.' },
      locationSourceKey: { kind: 'key', description: 'Key of the source the point comes from.' },
      locationNote: { ...longText, description: 'How the point was chosen, and what it stands for when it is not the place itself.' },
      geonamesId: { kind: 'int', min: 1, description: 'GeoNames id, where known.' },
      geonamesIdSourceKey: { kind: 'key', description: 'Key of the source of the GeoNames id.' },
      inArticleAs: { ...names, description: 'The spellings the seed article uses, verbatim.' },
      note,
    },
    indexes: ['type', 'countryCode'],
    pointIndexes: ['location'],
    fullText: { index: 'place_names_fulltext', properties: ['name', 'names'] },
  },
  Event: {
    labels: ['Event'],
    prefix: 'event',
    required: ['name'],
    properties: {
      name: { ...shortText, description: 'A short name.', fallback: 'key' },
      description: { ...longText, description: 'What happened, in a few sentences.' },
      category: { ...enumOf('EventCategory', valuesOf('EventCategory')), description: 'Political violence (coded after ACLED) or political context.' },
      type: { ...enumOf('EventType', eventTypes), description: 'ACLED event type; null for context events such as elections.' },
      subType: {
        kind: 'string',
        max: 60,
        pattern: /^[A-Z_]+$/,
        patternHint: 'an ACLED sub-event type in capitals, such as ARMED_CLASH',
        description: 'ACLED sub-event type, such as ARMED_CLASH.',
      },
      startDate: { kind: 'date', description: 'First day (see startDatePrecision).' },
      endDate: { kind: 'date', description: 'Last day; null if ongoing or unknown.' },
      startDateSourceKey: { kind: 'key', description: 'Key of the source the start date comes from.' },
      endDateSourceKey: { kind: 'key', description: 'Key of the source the end date comes from.' },
      dateDerivation: { ...longText, description: 'How the dates were worked out from the sources.' },
      fatalities: { kind: 'int', min: 0, description: 'Reported fatalities; null when none were reported (not zero).' },
      fatalitiesNote: { ...longText, description: 'What the sources say about casualties.' },
      codingNote: { ...longText, description: 'Who coded its type, and why.' },
      note,
    },
    // Time filters and orders read the intervals' days (`dateSiblings`).
    indexes: ['startDate', 'endDate', 'type', 'subType', 'startDateEarliest', 'endDateLatest'],
    fullText: { index: 'event_text_fulltext', properties: ['name', 'description'] },
  },
  Claim: {
    labels: ['Claim'],
    prefix: 'claim',
    required: ['text'],
    properties: {
      text: { ...longText, description: 'The statement, in the words of its first source (or a faithful paraphrase).', fallback: { value: '' } },
      originalText: { ...longText, description: 'The statement in its original language, where known.' },
      language: { ...language, description: 'Language of the text, BCP 47.' },
      type: { ...enumOf('ClaimType', claimTypes), description: 'What it is about.' },
      stance: { ...enumOf('Stance', stances), description: 'Asserts or denies.' },
      basis: { ...enumOf('Basis', bases), description: 'What it rests on.' },
      madeAt: { kind: 'date', description: 'When it was made (see madeAtPrecision).' },
      validFrom: { kind: 'date', description: 'Start of the period it is about (valid time).' },
      validTo: { kind: 'date', description: 'End of the period it is about (valid time).' },
      dateDerivation: { ...longText, description: 'How madeAt, validFrom and validTo were worked out from the sources.' },
      credibility: { ...grade, description: 'Admiralty credibility of the information, 1 (confirmed) to 6 (cannot be judged).' },
      credibilityNote: { ...longText, description: 'Why it has that credibility.' },
      garbled: { kind: 'boolean', description: 'Whether the wording is garbled (a bad translation, a misprint).', fallback: { value: false } },
      interpretation: { ...longText, description: "What a garbled or ambiguous statement most likely means: an analyst's reading, never a correction." },
      attributionAmbiguous: { kind: 'boolean', description: 'Whether the sources attribute it to more than one candidate maker.', fallback: { value: false } },
      ambiguity: { ...longText, description: 'What in the statement is ambiguous, left unresolved.' },
      casualtiesKilled: { kind: 'int', min: 0, description: 'For a CASUALTIES claim: how many people it says were killed.' },
      casualtiesInjured: { kind: 'int', min: 0, description: 'For a CASUALTIES claim: how many people it says were injured.' },
      measure: { kind: 'string', max: 100, description: 'For a claim that states a figure: what is counted ("personnel", "tank").' },
      amount: { kind: 'float', description: 'The figure stated, as stated (see amountQualifier and cumulative).' },
      amountQualifier: { kind: 'string', max: 100, description: 'How the maker qualified the figure: "about", "more than".' },
      cumulative: { kind: 'boolean', description: 'Whether the figure is a running total since validFrom.' },
      frontSector: { ...shortText, description: 'The front sector the maker named, as written.' },
      lossStatus: { ...enumOf('LossStatus', lossStatuses), description: 'For a LOSSES claim about materiel: what became of it (the captor is the subject with role CAPTOR).' },
      equipmentCategory: {
        ...enumOf('EquipmentCategory', equipmentCategories),
        description: "For a LOSSES claim about materiel: the category counted, as the maker counts it (a per-item claim's equipment has its own).",
      },
      note,
    },
    // Set by setClaimRank (and by a superseding claim), never by a claim's input.
    systemProperties: {
      rank: { ...enumOf('Rank', ranks), description: 'Preferred, normal or deprecated.', fallback: { value: 'NORMAL' } },
      rankReason: { ...enumOf('RankReason', rankReasons), description: 'Why it has that rank (for a deprecated claim, why it was retracted).' },
      rankNote: { ...longText, description: 'A note on why it has that rank.' },
      rankedAt: { kind: 'datetime', description: 'Record time of the last change of its rank.' },
    },
    // The composite index serves claim series.
    indexes: ['madeAt', 'validFrom', 'validTo', 'type', 'stance', 'basis', 'rank', ['measure', 'madeAt'], 'lossStatus', 'equipmentCategory', 'madeAtEarliest', 'madeAtLatest', 'validFromEarliest', 'validToLatest'],
    fullText: { index: 'claim_text_fulltext', properties: ['text', 'interpretation'] },
  },
  Source: {
    labels: ['Source'],
    prefix: 'source',
    required: ['kind'],
    properties: {
      kind: { ...enumOf('SourceKind', sourceKinds), description: 'What kind of document it is.' },
      title: { kind: 'string', max: 2_000, description: 'Title or headline.' },
      seedFile: { kind: 'string', max: 300, description: 'For a source the seed was read from: its text file, under shared/.' },
      url: { kind: 'url', description: 'Where it was published, when known.' },
      urlNote: { ...longText, description: 'Why the URL is missing, or how the title was obtained.' },
      language: { ...language, description: 'Language, as a BCP 47 code ("en", "ru", "uk").' },
      translation: { ...enumOf('Translation', valuesOf('Translation')), description: 'Whether the text held is a translation, and what kind; null if it is the original.' },
      translationNote: { ...longText, description: 'What is known of the original language and wording.' },
      publishedAt: { kind: 'date', description: 'Publication date (see publishedAtPrecision).' },
      dateDerivation: { ...longText, description: 'How the publication date was worked out.' },
      reliability: { ...enumOf('Reliability', reliabilities), description: 'Admiralty grade of the source, A to F.' },
      reliabilityNote: { ...longText, description: 'Why it has that grade.' },
      credibility: { ...grade, description: 'Admiralty credibility of its information, 1 to 6, where graded.' },
      frontSector: { ...shortText, description: 'The front sector an official statement names, as written.' },
      note,
    },
    indexes: ['publishedAt', 'kind', 'reliability', 'publishedAtEarliest', 'publishedAtLatest'],
    fullText: { index: 'source_title_fulltext', properties: ['title'] },
  },
  Equipment: {
    labels: ['Equipment'],
    prefix: 'equipment',
    required: ['name'],
    properties: {
      name: { ...shortText, description: 'The conventional name of the system, model or family ("T-90M", "2S19 Msta-S").', fallback: 'key' },
      aliases: { ...names, description: 'Other names and spellings in any script ("Т-90М", "Msta-S"): a text search matches them.' },
      category: { ...enumOf('EquipmentCategory', equipmentCategories), description: 'What kind of materiel it is.' },
      countryCode: { ...countryCode, description: 'ISO 3166-1 alpha-2 code of its country of origin.' },
      description: { ...longText, description: 'What it is, in a sentence.' },
      note,
    },
    indexes: ['category'],
    fullText: { index: 'equipment_names_fulltext', properties: ['name', 'aliases'] },
  },
} as const satisfies Record<string, EntityDeclaration>;

export type EntityType = keyof typeof entitySpecs;
export const entityTypes = Object.keys(entitySpecs) as EntityType[];

/** The labels a node of each type carries, as Cypher writes them: `Actor:Unit`. */
export const labelsOf = Object.fromEntries(entityTypes.map((type) => [type, entitySpecs[type].labels.join(':')])) as Record<EntityType, string>;

/**
 * The GraphQL interfaces over entity types: the types that implement each, and the properties
 * whose fields the interface declares for all of them (a type's own fields are the rest).
 */
export const entityInterfaces = {
  Entity: { types: entityTypes, properties: { ...systemProperties, note } },
  Actor: { types: ['Unit', 'Person', 'Organization'], properties: actorProperties },
} as const satisfies Record<string, { types: readonly EntityType[]; properties: ExposedSystemSpecs }>;

export type EntityInterface = keyof typeof entityInterfaces;

/** Every property a node of this type may hold: the system ones and its own (a date's precision aside). */
export const allPropertiesOf = (type: EntityType): ExposedSystemSpecs => ({
  ...systemProperties,
  ...(entitySpecs[type] as EntityDeclaration).systemProperties,
  ...entitySpecs[type].properties,
});
