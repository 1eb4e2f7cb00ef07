import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Plugin } from 'graphql-yoga';
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { Neo4jGateway } from './db/gateway';

/**
 * Prometheus metrics at /metrics: Yoga's requests by operation and outcome with latency
 * histograms, Cypher round trips by query tag, Neo4j work in flight and the driver's pool size,
 * and the process's own (memory, event loop). One registry per app, so tests can build many.
 */
export function createMetrics(gateway: Neo4jGateway, maxPoolSize: number) {
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
  new Gauge({ name: 'neo4j_pool_max_size', help: 'The most connections the driver keeps to one Neo4j server.', registers: [registry] }).set(maxPoolSize);
  const plugin: Plugin = usePrometheus({
    endpoint: '/metrics',
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
    labels: { method: true, statusCode: true },
  });
  return { plugin, countRoundTrip: (tag: string) => roundTrips.inc({ tag }) };
}
