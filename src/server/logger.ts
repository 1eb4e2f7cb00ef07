import { trace } from '@opentelemetry/api';
import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs on stdout; tests pass level 'silent'. With tracing on, each line written
 * while a request is handled carries its trace and span ids.
 */
export function createLogger(level: string, options: { traced?: boolean; destination?: pino.DestinationStream } = {}): Logger {
  const mixin = options.traced ? () => {
    const span = trace.getActiveSpan();
    if (!span) return {};
    const { traceId, spanId } = span.spanContext();
    return { traceId, spanId };
  } : undefined;
  return pino({ level, base: { service: 'conflict-graph' }, ...(mixin ? { mixin } : {}) }, options.destination);
}
