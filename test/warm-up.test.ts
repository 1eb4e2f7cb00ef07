import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { schema } from '../src/graphql/schema';
import { createLogger } from '../src/server/logger';
import { warmUp, warmUpDocuments } from '../src/server/warm-up';
import { createYogaApp } from '../src/server/yoga';
import { createTestService, testConfig } from './support/service';

const service = createTestService();
afterAll(() => service.close());

const topLevelFields = (document: string) =>
  parse(document).definitions.flatMap((definition) => {
    const operation = definition as OperationDefinitionNode;
    expect(operation.kind === Kind.OPERATION_DEFINITION && operation.operation).toBe('query');
    return operation.selectionSet.selections.flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : []));
  });

describe('the warm-up before /ready', () => {
  it('reads through every field of Query, with queries only', () => {
    const warmed = new Set(warmUpDocuments(schema).flatMap(topLevelFields));
    expect([...warmed].sort()).toEqual(Object.keys(schema.getQueryType()!.getFields()).sort());
  });

  it('runs each of its documents without an error and plans the statements a first client sends', async () => {
    const warnings: unknown[] = [];
    const logger = { warn: (...args: unknown[]) => warnings.push(args) };
    const roundTrips = await warmUp(schema, service.gateway, logger);
    expect(warnings).toEqual([]);
    const documents = warmUpDocuments(schema);
    // At least one statement a document, and the nested example reads in one round trip.
    expect(roundTrips.length).toBeGreaterThanOrEqual(documents.length - 1);
    const warmed = new Set(roundTrips.map(({ cypher }) => cypher));

    // The same plain reads a client sends, with real keys and other scalar fields: every
    // statement they make was already run, so Neo4j has its plan.
    const firstClients = [
      '{ place(key: "place:ru") { key name type } }',
      '{ entity(key: "place:ua") { key ... on Place { name } } }',
      '{ events(first: 5) { totalCount edges { node { key name startDate } } } }',
      '{ search(text: "Kursk") { score entity { key } } }',
      '{ contested(first: 3) { __typename } }',
    ];
    for (const document of firstClients) {
      const response = await service.graphql(document);
      expect(response.body.errors).toBeUndefined();
      expect(response.statements.length).toBeGreaterThan(0);
      for (const statement of response.statements) expect(warmed.has(statement), `${document} ran an unwarmed statement`).toBe(true);
    }
  });

  it('keeps /ready at 503 until the warm-up is done, while GraphQL already answers', async () => {
    let warm = false;
    const yoga = createYogaApp({ gateway: service.gateway, logger: createLogger('silent'), config: testConfig(), isWarm: () => warm });
    expect((await yoga.fetch('http://localhost/ready')).status).toBe(503);
    expect((await yoga.fetch('http://localhost/health')).status).toBe(200);
    const answer = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
    await warmUp(schema, service.gateway, createLogger('silent'));
    warm = true;
    expect((await yoga.fetch('http://localhost/ready')).status).toBe(200);
  });
});
