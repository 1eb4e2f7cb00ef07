import { coerceInputValue, GraphQLBoolean, GraphQLNonNull, GraphQLString, type GraphQLInputType } from 'graphql';
import type { ServerAdapterPlugin } from '@whatwg-node/server';
import { fullTextIndexOf, matchEntityByKey } from '../model';
import type { Neo4jGateway } from '../db/gateway';
import type { Entity } from '../graphql/entity';
import { schema } from '../graphql/schema';
import { claimFilterQuery, eventFilterQuery, placeFilterQuery, type ClaimFilterValues, type EventFilterValues, type PlaceFilterValues } from '../read/filters';
import { claimCsvHeader, claimCsvLine, claimCsvProperties, claimCsvRelations } from '../export/claims-csv';
import { utf8Bom } from '../export/csv';
import { eventExportProperties, eventFeatures, eventGeoRelations, featureCollectionEnd, featureCollectionStart, featureSeparator, placeExportProperties, placeFeatures } from '../export/geojson';
import { exportPages, type ExportRead } from '../export/pages';
import { claimProvenance, provClaimProperties, provClaimRelations } from '../export/prov';
import { allows } from './auth';
import type { ServiceDependencies } from './context';
import type { Config } from './config';
import { ClientError, ErrorCode } from './errors';
import type { Logger } from './logger';
import { errorResponse, requestIdOf } from './protection';
import { databaseLookup, withNearCircle, type Near } from '../graphql/geo';
import { noPerspective } from '../graphql/perspective';

/** A list's filter as a client sends it: `near` with its centre not yet found. */
type WithNear<Filter> = Omit<Filter, 'near'> & { near?: Near | null };

/** The parameters a route takes, each with the GraphQL input type its value is checked against. */
type Parameters = Record<string, GraphQLInputType>;

interface Format {
  contentType: string;
  filename: string;
  head: string;
  separator: string;
  tail: string;
  items: (entity: Entity) => string[];
}

interface Route {
  parameters: Parameters;
  /** Streams the rows of a filter, or answers one document. */
  answer: (db: Neo4jGateway, values: Record<string, unknown>) => Promise<Response>;
}

const inputType = (name: string) => schema.getType(name) as GraphQLInputType;
const dateTime = () => inputType('DateTime');

const claimsCsv: Format = {
  contentType: 'text/csv; charset=utf-8; header=present',
  filename: 'claims.csv',
  head: utf8Bom + claimCsvHeader,
  separator: '',
  tail: '',
  items: (claim) => [claimCsvLine(claim)],
};
const geoJson = (filename: string, features: (entity: Entity) => object[]): Format => ({
  contentType: 'application/geo+json; charset=utf-8',
  filename,
  head: featureCollectionStart,
  separator: featureSeparator,
  tail: featureCollectionEnd,
  items: (entity) => features(entity).map((feature) => JSON.stringify(feature)),
});

/**
 * The export routes, beside /graphql (README, "Exports"). Each takes its list's filter, checked
 * as GraphQL checks the same input, and answers a file streamed as Neo4j's pages arrive.
 */
export const exportRoutes: Record<string, (logger: Logger) => Route> = {
  '/export/claims.csv': (logger) => ({
    parameters: { filter: inputType('ClaimFilter'), includeDeprecated: GraphQLBoolean, asOf: dateTime() },
    answer: (db, values) => {
      const filter = (values.filter ?? {}) as ClaimFilterValues;
      const asOf = (values.asOf as string | undefined) ?? null;
      const { conditions, start } = claimFilterQuery(filter, { includeDeprecated: values.includeDeprecated as boolean | undefined, asOf });
      const read = { label: 'Claim', fullTextIndex: fullTextIndexOf.Claim, text: filter.text, start, conditions, asOf, properties: claimCsvProperties, relations: claimCsvRelations } as const;
      return streamed(db, 'export.claims.csv', read, claimsCsv, logger);
    },
  }),
  '/export/events.geojson': (logger) => ({
    parameters: { filter: inputType('EventFilter'), asOf: dateTime() },
    answer: async (db, values) => {
      const filter = await withNearCircle(databaseLookup(db), (values.filter ?? {}) as WithNear<EventFilterValues>);
      const { conditions, start } = eventFilterQuery(filter);
      const read = { label: 'Event', fullTextIndex: fullTextIndexOf.Event, text: filter.text, start, conditions, asOf: (values.asOf as string | undefined) ?? null, properties: eventExportProperties, relations: eventGeoRelations } as const;
      return streamed(db, 'export.events.geojson', read, geoJson('events.geojson', eventFeatures), logger);
    },
  }),
  '/export/places.geojson': (logger) => ({
    parameters: { filter: inputType('PlaceFilter'), asOf: dateTime() },
    answer: async (db, values) => {
      const filter = await withNearCircle(databaseLookup(db), (values.filter ?? {}) as WithNear<PlaceFilterValues>);
      const { conditions } = placeFilterQuery(filter);
      const read = { label: 'Place', fullTextIndex: fullTextIndexOf.Place, text: filter.text, conditions, asOf: (values.asOf as string | undefined) ?? null, properties: placeExportProperties, relations: {} } as const;
      return streamed(db, 'export.places.geojson', read, geoJson('places.geojson', placeFeatures), logger);
    },
  }),
  '/export/claim.jsonld': () => ({
    parameters: { key: new GraphQLNonNull(GraphQLString), asOf: dateTime() },
    answer: async (db, values) => {
      const asOf = (values.asOf as string | undefined) ?? null;
      // A retracted claim's provenance is still asked for: it says the claim was invalidated, and when.
      const { conditions } = claimFilterQuery({}, { includeDeprecated: true, asOf });
      conditions.add('n:Claim', { key: values.key });
      const read: ExportRead = { label: 'Claim', fullTextIndex: fullTextIndexOf.Claim, start: `WITH $key AS key ${matchEntityByKey} WITH n`, conditions, asOf, properties: provClaimProperties, relations: provClaimRelations };
      const { value: page } = await exportPages(db, 'export.claim.jsonld', read, 1).next();
      const claim = page?.[0];
      if (!claim) throw new ClientError(ErrorCode.NOT_FOUND, `No claim has the key "${String(values.key).slice(0, 200)}".`);
      return new Response(JSON.stringify(claimProvenance(claim), null, 2), { headers: { 'content-type': 'application/ld+json; charset=utf-8', 'cache-control': 'no-store' } });
    },
  }),
};

export const isExportPath = (pathname: string) => Object.hasOwn(exportRoutes, pathname);

/**
 * A file of every row the read selects: its head, the items of each entity as the pages come,
 * its tail. The first page is read before answering, so that a refused filter or an unavailable
 * database gets an error status; a failure later can only cut the file short (logged), as its
 * status is sent. A client that goes away stops the reading (the stream is cancelled).
 */
async function streamed(db: Neo4jGateway, tag: string, read: ExportRead, format: Format, logger: Logger): Promise<Response> {
  const pages = exportPages(db, tag, read);
  const first = await pages.next();
  let pending: Entity[] | undefined = first.done ? undefined : first.value;
  let started = false;
  let itemsWritten = 0;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        let chunk = started ? '' : format.head;
        started = true;
        const page = pending ?? (await pages.next()).value;
        pending = undefined;
        if (!page) {
          controller.enqueue(encoder.encode(chunk + format.tail));
          controller.close();
          return;
        }
        for (const entity of page) {
          for (const item of format.items(entity)) chunk += (itemsWritten++ > 0 ? format.separator : '') + item;
        }
        controller.enqueue(encoder.encode(chunk));
      } catch (error) {
        logger.error({ err: error, tag, itemsWritten }, 'an export failed while streaming; the file is cut short');
        controller.error(error);
      }
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
  return new Response(body, {
    headers: { 'content-type': format.contentType, 'content-disposition': `attachment; filename="${format.filename}"`, 'cache-control': 'no-store' },
  });
}

/** The parameters of a request: GET's query string (objects as JSON) or POST's JSON body, as raw values. */
async function rawParameters(request: Request, url: URL, maxBodyBytes: number): Promise<Record<string, unknown>> {
  if (request.method === 'GET') {
    const values: Record<string, unknown> = {};
    for (const [name, value] of url.searchParams) {
      if (Object.hasOwn(values, name)) throw new ClientError(ErrorCode.BAD_USER_INPUT, `The parameter "${name.slice(0, 60)}" is given twice.`, { extensions: { argument: name.slice(0, 60) } });
      values[name] = value;
    }
    return values;
  }
  if (!request.headers.get('content-type')?.toLowerCase().startsWith('application/json')) {
    throw new ClientError(ErrorCode.BAD_USER_INPUT, 'A POST to an export takes a JSON body (content-type: application/json).');
  }
  const text = await request.text();
  if (new TextEncoder().encode(text).length > maxBodyBytes) throw new ClientError(ErrorCode.REQUEST_ENTITY_TOO_LARGE, `The body is over ${maxBodyBytes} bytes.`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ClientError(ErrorCode.BAD_USER_INPUT, 'The body is not JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ClientError(ErrorCode.BAD_USER_INPUT, 'The body must be a JSON object of parameters: {"filter": {...}}.');
  return body as Record<string, unknown>;
}

/**
 * The parameters checked against their GraphQL input types (enums, dates, points, unknown
 * fields), as GraphQL checks a variable of the same type: the first problem is BAD_USER_INPUT,
 * naming the parameter. In a query string, an object is given as JSON.
 */
export function coerceParameters(raw: Record<string, unknown>, parameters: Parameters, fromQueryString: boolean): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const name of Object.keys(raw)) {
    if (!Object.hasOwn(parameters, name)) {
      throw new ClientError(ErrorCode.BAD_USER_INPUT, `Unknown parameter "${name.slice(0, 60)}": this export takes ${Object.keys(parameters).join(', ')}.`, { extensions: { argument: name.slice(0, 60) } });
    }
  }
  for (const [name, type] of Object.entries(parameters)) {
    let value = raw[name];
    if (fromQueryString && typeof value === 'string' && !(type === GraphQLString || (type instanceof GraphQLNonNull && type.ofType === GraphQLString) || type === dateTime())) {
      try {
        value = JSON.parse(value);
      } catch {
        throw new ClientError(ErrorCode.BAD_USER_INPUT, `The parameter "${name}" is not JSON.`, { extensions: { argument: name } });
      }
    }
    if (value === undefined && !(type instanceof GraphQLNonNull)) continue;
    values[name] = coerceInputValue(value ?? null, type, (path, _invalid, error) => {
      const where = [name, ...path].join('.');
      throw new ClientError(ErrorCode.BAD_USER_INPUT, `${where}: ${error.message}`, { extensions: { argument: name, ...(error.extensions.code ? { reason: error.extensions.code } : {}) } });
    });
  }
  return values;
}

const statuses: Partial<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  REQUEST_ENTITY_TOO_LARGE: 413,
  QUERY_TOO_COSTLY: 400,
  CANCELLED: 499,
  UNAVAILABLE: 503,
  TIMEOUT: 504,
};

/**
 * The export routes, in front of Yoga: the same readiness, authentication and access rule as a
 * read through GraphQL (the rate limit runs before, for every path), the filter checked, then the
 * file. Errors are JSON, `{errors: [{message, extensions: {code}}]}`, with an HTTP status; an
 * unexpected one is masked and logged with the request's id.
 */
export function useExports(services: ServiceDependencies, config: Pick<Config, 'MAX_BODY_BYTES'>, logger: Logger): ServerAdapterPlugin {
  const routes = Object.fromEntries(Object.entries(exportRoutes).map(([path, route]) => [path, route(logger)]));
  return {
    async onRequest({ url, request, endResponse }) {
      const route = routes[url.pathname];
      if (!route) return;
      try {
        if (request.method !== 'GET' && request.method !== 'POST') {
          return endResponse(errorResponse(405, ErrorCode.BAD_USER_INPUT, `${url.pathname} answers GET and POST.`, { allow: 'GET, POST' }));
        }
        if (!services.isReady()) throw new ClientError(ErrorCode.UNAVAILABLE, 'The service is starting: its database does not answer yet. Retry shortly.');
        const principal = await services.authenticate(request);
        if (services.readAccess === 'authenticated' && !allows(principal, 'read')) {
          if (principal) throw new ClientError(ErrorCode.FORBIDDEN, 'These credentials may not read.');
          throw new ClientError(ErrorCode.UNAUTHENTICATED, 'Exports need a key or token that may read: send it as "Authorization: Bearer <key>".');
        }
        const values = coerceParameters(await rawParameters(request, url, config.MAX_BODY_BYTES), route.parameters, request.method === 'GET');
        const db = services.gateway.observed((tag, cypher) => {
          // A client that went away gets no more pages read for it.
          if (request.signal?.aborted) throw new ClientError(ErrorCode.CANCELLED, 'The client closed the request.');
          services.onRoundTrip?.(tag, cypher);
        }).withParameters(noPerspective);
        endResponse(await route.answer(db, values));
      } catch (error) {
        if (error instanceof ClientError) {
          const code = error.extensions.code as ErrorCode;
          const headers: Record<string, string> = code === ErrorCode.UNAUTHENTICATED ? { 'www-authenticate': 'Bearer' } : code === ErrorCode.UNAVAILABLE ? { 'retry-after': '5' } : {};
          return endResponse(errorResponse(statuses[code] ?? 400, code, error.message, headers));
        }
        logger.error({ err: error, requestId: requestIdOf(request), path: url.pathname }, 'unexpected error while serving an export');
        endResponse(errorResponse(500, ErrorCode.INTERNAL_SERVER_ERROR, 'Unexpected error.'));
      }
    },
  };
}
