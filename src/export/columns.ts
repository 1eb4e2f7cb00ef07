import type { Plain } from '../db/values';
import { allPropertiesOf, entitySpecs, storedNames, type EntityType } from '../model';
import type { Entity, Related } from '../graphql/entity';

/**
 * The properties an export writes of an entity type: every property the catalogue declares, the
 * key first, a date with its precision and the first and last day it may denote, a point
 * (written as geometry) left out.
 */
export function exportedProperties(type: EntityType): string[] {
  // The type's own properties first, then what the service records (record times, rank), as a reader scans them.
  const own = Object.keys(entitySpecs[type].properties);
  const properties = Object.entries(allPropertiesOf(type))
    .filter(([name, spec]) => name !== 'key' && spec.kind !== 'point')
    .sort(([a], [b]) => Number(!own.includes(a)) - Number(!own.includes(b)));
  return ['key', ...properties.flatMap(([name, spec]) => storedNames(name, spec))];
}

/** The related items an export read below an entity under `name`. */
export const relatedOf = (entity: Entity, name: string) => (entity.prefetched?.get(name) ?? []) as Related[];

/** A value fit for a cell or a JSON property: lists of strings joined by line breaks. */
export function flat(value: Plain | undefined): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map((item) => String(item)).join('\n');
  return typeof value === 'object' ? JSON.stringify(value) : value;
}
