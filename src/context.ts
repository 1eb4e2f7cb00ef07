import type { YogaInitialContext } from 'graphql-yoga';
import type { Neo4jGateway } from './db/gateway';

export interface ServiceDependencies {
  gateway: Neo4jGateway;
}

export interface Context extends YogaInitialContext {
  /** The gateway for this request; every Cypher round trip it makes is counted. */
  db: Neo4jGateway;
  /** Round trips made so far by this request, by query tag. */
  roundTrips: string[];
}

/** One context per request: its own counted gateway (and, with the read API, its own loaders). */
export function createContext(dependencies: ServiceDependencies, initial: YogaInitialContext): Context {
  const roundTrips: string[] = [];
  return {
    ...initial,
    db: dependencies.gateway.observed((tag) => roundTrips.push(tag)),
    roundTrips,
  };
}
