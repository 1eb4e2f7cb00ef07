import type { Tracer } from '@opentelemetry/api';
import { inject } from 'vitest';
import { loadConfig } from '../../src/server/config';
import { createDriver } from '../../src/db/connect';
import { Neo4jGateway } from '../../src/db/gateway';
import { createLogger } from '../../src/server/logger';
import { createYogaApp } from '../../src/server/yoga';
import type { LiveFeed } from '../../src/server/live';
import { noPerspective } from '../../src/read/scope';

/** API keys the test service accepts, one per access level. */
export const testKeys = {
  reader: 'reader-key-0123456789abcdef',
  writer: 'writer-key-0123456789abcdef',
  admin: 'admin-key-0123456789abcdef',
} as const;
export const testJwtSecret = 'test-jwt-secret-0123456789abcdef-0123456789';

/** The test database's connection settings, as the service would read them from the environment. */
export function testConfig(environment: Record<string, string> = {}) {
  return loadConfig({
    ...process.env,
    NEO4J_URI: inject('neo4jUri'),
    LOG_LEVEL: 'silent',
    API_KEYS: `reader:${testKeys.reader}:read,writer:${testKeys.writer}:write,admin:${testKeys.admin}:admin`,
    JWT_SECRET: testJwtSecret,
    RATE_LIMIT_PER_MINUTE: '0',
    ...environment,
  });
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  body: { data?: T; errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[] };
  /** The Cypher round trips the operation made, by query tag. */
  roundTrips: string[];
  /** The response's headers. */
  headers: Headers;
  /** The statements of those round trips, in the same order. */
  statements: string[];
}

/** The real service (Yoga app, gateway, driver) over the test database, called in-process. */
export function createTestService(environment: Record<string, string> = {}, options: { tracer?: Tracer; live?: LiveFeed } = {}) {
  const config = testConfig(environment);
  const driver = createDriver(config.NEO4J_URI!, config);
  let roundTrips: string[] = [];
  let statements: string[] = [];
  const gateway = new Neo4jGateway(driver, config.NEO4J_DATABASE, config.NEO4J_QUERY_TIMEOUT_MS, { parameters: noPerspective }).observed((tag, cypher) => {
    roundTrips.push(tag);
    statements.push(cypher);
  });
  const yoga = createYogaApp({ gateway, logger: createLogger('silent'), config, ...options });

  async function graphql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<T>> {
    roundTrips = [];
    statements = [];
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse<T>['body'], roundTrips, statements };
  }

  /** A request to any path, and the round trips it makes, counted until the next request (a streamed body's included). */
  function request(url: string, init: RequestInit = {}) {
    roundTrips = [];
    const counted = roundTrips;
    return { response: yoga.fetch(url, init), roundTrips: counted };
  }

  return { yoga, gateway, graphql, request, close: () => driver.close() };
}

export type TestService = ReturnType<typeof createTestService>;
