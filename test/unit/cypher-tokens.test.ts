import { describe, expect, it } from 'vitest';
import { commandOf, mergedElements, modeOf, nameOf, overwriting, quoteName, tokenize } from '../../src/cypher/statements';

const kinds = (text: string) => tokenize(text).map((token) => [token.kind, token.text]);
const mode = (text: string) => modeOf(tokenize(text));
const merged = (text: string) => mergedElements(tokenize(text));

describe('tokenize: the lexemes of a Cypher statement', () => {
  it('gives keywords, names, strings, parameters, numbers and symbols with their offsets, without blanks and comments', () => {
    const text = "MATCH (n:`Odd Label` {key: $key}) // why\nWHERE n.rank >= 1.5 /* and */ RETURN 'it\\'s'";
    expect(kinds(text)).toEqual([
      ['word', 'MATCH'], ['symbol', '('], ['word', 'n'], ['symbol', ':'], ['name', '`Odd Label`'], ['symbol', '{'],
      ['word', 'key'], ['symbol', ':'], ['parameter', '$key'], ['symbol', '}'], ['symbol', ')'],
      ['word', 'WHERE'], ['word', 'n'], ['symbol', '.'], ['word', 'rank'], ['symbol', '>'], ['symbol', '='],
      ['number', '1.5'], ['word', 'RETURN'], ['string', "'it\\'s'"],
    ]);
    for (const token of tokenize(text)) expect(text.slice(token.offset, token.offset + token.text.length)).toBe(token.text);
  });

  it('keeps keywords inside strings, quoted names and comments inside them', () => {
    expect(kinds("RETURN 'ON CREATE SET' AS `IN TRANSACTIONS`, \"MERGE (x:Y)\" // ON CREATE SET")).toEqual([
      ['word', 'RETURN'], ['string', "'ON CREATE SET'"], ['word', 'AS'], ['name', '`IN TRANSACTIONS`'], ['symbol', ','], ['string', '"MERGE (x:Y)"'],
    ]);
  });

  it('reads a range as two numbers, quoted parameters, doubled backticks, and letters of any script', () => {
    expect(kinds('[1..3] $`a b` `a``b` Город_1')).toEqual([
      ['symbol', '['], ['number', '1'], ['symbol', '.'], ['symbol', '.'], ['number', '3'], ['symbol', ']'],
      ['parameter', '$`a b`'], ['name', '`a``b`'], ['word', 'Город_1'],
    ]);
    expect(nameOf(tokenize('`a``b`')[0])).toBe('a`b');
    expect(quoteName('a`b')).toBe('`a``b`');
  });

  it('runs an unterminated string or comment to the end', () => {
    expect(kinds("RETURN 'open; MATCH")).toEqual([['word', 'RETURN'], ['string', "'open; MATCH"]]);
    expect(kinds('RETURN 1 /* open')).toEqual([['word', 'RETURN'], ['number', '1']]);
  });
});

describe('modeOf: how a statement must run', () => {
  it('knows schema statements by their first tokens, in any case and layout', () => {
    expect(mode('CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.key IS UNIQUE')).toBe('schema');
    expect(mode('// why\ncreate   fulltext\n index b FOR (n:A) ON EACH [n.name]')).toBe('schema');
    expect(mode('CREATE OR REPLACE RANGE INDEX c FOR (n:A) ON (n.x)')).toBe('schema');
    expect(mode('DROP INDEX drift_test IF EXISTS')).toBe('schema');
    expect(mode("CREATE (:Index {name: 'CONSTRAINT'})")).toBe('data');
    expect(mode('CREATE (`INDEX`:A)')).toBe('data');
  });

  it('knows IN [n CONCURRENT] TRANSACTIONS outside strings, names and comments', () => {
    expect(mode('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 100 ROWS')).toBe('implicit');
    expect(mode('UNWIND $rows AS row CALL (row) { CREATE (:A) } in 4 concurrent transactions')).toBe('implicit');
    expect(mode('UNWIND $rows AS row CALL (row) { CREATE (:A) } IN $n CONCURRENT TRANSACTIONS')).toBe('implicit');
    expect(mode("CREATE (:A {note: 'IN TRANSACTIONS'})")).toBe('data');
    expect(mode('MATCH (`IN TRANSACTIONS`) RETURN 1 // IN TRANSACTIONS')).toBe('data');
    expect(mode('MATCH (n) WHERE n.x IN [1, 2] RETURN n')).toBe('data');
  });
});

describe('commandOf: a cypher-shell command', () => {
  it('is the colon and the word after it, in lower case', () => {
    expect(commandOf(tokenize(':PARAM x => 1'))).toBe(':param');
    expect(commandOf(tokenize(':params {a: 1}'))).toBe(':params');
    expect(commandOf(tokenize(':begin'))).toBe(':begin');
  });
});

describe('mergedElements: what a seed statement MERGEs', () => {
  it('walks each MERGE pattern for node labels and relationship types', () => {
    expect(merged("UNWIND $rows AS row MERGE (p:Place {key: 'place:' + substring(row.key, 6)}) ON CREATE SET p += row")).toEqual({ labels: ['Place'], types: [] });
    expect(merged('MATCH (a {key: row.a}), (b {key: row.b}) MERGE (a)-[r:LOCATED_IN {since: row.since}]->(b) ON CREATE SET r.x = 1')).toEqual({
      labels: [],
      types: ['LOCATED_IN'],
    });
    expect(merged('MERGE p = (a:A)<-[:`ODD TYPE`]-(b:B:C) MERGE (c)-->(d:D)')).toEqual({ labels: ['A', 'B', 'C', 'D'], types: ['ODD TYPE'] });
  });

  it('ignores labels and MERGE in strings, maps and comments', () => {
    expect(merged("// MERGE (x:Comment)\nMERGE (n:Real {note: 'MERGE (y:InString)', at: point({x: 1})}) SET n.a = 1")).toEqual({ labels: ['Real'], types: [] });
    expect(merged("MATCH (n:NotMerged) SET n.note = 'MERGE (z:Nope)'")).toEqual({ labels: [], types: [] });
  });
});

describe('overwriting: the ON CREATE SET of a seed statement run as SET', () => {
  it('rewrites the clause and only the clause, in any case and layout', () => {
    expect(overwriting('MERGE (n:A {key: 1})\n  on create\n  set n.x = 1')).toBe('MERGE (n:A {key: 1})\n  SET n.x = 1');
    expect(overwriting('MERGE (n:A {key: 1}) ON CREATE SET n.x = 1 ON MATCH SET n.y = 2')).toBe('MERGE (n:A {key: 1}) SET n.x = 1 ON MATCH SET n.y = 2');
  });

  it('never touches ON CREATE SET inside a string, a quoted name or a comment', () => {
    const text = "MERGE (n:A {key: 1}) // ON CREATE SET\nON CREATE SET n.note = 'say ON CREATE SET here', n.`ON CREATE SET` = \"on create set\"";
    expect(overwriting(text)).toBe(
      "MERGE (n:A {key: 1}) // ON CREATE SET\nSET n.note = 'say ON CREATE SET here', n.`ON CREATE SET` = \"on create set\"",
    );
    expect(overwriting("CREATE (:A {note: 'ON CREATE SET'})")).toBe("CREATE (:A {note: 'ON CREATE SET'})");
  });
});
