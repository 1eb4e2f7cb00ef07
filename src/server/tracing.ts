import { context, propagation, trace, SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** The instrumentation scope of every span the service makes (requests, resolvers, Cypher round trips). */
export const tracerName = 'conflict-graph';

/**
 * Turns tracing on for this process: spans follow async calls (so a Cypher round trip finds the
 * resolver that asked for it), `traceparent` is read and written in the W3C format, and the
 * provider becomes the global one, which the resolvers' wrapper (src/graphql/builder.ts) uses.
 */
export function startTracing(processor: SpanProcessor): BasicTracerProvider {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  const provider = new BasicTracerProvider({ resource: resourceFromAttributes({ 'service.name': tracerName }), spanProcessors: [processor] });
  trace.setGlobalTracerProvider(provider);
  return provider;
}

/**
 * OTLP over HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set (the exporter reads it, and the other
 * OTEL_EXPORTER_OTLP_* variables, itself); nothing at all otherwise, so tracing costs nothing.
 */
export function startTracingFromEnvironment(endpoint: string | undefined): BasicTracerProvider | undefined {
  return endpoint ? startTracing(new BatchSpanProcessor(new OTLPTraceExporter())) : undefined;
}

type Handler = (request: Request, serverContext: object) => Response | Promise<Response>;

/**
 * One SERVER span per request, continuing the caller's trace when it sends `traceparent`, active
 * while the request is handled (its resolvers and round trips are its descendants); the response
 * says `traceparent` so a client can find its trace.
 */
export function withRequestSpan(tracer: Tracer, handle: Handler): Handler {
  return (request, serverContext) => {
    const parent = propagation.extract(context.active(), request.headers, { get: (headers, key) => headers.get(key) ?? undefined, keys: (headers) => [...headers.keys()] });
    const path = new URL(request.url).pathname;
    const attributes = { 'http.request.method': request.method, 'url.path': path };
    return tracer.startActiveSpan(`${request.method} ${path}`, { kind: SpanKind.SERVER, attributes }, parent, async (span) => {
      try {
        const response = await handle(request, serverContext);
        span.setAttribute('http.response.status_code', response.status);
        if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        propagation.inject(context.active(), response.headers, { set: (headers, key, value) => headers.set(key, value) });
        return response;
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    });
  };
}

/** The trace id a response names in its `traceparent`, for the request's log line. */
export function traceIdOf(response: Response): string | undefined {
  return response.headers.get('traceparent')?.split('-')[1];
}
