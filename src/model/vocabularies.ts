/** The values of the model's enumerations; GraphQL enums and validation both use these lists. */

/** RANGE: an explicit first and last day ("2024-03-12..2024-03-14"), where no one period says what is known. */
export const datePrecisions = ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR', 'RANGE'] as const;
export type DatePrecision = (typeof datePrecisions)[number];

export const sides = ['UKRAINE', 'RUSSIA', 'OTHER'] as const;
export const placeTypes = ['COUNTRY', 'REGION', 'DISTRICT', 'CITY', 'TOWN', 'VILLAGE', 'OTHER'] as const;
export const eventTypes = ['BATTLES', 'EXPLOSIONS_REMOTE_VIOLENCE', 'VIOLENCE_AGAINST_CIVILIANS', 'PROTESTS', 'RIOTS', 'STRATEGIC_DEVELOPMENTS'] as const;
export const claimTypes = ['CONTROL', 'ATTACK', 'CASUALTIES', 'LOSSES', 'PRESENCE', 'WITHDRAWAL', 'DENIAL', 'INTENTION', 'APPEAL', 'ASSESSMENT', 'ALIGNMENT', 'IDENTITY', 'EVENT_TIMING', 'OTHER'] as const;
export const stances = ['ASSERTS', 'DENIES'] as const;
export const bases = ['CLAIMED_BY_PARTY', 'REPORTED_BY_MEDIA', 'ASSESSED_BY_ANALYST', 'CONFIRMED_BY_EVIDENCE'] as const;
export const sourceKinds = ['NEWS_ARTICLE', 'SOCIAL_POST', 'INTERVIEW', 'OFFICIAL_STATEMENT', 'ANALYSIS', 'DATASET', 'REFERENCE', 'PHOTO', 'VIDEO', 'SATELLITE_IMAGE', 'UNSPECIFIED'] as const;
export const reliabilities = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const rankReasons = ['BEST_SOURCED', 'MOST_RECENT', 'SUPERSEDED', 'REFUTED', 'MISATTRIBUTED', 'DUPLICATE'] as const;
/** What a piece of materiel is; the General Staff's daily categories map onto these (docs/general-staff.md). */
export const equipmentCategories = [
  'TANK',
  'INFANTRY_FIGHTING_VEHICLE',
  'ARMOURED_PERSONNEL_CARRIER',
  'ARMOURED_FIGHTING_VEHICLE',
  'ARTILLERY',
  'MULTIPLE_ROCKET_LAUNCHER',
  'AIR_DEFENCE',
  'AIRCRAFT',
  'HELICOPTER',
  'DRONE',
  'MISSILE',
  'MISSILE_LAUNCHER',
  'SHIP',
  'SUBMARINE',
  'VEHICLE',
  'SPECIAL_EQUIPMENT',
  'OTHER',
] as const;
export const lossStatuses = ['DESTROYED', 'DAMAGED', 'ABANDONED', 'CAPTURED'] as const;

/**
 * The vocabularies whose GraphQL enums are made from here (`src/graphql/vocabulary-enums.ts`),
 * by enum name, each value with its description (docs/model.md, "Enumerations"). The others
 * above have their enums, with descriptions, in the file of the type they belong to.
 */
export const describedVocabularies = {
  Attribution: {
    EXPLICIT: 'The source names the maker.',
    AMBIGUOUS: "The source's wording allows several makers; each candidate is listed.",
    INFERRED: 'Inferred from a pronoun or the context ("he added").',
    IMPLICIT: "No speaker named: the source's own voice.",
    PRESUMED: 'Assumed, such as an unknown publisher.',
  },
  Confidence: { HIGH: 'High confidence.', MEDIUM: 'Medium confidence.', LOW: 'Low confidence.' },
  EventPlacePrecision: {
    PLACE: 'At the place itself.',
    NEAR: 'Near it.',
    DISTRICT: 'Only the district is known.',
    REGION: 'Only the region is known.',
    COUNTRY: 'Only the country is known.',
  },
  ParticipantRole: {
    ATTACKER: 'Attacked.',
    DEFENDER: 'Defended.',
    SUPPORTER: 'Backed an attacker or defender without being the main actor.',
    WITHDRAWING: 'Withdrew.',
    ADVANCING: 'Advanced.',
    TARGET: 'Was the target.',
    VICTIM: 'Was a victim.',
  },
  AcledActorSlot: { ACTOR1: "ACLED's first actor.", ACTOR2: "ACLED's second actor.", ASSOC_ACTOR_1: 'Associated with the first actor.', ASSOC_ACTOR_2: 'Associated with the second actor.' },
  PloverRole: { ACTOR: "PLOVER's source actor.", RECIPIENT: "PLOVER's recipient." },
  SubjectRole: {
    SUBJECT: 'The claim is about what this actor does or is.',
    OBJECT: 'Acted upon.',
    EVENT: 'The event the claim is about.',
    PLACE: 'The place the claim is about.',
    TARGET: 'What the statement is directed against.',
    AUDIENCE: 'Whom an appeal addresses.',
    BENEFICIARY: 'Who benefits.',
    CONTROLLER_CANDIDATE: 'A possible controller of a place, when the claim does not say who.',
    EQUIPMENT: 'For a loss: what was lost.',
    OWNER: 'For a loss: the side that lost it.',
    CAPTOR: 'For a loss: who captured it.',
  },
  OrganizationType: { STATE: 'A state or its institutions.', MEDIA: 'A media outlet.', ANALYST: 'An analysis institute.' },
  EventCategory: { CONFLICT: 'Political violence, coded after ACLED.', POLITICAL: 'Context, with no ACLED type (an election).' },
  Translation: {
    MACHINE_PROBABLE: 'Reads as a machine translation (inferred).',
    MACHINE: 'A machine translation.',
    HUMAN: 'A human translation.',
  },
  LocationPrecision: {
    SETTLEMENT: "The settlement's own centre.",
    ADMIN_CENTRE: 'An area represented by its administrative centre.',
    CENTROID: "An area's geographic centre.",
    DISTRICT_CENTRE_PROXY: 'A settlement whose own coordinates are not verified, represented by its district centre.',
  },
  PlaceNameKind: {
    OFFICIAL: 'The official name.',
    CONVENTIONAL: 'The English exonym.',
    TRANSLITERATION: 'A transliteration (see scheme).',
    VARIANT: 'A variant spelling.',
    AS_WRITTEN: 'A spelling as found in a source, possibly a misspelling.',
    FORMER: 'A former name.',
  },
} as const satisfies Record<string, Record<string, string>>;

export type DescribedVocabulary = keyof typeof describedVocabularies;

/** The values of a described vocabulary, in their declared order. */
export const valuesOf = <Name extends DescribedVocabulary>(name: Name) => Object.keys(describedVocabularies[name]) as (keyof (typeof describedVocabularies)[Name] & string)[];

export const ranks = ['PREFERRED', 'NORMAL', 'DEPRECATED'] as const;
