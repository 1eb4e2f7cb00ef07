import type { YogaInitialContext } from 'graphql-yoga';
import type { Neo4jGateway } from './db/gateway';
import { Loaders } from './graphql/loaders';

export interface ServiceDependencies {
  gateway: Neo4jGateway;
}

export interface Context extends YogaInitialContext {
  /** The gateway for this request; every Cypher round trip it makes is counted. */
  db: Neo4jGateway;
  /** Round trips made so far by this request, by query tag. */
  roundTrips: string[];
  /** This request's DataLoaders; never shared between requests. */
  loaders: Loaders;
}

/** One context per request: its own counted gateway and its own loaders. */
export function createContext(dependencies: ServiceDependencies, initial: YogaInitialContext): Context {
  const roundTrips: string[] = [];
  const db = dependencies.gateway.observed((tag) => roundTrips.push(tag));
  return { ...initial, db, roundTrips, loaders: new Loaders(db) };
}
