import { describe, expect, it } from 'vitest';
import { batchedRead, nestedCypher, type NestedRead } from '../../src/read/compose';
import { hop, relation, wholeItems } from '../../src/read/relation';

const parents = hop({ tag: 'unit.parents', from: 'Unit', type: 'PART_OF', direction: 'out', to: 'Actor', order: ['r.from', 'item.key'], relatedAt: 'actor' });
const claimsMade = (includeDeprecated: boolean) =>
  hop({ tag: 'actor.claims-made', from: 'Actor', type: 'MADE_BY', direction: 'in', to: 'Claim', order: ['item.madeAt', 'item.key'], claims: { includeDeprecated } });
const names = relation({
  tag: 'place.names',
  from: 'Place',
  match: (scope, start) => `MATCH (${start})-[:HAS_NAME]->(name:PlaceName) WHERE ${scope.knownAsOf('name')}`,
  value: () => 'properties(name)',
  order: 'name.key',
  nesting: { selection: wholeItems },
  map: (value) => value,
  parameters: {},
});

const read = (responseKey: string, declaration: NestedRead['relation'], nested: NestedRead[] = [], first = 10): NestedRead => ({
  responseKey,
  relation: { ...declaration, parameters: { ...declaration.parameters, first } },
  asOf: null,
  selected: { entity: ['key', 'name'], relation: ['from'] },
  nested,
});

/** Whitespace folded, so the assertions read like the Cypher. */
const folded = (cypher: string) => cypher.replace(/\s+/g, ' ').trim();

describe('relation reads composed from declarations', () => {
  it('reads a hop for many keys, limited per key, with the parameters under their own names', () => {
    const { cypher, parameters } = batchedRead(read('parents', parents, [], 3));
    expect(folded(cypher)).toBe(
      folded(`UNWIND $keys AS key
        CALL (key) {
          MATCH (n:Unit {key: key})
          MATCH (n)-[r:PART_OF]->(item:Actor)
          WITH [[labels(item), [name IN $properties | item[name]], [name IN $relationProperties | r[name]]], []] AS value ORDER BY r.from, item.key LIMIT $first
          RETURN value
        }
        RETURN key, value`),
    );
    expect(parameters).toEqual({ first: 3, asOf: null, properties: ['key', 'name'], relationProperties: ['from'] });
  });

  it('checks record times only in a read that has one', () => {
    const asOf = '2026-11-25T00:00:00Z';
    const then = batchedRead({ ...read('parents', parents, [], 3), asOf }).cypher;
    expect(folded(then)).toContain('MATCH (n)-[r:PART_OF]->(item:Actor) WHERE ($asOf IS NULL OR (item.recordedAt <= datetime($asOf) AND r.recordedAt <= datetime($asOf)))');
    const claims = (at: string | null) => folded(nestedCypher('n', [{ ...read('claimsMade', claimsMade(false)), asOf: at }], 'n').subqueries);
    expect(claims(asOf)).toContain('($n0_asOf IS NOT NULL AND item.rankedAt > datetime($n0_asOf))');
    // The request's perspective (one parameter for every depth) follows the rank.
    expect(claims(null)).toContain("WHERE ($n0_includeDeprecated OR coalesce(item.rank, 'NORMAL') <> 'DEPRECATED') AND ($perspective IS NULL OR EXISTS {");
    expect(claims(null)).not.toContain('asOf');
  });

  it('gives each nested level a scope of its own, so two levels never share a parameter', () => {
    const inner = read('claimsMade', claimsMade(true), [read('names', names, [], 2)], 5);
    const { subqueries, columns, parameters } = nestedCypher('n', [read('parents', parents, [], 4), inner], 'n');
    expect(columns).toEqual(['n0_rows', 'n1_rows']);
    // The second read's items are claims: their visibility uses its own includeDeprecated.
    expect(folded(subqueries)).toContain('WITH *, n AS n1_node CALL (n1_node) { MATCH (n1_node)<-[r:MADE_BY]-(item:Claim) WHERE ($n1_includeDeprecated OR');
    // Limited before the relations below are read, so they are read for 5 claims, not for all.
    expect(folded(subqueries)).toContain('WITH * ORDER BY item.madeAt, item.key LIMIT $n1_first WITH *, item AS n1_0_node');
    expect(folded(subqueries)).toContain('WITH [[labels(item), [name IN $n1_properties | item[name]]], [n1_0_rows]] AS value ORDER BY item.madeAt, item.key RETURN collect(value) AS n1_rows');
    // Below it, the names of each claim start from the claim, as a third level.
    expect(folded(subqueries)).toContain('WITH *, item AS n1_0_node CALL (n1_0_node) { MATCH (n1_0_node)-[:HAS_NAME]->(name:PlaceName) WHERE true');
    expect(folded(subqueries)).toContain('ORDER BY name.key LIMIT $n1_0_first RETURN collect(value) AS n1_0_rows');
    expect(parameters).toMatchObject({ n0_first: 4, n1_first: 5, n1_0_first: 2, n1_includeDeprecated: true });
    expect(Object.keys(parameters).filter((name) => !/^n(0|1|1_0)_(first|asOf|properties|relationProperties|includeDeprecated)$/.test(name))).toEqual([]);
  });

  it('starts a relation of any entity from the key lookup of every label', () => {
    const history = relation({
      tag: 'entity.history',
      from: 'Entity',
      match: (_scope, start) => `MATCH (${start})<-[:REVISES]-(revision:Revision)`,
      value: () => 'properties(revision)',
      order: null,
      nesting: { selection: wholeItems },
      map: (value) => value,
      parameters: {},
    });
    const { cypher } = batchedRead(read('history', history));
    // Each label's seek only for a key of its prefixes; the Redirect's only for a key none found.
    expect(folded(cypher)).toContain(
      "UNWIND CASE WHEN key STARTS WITH 'unit:' OR key STARTS WITH 'person:' OR key STARTS WITH 'org:' THEN [key] ELSE [] END AS labelled MATCH (found:Actor {key: labelled}) RETURN found",
    );
    expect(folded(cypher)).toContain('UNWIND CASE WHEN found IS NULL THEN [key] ELSE [] END AS retired MATCH (:Redirect {key: retired})-[:REDIRECTS_TO]->(n) RETURN n');
    expect(folded(cypher)).not.toContain('ORDER BY');
  });

  it('reads entities as of a record time only in a read that has one: their values from the revision of the first later update', () => {
    const asOfRead = { ...read('parents', parents), asOf: '2026-11-25T00:00:00Z' };
    const { subqueries } = nestedCypher('n', [asOfRead], 'n');
    expect(folded(subqueries)).toContain(
      folded(`[name IN $n0_properties | head(COLLECT { MATCH (item)<-[:REVISES]-(laterRevision:Revision)
        WHERE laterRevision.keepsBefore AND laterRevision.at > datetime($n0_asOf) AND name IN laterRevision.changed
        RETURN [laterRevision['before_' + name]] AS before ORDER BY laterRevision.at LIMIT 1 } + [[item[name]]])[0]]`),
    );
    expect(batchedRead(asOfRead).cypher).toContain('datetime($asOf) AND name IN laterRevision.changed');
  });

  it('refuses to nest below items that are no entities', () => {
    expect(() => nestedCypher(null, [read('parents', parents)], 'n')).toThrow('Relations nest only below an entity');
  });
});
