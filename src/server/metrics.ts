import { createHash, timingSafeEqual } from 'node:crypto';
import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { ServerAdapterPlugin } from '@whatwg-node/server';
import type { Plugin } from 'graphql-yoga';
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { allows, type Principal } from './auth';
import type { Config } from './config';
import type { Neo4jGateway } from '../db/gateway';
import { ErrorCode } from './errors';
import type { LiveFeed } from './live';
import { errorResponse } from './protection';

/**
 * Prometheus metrics at /metrics: Yoga's requests by operation type and outcome with latency
 * histograms, Cypher round trips by query tag, Neo4j work in flight and the driver's pool size,
 * and the process's own (memory, event loop). One registry per app, so tests can build many.
 * Every label takes a bounded set of values: no URL, operation name or error path, which a
 * client writes as it likes (they would leak its variables and grow the registry without end).
 */
export function createMetrics(gateway: Neo4jGateway, maxPoolSize: number, live: LiveFeed) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const roundTrips = new Counter({
    name: 'cypher_round_trips_total',
    help: 'Cypher statements sent to Neo4j, by query tag.',
    labelNames: ['tag'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'neo4j_queries_in_flight',
    help: 'Queries and transactions running in Neo4j now (each holds a pooled connection).',
    registers: [registry],
    collect() {
      this.set(gateway.activity.inFlight);
    },
  });
  new Gauge({
    name: 'live_subscriptions_open',
    help: 'Subscriptions open on this instance now.',
    registers: [registry],
    collect() {
      this.set(live.counts.open);
    },
  });
  new Gauge({
    name: 'live_shared_reads',
    help: 'Reads the open subscriptions share now: subscriptions with the same field, filter and selection read each change once.',
    registers: [registry],
    collect() {
      this.set(live.counts.shared);
    },
  });
  new Gauge({
    name: 'live_messages_sent',
    help: 'Subscription messages sent by this instance since it started.',
    registers: [registry],
    collect() {
      this.set(live.counts.messages);
    },
  });
  new Gauge({
    name: 'live_resyncs',
    help: 'Times every subscription read again from its last change, Redis having been away, since start.',
    registers: [registry],
    collect() {
      this.set(live.counts.resyncs);
    },
  });
  new Gauge({ name: 'neo4j_pool_max_size', help: 'The most connections the driver keeps to one Neo4j server.', registers: [registry] }).set(maxPoolSize);
  const plugin: Plugin = usePrometheus({
    // Served by useMetricsEndpoint, behind its access check.
    endpoint: false,
    registry,
    metrics: {
      graphql_envelop_request: true,
      graphql_envelop_request_duration: true,
      graphql_envelop_error_result: true,
      graphql_envelop_phase_parse: true,
      graphql_envelop_phase_validate: true,
      graphql_envelop_phase_context: true,
      graphql_envelop_phase_execute: true,
      graphql_yoga_http_duration: true,
      // Yoga turns these on unless told otherwise. The schema deprecates nothing, yet counting
      // deprecated fields walks every document; the summary repeats the duration histogram.
      graphql_envelop_deprecated_field: false,
      graphql_envelop_request_time_summary: false,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_schema_change: false,
    },
    labels: { method: true, statusCode: true, operationType: true, phase: true, url: false, operationName: false, path: false },
  });
  return { plugin, registry, countRoundTrip: (tag: string) => roundTrips.inc({ tag }) };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/**
 * GET /metrics. With METRICS_TOKEN: only `Authorization: Bearer <token>`. Without it: open when
 * reads are public; when they are not, open to the same principals as reads (a key or token of
 * read level or above), so closing reads never leaves the metrics open.
 */
export function useMetricsEndpoint(
  registry: Registry,
  config: Pick<Config, 'METRICS_TOKEN' | 'READ_ACCESS'>,
  principalOf: (request: Request) => Promise<Principal | null>,
): ServerAdapterPlugin {
  const token = config.METRICS_TOKEN ? sha256(config.METRICS_TOKEN) : undefined;
  const refused = (message: string) => errorResponse(401, ErrorCode.UNAUTHENTICATED, message, { 'www-authenticate': 'Bearer' });
  return {
    async onRequest({ url, request, endResponse }) {
      if (url.pathname !== '/metrics') return;
      if (token) {
        const given = request.headers.get('authorization')?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
        // Compared as hashes, in constant time, so the comparison tells nothing of the token.
        if (!given || !timingSafeEqual(sha256(given), token)) return endResponse(refused('/metrics needs "Authorization: Bearer <METRICS_TOKEN>".'));
      } else if (config.READ_ACCESS === 'authenticated' && !allows(await principalOf(request).catch(() => null), 'read')) {
        return endResponse(refused('/metrics needs a key or token that may read (READ_ACCESS=authenticated).'));
      }
      endResponse(new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType } }));
    },
  };
}
