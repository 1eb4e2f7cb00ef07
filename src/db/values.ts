import neo4j from 'neo4j-driver';

/** A Neo4j value as plain JSON-friendly data: temporals as ISO strings, points as lat/long. */
export type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (neo4j.isInt(value)) return value.toNumber();
  if (neo4j.isPoint(value)) return { latitude: value.y, longitude: value.x };
  // Instants in UTC to the millisecond ("2024-03-12T09:30:17.940Z"): stored ones may carry nanoseconds, which some parsers refuse.
  if (neo4j.isDateTime(value)) return value.toStandardDate().toISOString();
  if (
    neo4j.isDate(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toPlain(inner)]));
  }
  return String(value);
}
