/**
 * The scalar fields of the entity types and interfaces, from the model catalogue: one field per
 * property (four for a date: the day, its precision, and the first and last day it denotes), named, described, typed and defaulted as
 * the property's declaration says. Each field names its property in `extensions.property`, which
 * the planner reads to know what a selection reads (`namesSelectedAt`).
 */
import type { GeoPoint } from '../db/values';
import { allPropertiesOf, datePrecisions, dateSiblings, entityInterfaces, relationshipSpecs, type RelationshipType, type EntityInterface, type EntityType, type Exposure, type SystemPropertySpec } from '../model';
import { maxStringsItems } from '../write/validate';
import type { BuilderTypes } from './builder';
import { number, relationText, text, texts, type Entity, type Related } from './entity';
import { GeoPointRef } from './geo';
import { listBound } from './pagination';
import { citedSource, citedSourceField } from './cited-source';
import { SourceRef } from './refs';
import type { Context } from '../server/context';

/**
 * What a field of an entity says it reads, in its `extensions`: a stored property, or, for a
 * computed field, the properties it is computed from (none: from the key, which is always read).
 * Relationship fields say `relation` instead (`relations.ts`).
 */
export interface FieldReads {
  property?: string;
  computed?: readonly string[];
}

type Spec = SystemPropertySpec & Exposure;

const graphqlTypes: Record<Spec['kind'], unknown> = {
  string: 'String',
  url: 'String',
  key: 'String',
  strings: ['String'],
  int: 'Int',
  float: 'Float',
  boolean: 'Boolean',
  date: 'Date',
  datetime: 'DateTime',
  point: GeoPointRef,
};

/** The enum name of an enumeration's spec, and its values. */
const enumeration = (spec: SystemPropertySpec) => (spec.kind === 'string' && spec.enum && spec.values ? { name: spec.enum, values: spec.values } : undefined);

/** A stored value of an enumeration, or null for one outside it (written before the vocabulary was), which the enum could not serialize. */
export const known = (value: string | null, values: readonly string[]) => (value !== null && values.includes(value) ? value : null);

/** The stored value, if it has the property's kind; else null. */
function stored(entity: Entity, property: string, spec: Spec): unknown {
  const { kind } = spec;
  const vocabulary = enumeration(spec);
  if (vocabulary) return known(text(entity, property), vocabulary.values);
  if (kind === 'strings') return texts(entity, property);
  if (kind === 'int' || kind === 'float') return number(entity, property);
  const value = entity.properties[property];
  if (kind === 'boolean') return typeof value === 'boolean' ? value : null;
  if (kind === 'point') return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as unknown as GeoPoint) : null;
  return text(entity, property);
}

/** The properties whose fields a type declares itself: an interface's, or a type's less those of the interfaces it implements. */
function declaredOn(type: EntityType | EntityInterface): [string, Spec][] {
  if (type in entityInterfaces) return Object.entries(entityInterfaces[type as EntityInterface].properties);
  const inherited = new Set(
    Object.values(entityInterfaces)
      .filter((declaration) => (declaration.types as readonly string[]).includes(type))
      .flatMap((declaration) => Object.keys(declaration.properties)),
  );
  return Object.entries(allPropertiesOf(type as EntityType)).filter(([property]) => !inherited.has(property));
}

/**
 * The scalar fields of an entity type or interface, to spread into its `fields`. Their types
 * come from the catalogue at run time, which Pothos' typed options cannot follow: the options
 * are checked by the schema's build and the test of every field (test/schema-fields.test.ts).
 */
export function scalarFields(t: Pick<PothosSchemaTypes.FieldBuilder<BuilderTypes, Entity>, 'field'>, type: EntityType | EntityInterface) {
  const fields: Record<string, ReturnType<typeof t.field>> = {};
  for (const [property, spec] of declaredOn(type)) {
    const name = spec.field ?? property;
    const fallback = spec.fallback;
    fields[name] = t.field({
      type: (enumeration(spec)?.name ?? graphqlTypes[spec.kind]) as never,
      nullable: fallback === undefined && spec.kind !== 'strings',
      description: spec.description,
      extensions: { property, ...(spec.kind === 'strings' ? listBound(maxStringsItems) : {}) } satisfies FieldReads,
      resolve: (entity: Entity) => stored(entity, property, spec) ?? (fallback === 'key' ? entity.key : fallback?.value) ?? null,
    } as never);
    if (spec.kind === 'key' && property.endsWith('SourceKey')) {
      fields[citedSourceField(name)] = t.field({
        type: SourceRef,
        nullable: true,
        description: `The source that ${name} names, with its kind and reliability.`,
        extensions: { computed: [property] } satisfies FieldReads,
        resolve: (entity: Entity, _args: unknown, context: Context) => citedSource(context, text(entity, property)),
      } as never);
    }
    if (spec.kind === 'date') {
      const siblings = dateSiblings(property);
      fields[`${name}Precision`] = t.field({
        type: 'DatePrecision',
        nullable: true,
        description: `How precise ${name} is.`,
        extensions: { property: siblings.precision } satisfies FieldReads,
        resolve: (entity: Entity) => known(text(entity, siblings.precision), datePrecisions),
      } as never);
      for (const [bound, description] of [
        ['earliest', `The first day ${name} may denote: the first day of its period (time filters and orders use it).`],
        ['latest', `The last day ${name} may denote: the last day of its period or range.`],
      ] as const) {
        fields[`${name}${bound === 'earliest' ? 'Earliest' : 'Latest'}`] = t.field({
          type: 'Date',
          nullable: true,
          description,
          extensions: { property: siblings[bound] } satisfies FieldReads,
          resolve: (entity: Entity) => text(entity, siblings[bound]),
        } as never);
      }
    }
  }
  return fields;
}

/**
 * A field of a relationship's row that reads an enumeration of the catalogue: typed as its enum,
 * named in `extensions.relationshipProperty` for the test that no known set reads as a String.
 */
export function relationEnumField(t: Pick<PothosSchemaTypes.FieldBuilder<BuilderTypes, Related>, 'field'>, relationship: RelationshipType, property: string, description: string) {
  const spec = (relationshipSpecs[relationship].properties as Record<string, SystemPropertySpec>)[property];
  const vocabulary = spec && enumeration(spec);
  if (!vocabulary) throw new Error(`${relationship}.${property} is no enumeration of the catalogue.`);
  return t.field({
    type: vocabulary.name as never,
    nullable: true,
    description,
    extensions: { relationshipProperty: `${relationship}.${property}` },
    resolve: (row: Related) => known(relationText(row, property), vocabulary.values),
  } as never);
}

/**
 * A relationship's date property with what is stored beside it: its precision and the first and
 * last day it may denote (`from`, `fromPrecision`, `fromEarliest`, `fromLatest`).
 */
export function relationDateFields(t: Pick<PothosSchemaTypes.FieldBuilder<BuilderTypes, Related>, 'field'>, date: string, description: string) {
  const siblings = dateSiblings(date);
  const day = (property: string, text: string) =>
    t.field({ type: 'Date' as never, nullable: true, description: text, resolve: (row: Related) => relationText(row, property) } as never);
  return {
    [date]: day(date, `${description} (see ${siblings.precision}).`),
    [siblings.precision]: relationPrecisionField(t, date),
    [siblings.earliest]: day(siblings.earliest, `The first day ${date} may denote.`),
    [siblings.latest]: day(siblings.latest, `The last day ${date} may denote.`),
  };
}

/** The precision of a relationship's date property (`from` → `fromPrecision`). */
export function relationPrecisionField(t: Pick<PothosSchemaTypes.FieldBuilder<BuilderTypes, Related>, 'field'>, date: string) {
  return t.field({
    type: 'DatePrecision' as never,
    nullable: true,
    description: `How precise ${date} is.`,
    resolve: (row: Related) => known(relationText(row, `${date}Precision`), datePrecisions),
  } as never);
}
