import neo4j from 'neo4j-driver';
import { ClientError, ErrorCode } from '../server/errors';
import {
  dateSiblings,
  datePrecisions,
  storedNames,
  entitySpecs,
  entityTypeOfKey,
  keyPattern,
  maxKeyLength,
  type DatePrecision,
  type EntityType,
  type PropertySpec,
  type PropertySpecs,
} from '../model';

/** Bad input to a write, naming the field: nothing has been written. */
/** The most items a list-of-strings property holds (aliases): the API declares it as the list's bound. */
export const maxStringsItems = 1_000;

export class ValidationError extends ClientError {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(ErrorCode.BAD_USER_INPUT, `${field}: ${problem}`, { extensions: { field } });
  }
}

/** Properties to set (as Neo4j values) and to remove (given as null). */
export interface PropertyChanges {
  set: Record<string, unknown>;
  remove: string[];
}

export function validateKey(value: unknown, field: string, types?: readonly EntityType[]): string {
  if (typeof value !== 'string' || value.length === 0) throw new ValidationError(field, 'a key is required.');
  if (value.length > maxKeyLength) throw new ValidationError(field, `a key is at most ${maxKeyLength} characters (got ${value.length}).`);
  if (!keyPattern.test(value)) {
    throw new ValidationError(
      field,
      `"${value.slice(0, 80)}" is not a key: keys look like "place:ua:avdiivka", a prefix (unit, person, org, place, event, claim, source) and lower-case segments of letters, digits and hyphens separated by colons.`,
    );
  }
  const type = entityTypeOfKey(value);
  if (types && (!type || !types.includes(type))) {
    throw new ValidationError(field, `"${value}" is not the key of ${types.length === 1 ? `a ${types[0]}` : `one of ${types.join(', ')}`}.`);
  }
  return value;
}

/** The key of a new entity of this type, which must carry the type's prefix. */
export function validateEntityKey(value: unknown, field: string, type: EntityType): string {
  const key = validateKey(value, field);
  const prefix = entitySpecs[type].prefix;
  if (!key.startsWith(`${prefix}:`)) throw new ValidationError(field, `the key of a ${type} starts with "${prefix}:" (got "${key}").`);
  return key;
}

/** The spec of a property the specs name as their own: "constructor" or "__proto__" is not one, whatever Object.prototype has. */
const specOf = (specs: PropertySpecs, name: string): PropertySpec | undefined => (Object.hasOwn(specs, name) ? specs[name] : undefined);

/**
 * Checks properties against their specs and converts them to Neo4j values. Null removes a
 * property; a property the spec does not name is an error, so typos never pass silently.
 * `required` must be given (when creating); `kept` (required properties) may never be removed.
 */
export function validateProperties(
  specs: PropertySpecs,
  input: Record<string, unknown>,
  field: string,
  required: readonly string[] = [],
  kept: readonly string[] = required,
): PropertyChanges {
  const changes: PropertyChanges = { set: {}, remove: [] };
  for (const name of required) {
    if (input[name] === undefined || input[name] === null) throw new ValidationError(`${field}.${name}`, 'is required.');
  }
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const precisionOf = name.endsWith('Precision') ? name.slice(0, -'Precision'.length) : undefined;
    // A date's siblings are derived from it; only its precision may be given beside it.
    if (precisionOf && specOf(specs, precisionOf)?.kind === 'date') continue;
    const spec = specOf(specs, name);
    if (!spec) throw new ValidationError(`${field}.${name}`, `is not a property here; known properties: ${Object.keys(specs).join(', ')}.`);
    if (value === null) {
      if (kept.includes(name)) throw new ValidationError(`${field}.${name}`, 'is required: it can be changed, not removed.');
      changes.remove.push(...storedNames(name, spec));
      continue;
    }
    if (spec.kind === 'date') {
      const { date, precision, earliest, latest } = parseDate(value, input[`${name}Precision`], `${field}.${name}`);
      const siblings = dateSiblings(name);
      Object.assign(changes.set, { [name]: date, [siblings.precision]: precision, [siblings.earliest]: earliest, [siblings.latest]: latest });
    } else {
      changes.set[name] = convert(spec, value, `${field}.${name}`);
    }
  }
  return changes;
}

function convert(spec: Exclude<PropertySpec, { kind: 'date' }>, value: unknown, field: string): unknown {
  switch (spec.kind) {
    case 'string': {
      const text = checkString(value, field, spec.max ?? 20_000);
      if (spec.values && !spec.values.includes(text)) throw new ValidationError(field, `"${text.slice(0, 80)}" is not one of ${spec.values.join(', ')}.`);
      if (spec.pattern && !spec.pattern.test(text)) throw new ValidationError(field, `"${text.slice(0, 80)}" is not ${spec.patternHint ?? 'valid'}.`);
      return text;
    }
    case 'strings': {
      if (!Array.isArray(value)) throw new ValidationError(field, 'must be a list of strings.');
      if (value.length > maxStringsItems) throw new ValidationError(field, `at most ${maxStringsItems} items (got ${value.length}).`);
      return value.map((item, index) => checkString(item, `${field}[${index}]`, spec.max ?? 20_000));
    }
    case 'int': {
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new ValidationError(field, `must be a whole number (got ${JSON.stringify(value)?.slice(0, 40)}).`);
      checkRange(value, spec.min, spec.max, field);
      return neo4j.int(value);
    }
    case 'float': {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new ValidationError(field, `must be a number (got ${JSON.stringify(value)?.slice(0, 40)}).`);
      checkRange(value, spec.min, spec.max, field);
      return value;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw new ValidationError(field, 'must be true or false.');
      return value;
    case 'point': {
      const { latitude, longitude } = (value ?? {}) as { latitude?: unknown; longitude?: unknown };
      if (typeof latitude !== 'number' || !Number.isFinite(latitude) || latitude < -90 || latitude > 90) {
        throw new ValidationError(`${field}.latitude`, `must be a number from -90 to 90 (got ${JSON.stringify(latitude)}).`);
      }
      if (typeof longitude !== 'number' || !Number.isFinite(longitude) || longitude < -180 || longitude > 180) {
        throw new ValidationError(`${field}.longitude`, `must be a number from -180 to 180 (got ${JSON.stringify(longitude)}).`);
      }
      return new neo4j.types.Point(4326, longitude, latitude);
    }
    case 'url': {
      const text = checkString(value, field, 2_000);
      let url: URL;
      try {
        url = new URL(text);
      } catch {
        throw new ValidationError(field, `"${text.slice(0, 80)}" is not a URL.`);
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ValidationError(field, 'must be an http or https URL.');
      return text;
    }
    case 'key':
      return validateKey(value, field);
  }
}

/** Control characters other than tab and line breaks, and UTF-16 surrogates without their pair. */
const unstorable = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkString(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string') throw new ValidationError(field, 'must be a string.');
  if (value.length > max) throw new ValidationError(field, `at most ${max} characters (got ${value.length}).`);
  if (value.trim().length === 0) throw new ValidationError(field, 'must not be blank.');
  // Neo4j would store a lone surrogate as U+FFFD: refused, so that what is stored is what was sent.
  const bad = value.match(unstorable);
  if (bad) throw new ValidationError(field, `contains a character that cannot be stored (U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at ${bad.index}).`);
  return value;
}

function checkRange(value: number, min: number | undefined, max: number | undefined, field: string) {
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    throw new ValidationError(field, `must be from ${min ?? '-∞'} to ${max ?? '∞'} (got ${value}).`);
  }
}

/** A date as stored: its first day, its precision, and the first and last day it may denote. */
export interface StoredDate {
  date: InstanceType<typeof neo4j.types.Date>;
  precision: DatePrecision;
  earliest: InstanceType<typeof neo4j.types.Date>;
  latest: InstanceType<typeof neo4j.types.Date>;
}

const dateForms = '"2024-03-11", "2024-W11", "2024-03", "2024-Q1", "2024" or a range "2024-03-12..2024-03-14"';

const toNeo4jDate = (day: Date) => new neo4j.types.Date(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());

/** The last day of the period of this precision that starts on `first`. */
function lastDayOf(first: Date, precision: Exclude<DatePrecision, 'RANGE'>): Date {
  const [year, month, day] = [first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate()];
  switch (precision) {
    case 'DAY':
      return first;
    case 'WEEK':
      return new Date(Date.UTC(year, month, day + 6));
    case 'MONTH':
      return new Date(Date.UTC(year, month + 1, 0));
    case 'QUARTER':
      return new Date(Date.UTC(year, month + 3, 0));
    case 'YEAR':
      return new Date(Date.UTC(year, 12, 0));
  }
}

/**
 * An ISO date with its precision, stored as the first day of its period with the first and last
 * day it denotes. "2024", "2024-Q1", "2024-03", "2024-W11" and "2024-03-11" give YEAR, QUARTER,
 * MONTH, WEEK and DAY; a full date with a coarser precision must be the period's first day, as
 * docs/model.md stores it. "from..to" (each end any of those forms) gives RANGE: from the first
 * day of `from` to the last day of `to`.
 */
export function parseDate(value: unknown, precisionInput: unknown, field: string): StoredDate {
  if (typeof value !== 'string') throw new ValidationError(field, `must be an ISO date string, such as ${dateForms}.`);
  if (precisionInput !== undefined && precisionInput !== null && !datePrecisions.includes(precisionInput as DatePrecision)) {
    throw new ValidationError(`${field}Precision`, `must be one of ${datePrecisions.join(', ')}.`);
  }
  const given = (precisionInput ?? undefined) as DatePrecision | undefined;
  const ends = value.split('..');
  if (ends.length === 2) {
    if (given && given !== 'RANGE') throw new ValidationError(`${field}Precision`, `${given} does not fit "${value.slice(0, 40)}", a RANGE.`);
    const [from, to] = ends.map((end) => parsePeriod(end, undefined, field, value)) as [Period, Period];
    if (from.first > to.last) throw new ValidationError(field, `"${value}" ends before it starts.`);
    return { date: toNeo4jDate(from.first), precision: 'RANGE', earliest: toNeo4jDate(from.first), latest: toNeo4jDate(to.last) };
  }
  if (given === 'RANGE') throw new ValidationError(field, `a RANGE is written "from..to", such as "2024-03-12..2024-03-14" (got "${value.slice(0, 40)}").`);
  const period = parsePeriod(value, given, field, value);
  return { date: toNeo4jDate(period.first), precision: period.precision, earliest: toNeo4jDate(period.first), latest: toNeo4jDate(period.last) };
}

interface Period {
  first: Date;
  last: Date;
  precision: Exclude<DatePrecision, 'RANGE'>;
}

function parsePeriod(value: string, given: Exclude<DatePrecision, 'RANGE'> | undefined, field: string, whole: string): Period {
  let year: number;
  let month = 1;
  let day = 1;
  let inferred: Period['precision'];
  let match: RegExpMatchArray | null;
  if ((match = value.match(/^(\d{4})$/))) {
    year = Number(match[1]);
    inferred = 'YEAR';
  } else if ((match = value.match(/^(\d{4})-Q([1-4])$/))) {
    [year, month] = [Number(match[1]), (Number(match[2]) - 1) * 3 + 1];
    inferred = 'QUARTER';
  } else if ((match = value.match(/^(\d{4})-(\d{2})$/))) {
    [year, month] = [Number(match[1]), Number(match[2])];
    inferred = 'MONTH';
  } else if ((match = value.match(/^(\d{4})-W(\d{2})$/))) {
    const monday = isoWeekMonday(Number(match[1]), Number(match[2]), field);
    [year, month, day] = [monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate()];
    inferred = 'WEEK';
  } else if ((match = value.match(/^(\d{4})-(\d{2})-(\d{2})$/))) {
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    inferred = given ?? 'DAY';
  } else {
    throw new ValidationError(field, `"${whole.slice(0, 40)}" is not an ISO date such as ${dateForms}.`);
  }
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (year < 1 || month < 1 || month > 12 || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) {
    throw new ValidationError(field, `"${value}" is not a date in the calendar.`);
  }
  if (given && given !== inferred) throw new ValidationError(`${field}Precision`, `${given} does not fit "${value}", which gives ${inferred}.`);
  const precision = given ?? inferred;
  if (precision === 'WEEK' && calendar.getUTCDay() !== 1) throw new ValidationError(field, `a WEEK is stored as its Monday; "${value}" is not a Monday.`);
  if (precision === 'MONTH' && day !== 1) throw new ValidationError(field, `a MONTH is stored as its first day; "${value}" is not.`);
  if (precision === 'QUARTER' && (day !== 1 || (month - 1) % 3 !== 0)) throw new ValidationError(field, `a QUARTER is stored as its first day; "${value}" is not.`);
  if (precision === 'YEAR' && (day !== 1 || month !== 1)) throw new ValidationError(field, `a YEAR is stored as 1 January; "${value}" is not.`);
  return { first: calendar, last: lastDayOf(calendar, precision), precision };
}

function isoWeekMonday(year: number, week: number, field: string): Date {
  const fourthOfJanuary = new Date(Date.UTC(year, 0, 4));
  const mondayOfWeekOne = new Date(fourthOfJanuary.getTime() - ((fourthOfJanuary.getUTCDay() + 6) % 7) * 86_400_000);
  const monday = new Date(mondayOfWeekOne.getTime() + (week - 1) * 7 * 86_400_000);
  if (week < 1 || week > isoWeeksIn(year)) throw new ValidationError(field, `${year} has ISO weeks 1 to ${isoWeeksIn(year)} (got ${week}).`);
  return monday;
}

/** 53 when the year starts on a Thursday, or is a leap year starting on a Wednesday; else 52. */
function isoWeeksIn(year: number): number {
  const firstDay = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const leap = new Date(Date.UTC(year, 1, 29)).getUTCDate() === 29;
  return firstDay === 4 || (leap && firstDay === 3) ? 53 : 52;
}
