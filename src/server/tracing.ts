import { context, propagation, trace, SpanKind, SpanStatusCode, type Span, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { ServerAdapterPlugin } from '@whatwg-node/server';

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

/**
 * One SERVER span per request, whatever its path (the exports' too), continuing the caller's trace
 * when it sends `traceparent`, active while every hook and handler runs (so resolvers and round
 * trips are its descendants); the response says `traceparent` so a client can find its trace.
 * First among the server adapter's plugins.
 */
export function useRequestSpan(tracer: Tracer): ServerAdapterPlugin {
  const spans = new WeakMap<Request, Span>();
  return {
    instrumentation: {
      request: ({ request }, wrapped) => {
        const parent = propagation.extract(context.active(), request.headers, { get: (headers, key) => headers.get(key) ?? undefined, keys: (headers) => [...headers.keys()] });
        const path = new URL(request.url).pathname;
        const attributes = { 'http.request.method': request.method, 'url.path': path };
        return tracer.startActiveSpan(`${request.method} ${path}`, { kind: SpanKind.SERVER, attributes }, parent, async (span) => {
          spans.set(request, span);
          try {
            await wrapped();
          } catch (error) {
            span.setStatus({ code: SpanStatusCode.ERROR });
            throw error;
          } finally {
            span.end();
          }
        });
      },
    },
    onResponse: ({ request, response }) => {
      const span = spans.get(request);
      if (!span) return;
      span.setAttribute('http.response.status_code', response.status);
      if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      propagation.inject(trace.setSpan(context.active(), span), response.headers, { set: (headers, key, value) => headers.set(key, value) });
    },
  };
}

/** The trace id a response names in its `traceparent`, for the request's log line. */
export function traceIdOf(response: Response): string | undefined {
  return response.headers.get('traceparent')?.split('-')[1];
}
