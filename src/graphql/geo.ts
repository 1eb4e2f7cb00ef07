import { ClientError, ErrorCode } from '../server/errors';
import { builder } from './builder';
import type { GeoPoint } from '../db/values';
import type { Context } from '../server/context';
import type { Neo4jGateway } from '../db/gateway';
import { loadEntitiesByKey, type Entity } from './entity';

export const GeoPointRef = builder.objectRef<GeoPoint>('GeoPoint').implement({
  description: 'A WGS-84 point.',
  fields: (t) => ({
    latitude: t.exposeFloat('latitude', { description: 'Degrees north, -90 to 90.' }),
    longitude: t.exposeFloat('longitude', { description: 'Degrees east, -180 to 180.' }),
  }),
});

/** How a place, a point with its rough radius of uncertainty, is compared with the asked circle. */
const NearMode = builder.enumType('NearMode', {
  description: "How `near` reads a place's point and its locationUncertaintyKm (a region stood for by its centre is uncertain by its own size).",
  values: {
    WITHIN: { description: 'Places that lie certainly inside the circle: the point and its radius of uncertainty (the default). A place without locationUncertaintyKm counts as its point.' },
    OVERLAPS: { description: 'Places that may lie inside the circle: the circle of uncertainty around the point touches it.' },
  } as const,
});

export const NearInput = builder.inputType('NearInput', {
  description: 'A circle on the earth: its centre, a WGS-84 point or the point of a place, and a radius.',
  fields: (t) => ({
    latitude: t.float({ description: 'Degrees north, -90 to 90; with longitude, unless place is given.' }),
    longitude: t.float({ description: 'Degrees east, -180 to 180; with latitude, unless place is given.' }),
    place: t.string({ description: "Key of a place: the circle's centre is its point, and its locationUncertaintyKm counts as the mode says (instead of latitude and longitude)." }),
    withinKm: t.float({ required: true, description: 'Radius in kilometres, more than 0 and at most 20,000.' }),
    mode: t.field({ type: NearMode, defaultValue: 'WITHIN', description: "How a place's uncertainty counts." }),
  }),
});

/** A `near` input as the API takes it. */
export interface Near extends PointOrPlace {
  withinKm: number;
  mode?: 'WITHIN' | 'OVERLAPS' | null;
}

/** A circle with its centre found: a point, and the uncertainty of the place that gave it. */
export interface NearCircle {
  latitude: number;
  longitude: number;
  centreUncertaintyKm: number;
  withinKm: number;
  mode: 'WITHIN' | 'OVERLAPS';
}

/** An entity by its key, or null when it names none. */
export type EntityLookup = (key: string) => Promise<Entity | null>;

/** Entities looked up through the request's loader (batched with the request's other lookups). */
export const loaderLookup =
  (context: Context): EntityLookup =>
  (key) =>
    context.loaders.load<string, Entity>('entities.by-key', loadEntitiesByKey, key).catch(() => null);

/** Entities looked up straight from the database, outside a GraphQL request (exports). */
export const databaseLookup =
  (db: Neo4jGateway): EntityLookup =>
  async (key) => {
    const [entity] = await loadEntitiesByKey([key], db);
    return entity instanceof Error ? null : (entity ?? null);
  };

/** A point given as coordinates or as a place's key, as `near` and `distanceKm` take it. */
export interface PointOrPlace {
  latitude?: number | null;
  longitude?: number | null;
  place?: string | null;
}

/**
 * The point that coordinates or a place's key give, with the place's uncertainty.
 * `argument` prefixes the field an error names.
 */
export async function pointOf(lookup: EntityLookup, given: PointOrPlace, argument: string): Promise<{ latitude: number; longitude: number; uncertaintyKm: number }> {
  const field = (name: string) => (argument ? `${argument}.${name}` : name);
  const refuse = (problem: string, name: string) => new ClientError(ErrorCode.BAD_USER_INPUT, `${argument || 'distanceKm'}: ${problem}.`, { extensions: { argument: argument || 'place', field: field(name) } });
  if (given.place != null) {
    if (given.latitude != null || given.longitude != null) throw refuse('give either place or latitude and longitude, not both', 'place');
    const entity = await lookup(given.place);
    if (!entity || entity.typename !== 'Place') throw refuse(`"${given.place}" names no place`, 'place');
    const location = entity.properties.location as GeoPoint | null | undefined;
    if (!location) throw refuse(`the place "${given.place}" has no location`, 'place');
    const uncertainty = entity.properties.locationUncertaintyKm;
    return { latitude: location.latitude, longitude: location.longitude, uncertaintyKm: typeof uncertainty === 'number' ? uncertainty : 0 };
  }
  if (given.latitude == null || given.longitude == null) throw refuse('give latitude and longitude, or place', given.latitude == null ? 'latitude' : 'longitude');
  if (Math.abs(given.latitude) > 90) throw refuse(`latitude must be between -90 and 90 (got ${given.latitude})`, 'latitude');
  if (Math.abs(given.longitude) > 180) throw refuse(`longitude must be between -180 and 180 (got ${given.longitude})`, 'longitude');
  return { latitude: given.latitude, longitude: given.longitude, uncertaintyKm: 0 };
}

/** Checks a circle and finds its centre. */
export async function nearCircle(lookup: EntityLookup, near: Near): Promise<NearCircle> {
  if (!(near.withinKm > 0 && near.withinKm <= 20_000)) {
    throw new ClientError(ErrorCode.BAD_USER_INPUT, `near: withinKm must be more than 0 and at most 20000 (got ${near.withinKm}).`, { extensions: { argument: 'near', field: 'near.withinKm' } });
  }
  const centre = await pointOf(lookup, near, 'near');
  return { latitude: centre.latitude, longitude: centre.longitude, centreUncertaintyKm: centre.uncertaintyKm, withinKm: near.withinKm, mode: near.mode ?? 'WITHIN' };
}

/** A list's filter with its `near` circle's centre found. */
export async function withNearCircle<Filter extends { near?: Near | null }>(lookup: EntityLookup | Context, filter: Filter): Promise<Omit<Filter, 'near'> & { near?: NearCircle | null }> {
  return { ...filter, near: filter.near ? await nearCircle(typeof lookup === 'function' ? lookup : loaderLookup(lookup), filter.near) : null };
}

/**
 * Cypher condition that the place bound to `place` lies in the circle, with its parameters in
 * metres for Neo4j's point.distance. Both the place's and the centre's uncertainty count: WITHIN
 * when the farthest either may be is inside, OVERLAPS when the nearest is. WITHIN keeps the plain
 * distance test too, so that the point index can still narrow the places.
 */
export function nearCondition(place: string, circle: NearCircle): { clause: string; parameters: Record<string, unknown> } {
  const distance = `point.distance(${place}.location, point({latitude: $nearLatitude, longitude: $nearLongitude}))`;
  const uncertainty = `coalesce(${place}.locationUncertaintyKm, 0) * 1000 + $nearCentreUncertaintyMetres`;
  const clause = circle.mode === 'OVERLAPS' ? `${distance} - (${uncertainty}) <= $nearMetres` : `${distance} <= $nearMetres AND ${distance} + ${uncertainty} <= $nearMetres`;
  return {
    clause,
    parameters: { nearLatitude: circle.latitude, nearLongitude: circle.longitude, nearMetres: circle.withinKm * 1000, nearCentreUncertaintyMetres: circle.centreUncertaintyKm * 1000 },
  };
}

/** The radius of the sphere on which Neo4j's point.distance measures WGS-84 points (haversine). */
const earthRadiusKm = 6378.14;

/** Great-circle kilometres between two WGS-84 points, as Neo4j's point.distance measures them. */
export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const h = Math.sin(radians(b.latitude - a.latitude) / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(radians(b.longitude - a.longitude) / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}
