import type { Driver } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config';
import { Neo4jGateway } from '../../src/db/gateway';
import { createLogger } from '../../src/server/logger';
import { createYogaApp } from '../../src/server/yoga';

/**
 * The service over a driver that records each statement and answers no rows: GraphQL in, the
 * Cypher and parameters that would reach Neo4j out, through the real gateway, without a database.
 */
function recordingService() {
  let statements: { cypher: string; parameters: Record<string, unknown> }[] = [];
  const transaction = {
    run: async (cypher: string, parameters: Record<string, unknown>) => {
      statements.push({ cypher, parameters });
      return { records: [], summary: { counters: { updates: () => ({}) } } };
    },
  };
  const session = { executeRead: async (work: (tx: unknown) => unknown) => work(transaction), close: async () => {} };
  const driver = { session: () => session } as unknown as Driver;
  const config = loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0' });
  const yoga = createYogaApp({ gateway: new Neo4jGateway(driver, 'neo4j', 15_000), logger: createLogger('silent'), config });
  return async (query: string) => {
    statements = [];
    const response = await yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await response.json()) as { errors?: unknown[] };
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return statements;
  };
}

const statementsOf = recordingService();

// Key-shaped, yet full of Cypher: a filter value must only ever reach Neo4j as a parameter.
const hostile = "place:ua:x'})-[r]-() DELETE r //";

/** The names of the parameters that carry `value` (as themselves or in a list). */
const carriers = (parameters: Record<string, unknown>, value: unknown) =>
  Object.entries(parameters)
    .filter(([, given]) => JSON.stringify(given) === JSON.stringify(value) || (Array.isArray(given) && JSON.stringify(given) === JSON.stringify([value])))
    .map(([name]) => name);

const filters: { list: string; filter: string; value: unknown }[] = [
  { list: 'events', filter: 'inPlace', value: hostile },
  { list: 'events', filter: 'participant', value: hostile },
  { list: 'events', filter: 'types', value: 'BATTLES' },
  { list: 'events', filter: 'from', value: '2024-03-01' },
  { list: 'events', filter: 'to', value: '2024-03-31' },
  { list: 'events', filter: 'side', value: 'UKRAINE' },
  { list: 'places', filter: 'within', value: hostile },
  { list: 'places', filter: 'types', value: 'CITY' },
  { list: 'actors', filter: 'partOf', value: hostile },
  { list: 'actors', filter: 'side', value: 'RUSSIA' },
  { list: 'claims', filter: 'madeBy', value: hostile },
  { list: 'claims', filter: 'stances', value: 'ASSERTS' },
  { list: 'claims', filter: 'measures', value: hostile },
  { list: 'claims', filter: 'madeFrom', value: '2024-03-01' },
  { list: 'sources', filter: 'publisher', value: hostile },
  { list: 'sources', filter: 'publishedTo', value: '2024-03-31' },
];

describe('list filters: each adds a condition that reads its value from a parameter', () => {
  it.each(filters)('$list(filter: { $filter })', async ({ list, filter, value }) => {
    const literal = typeof value === 'string' && /^[A-Z_]+$/.test(value) ? value : JSON.stringify(value);
    const [filtered] = await statementsOf(`{ ${list}(filter: { ${filter}: ${literal} }) { totalCount } }`);
    const [unfiltered] = await statementsOf(`{ ${list} { totalCount } }`);
    expect(filtered).toBeDefined();
    const names = carriers(filtered!.parameters, value);
    expect(names, JSON.stringify(filtered!.parameters)).toHaveLength(1);
    // The condition the filter adds reads that parameter; the list without the filter does not.
    expect(filtered!.cypher).toMatch(new RegExp(`\\$${names[0]}\\b`));
    expect(unfiltered!.cypher).not.toMatch(new RegExp(`\\$${names[0]}\\b`));
    if (value === hostile) expect(filtered!.cypher).not.toContain("x'");
  });

  it('sends searched text as a parameter too', async () => {
    const [statement] = await statementsOf(`{ events(filter: { text: "Lozovaya' OR 1=1" }) { totalCount } }`);
    expect(statement!.cypher.toLowerCase()).not.toContain('lozovaya');
    expect(JSON.stringify(statement!.parameters)).toContain('lozovaya');
  });
});
