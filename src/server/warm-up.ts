import { execute, getNamedType, isNonNullType, parse, type GraphQLSchema } from 'graphql';
import type { YogaInitialContext } from 'graphql-yoga';
import type { Neo4jGateway } from '../db/gateway';
import { entitySpecs, entityTypes } from '../model';
import { encodeGlobalId } from '../graphql/global-id';
import { createContext } from './context';
import { createLogger, type Logger } from './logger';
import { LiveFeed } from './live';
import { exampleQuery } from './yoga';

/**
 * The documents a start runs before /ready answers 200: every field of `Query` once, with the
 * plain selection most clients send, and GraphiQL's example (a lookup with reads nested four
 * deep). Neo4j plans a statement the first time it sees its text, 0.3 to 0.9 s on the 100k
 * graph; run here, that planning is not a client's first minute. Reads only: each is a query
 * (a test checks), and a query's resolvers only read. A key that names nothing
 * (`<prefix>:warm-up`) plans the statement as well as a real one.
 */
export function warmUpDocuments(schema: GraphQLSchema): string[] {
  const unit = `${entitySpecs.Unit.prefix}:warm-up`;
  const lookups = Object.values(schema.getQueryType()?.getFields() ?? {}).flatMap((field) => {
    const typename = entityTypes.find((type) => type === getNamedType(field.type).name);
    const [argument, ...others] = field.args;
    if (others.length > 0 || argument?.name !== 'key' || !isNonNullType(argument.type)) return [];
    return [`{ ${field.name}(key: "${typename ? `${entitySpecs[typename].prefix}:warm-up` : unit}") { __typename } }`];
  });
  const page = '{ totalCount edges { cursor node { __typename } } pageInfo { hasNextPage endCursor } }';
  return [
    ...lookups,
    `{ node(id: "${encodeGlobalId('Unit', unit)}") { __typename } }`,
    `{ nodes(ids: ["${encodeGlobalId('Unit', unit)}"]) { __typename } }`,
    ...['actors', 'claims', 'events', 'places', 'sources'].map((list) => `{ ${list} ${page} }`),
    '{ search(text: "warm up") { score entity { __typename } matched { property value } } }',
    '{ contested { __typename } }',
    '{ claimAggregate { total { count } } }',
    '{ eventAggregate { total { count } } }',
    '{ database { name } }',
    exampleQuery,
  ];
}

/**
 * Runs `warmUpDocuments` one after another, as an anonymous reader (no credentials needed, no
 * rate limit or HTTP involved). A failure is logged and the start goes on: warming is worth
 * having, not worth refusing to serve for. Returns the round trips made.
 */
export async function warmUp(schema: GraphQLSchema, gateway: Neo4jGateway, logger: Pick<Logger, 'warn'>): Promise<{ tag: string; cypher: string }[]> {
  const roundTrips: { tag: string; cypher: string }[] = [];
  // Reads publish nothing and subscribe to nothing: a feed of this process's own will do.
  const live = new LiveFeed({ logger: createLogger('silent'), maxPerClient: 0 });
  for (const source of warmUpDocuments(schema)) {
    const initial = { request: new Request('http://localhost/graphql'), params: { query: source } } as YogaInitialContext;
    const contextValue = await createContext(
      { gateway, authenticate: async () => null, readAccess: 'public', isReady: () => true, live, onRoundTrip: (tag, cypher) => roundTrips.push({ tag, cypher }) },
      initial,
    );
    const result = await execute({ schema, document: parse(source), contextValue });
    if (result.errors?.length) logger.warn({ document: source, errors: result.errors.map((error) => error.message) }, 'warm-up: a document failed');
  }
  return roundTrips;
}
