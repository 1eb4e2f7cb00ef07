/**
 * Every entity type of the graph, declared once: its labels, key prefix, the properties it may be
 * written with (kinds and limits), the ones that must be present, its range and point indexes,
 * and the full-text index its searches use. Validation, keys, the Cypher schema (checked against
 * `cypher/schema/` by a test) and searched kinds derive from it; docs/model.md explains each
 * property's meaning.
 */
import { countryCode, enumOf, grade, language, longText, names, shortText, type PropertySpecs } from './properties';
import { bases, claimTypes, eventTypes, placeTypes, reliabilities, sides, sourceKinds, stances } from './vocabularies';

export interface EntityDeclaration {
  /** Node labels, the most general first; the last is the type's own. Keys are unique on each. */
  labels: readonly string[];
  prefix: string;
  required: readonly string[];
  properties: PropertySpecs;
  /** Properties, or lists of them for a composite, with a range index on the type's own label. */
  indexes?: readonly (string | readonly string[])[];
  pointIndexes?: readonly string[];
  /** The full-text index that searches of this type use, and what it covers (standard-folding analyzer). */
  fullText: { index: string; properties: readonly string[] };
}

const actorNames = { index: 'actor_names_fulltext', properties: ['name', 'aliases', 'uncertainAliases'] } as const;

const actorProperties: PropertySpecs = {
  name: shortText,
  nameNative: shortText,
  aliases: names,
  uncertainAliases: names,
  description: longText,
  note: longText,
};

export const entitySpecs = {
  Unit: {
    labels: ['Actor', 'Unit'],
    prefix: 'unit',
    required: ['name'],
    properties: { ...actorProperties, side: enumOf(...sides), countryCode },
    indexes: ['side'],
    fullText: actorNames,
  },
  Person: {
    labels: ['Actor', 'Person'],
    prefix: 'person',
    required: ['name'],
    properties: { ...actorProperties, identitySourceKey: { kind: 'key' }, identityNote: longText },
    fullText: actorNames,
  },
  Organization: {
    labels: ['Actor', 'Organization'],
    prefix: 'org',
    required: ['name'],
    properties: { ...actorProperties, type: enumOf('STATE', 'MEDIA', 'ANALYST'), countryCode },
    fullText: actorNames,
  },
  Place: {
    labels: ['Place'],
    prefix: 'place',
    required: ['name'],
    properties: {
      name: shortText,
      names,
      type: enumOf(...placeTypes),
      countryCode,
      location: { kind: 'point' },
      locationPrecision: enumOf('SETTLEMENT', 'ADMIN_CENTRE', 'CENTROID', 'DISTRICT_CENTRE_PROXY'),
      locationUncertaintyKm: { kind: 'float', min: 0, max: 20_000 },
      locationSourceKey: { kind: 'key' },
      geonamesId: { kind: 'int', min: 1 },
      note: longText,
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
      name: shortText,
      description: longText,
      category: enumOf('CONFLICT', 'POLITICAL'),
      type: enumOf(...eventTypes),
      subType: { kind: 'string', max: 60, pattern: /^[A-Z_]+$/, patternHint: 'an ACLED sub-event type in capitals, such as ARMED_CLASH' },
      startDate: { kind: 'date' },
      endDate: { kind: 'date' },
      dateDerivation: longText,
      fatalities: { kind: 'int', min: 0 },
      fatalitiesNote: longText,
      codingNote: longText,
      note: longText,
    },
    indexes: ['startDate', 'endDate', 'type', 'subType'],
    fullText: { index: 'event_text_fulltext', properties: ['name', 'description'] },
  },
  Claim: {
    labels: ['Claim'],
    prefix: 'claim',
    required: ['text'],
    properties: {
      text: longText,
      originalText: longText,
      language,
      type: enumOf(...claimTypes),
      stance: enumOf(...stances),
      basis: enumOf(...bases),
      madeAt: { kind: 'date' },
      validFrom: { kind: 'date' },
      validTo: { kind: 'date' },
      dateDerivation: longText,
      credibility: grade,
      credibilityNote: longText,
      garbled: { kind: 'boolean' },
      interpretation: longText,
      attributionAmbiguous: { kind: 'boolean' },
      ambiguity: longText,
      casualtiesKilled: { kind: 'int', min: 0 },
      casualtiesInjured: { kind: 'int', min: 0 },
      measure: { kind: 'string', max: 100 },
      amount: { kind: 'float' },
      amountQualifier: { kind: 'string', max: 100 },
      cumulative: { kind: 'boolean' },
      frontSector: shortText,
      note: longText,
    },
    // `rank` is set by setClaimRank, not written as a property; the composite serves claim series.
    indexes: ['madeAt', 'validFrom', 'validTo', 'type', 'stance', 'basis', 'rank', ['measure', 'madeAt']],
    fullText: { index: 'claim_text_fulltext', properties: ['text', 'interpretation'] },
  },
  Source: {
    labels: ['Source'],
    prefix: 'source',
    required: ['kind'],
    properties: {
      kind: enumOf(...sourceKinds),
      title: { kind: 'string', max: 2_000 },
      url: { kind: 'url' },
      urlNote: longText,
      language,
      translation: enumOf('MACHINE_PROBABLE', 'MACHINE', 'HUMAN'),
      translationNote: longText,
      publishedAt: { kind: 'date' },
      dateDerivation: longText,
      reliability: enumOf(...reliabilities),
      reliabilityNote: longText,
      credibility: grade,
      frontSector: shortText,
      note: longText,
    },
    indexes: ['publishedAt', 'kind', 'reliability'],
    fullText: { index: 'source_title_fulltext', properties: ['title'] },
  },
} as const satisfies Record<string, EntityDeclaration>;

export type EntityType = keyof typeof entitySpecs;
export const entityTypes = Object.keys(entitySpecs) as EntityType[];

/** The labels a node of each type carries, as Cypher writes them: `Actor:Unit`. */
export const labelsOf = Object.fromEntries(entityTypes.map((type) => [type, entitySpecs[type].labels.join(':')])) as Record<EntityType, string>;
