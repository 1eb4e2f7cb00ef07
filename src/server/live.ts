import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import { ClientError, ErrorCode } from './errors';
import type { Logger } from './logger';

/** The one topic: which keys a committed write touched. Subscribers read what changed from Neo4j. */
const topic = 'conflict-graph.changed';

/** A wake-up: the keys a write touched, or every key (`resync`) after messages may have been lost. */
export type Wake = { keys: string[] } | { resync: true };

interface WakeTarget {
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
  dispatchEvent(event: Event): boolean;
}

export interface LiveFeedOptions {
  logger: Logger;
  /** Redis to fan wake-ups out to every instance; in-process when not given. */
  redisUrl?: string;
  /** Subscriptions one client (principal, else address) may hold open at once. */
  maxPerClient: number;
}

/**
 * The live feed's transport: after a write commits, the keys it touched are published (through
 * Redis to every instance when REDIS_URL is set, else in this process); each subscription reads
 * what changed itself, through its own filter, so the message is only a wake-up and nothing a
 * subscriber may not see travels through Redis. Messages lost while Redis is away are made up
 * for by a resync wake-up when the subscriber connection is back (each subscription reads again
 * from its last change).
 */
export class LiveFeed {
  private readonly target: WakeTarget;
  private readonly redis?: { publish: Redis; subscribe: Redis };
  private readonly perClient = new Map<string, number>();
  private readonly localListeners = new Set<(wake: Wake) => void>();
  /** Subscriptions open now, the reads they share now (src/graphql/live-stream.ts), messages sent since start (metrics). */
  readonly counts = { open: 0, shared: 0, messages: 0, resyncs: 0 };

  constructor(private readonly options: LiveFeedOptions) {
    if (!options.redisUrl) {
      this.target = new EventTarget();
      return;
    }
    const { logger } = options;
    const connect = (role: string) => {
      const client = new Redis(options.redisUrl!, {
        maxRetriesPerRequest: 2,
        retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
        // Publishing and the rate limit fail at once while Redis is away (a resync and the in-memory
        // limit make up for it) rather than hold every request for retries; subscribing waits for it.
        enableOfflineQueue: role === 'subscribe',
      });
      let wasDown = false;
      client.on('error', (error: Error) => logger.warn({ err: error, role }, 'Redis: connection error; the live feed retries'));
      client.on('end', () => (wasDown = true));
      client.on('close', () => (wasDown = true));
      client.on('ready', () => {
        if (!wasDown) return;
        wasDown = false;
        logger.info({ role }, 'Redis: connected again');
        // Wake-ups published while it was away are lost: every subscription reads again from its last change.
        if (role === 'subscribe') this.wakeLocal({ resync: true });
      });
      return client;
    };
    this.redis = { publish: connect('publish'), subscribe: connect('subscribe') };
    const { publish: publisher, subscribe: subscriber } = this.redis;
    // The event target does not wait for these commands: a Redis that does not answer must fail
    // neither the write that published (it has committed) nor the process (an unhandled rejection).
    const logged = (what: string) => (error: unknown) => logger.warn({ err: error }, `Redis: ${what}; subscribers catch up when it is back`);
    this.target = createRedisEventTarget({
      publishClient: { publish: (channel: string, message: string) => publisher.publish(channel, message).catch(logged('a wake-up could not be published')) } as unknown as Redis,
      subscribeClient: {
        on: (event: string, listener: (...args: unknown[]) => void) => subscriber.on(event, listener),
        subscribe: (channel: string) => subscriber.subscribe(channel).catch(logged('could not subscribe')),
        unsubscribe: (channel: string) => subscriber.unsubscribe(channel).catch(logged('could not unsubscribe')),
      } as unknown as Redis,
    }) as unknown as WakeTarget;
  }

  /** Tells every subscription (on every instance) that these keys changed; after the write's commit only. */
  published(keys: readonly string[]) {
    if (keys.length === 0) return;
    this.target.dispatchEvent(new CustomEvent(topic, { detail: { keys: [...new Set(keys)] } }));
  }

  /** Listens to wake-ups until the returned function is called. */
  listen(listener: (wake: Wake) => void): () => void {
    const onEvent = (event: Event) => listener((event as CustomEvent<Wake>).detail);
    this.target.addEventListener(topic, onEvent);
    this.localListeners.add(listener);
    return () => {
      this.target.removeEventListener(topic, onEvent);
      this.localListeners.delete(listener);
    };
  }

  /** Counts a subscription of `client`, or refuses one over the cap; the returned function releases it. */
  open(client: string): () => void {
    const held = this.perClient.get(client) ?? 0;
    if (held >= this.options.maxPerClient) {
      throw new ClientError(ErrorCode.RATE_LIMITED, `At most ${this.options.maxPerClient} subscriptions per client at once (LIVE_MAX_SUBSCRIPTIONS_PER_CLIENT); close one first.`, {
        extensions: { limit: 'subscriptions', maximum: this.options.maxPerClient },
      });
    }
    this.perClient.set(client, held + 1);
    this.counts.open += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.counts.open -= 1;
      const left = (this.perClient.get(client) ?? 1) - 1;
      if (left > 0) this.perClient.set(client, left);
      else this.perClient.delete(client);
    };
  }

  /** What is degraded, for /ready: null when Redis is not used or both connections are up. */
  degraded(): string | null {
    if (!this.redis) return null;
    const down = Object.entries(this.redis).filter(([, client]) => client.status !== 'ready').map(([role]) => role);
    return down.length ? `Redis does not answer (${down.join(' and ')} connection): writes and reads go on; subscribers on other instances hear of changes when it is back` : null;
  }

  /** The Redis client of the shared rate limit, when there is Redis. */
  get redisClient(): Redis | undefined {
    return this.redis?.publish;
  }

  async close() {
    if (!this.redis) return;
    this.redis.subscribe.disconnect();
    this.redis.publish.disconnect();
  }

  private wakeLocal(wake: Wake) {
    this.counts.resyncs += 1;
    for (const listener of this.localListeners) listener(wake);
  }
}
