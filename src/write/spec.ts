/**
 * What may be written: every entity type and relationship type with its properties, their kinds
 * and limits. Mutations, GraphQL inputs and the bundle importer all validate against this one
 * description (docs/model.md explains the meaning of each property).
 */

export type PropertySpec =
  | { kind: 'string'; max?: number; pattern?: RegExp; patternHint?: string; values?: readonly string[] }
  | { kind: 'strings'; max?: number }
  | { kind: 'int'; min?: number; max?: number }
  | { kind: 'float'; min?: number; max?: number }
  | { kind: 'boolean' }
  /** A DATE with a sibling `<name>Precision` (DAY, WEEK, MONTH, YEAR). */
  | { kind: 'date' }
  /** A WGS-84 point, given as {latitude, longitude}. */
  | { kind: 'point' }
  | { kind: 'url' }
  /** The key of another entity (for example the source of a fact). */
  | { kind: 'key' };

export type PropertySpecs = Record<string, PropertySpec>;

export const shortText = { kind: 'string', max: 300 } as const;
export const longText = { kind: 'string', max: 20_000 } as const;
const names = { kind: 'strings', max: 300 } as const;
const countryCode = { kind: 'string', pattern: /^[A-Z]{2}$/, patternHint: 'an ISO 3166-1 alpha-2 code in capitals, such as "UA"' } as const;
const language = { kind: 'string', pattern: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, patternHint: 'a BCP 47 tag, such as "en" or "uk"' } as const;
const grade = { kind: 'int', min: 1, max: 6 } as const;
const enumOf = (...values: string[]) => ({ kind: 'string', values }) as const;

export const datePrecisions = ['DAY', 'WEEK', 'MONTH', 'YEAR'] as const;
export type DatePrecision = (typeof datePrecisions)[number];

export const sides = ['UKRAINE', 'RUSSIA', 'OTHER'] as const;
export const placeTypes = ['COUNTRY', 'REGION', 'DISTRICT', 'CITY', 'TOWN', 'VILLAGE', 'OTHER'] as const;
export const eventTypes = ['BATTLES', 'EXPLOSIONS_REMOTE_VIOLENCE', 'VIOLENCE_AGAINST_CIVILIANS', 'PROTESTS', 'RIOTS', 'STRATEGIC_DEVELOPMENTS'] as const;
export const claimTypes = ['CONTROL', 'ATTACK', 'CASUALTIES', 'LOSSES', 'PRESENCE', 'WITHDRAWAL', 'DENIAL', 'INTENTION', 'APPEAL', 'ASSESSMENT', 'ALIGNMENT', 'IDENTITY', 'EVENT_TIMING', 'OTHER'] as const;
export const stances = ['ASSERTS', 'DENIES'] as const;
export const bases = ['CLAIMED_BY_PARTY', 'REPORTED_BY_MEDIA', 'ASSESSED_BY_ANALYST', 'CONFIRMED_BY_EVIDENCE'] as const;
export const sourceKinds = ['NEWS_ARTICLE', 'SOCIAL_POST', 'INTERVIEW', 'OFFICIAL_STATEMENT', 'ANALYSIS', 'DATASET', 'REFERENCE'] as const;
export const reliabilities = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const rankReasons = ['BEST_SOURCED', 'MOST_RECENT', 'SUPERSEDED', 'REFUTED', 'MISATTRIBUTED', 'DUPLICATE'] as const;

const actorProperties: PropertySpecs = {
  name: shortText,
  nameNative: shortText,
  aliases: names,
  uncertainAliases: names,
  description: longText,
  note: longText,
};

export const entitySpecs = {
  Unit: { prefix: 'unit', required: ['name'], properties: { ...actorProperties, side: enumOf(...sides), countryCode } },
  Person: { prefix: 'person', required: ['name'], properties: { ...actorProperties, identitySourceKey: { kind: 'key' }, identityNote: longText } },
  Organization: {
    prefix: 'org',
    required: ['name'],
    properties: { ...actorProperties, type: enumOf('STATE', 'MEDIA', 'ANALYST'), countryCode },
  },
  Place: {
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
  },
  Event: {
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
  },
  Claim: {
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
  },
  Source: {
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
  },
} as const satisfies Record<string, { prefix: string; required: readonly string[]; properties: PropertySpecs }>;

export type EntityType = keyof typeof entitySpecs;
export const entityTypes = Object.keys(entitySpecs) as EntityType[];

/** The labels a node of each type carries: units, people and organizations are also Actors. The type's own label has its key index. */
export const labelsOf: Record<EntityType, string> = {
  Unit: 'Actor:Unit',
  Person: 'Actor:Person',
  Organization: 'Actor:Organization',
  Place: 'Place',
  Event: 'Event',
  Claim: 'Claim',
  Source: 'Source',
};

/** Keys are `<prefix>:<segment>[:<segment>...]`, each segment lower-case letters, digits and hyphens. */
export const keyPattern = /^(unit|person|org|place|event|claim|source):[a-z0-9][a-z0-9-]*(:[a-z0-9][a-z0-9-]*)*$/;
export const maxKeyLength = 200;

export function entityTypeOfKey(key: string): EntityType | undefined {
  const prefix = key.slice(0, key.indexOf(':'));
  return entityTypes.find((type) => entitySpecs[type].prefix === prefix);
}

const actors: readonly EntityType[] = ['Unit', 'Person', 'Organization'];
const anyEntity: readonly EntityType[] = entityTypes;
const period = { from: { kind: 'date' }, to: { kind: 'date' } } as const;
const basis = { basisSourceKey: { kind: 'key' }, note: longText } as const;
const attribution = enumOf('EXPLICIT', 'AMBIGUOUS', 'INFERRED', 'IMPLICIT', 'PRESUMED');
const confidence = enumOf('HIGH', 'MEDIUM', 'LOW');
const claimLink = { condition: longText, note: longText, assessedBy: shortText } as const;

export const relationshipSpecs = {
  PART_OF: { from: [...actors, 'Event'], to: [...actors, 'Event'], properties: { ...period, ...basis } },
  ALIGNED_WITH: { from: actors, to: actors, properties: { ...period, ...basis } },
  HOLDS_POSITION: { from: ['Person'], to: ['Organization', 'Place'], properties: { title: shortText, ...period, confidence, ...basis } },
  LOCATED_IN: { from: ['Place'], to: ['Place'], properties: { confidence, ...basis } },
  OCCURRED_AT: { from: ['Event'], to: ['Place'], properties: { precision: enumOf('PLACE', 'NEAR', 'DISTRICT', 'REGION', 'COUNTRY'), ...basis } },
  PARTICIPATED_IN: {
    from: actors,
    to: ['Event'],
    properties: {
      role: enumOf('ATTACKER', 'DEFENDER', 'SUPPORTER', 'WITHDRAWING', 'ADVANCING', 'TARGET', 'VICTIM'),
      acledActor: enumOf('ACTOR1', 'ACTOR2', 'ASSOC_ACTOR_1', 'ASSOC_ACTOR_2'),
      ploverRole: enumOf('ACTOR', 'RECIPIENT'),
      ...basis,
    },
  },
  REPORTED_IN: { from: ['Event'], to: ['Source'], properties: { note: longText } },
  MADE_BY: { from: ['Claim'], to: actors, properties: { attribution, asWritten: shortText, identifiedViaSourceKey: { kind: 'key' }, note: longText } },
  ABOUT: {
    from: ['Claim'],
    to: anyEntity,
    properties: { role: enumOf('SUBJECT', 'OBJECT', 'EVENT', 'PLACE', 'TARGET', 'AUDIENCE', 'BENEFICIARY', 'CONTROLLER_CANDIDATE') },
  },
  STATED_IN: { from: ['Claim'], to: ['Source'], properties: { quote: longText, first: { kind: 'boolean' }, paraphrased: { kind: 'boolean' }, note: longText } },
  SUPPORTS: { from: ['Claim'], to: ['Claim'], properties: claimLink },
  CONTRADICTS: { from: ['Claim'], to: ['Claim'], properties: claimLink },
  SUPERSEDES: { from: ['Claim'], to: ['Claim'], properties: { note: longText } },
  PUBLISHED_BY: { from: ['Source'], to: actors, properties: { attribution, asWritten: shortText, ...basis } },
  QUOTES: { from: ['Source'], to: ['Source'], properties: { note: longText } },
  LINKS_TO: { from: ['Source'], to: ['Source'], properties: { asWritten: shortText } },
} as const satisfies Record<string, { from: readonly EntityType[]; to: readonly EntityType[]; properties: PropertySpecs }>;

export type RelationshipType = keyof typeof relationshipSpecs;
export const relationshipTypes = Object.keys(relationshipSpecs) as RelationshipType[];
