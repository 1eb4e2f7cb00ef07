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
export const sourceKinds = ['NEWS_ARTICLE', 'SOCIAL_POST', 'INTERVIEW', 'OFFICIAL_STATEMENT', 'ANALYSIS', 'DATASET', 'REFERENCE', 'PHOTO', 'VIDEO', 'SATELLITE_IMAGE'] as const;
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
