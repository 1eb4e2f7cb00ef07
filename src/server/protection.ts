import { randomUUID } from 'node:crypto';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { BREAK, GraphQLError, visit, type DocumentNode, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ServerAdapterPlugin } from '@whatwg-node/server';
import { allows, type Authenticator, type Principal } from './auth';
import type { Config } from './config';
import type { Logger } from './logger';
import { traceIdOf } from './tracing';
import { ClientError, ErrorCode } from './errors';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/** A JSON error response outside GraphQL execution (too large, too many requests). */
export function errorResponse(status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

const requestIds = new WeakMap<Request, string>();

/** The request's id: the client's `X-Request-Id` when it is sane, else a new one. */
export const requestIdOf = (request: Request) => requestIds.get(request) ?? 'unknown';

/**
 * Gives every request an id, returned in `X-Request-Id` and written in every log line about it,
 * and logs each request once it is answered (at debug level: status and duration).
 */
export function useRequestId(logger: Logger): ServerAdapterPlugin {
  const started = new WeakMap<Request, number>();
  return {
    onRequest({ request }) {
      const given = request.headers.get('x-request-id');
      requestIds.set(request, given && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID());
      started.set(request, performance.now());
    },
    onResponse({ request, response }) {
      response.headers.set('x-request-id', requestIdOf(request));
      if (!logger.isLevelEnabled('debug')) return;
      const url = new URL(request.url);
      logger.debug(
        { requestId: requestIdOf(request), traceId: traceIdOf(response), method: request.method, path: url.pathname, status: response.status, ms: Math.round(performance.now() - (started.get(request) ?? 0)) },
        'request',
      );
    },
  };
}

interface Bucket {
  tokens: number;
  updated: number;
}

/** The client's address as the HTTP server saw it (no proxy header is trusted). */
const addressOf = (serverContext: unknown) =>
  (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req?.socket?.remoteAddress ?? 'unknown';

/** Whom limits per client count against: the authenticated principal, else the address. */
export const clientOf = (principal: Principal | null, serverContext: unknown) => (principal ? `principal:${principal.id}` : `address:${addressOf(serverContext)}`);

/**
 * A token bucket per client, for every request whatever its path: by authenticated principal, so
 * every spelling of one key shares a bucket; else (anonymous, or credentials that do not check
 * out) by address. Over the limit: 429 with RATE_LIMITED and Retry-After. Idle buckets are
 * forgotten, so memory stays bounded. With Redis, the limit is shared by every instance instead.
 */
export function useRateLimit(perMinute: number, authenticate: Authenticator, now: () => number = Date.now, redis?: Redis): ServerAdapterPlugin {
  if (redis && perMinute > 0) return useSharedRateLimit(perMinute, authenticate, redis);
  const buckets = new Map<string, Bucket>();
  const refillPerMs = perMinute / 60_000;
  let lastSweep = now();
  return {
    async onRequest({ request, serverContext, endResponse }) {
      if (perMinute === 0) return;
      // A refusal is the GraphQL context's to report; here it only means "key by address".
      const principal = await authenticate(request).catch(() => null);
      const client = clientOf(principal, serverContext);
      const time = now();
      if (time - lastSweep > 60_000) {
        for (const [key, bucket] of buckets) if (time - bucket.updated > 120_000) buckets.delete(key);
        lastSweep = time;
      }
      const bucket = buckets.get(client) ?? { tokens: perMinute, updated: time };
      bucket.tokens = Math.min(perMinute, bucket.tokens + (time - bucket.updated) * refillPerMs);
      bucket.updated = time;
      buckets.set(client, bucket);
      if (bucket.tokens < 1) {
        endResponse(refusal(perMinute, Math.ceil((1 - bucket.tokens) / refillPerMs / 1_000)));
        return;
      }
      bucket.tokens -= 1;
    },
  };
}

const refusal = (perMinute: number, retryAfter: number) =>
  errorResponse(429, ErrorCode.RATE_LIMITED, `Too many requests: the limit is ${perMinute} a minute per client. Retry in ${retryAfter} s.`, { 'retry-after': String(retryAfter) });

/**
 * The limit shared by every instance through Redis (REDIS_URL), by the same client keys: a window
 * of a minute per client, counted in Redis (rate-limiter-flexible), so N instances allow what one
 * does. While Redis does not answer, each instance counts alone in memory (the insurance
 * limiter) rather than refusing or waving everything through.
 */
function useSharedRateLimit(perMinute: number, authenticate: Authenticator, redis: Redis): ServerAdapterPlugin {
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: 'conflict-graph:rate',
    points: perMinute,
    duration: 60,
    insuranceLimiter: new RateLimiterMemory({ points: perMinute, duration: 60 }),
  });
  return {
    async onRequest({ request, serverContext, endResponse }) {
      const principal = await authenticate(request).catch(() => null);
      try {
        await limiter.consume(clientOf(principal, serverContext));
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        endResponse(refusal(perMinute, Math.max(1, Math.ceil(rejection.msBeforeNext / 1_000))));
      }
    },
  };
}

/**
 * 404 for every path but the documented ones, matched exactly: Yoga alone would serve GraphQL
 * at `/graphql/` or `/anything/graphql`, and its health check at any path ending in `/health`.
 */
export function useKnownPaths(isKnown: (pathname: string) => boolean): ServerAdapterPlugin {
  return {
    onRequest({ url, endResponse }) {
      if (!isKnown(url.pathname)) endResponse(errorResponse(404, ErrorCode.NOT_FOUND, `Nothing is served at ${url.pathname}: GraphQL is at /graphql.`));
    },
  };
}

/** The CORS policy: only the configured origins, with the headers clients need. */
export function corsOptions(config: Pick<Config, 'CORS_ORIGINS'>) {
  const origins = config.CORS_ORIGINS?.split(',').map((origin) => origin.trim()).filter(Boolean) ?? [];
  return {
    origin: origins,
    credentials: false,
    allowedHeaders: ['content-type', 'authorization', 'x-api-key', 'x-request-id', 'x-graphql-yoga-csrf', 'x-neo4j-bookmark'],
    methods: ['GET', 'POST'],
    exposedHeaders: ['x-request-id', 'retry-after', 'x-neo4j-bookmark'],
  };
}

/**
 * Yoga's CSRF prevention (a GET or a form post must carry `x-graphql-yoga-csrf`), with a code
 * on its refusal like every other.
 */
export function useCsrfPrevention(): Plugin {
  const prevention = useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] });
  return {
    onRequestParse(payload) {
      try {
        return prevention.onRequestParse?.(payload);
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        throw new GraphQLError(error.message, { extensions: { ...error.extensions, code: ErrorCode.CSRF_HEADER_REQUIRED } });
      }
    },
  };
}

/**
 * MAX_BODY_BYTES for GraphQL requests, in place of Yoga's own limit, which pipes every body through
 * a TransformStream: per request a stream pipeline, an AbortController and, when the pipeline ends,
 * a DOMException with its stack. Node's HTTP parser reads a body that has a Content-Length to
 * exactly that length, so the header alone decides; only a body without one (chunked) is counted
 * as it is read. The same codes and statuses as Yoga's: 413 REQUEST_ENTITY_TOO_LARGE, 400 BAD_REQUEST.
 */
export function useBodyLimit(limit: number): Plugin {
  const tooLarge = () => new ClientError(ErrorCode.REQUEST_ENTITY_TOO_LARGE, 'Request body too large', { extensions: { http: { status: 413 } } });
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const length = request.headers.get('content-length');
      if (length !== null) {
        // One non-negative integer, nothing else (a joined "10, 10" is a smuggling attempt).
        if (!/^\d+$/.test(length)) throw new GraphQLError('Content-Length header is invalid.', { extensions: { http: { status: 400 }, code: 'BAD_REQUEST' } });
        if (Number(length) > limit) throw tooLarge();
        return;
      }
      if (!requestParser || !request.body) return;
      // A native stream takes the native TransformStream; Yoga's ponyfilled one does not fit it.
      const Transform = request.body instanceof ReadableStream ? TransformStream : fetchAPI.TransformStream;
      setRequestParser((unlimited) => {
        let read = 0;
        const body = unlimited.body?.pipeThrough(
          new Transform<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              read += chunk.byteLength;
              if (read > limit) controller.error(tooLarge());
              else controller.enqueue(chunk);
            },
          }),
        );
        return requestParser(new fetchAPI.Request(unlimited.url, { method: unlimited.method, headers: unlimited.headers, signal: unlimited.signal, body, duplex: 'half' } as RequestInit));
      });
    },
  };
}

/** Whether a document asks for the schema (`__schema`, `__type`; `__typename` tells nothing). */
function asksForSchema(document: DocumentNode) {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value !== '__schema' && node.name.value !== '__type') return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

/** graphql-js's "Did you mean …?" hints, which spell out the schema field by field. */
const suggestion = /\s*Did you mean [^?]*\?/g;

/**
 * With READ_ACCESS=authenticated, the schema is closed to clients that may not read: no
 * introspection (UNAUTHENTICATED), and no "Did you mean …?" in error messages, which would let
 * them guess it. Reads themselves are refused by the schema's auth scopes.
 */
export function useSchemaClosedToAnonymous(authenticate: Authenticator): Plugin<{ principal: Principal | null }> {
  const withoutSuggestions = (result: ExecutionResult): ExecutionResult =>
    result.errors?.some((error) => error.message.includes('Did you mean'))
      ? {
          ...result,
          errors: result.errors.map(
            (error) =>
              new GraphQLError(error.message.replace(suggestion, ''), {
                nodes: error.nodes,
                source: error.source,
                positions: error.positions,
                path: error.path,
                originalError: error.originalError,
                extensions: error.extensions,
              }),
          ),
        }
      : result;
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (!allows(args.contextValue.principal, 'read') && asksForSchema(args.document)) {
        setResultAndStopExecution({
          errors: [new ClientError(ErrorCode.UNAUTHENTICATED, 'Introspection needs a key or token that may read: send it as "Authorization: Bearer <key>".', { extensions: { http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } } } })],
        });
      }
    },
    // Validation errors come before the context: the principal comes from the request itself.
    async onResultProcess({ request, result, setResult }) {
      if (allows(await authenticate(request).catch(() => null), 'read')) return;
      if (Array.isArray(result)) setResult(result.map(withoutSuggestions));
      else if (!(Symbol.asyncIterator in result)) setResult(withoutSuggestions(result));
    },
  };
}
