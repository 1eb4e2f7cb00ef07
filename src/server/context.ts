import type { YogaInitialContext } from 'graphql-yoga';
import type { Authenticator, Principal } from './auth';
import type { Neo4jGateway } from '../db/gateway';
import { Loaders } from '../read/loaders';
import { ClientError, ErrorCode } from './errors';
import { clientOf, requestIdOf } from './protection';
import type { LiveFeed } from './live';
import { recordBookmarks, requestBookmarks } from './bookmarks';
import { noPerspective } from '../graphql/perspective';

export interface ServiceDependencies {
  gateway: Neo4jGateway;
  authenticate: Authenticator;
  /** Whether anonymous clients may read. */
  readAccess: 'public' | 'authenticated';
  /** Told of every Cypher round trip of every request (metrics, the warm-up). */
  onRoundTrip?: (tag: string, cypher: string) => void;
  /** False until Neo4j has answered and has its schema. */
  isReady: () => boolean;
  /** The live feed: writes publish the keys they touched, subscriptions listen. */
  live: LiveFeed;
  /** Whether resolvers open spans (tracing on, src/server/tracing.ts). */
  traced?: boolean;
}

export interface Context extends YogaInitialContext {
  /** The gateway for this request; every Cypher round trip it makes is counted. */
  db: Neo4jGateway;
  /** A view of the gateway that belongs to no request (no bookmarks, not cancelled with it): the reads subscriptions share. */
  sharedDb: Neo4jGateway;
  /** Round trips made so far by this request, by query tag. */
  roundTrips: string[];
  /** This request's DataLoaders; never shared between requests. */
  loaders: Loaders;
  /** Who makes the request; null when anonymous. */
  principal: Principal | null;
  readAccess: 'public' | 'authenticated';
  /** The id of the request, returned in X-Request-Id and written in its log lines. */
  requestId: string;
  live: LiveFeed;
  /** Who the client is, for limits per client: its principal, else its address. */
  client: string;
  /** Whether resolvers that read open spans (tracing on). */
  traced: boolean;
}

const sharedGateways = new WeakMap<ServiceDependencies, Neo4jGateway>();

/** The service's gateway as no request's: its round trips counted in metrics only. */
function sharedGateway(dependencies: ServiceDependencies): Neo4jGateway {
  let db = sharedGateways.get(dependencies);
  if (!db) sharedGateways.set(dependencies, (db = dependencies.gateway.observed((tag, cypher) => dependencies.onRoundTrip?.(tag, cypher)).withParameters(noPerspective)));
  return db;
}

/**
 * One context per request: the caller's identity (bad credentials fail the request with
 * UNAUTHENTICATED), a counted gateway and the request's own loaders.
 */
export async function createContext(dependencies: ServiceDependencies, initial: YogaInitialContext): Promise<Context> {
  if (!dependencies.isReady()) {
    throw new ClientError(ErrorCode.UNAVAILABLE, 'The service is starting: its database does not answer yet. Retry shortly.', {
      extensions: { http: { status: 503, headers: { 'retry-after': '5' } } },
    });
  }
  const principal = await dependencies.authenticate(initial.request);
  const roundTrips: string[] = [];
  const db = dependencies.gateway.causal(requestBookmarks(initial.request), recordBookmarks(initial.request)).observed((tag, cypher) => {
    // A client that went away gets no more queries run for it.
    if (initial.request.signal?.aborted) throw new ClientError(ErrorCode.CANCELLED, 'The client closed the request.');
    roundTrips.push(tag);
    dependencies.onRoundTrip?.(tag, cypher);
  }).withParameters(noPerspective);
  return {
    ...initial,
    db,
    sharedDb: sharedGateway(dependencies),
    roundTrips,
    loaders: new Loaders(db),
    principal,
    readAccess: dependencies.readAccess,
    requestId: requestIdOf(initial.request),
    live: dependencies.live,
    client: clientOf(principal, initial),
    traced: dependencies.traced ?? false,
  };
}
