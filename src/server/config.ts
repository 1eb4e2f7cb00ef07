import { z } from 'zod';

const boolean = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');
const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();

/** One `name:key:scope` entry of API_KEYS or a line of API_KEYS_FILE. */
export const apiKeyEntry = /^[a-z0-9_-]+:[A-Za-z0-9._~+/=-]{16,}:(read|write|admin)$/;
export const apiKeyEntryRule = 'name:key:scope (a key of 16 characters or more; scope read, write or admin)';
export const jwtSecretMinLength = 32;

const environmentSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s/]+/, 'must be a bolt://, neo4j://, neo4j+s:// or bolt+s:// URI')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().default('neo4j'),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{2,62}$/, 'must be a valid Neo4j database name')
    .default('neo4j'),
  NEO4J_CONNECT_TIMEOUT_MS: positiveInt.default(8_000),
  NEO4J_QUERY_TIMEOUT_MS: positiveInt.default(15_000),
  /** The transaction timeout of `npm run import`'s batches, which adapt their size to stay well within it. */
  IMPORT_TIMEOUT_MS: positiveInt.default(60_000),

  NEO4J_LOCAL_PORT: port.default(7687),
  NEO4J_LOCAL_DATA: z.string().min(1).default('.neo4j/data'),
  NEO4J_LOCAL_HEAP_MB: positiveInt.default(512),
  NEO4J_LOCAL_PAGECACHE_MB: positiveInt.default(256),

  SEED_WHEN_EMPTY: boolean.default(true),
  // A schema script changed since it was applied: warn and start, or refuse to start.
  SCHEMA_DRIFT: z.enum(['warn', 'fail']).default('warn'),

  // Access control (docs/access.md): reads are open unless READ_ACCESS=authenticated.
  READ_ACCESS: z.enum(['public', 'authenticated']).default('public'),
  /** Comma-separated `name:key:scope`, scope one of read, write, admin. */
  API_KEYS: z
    .string()
    .refine(
      (value) => value.split(',').every((entry) => apiKeyEntry.test(entry)),
      `must be comma-separated entries, each ${apiKeyEntryRule}`,
    )
    .optional(),
  /** A file of `name:key:scope` lines, read at start and again on SIGHUP or when it changes (src/server/credentials.ts). */
  API_KEYS_FILE: z.string().min(1).optional(),
  /** Comma-separated: every one verifies, so a new secret and the old one overlap during a rotation. */
  JWT_SECRET: z
    .string()
    .refine((value) => value.split(',').every((secret) => secret.length >= jwtSecretMinLength), `must be one or more comma-separated secrets of at least ${jwtSecretMinLength} characters (HS256)`)
    .optional(),
  /** A file of JWT secrets, one a line, reloaded with API_KEYS_FILE. */
  JWT_SECRET_FILE: z.string().min(1).optional(),
  JWT_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
  /** JWTs must carry exp; the longest lifetime (exp - iat) accepted, in seconds. */
  JWT_MAX_LIFETIME_S: positiveInt.default(86_400),
  /** When set, /metrics answers only `Authorization: Bearer <this token>`. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** When set, OpenTelemetry spans (requests, resolvers, Cypher round trips) go there by OTLP/HTTP (src/server/tracing.ts). */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),

  // Limits checked before any Cypher runs (src/server/limits.ts).
  MAX_DEPTH: positiveInt.default(12),
  MAX_COST: positiveInt.default(50_000),
  MAX_ALIASES: positiveInt.default(30),
  MAX_TOKENS: positiveInt.default(5_000),
  MAX_DIRECTIVES: positiveInt.default(20),
  // Protection (src/server/protection.ts).
  MAX_BODY_BYTES: positiveInt.default(2_000_000),
  /** Requests per minute per API key (else per address); 0 turns the limit off. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  /** Comma-separated origins allowed to call from browsers; unset allows none but this host. */
  CORS_ORIGINS: z.string().optional(),
  /** A JSON file of {"<sha256 hash>": "<operation>"}: when set, only these operations run. */
  PERSISTED_OPERATIONS_FILE: z.string().optional(),
  // Several instances (src/server/live.ts): subscriptions fan out and the rate limit is shared through Redis.
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Subscriptions one client (principal, else address) may hold open at once on an instance. */
  LIVE_MAX_SUBSCRIPTIONS_PER_CLIENT: positiveInt.default(20),
});

export type Config = z.infer<typeof environmentSchema>;

/** Every environment variable the service reads. */
export const configVariableNames = Object.keys(environmentSchema.shape) as (keyof Config)[];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the configuration from environment variables; empty strings count as unset. */
export function loadConfig(environment: NodeJS.ProcessEnv): Config {
  const relevant = Object.fromEntries(
    configVariableNames
      .map((name) => [name, environment[name]] as const)
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = environmentSchema.safeParse(relevant);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `  ${name}=${JSON.stringify(relevant[name] ?? '')}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration in environment variables:\n${problems.join('\n')}`);
  }
  return parsed.data;
}

/** Only the variables that describe the Neo4j connection, for code that needs nothing else. */
export type Neo4jConfig = Pick<
  Config,
  | 'NEO4J_URI'
  | 'NEO4J_USER'
  | 'NEO4J_PASSWORD'
  | 'NEO4J_DATABASE'
  | 'NEO4J_CONNECT_TIMEOUT_MS'
  | 'NEO4J_QUERY_TIMEOUT_MS'
  | 'NEO4J_LOCAL_PORT'
  | 'NEO4J_LOCAL_DATA'
  | 'NEO4J_LOCAL_HEAP_MB'
  | 'NEO4J_LOCAL_PAGECACHE_MB'
>;
