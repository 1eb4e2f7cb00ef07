import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../src/graphql/global-id';
import { printSchemaFile, printSubgraphFile, schemaFilePath, subgraphFilePath } from '../src/graphql/print';
import { createTestService } from './support/service';

const service = createTestService();
const subgraph = async <T>(query: string, variables: Record<string, unknown> = {}) => {
  const { response, roundTrips } = service.request('http://localhost/subgraph', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await (await response).json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  return { body, roundTrips };
};

/** A second subgraph, written for the test: reports that refer to this service's places and claims by key. */
const reportsTypeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
  type Report @key(fields: "id") { id: ID! title: String! place: Place! claims: [Claim!]! }
  type Place @key(fields: "key", resolvable: false) { key: String! }
  type Claim @key(fields: "key", resolvable: false) { key: String! }
  type Query { reports: [Report!]! }
`);
const reports = [{ id: 'r1', title: 'The raid into Kursk region', place: { key: 'place:ru:lozovaya-rudka' }, claims: [{ key: 'claim:ambiguous:take-back-our-land' }, { key: 'claim:governor-kursk:denied-turning-point' }] }];
const reportsSchema = buildSubgraphSchema({ typeDefs: reportsTypeDefs, resolvers: { Query: { reports: () => reports } } });

const servers: Server[] = [];
const listen = async (handler: Parameters<typeof createServer>[1]) => {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

let conflictGraphUrl = '';
let reportsUrl = '';
beforeAll(async () => {
  conflictGraphUrl = `${await listen(service.yoga)}/subgraph`;
  reportsUrl = `${await listen(createYoga({ schema: reportsSchema, logging: false }))}/graphql`;
});
afterAll(async () => {
  for (const server of servers) server.close();
  await service.close();
});

describe('the federation subgraph', () => {
  it('is printed and current in schema/subgraph.graphql, and the plain schema is unchanged by it', () => {
    expect(readFileSync(subgraphFilePath, 'utf8')).toBe(printSubgraphFile());
    expect(readFileSync(schemaFilePath, 'utf8')).toBe(printSchemaFile());
    expect(printSchemaFile()).not.toMatch(/_entities|@key/);
    for (const type of ['Unit', 'Person', 'Organization', 'Place', 'Event', 'Claim', 'Source', 'Equipment']) {
      expect(printSubgraphFile()).toMatch(new RegExp(`type ${type} implements [^{]*@key\\(fields: "key"\\)\\s*@key\\(fields: "id"\\)`));
    }
  });

  it('resolves 100 representations, by key and by global id, in one Cypher round trip', async () => {
    type Listed = { __typename: string; key: string; text?: string; name?: string; title?: string | null };
    const listed = await service.graphql<Record<string, { edges: { node: Listed }[] }>>(
      `{ claims(first: 100, orderBy: MADE_AT_ASC) { edges { node { __typename key text } } } places(first: 100) { edges { node { __typename key name } } }
         events(first: 100) { edges { node { __typename key name } } } sources(first: 100) { edges { node { __typename key title } } } }`,
    );
    const entities = Object.values(listed.body.data!).flatMap((list) => list.edges.map((edge) => edge.node));
    expect(entities.length).toBeGreaterThan(0);
    // The seed holds fewer than 100 of these: past its end the same entities come again, spelt the other way.
    const chosen = Array.from({ length: 100 }, (_, index) => entities[index % entities.length]!);
    const representations = chosen.map(({ __typename, key }, index) =>
      ((index % entities.length) + Math.floor(index / entities.length)) % 2 === 0 ? { __typename, key } : { __typename, id: encodeGlobalId(__typename, key) },
    );
    expect(representations).toHaveLength(100);
    expect(new Set(representations.map((representation) => JSON.stringify(representation))).size).toBe(Math.min(100, 2 * entities.length));
    const { body, roundTrips } = await subgraph<{ _entities: (Listed | null)[] }>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) {
         ... on Claim { __typename key text } ... on Place { __typename key name } ... on Event { __typename key name } ... on Source { __typename key title } } }`,
      { representations },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities).toEqual(chosen);
    expect(roundTrips).toEqual(['entities.by-key']);
  });

  it('leaves /graphql plain: _entities is unknown there, even after /subgraph ran the same document', async () => {
    const query = '{ _entities(representations: [{__typename: "Place", key: "place:ru"}]) { ... on Place { key } } }';
    expect((await subgraph(query)).body.errors).toBeUndefined();
    const plain = await service.graphql(query);
    expect(plain.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(plain.roundTrips).toEqual([]);
  });

  it('refuses more than 100 representations, as nodes(ids:) does', async () => {
    const representations = Array.from({ length: 101 }, (_, index) => ({ __typename: 'Claim', key: `claim:test:${index}` }));
    const { body, roundTrips } = await subgraph('query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Claim { key } } }', { representations });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(roundTrips).toEqual([]);
  });

  it('composes with another subgraph and answers a query across both through Apollo Gateway', async () => {
    const composed = composeServices([
      { name: 'conflict_graph', typeDefs: parse(readFileSync(subgraphFilePath, 'utf8')), url: conflictGraphUrl },
      { name: 'reports', typeDefs: reportsTypeDefs, url: reportsUrl },
    ]);
    expect(composed.errors ?? []).toEqual([]);
    const gateway = new ApolloGateway({ supergraphSdl: composed.supergraphSdl!, buildService: ({ url }) => new RemoteGraphQLDataSource({ url }) });
    const { executor } = await gateway.load();
    try {
      const query = '{ reports { title place { key name type ancestors { key } } claims { key text makers { actor { key name } } } } }';
      const result = await executor({
        request: { query, variables: {} },
        document: parse(query),
        queryHash: createHash('sha256').update(query).digest('hex'),
        context: {},
        logger: console,
        metrics: {},
        overallCachePolicy: {},
        cache: undefined,
      } as never);
      expect(result.errors).toBeUndefined();
      // The same fields read from this service directly.
      const direct = await service.graphql<{ place: unknown; a: unknown; b: unknown }>(
        `{ place(key: "place:ru:lozovaya-rudka") { key name type ancestors { key } }
           a: claim(key: "claim:ambiguous:take-back-our-land") { key text makers { actor { key name } } }
           b: claim(key: "claim:governor-kursk:denied-turning-point") { key text makers { actor { key name } } } }`,
      );
      const { place, a, b } = direct.body.data!;
      expect(result.data).toEqual({ reports: [{ title: reports[0]!.title, place, claims: [a, b] }] });
    } finally {
      await gateway.stop();
    }
  });
});
