import { ClientError, ErrorCode } from '../server/errors';
import { builder } from './builder';
import type { GeoPoint } from '../db/values';

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
  description: 'A circle on the earth: a WGS-84 point and a radius.',
  fields: (t) => ({
    latitude: t.float({ required: true, description: 'Degrees north, -90 to 90.' }),
    longitude: t.float({ required: true, description: 'Degrees east, -180 to 180.' }),
    withinKm: t.float({ required: true, description: 'Radius in kilometres, more than 0 and at most 20,000.' }),
    mode: t.field({ type: NearMode, defaultValue: 'WITHIN', description: "How a place's uncertainty counts." }),
  }),
});

export interface Near {
  latitude: number;
  longitude: number;
  withinKm: number;
  mode?: 'WITHIN' | 'OVERLAPS' | null;
}

/**
 * Cypher condition that the place bound to `place` lies in the circle (checked first, and given
 * as parameters in metres for Neo4j's point.distance). WITHIN keeps the plain distance test too,
 * so that the point index can still narrow the places.
 */
export function nearCondition(place: string, near: Near): { clause: string; parameters: Record<string, unknown> } {
  const problems = [
    Math.abs(near.latitude) > 90 && `latitude must be between -90 and 90 (got ${near.latitude})`,
    Math.abs(near.longitude) > 180 && `longitude must be between -180 and 180 (got ${near.longitude})`,
    !(near.withinKm > 0 && near.withinKm <= 20_000) && `withinKm must be more than 0 and at most 20000 (got ${near.withinKm})`,
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new ClientError(ErrorCode.BAD_USER_INPUT, `near: ${problems.join('; ')}.`, { extensions: { argument: 'near' } });
  }
  const distance = `point.distance(${place}.location, point({latitude: $nearLatitude, longitude: $nearLongitude}))`;
  const uncertainty = `coalesce(${place}.locationUncertaintyKm, 0) * 1000`;
  const clause =
    near.mode === 'OVERLAPS' ? `${distance} - ${uncertainty} <= $nearMetres` : `${distance} <= $nearMetres AND ${distance} + ${uncertainty} <= $nearMetres`;
  return { clause, parameters: { nearLatitude: near.latitude, nearLongitude: near.longitude, nearMetres: near.withinKm * 1000 } };
}
