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

export const NearInput = builder.inputType('NearInput', {
  description: 'A circle on the earth: a WGS-84 point and a radius.',
  fields: (t) => ({
    latitude: t.float({ required: true, description: 'Degrees north, -90 to 90.' }),
    longitude: t.float({ required: true, description: 'Degrees east, -180 to 180.' }),
    withinKm: t.float({ required: true, description: 'Radius in kilometres, more than 0 and at most 20,000.' }),
  }),
});

/** Checks a circle and gives it as Cypher parameters (metres for Neo4j's point.distance). */
export function nearParameters(near: { latitude: number; longitude: number; withinKm: number }) {
  const problems = [
    Math.abs(near.latitude) > 90 && `latitude must be between -90 and 90 (got ${near.latitude})`,
    Math.abs(near.longitude) > 180 && `longitude must be between -180 and 180 (got ${near.longitude})`,
    !(near.withinKm > 0 && near.withinKm <= 20_000) && `withinKm must be more than 0 and at most 20000 (got ${near.withinKm})`,
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new ClientError(ErrorCode.BAD_USER_INPUT, `near: ${problems.join('; ')}.`, { extensions: { argument: 'near' } });
  }
  return { nearLatitude: near.latitude, nearLongitude: near.longitude, nearMetres: near.withinKm * 1000 };
}

/** Cypher condition: node variable's location lies within the circle of `nearParameters`. */
export const nearCondition = (location: string) =>
  `point.distance(${location}, point({latitude: $nearLatitude, longitude: $nearLongitude})) <= $nearMetres`;
