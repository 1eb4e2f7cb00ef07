import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { Config } from './config';
import { ClientError, ErrorCode } from './errors';

/** What a principal may do; each level includes the ones before it. */
export const accessLevels = ['read', 'write', 'admin'] as const;
export type AccessLevel = (typeof accessLevels)[number];

/** Who makes a request: recorded as `recordedBy`/`updatedBy` on what it writes. */
export interface Principal {
  id: string;
  /** Null for a verified token that carries no graph scope: it may do only what anyone may. */
  level: AccessLevel | null;
}

export const allows = (principal: Principal | null, level: AccessLevel) =>
  principal?.level != null && accessLevels.indexOf(principal.level) >= accessLevels.indexOf(level);

/** JWT scopes that grant each level, highest first. */
const jwtScopes: [string, AccessLevel][] = [
  ['graph:admin', 'admin'],
  ['graph:write', 'write'],
  ['graph:read', 'read'],
];

const unauthenticated = (message: string) =>
  new ClientError(ErrorCode.UNAUTHENTICATED, message, { extensions: { http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } } } });

export type Authenticator = (request: Request) => Promise<Principal | null>;

/** The credentials in force: API keys (key → principal) and the secrets an HS256 JWT may be signed with. */
export interface Credentials {
  apiKeys: ReadonlyMap<string, Principal>;
  jwtSecrets: readonly Uint8Array[];
}

/**
 * Reads credentials from `X-API-Key: <key>` or `Authorization: Bearer <API key or JWT>`. No
 * credentials: null (anonymous). Credentials that do not check out: UNAUTHENTICATED, even for a
 * read, so a misconfigured client learns of it at once. `credentials` is asked once a request,
 * so a reload (src/server/credentials.ts) applies to the requests that arrive after it.
 */
export function createAuthenticator(
  config: Pick<Config, 'JWT_JWKS_URL' | 'JWT_ISSUER' | 'JWT_AUDIENCE' | 'JWT_MAX_LIFETIME_S'>,
  credentials: () => Credentials,
): Authenticator {
  const jwks = config.JWT_JWKS_URL ? createRemoteJWKSet(new URL(config.JWT_JWKS_URL)) : undefined;
  const verifyOptions = {
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    // A token without an expiry would be good forever once leaked.
    requiredClaims: ['exp'],
  };

  /** Secrets, when there are any, else the JWKS; each secret in turn, as during a rotation both verify. */
  async function verifiedPayload(token: string, secrets: readonly Uint8Array[]): Promise<JWTPayload> {
    if (secrets.length === 0) return (await jwtVerify(token, jwks!, verifyOptions)).payload;
    let refusal: unknown;
    for (const secret of secrets) {
      try {
        return (await jwtVerify(token, secret, { ...verifyOptions, algorithms: ['HS256', 'HS384', 'HS512'] })).payload;
      } catch (error) {
        // Only a bad signature means another secret may have signed it; an expired token stays expired.
        if (!(error instanceof joseErrors.JWSSignatureVerificationFailed)) throw error;
        refusal = error;
      }
    }
    throw refusal;
  }

  async function verifyJwt(token: string, secrets: readonly Uint8Array[]): Promise<Principal> {
    if (secrets.length === 0 && !jwks) throw unauthenticated('The bearer token is not a known API key, and this service accepts no JWTs.');
    let payload: JWTPayload;
    try {
      payload = await verifiedPayload(token, secrets);
    } catch (error) {
      const reason =
        error instanceof joseErrors.JWTExpired
          ? 'it has expired'
          : error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'exp'
            ? 'it has no expiry (exp)'
            : 'it does not verify';
      throw unauthenticated(`The bearer token was refused: ${reason}.`);
    }
    // Lifetime from issue (or from now, without iat) to expiry: a long-lived token is as bad as none.
    const lifetime = payload.exp! - (payload.iat ?? Math.floor(Date.now() / 1_000));
    if (lifetime > config.JWT_MAX_LIFETIME_S) {
      throw unauthenticated(`The bearer token was refused: it lives ${lifetime} s, over the limit of ${config.JWT_MAX_LIFETIME_S} s (JWT_MAX_LIFETIME_S).`);
    }
    const granted = scopesOf(payload);
    const level = jwtScopes.find(([scope]) => granted.includes(scope))?.[1];
    if (!payload.sub) throw unauthenticated('The bearer token names no subject (sub).');
    return { id: `jwt:${payload.sub}`, level: level ?? null };
  }

  return async (request) => {
    const { apiKeys, jwtSecrets } = credentials();
    const apiKey = request.headers.get('x-api-key');
    const authorization = request.headers.get('authorization');
    if (apiKey !== null) {
      const principal = apiKeys.get(apiKey.trim());
      if (!principal) throw unauthenticated('The API key is not known.');
      return principal;
    }
    if (authorization === null) return null;
    const match = authorization.match(/^Bearer\s+(\S+)\s*$/i);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <API key or JWT>".');
    const token = match[1]!;
    return apiKeys.get(token) ?? verifyJwt(token, jwtSecrets);
  };
}

function scopesOf(payload: JWTPayload): string[] {
  const scope = payload.scope ?? payload.scp;
  if (typeof scope === 'string') return scope.split(' ');
  return Array.isArray(scope) ? scope.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * Authenticates each request once, however many times it is asked (the rate limit, the GraphQL
 * context, /metrics), so a JWT is verified once per request.
 */
export function oncePerRequest(authenticate: Authenticator): Authenticator {
  const outcomes = new WeakMap<Request, Promise<Principal | null>>();
  return (request) => {
    let outcome = outcomes.get(request);
    if (!outcome) {
      outcome = authenticate(request);
      outcomes.set(request, outcome);
    }
    return outcome;
  };
}
