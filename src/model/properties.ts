/**
 * The kinds of property the model knows, their limits, and the vocabularies of its enumerations.
 * The entity and relationship declarations (`entities.ts`, `relationships.ts`) are built of these.
 */

export type PropertySpec =
  /** With `values`, an enumeration: `enum` names its GraphQL enum, input and output. */
  | { kind: 'string'; max?: number; pattern?: RegExp; patternHint?: string; values?: readonly string[]; enum?: string }
  | { kind: 'strings'; max?: number }
  | { kind: 'int'; min?: number; max?: number }
  | { kind: 'float'; min?: number; max?: number }
  | { kind: 'boolean' }
  /** A DATE (the first day of its period) with the siblings `dateSiblings` names. */
  | { kind: 'date' }
  /** A WGS-84 point, given as {latitude, longitude}. */
  | { kind: 'point' }
  | { kind: 'url' }
  /** The key of another entity (for example the source of a fact). */
  | { kind: 'key' };

export type PropertySpecs = Record<string, PropertySpec>;

/**
 * What a date is stored with beside its day: its precision, and the first and last day it may
 * denote, derived from both when it is written (docs/model.md, "Time"), so that time filters
 * compare intervals rather than first days.
 */
export const dateSiblings = (name: string) => ({ precision: `${name}Precision`, earliest: `${name}Earliest`, latest: `${name}Latest` }) as const;

/** A property's name and, for a date, its siblings' names: what a node or relationship may store for it. */
export const storedNames = (name: string, spec: { kind: string }): string[] => (spec.kind === 'date' ? [name, ...Object.values(dateSiblings(name))] : [name]);

export const shortText = { kind: 'string', max: 300 } as const;
export const longText = { kind: 'string', max: 20_000 } as const;
export const names = { kind: 'strings', max: 300 } as const;
export const countryCode = { kind: 'string', pattern: /^[A-Z]{2}$/, patternHint: 'an ISO 3166-1 alpha-2 code in capitals, such as "UA"' } as const;
export const language = { kind: 'string', pattern: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, patternHint: 'a BCP 47 tag, such as "en" or "uk"' } as const;
export const grade = { kind: 'int', min: 1, max: 6 } as const;
/** An enumeration, and the name of the GraphQL enum that carries it. */
export const enumOf = (name: string, values: readonly string[]) => ({ kind: 'string', values, enum: name }) as const;

/**
 * How a property of an entity reads through GraphQL: the field's description (byte for byte what
 * the schema documents) and, where they are not the plain default, its name, its enum, and the
 * value a non-null field reads when the property is absent. Fields are nullable without one.
 */
export interface Exposure {
  description: string;
  /** The field's name, where it is not the property's (a field `nativeName` reads `nameNative`). */
  field?: string;
  /** Non-null: what the field reads when the property is absent, a value or the entity's key. */
  fallback?: { value: string | boolean } | 'key';
}

/** A property the service writes itself (record times, ranks), never given in a write's input. */
export type SystemPropertySpec = PropertySpec | { kind: 'datetime' };

export type ExposedSpecs = Record<string, PropertySpec & Exposure>;
export type ExposedSystemSpecs = Record<string, SystemPropertySpec & Exposure>;
