import type { GeoPoint, Plain } from '../db/values';
import { eventPlaces } from '../graphql/event';
import type { Entity } from '../graphql/entity';
import { exportedProperties, flat, relatedOf } from './columns';
import type { ExportRead } from './pages';

/**
 * GeoJSON (RFC 7946) of events and places, written a feature at a time inside one
 * FeatureCollection. Every feature says how far its point can be trusted: the place's
 * `locationPrecision` and `locationUncertaintyKm` (a radius around the point: draw a circle, not
 * a pin) and, for an event, how precisely the event is known to have happened there.
 */
export const featureCollectionStart = '{"type":"FeatureCollection","features":[\n';
export const featureCollectionEnd = '\n]}\n';
export const featureSeparator = ',\n';

const placeProperties = exportedProperties('Place');
const eventProperties = exportedProperties('Event');
/** The properties of an event's place written on its features, under `place` + name (`placeKey`). */
const placeOfEvent = ['key', 'name', 'type', 'countryCode', 'location', 'locationPrecision', 'locationUncertaintyKm'];

export const placeExportProperties = ['location', ...placeProperties];
export const eventExportProperties = eventProperties;

export const eventGeoRelations: ExportRead['relations'] = {
  places: { relation: eventPlaces, selected: { entity: placeOfEvent, relation: ['precision'] } },
};

const geometry = (location: Plain | undefined) => {
  const point = location as GeoPoint | null | undefined;
  return point ? { type: 'Point', coordinates: [point.longitude, point.latitude] } : null;
};

const ownProperties = (entity: Entity, names: readonly string[]) => Object.fromEntries(names.map((name) => [name, flat(entity.properties[name])]));

/** A place as a feature: its point (null when it has none) and its properties. */
export function placeFeatures(place: Entity): object[] {
  return [{ type: 'Feature', id: place.key, geometry: geometry(place.properties.location), properties: ownProperties(place, placeProperties) }];
}

/**
 * An event as features: one at each of its places (id `<event key>@<place key>`), with the
 * event's properties, the place's, and `eventPlacePrecision`; an event with no place, one
 * feature without geometry.
 */
export function eventFeatures(event: Entity): object[] {
  const properties = ownProperties(event, eventProperties);
  const places = relatedOf(event, 'places');
  if (places.length === 0) return [{ type: 'Feature', id: event.key, geometry: null, properties }];
  return places.map(({ entity: place, relation }) => ({
    type: 'Feature',
    id: `${event.key}@${place.key}`,
    geometry: geometry(place.properties.location),
    properties: {
      ...properties,
      placeKey: place.key,
      placeName: flat(place.properties.name),
      placeType: flat(place.properties.type),
      placeCountryCode: flat(place.properties.countryCode),
      eventPlacePrecision: flat(relation.precision),
      locationPrecision: flat(place.properties.locationPrecision),
      locationUncertaintyKm: flat(place.properties.locationUncertaintyKm),
    },
  }));
}
