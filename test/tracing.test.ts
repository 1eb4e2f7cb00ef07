import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/server/logger';
import { startTracing, tracerName } from '../src/server/tracing';
import { createTestService } from './support/service';

const exporter = new InMemorySpanExporter();
const provider = startTracing(new SimpleSpanProcessor(exporter));
const tracer = provider.getTracer(tracerName);
const traced = createTestService({}, { tracer });
const untraced = createTestService();
afterAll(async () => {
  await Promise.all([traced.close(), untraced.close()]);
  await provider.shutdown();
});

// A search, then the names of its hits: read by their batched query, a second round trip.
const nestedRead = '{ search(text: "oblast", kinds: [PLACE], first: 5) { entity { ... on Place { name names(first: 1) { value } } } } }';

/** The spans from `span` up to the root of its trace. */
function ancestry(span: ReadableSpan, spans: ReadableSpan[]): ReadableSpan[] {
  const byId = new Map(spans.map((each) => [each.spanContext().spanId, each]));
  const chain = [span];
  for (let parent = byId.get(span.parentSpanContext?.spanId ?? ''); parent; parent = byId.get(parent.parentSpanContext?.spanId ?? '')) chain.push(parent);
  return chain;
}

describe('tracing', () => {
  it('makes one trace of a nested read: the request, its resolvers that read, and one span per Cypher round trip, by tag', async () => {
    exporter.reset();
    const response = await traced.graphql(nestedRead);
    expect(response.body.errors).toBeUndefined();
    const spans = exporter.getFinishedSpans();
    const requests = spans.filter((span) => span.kind === SpanKind.SERVER);
    expect(requests.map((span) => span.name)).toEqual(['POST /graphql']);
    const request = requests[0]!;
    const { traceId, spanId } = request.spanContext();
    expect(response.headers.get('traceparent')).toBe(`00-${traceId}-${spanId}-01`);
    expect(new Set(spans.map((span) => span.spanContext().traceId))).toEqual(new Set([traceId]));

    const cypher = spans.filter((span) => span.kind === SpanKind.CLIENT);
    expect(response.roundTrips.length).toBeGreaterThan(1);
    expect(cypher.map((span) => span.name).sort()).toEqual([...response.roundTrips].sort());
    for (const span of cypher) {
      // Named by its tag; neither the statement nor its parameters.
      expect(span.attributes).toEqual({ 'db.system.name': 'neo4j', 'db.namespace': expect.any(String), 'db.query.summary': span.name });
      const chain = ancestry(span, spans);
      expect(chain.at(-1)).toBe(request);
      // Below the resolver that asked for it.
      expect(chain[1]?.name).toBe('graphql.resolve');
    }
    // The resolver that asked: the search's round trip under `search`, the batched names under `names` (a tag ends with its field).
    expect(cypher.map((span) => ancestry(span, spans)[1]!.attributes['graphql.field.name'])).toEqual(cypher.map((span) => span.name.split('.').at(-1)));

    const resolvers = spans.filter((span) => span.name === 'graphql.resolve');
    const fields = new Set(resolvers.map((span) => span.attributes['graphql.field.name']));
    for (const field of ['search', 'entity', 'names']) expect(fields, field).toContain(field);
    // Properties read from a loaded row make no span.
    for (const field of ['name', 'value']) expect(fields, field).not.toContain(field);
    for (const span of resolvers) expect(ancestry(span, spans).at(-1)).toBe(request);
  });

  it("continues the caller's trace when it sends traceparent", async () => {
    exporter.reset();
    const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const callerSpan = '00f067aa0ba902b7';
    const response = await traced.graphql('{ database { name } }', {}, { traceparent: `00-${callerTrace}-${callerSpan}-01` });
    expect(response.body.errors).toBeUndefined();
    const request = exporter.getFinishedSpans().find((span) => span.kind === SpanKind.SERVER)!;
    expect(request.spanContext().traceId).toBe(callerTrace);
    expect(request.parentSpanContext?.spanId).toBe(callerSpan);
    expect(response.headers.get('traceparent')).toBe(`00-${callerTrace}-${request.spanContext().spanId}-01`);
  });

  it('makes a trace of an export too, its round trips under its request', async () => {
    exporter.reset();
    const { response, roundTrips } = traced.request('http://localhost/export/claims.csv');
    const answered = await response;
    expect(answered.status).toBe(200);
    await answered.text();
    const spans = exporter.getFinishedSpans();
    const request = spans.find((span) => span.kind === SpanKind.SERVER)!;
    expect(request.name).toBe('GET /export/claims.csv');
    expect(answered.headers.get('traceparent')).toBe(`00-${request.spanContext().traceId}-${request.spanContext().spanId}-01`);
    const cypher = spans.filter((span) => span.kind === SpanKind.CLIENT);
    expect(roundTrips.length).toBeGreaterThan(0);
    expect(cypher.map((span) => span.name).sort()).toEqual([...roundTrips].sort());
    for (const span of cypher) expect(span.spanContext().traceId).toBe(request.spanContext().traceId);
  });

  it('makes no span and says no traceparent when the service is not given a tracer', async () => {
    exporter.reset();
    const response = await untraced.graphql(nestedRead);
    expect(response.body.errors).toBeUndefined();
    expect(response.roundTrips.length).toBeGreaterThan(1);
    expect(exporter.getFinishedSpans()).toEqual([]);
    expect(response.headers.get('traceparent')).toBeNull();
  });

  it('writes the trace and span ids in each log line written inside a span', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { traced: true, destination: { write: (line: string) => void lines.push(line) } });
    logger.info('outside');
    const ids = tracer.startActiveSpan('work', (span) => {
      logger.info('inside');
      span.end();
      return span.spanContext();
    });
    const [outside, inside] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(outside).not.toHaveProperty('traceId');
    expect(inside).toMatchObject({ msg: 'inside', traceId: ids.traceId, spanId: ids.spanId });
  });
});
