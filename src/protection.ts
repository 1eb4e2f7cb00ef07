import { createHash, randomUUID } from 'node:crypto';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from './config';
import type { Logger } from './logger';
import { ErrorCode } from './errors';

/** A JSON error response outside GraphQL execution (too large, too many requests). */
function errorResponse(status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}) {
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
export function useRequestId(logger: Logger): Plugin {
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
        { requestId: requestIdOf(request), method: request.method, path: url.pathname, status: response.status, ms: Math.round(performance.now() - (started.get(request) ?? 0)) },
        'request',
      );
    },
  };
}

interface Bucket {
  tokens: number;
  updated: number;
}

/**
 * A token bucket per client: by API key or bearer token (hashed), else by address. Over the
 * limit: 429 with RATE_LIMITED and Retry-After. Idle buckets are forgotten, so memory stays bounded.
 */
export function useRateLimit(perMinute: number, now: () => number = Date.now): Plugin {
  const buckets = new Map<string, Bucket>();
  const refillPerMs = perMinute / 60_000;
  let lastSweep = now();
  return {
    onRequest({ request, serverContext, endResponse }) {
      if (perMinute === 0 || new URL(request.url).pathname !== '/graphql') return;
      const time = now();
      if (time - lastSweep > 60_000) {
        for (const [client, bucket] of buckets) if (time - bucket.updated > 120_000) buckets.delete(client);
        lastSweep = time;
      }
      const credential = request.headers.get('x-api-key') ?? request.headers.get('authorization');
      const address = (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req?.socket?.remoteAddress;
      const client = credential ? `credential:${createHash('sha256').update(credential).digest('hex').slice(0, 32)}` : `address:${address ?? 'unknown'}`;
      const bucket = buckets.get(client) ?? { tokens: perMinute, updated: time };
      bucket.tokens = Math.min(perMinute, bucket.tokens + (time - bucket.updated) * refillPerMs);
      bucket.updated = time;
      buckets.set(client, bucket);
      if (bucket.tokens < 1) {
        const retryAfter = Math.ceil((1 - bucket.tokens) / refillPerMs / 1_000);
        endResponse(errorResponse(429, ErrorCode.RATE_LIMITED, `Too many requests: the limit is ${perMinute} a minute per client. Retry in ${retryAfter} s.`, { 'retry-after': String(retryAfter) }));
        return;
      }
      bucket.tokens -= 1;
    },
  };
}

/** The CORS policy: only the configured origins, with the headers clients need. */
export function corsOptions(config: Pick<Config, 'CORS_ORIGINS'>) {
  const origins = config.CORS_ORIGINS?.split(',').map((origin) => origin.trim()).filter(Boolean) ?? [];
  return {
    origin: origins,
    credentials: false,
    allowedHeaders: ['content-type', 'authorization', 'x-api-key', 'x-request-id', 'x-graphql-yoga-csrf'],
    methods: ['GET', 'POST'],
    exposedHeaders: ['x-request-id', 'retry-after'],
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
