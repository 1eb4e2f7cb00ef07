import { GraphQLError } from 'graphql';

/** The stable `extensions.code` values clients can rely on. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UNAVAILABLE: 'UNAVAILABLE',
  TIMEOUT: 'TIMEOUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  /** The client went away; the request's remaining work was not started. */
  CANCELLED: 'CANCELLED',
  // Limits (src/server/limits.ts, src/server/protection.ts): each its own code.
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  TOO_MANY_TOKENS: 'TOO_MANY_TOKENS',
  TOO_MANY_DIRECTIVES: 'TOO_MANY_DIRECTIVES',
  /** An aggregate's grouping forms more buckets than `aggregateLimits.maxGroupedBuckets`. */
  TOO_MANY_BUCKETS: 'TOO_MANY_BUCKETS',
  RATE_LIMITED: 'RATE_LIMITED',
  /** A body over MAX_BODY_BYTES: Yoga's own code for /graphql, the same for the export routes. */
  REQUEST_ENTITY_TOO_LARGE: 'REQUEST_ENTITY_TOO_LARGE',
  /** Anything unexpected, masked: the code graphql-js's masking gives it, the same for the export routes. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  CSRF_HEADER_REQUIRED: 'CSRF_HEADER_REQUIRED',
  // With PERSISTED_OPERATIONS_FILE (src/server/persisted.ts): a request that is no persisted operation, and an id not in the list.
  PERSISTED_QUERY_ONLY: 'PERSISTED_QUERY_ONLY',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * An error meant for the client: its message and code are shown as they are, never masked. The
 * underlying failure goes in `cause` (for logs), not `originalError`, which would get it masked.
 */
export class ClientError extends GraphQLError {
  override readonly cause: unknown;

  constructor(code: ErrorCode, message: string, options: { extensions?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, { extensions: { ...options.extensions, code } });
    this.cause = options.cause;
  }
}
