import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyScripts, cypherDir, loadScripts } from '../src/cypher/runner';
import { toPlain } from '../src/db/values';
import { projectRoot } from '../src/project-root';
import { createTestService } from './support/service';

// The graph model (docs/model.md) and the seed (cypher/seed) checked against the database the
// global setup prepared, through the project's own gateway and script runner.

const ARTICLE_KEY = 'source:article:000-1b3165c116f10b7f';
const SEED_FILE = 'seeds/000_1b3165c116f10b7f.txt';

function readArticle(): string {
  const candidates = [
    ...(process.env.SHARED_DIR ? [path.resolve(process.env.SHARED_DIR, SEED_FILE)] : []),
    path.resolve(projectRoot, '../shared', SEED_FILE),
  ];
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`The seed article was not found at: ${candidates.join(', ')}`);
  return readFileSync(found, 'utf8');
}

describe('the graph model and the seed article', () => {
  const service = createTestService();
  const read = <T extends Record<string, unknown>>(cypher: string, parameters: Record<string, unknown> = {}) =>
    service.gateway.read<T>('test.model', cypher, parameters);
  const article = readArticle();
  const doc = readFileSync(path.join(projectRoot, 'docs/model.md'), 'utf8');

  afterAll(async () => {
    await service.close();
  });

  describe('entities of the article', () => {
    const expected: Record<string, string[]> = {
      Unit: [
        'unit:freedom-of-russia-legion',
        'unit:siberian-battalion',
        'unit:russian-volunteer-corps',
        'unit:armed-forces-of-ukraine',
        'unit:russian-armed-forces',
      ],
      Person: ['person:volodymyr-zelensky', 'person:roman-starovoit', 'person:vladimir-putin'],
      Organization: [
        'org:ukraine',
        'org:russia',
        'org:bfmtv',
        'org:le-monde',
        'org:publisher-unknown-000-1b3165c116f10b7f',
      ],
      Place: [
        'place:ru',
        'place:ua',
        'place:ru:kursk-oblast',
        'place:ru:belgorod-oblast',
        'place:ru:grayvoronsky-district',
        'place:ru:lozovaya-rudka',
        'place:ua:donetsk-oblast',
        'place:ua:pokrovsk-raion',
        'place:ua:avdiivka',
        'place:ua:lyman',
      ],
      Event: [
        'event:2024-03-kursk-raid',
        'event:2023-05-belgorod-raid',
        'event:2024-02-17-avdiivka-withdrawal',
        'event:2024-03-russian-presidential-election',
        'event:2022-10-lyman-recapture',
      ],
      Source: [
        ARTICLE_KEY,
        'source:telegram:siberian-battalion-2024-03-boycott',
        'source:statement:freedom-of-russia-legion-2024-03',
        'source:telegram:russian-freedom-battalion-2024-03',
        'source:statement:kursk-governor-2024-03',
        'source:interview:bfmtv-zelensky-2024-03-11',
        'source:article:see-also-lyman',
        'source:ref:analyst-background',
      ],
      Claim: [
        'claim:article:offensive-underway-in-kursk-region',
        'claim:article:only-losovaya-rudka-under-their-control',
        'claim:governor-kursk:confirmed-attack',
        'claim:governor-kursk:one-slightly-injured',
        'claim:governor-kursk:denied-turning-point',
        'claim:siberian-battalion:soldiers-in-russia',
        'claim:siberian-battalion:calls-for-election-boycott',
        'claim:siberian-battalion:ballots-fictitious',
        'claim:siberian-battalion:only-guns-can-change-your-life',
        'claim:article:election-begins-next-friday',
        'claim:legion:dream-of-russia-free-from-putin',
        'claim:ambiguous:take-back-our-land',
        'claim:article:ukrainian-army-abandoned-avdiivka',
        'claim:zelensky:situation-much-better',
        'claim:article:first-attack-belgorod-may-2023',
      ],
    };

    it.each(Object.entries(expected))('has every %s the article names or implies', async (label, keys) => {
      const rows = await read<{ key: string }>(`MATCH (n:${label}) WHERE n.key IN $keys RETURN n.key AS key`, { keys });
      expect(rows.map((row) => row.key).sort()).toEqual([...keys].sort());
    });

    it('labels every Unit, Person and Organization also as Actor', async () => {
      const [row] = await read<{ missing: number }>(
        'MATCH (n) WHERE (n:Unit OR n:Person OR n:Organization) AND NOT n:Actor RETURN count(n) AS missing',
      );
      expect(row!.missing).toBe(0);
    });

    it('gives every seeded node a key, a DATETIME recordedAt and recordedBy', async () => {
      const rows = await read<{ key: string | null; recordedAtType: string; recordedBy: string | null }>(
        `MATCH (n) WHERE n:Actor OR n:Place OR n:PlaceName OR n:Event OR n:Claim OR n:Source
         RETURN n.key AS key, valueType(n.recordedAt) AS recordedAtType, n.recordedBy AS recordedBy`,
      );
      expect(rows.length).toBeGreaterThan(50);
      for (const row of rows) {
        expect(row.key, JSON.stringify(row)).toMatch(/^[a-z]+:/);
        expect(row.recordedAtType).toMatch(/^ZONED DATETIME/);
        expect(row.recordedBy).toBeTruthy();
      }
    });

    it('keeps the garbled unit names as aliases of the real formations', async () => {
      const [legion] = await read<{ aliases: string[]; uncertain: string[] }>(
        `MATCH (u:Unit {key: 'unit:freedom-of-russia-legion'})
         RETURN u.aliases AS aliases, u.uncertainAliases AS uncertain`,
      );
      expect(legion!.aliases).toEqual(expect.arrayContaining(['Freedom Army for Russia', 'Russia Legion for Freedom']));
      expect(legion!.uncertain).toContain('Russian Freedom Battalion');
      for (const alias of ['Freedom Army for Russia', 'Russia Legion for Freedom', 'Russian Freedom Battalion']) {
        expect(article).toContain(alias);
      }
    });

    it('leaves the article URL unknown and dates the article to some day of 12 to 14 March 2024', async () => {
      const [source] = await read<{ url: string | null; publishedAt: string; precision: string; derivation: string }>(
        `MATCH (s:Source {key: $key})
         RETURN s.url AS url, toString(s.publishedAt) AS publishedAt, s.publishedAtPrecision AS precision,
                s.dateDerivation AS derivation`,
        { key: ARTICLE_KEY },
      );
      expect(source).toEqual({
        url: null,
        publishedAt: '2024-03-12',
        precision: 'RANGE',
        derivation: expect.stringContaining('next Friday'),
      });
    });
  });

  describe('claims', () => {
    it('links every claim to at least one maker, one subject and one source', async () => {
      // The seed's claims: other test files write claims of their own meanwhile, some one link at a time.
      const rows = await read<{ key: string; makers: number; about: number; sources: number }>(
        `MATCH (c:Claim) WHERE c.recordedBy STARTS WITH 'seed:'
         RETURN c.key AS key, COUNT { (c)-[:MADE_BY]->(:Actor) } AS makers, COUNT { (c)-[:ABOUT]->() } AS about,
                COUNT { (c)-[:STATED_IN]->(:Source) } AS sources`,
      );
      expect(rows.length).toBeGreaterThanOrEqual(20);
      for (const row of rows) {
        expect(row.makers, row.key).toBeGreaterThanOrEqual(1);
        expect(row.about, row.key).toBeGreaterThanOrEqual(1);
        expect(row.sources, row.key).toBeGreaterThanOrEqual(1);
      }
    });

    it('quotes the article exactly: every quote on STATED_IN to the article is a substring of it', async () => {
      const rows = await read<{ key: string; text: string; quote: string | null; first: boolean }>(
        `MATCH (c:Claim)-[s:STATED_IN]->(:Source {key: $key})
         RETURN c.key AS key, c.text AS text, s.quote AS quote, s.first AS first`,
        { key: ARTICLE_KEY },
      );
      expect(rows.length).toBeGreaterThanOrEqual(20);
      for (const row of rows) {
        expect(row.quote, row.key).toBeTruthy();
        expect(article.includes(row.quote!), `${row.key}: ${row.quote}`).toBe(true);
        expect(row.text, row.key).toBe(row.quote);
        expect(typeof row.first, row.key).toBe('boolean');
      }
    });

    it('keeps the governor\'s garbled denial verbatim, as a denial by the governor of Kursk region', async () => {
      const [row] = await read<{ text: string; stance: string; garbled: boolean; maker: string; asWritten: string; via: string }>(
        `MATCH (c:Claim {key: 'claim:governor-kursk:denied-turning-point'})-[m:MADE_BY]->(p:Person)
         RETURN c.text AS text, c.stance AS stance, c.garbled AS garbled, p.key AS maker,
                m.asWritten AS asWritten, m.identifiedViaSourceKey AS via`,
      );
      expect(row).toEqual({
        text: 'denied anything “turning point” attackers',
        stance: 'DENIES',
        garbled: true,
        maker: 'person:roman-starovoit',
        asWritten: 'The Russian governor of the region',
        via: 'source:ref:analyst-background',
      });
      expect(article).toContain(row!.text);
    });

    it('attributes the "take back our land" quote to both candidate makers, as ambiguous', async () => {
      const rows = await read<{ maker: string; attribution: string; asWritten: string; ambiguous: boolean }>(
        `MATCH (c:Claim {key: 'claim:ambiguous:take-back-our-land'})-[m:MADE_BY]->(a:Actor)
         RETURN a.key AS maker, m.attribution AS attribution, m.asWritten AS asWritten,
                c.attributionAmbiguous AS ambiguous
         ORDER BY maker`,
      );
      expect(rows).toEqual([
        { maker: 'unit:freedom-of-russia-legion', attribution: 'AMBIGUOUS', asWritten: 'Russia Legion for Freedom', ambiguous: true },
        { maker: 'unit:siberian-battalion', attribution: 'AMBIGUOUS', asWritten: 'Russian Freedom Battalion', ambiguous: true },
      ]);
      for (const row of rows) expect(article).toContain(row.asWritten);
    });

    it('records that "their" in "remains under their control" is ambiguous', async () => {
      const [row] = await read<{ ambiguity: string; candidates: string[]; place: string }>(
        `MATCH (c:Claim {key: 'claim:article:only-losovaya-rudka-under-their-control'})
         MATCH (c)-[:ABOUT {role: 'PLACE'}]->(p:Place)
         RETURN c.ambiguity AS ambiguity, p.key AS place,
                COLLECT { MATCH (c)-[:ABOUT {role: 'CONTROLLER_CANDIDATE'}]->(a:Actor) RETURN a.key ORDER BY a.key } AS candidates`,
      );
      expect(row!.place).toBe('place:ru:lozovaya-rudka');
      expect(row!.ambiguity).toContain('"their"');
      expect(row!.candidates).toEqual(['unit:freedom-of-russia-legion', 'unit:russian-armed-forces', 'unit:siberian-battalion']);
    });

    it('dates Zelensky\'s BFMTV claim to Monday 11 March 2024 and links it to the interview', async () => {
      const [row] = await read<{ madeAt: string; precision: string; maker: string; sources: string[] }>(
        `MATCH (c:Claim {key: 'claim:zelensky:situation-much-better'})-[:MADE_BY]->(p:Person)
         RETURN toString(c.madeAt) AS madeAt, c.madeAtPrecision AS precision, p.key AS maker,
                COLLECT { MATCH (c)-[:STATED_IN]->(s:Source) RETURN s.key ORDER BY s.key } AS sources`,
      );
      expect(row).toEqual({
        madeAt: '2024-03-11',
        precision: 'DAY',
        maker: 'person:volodymyr-zelensky',
        sources: [ARTICLE_KEY, 'source:interview:bfmtv-zelensky-2024-03-11'],
      });
    });

    it('makes disagreements and support visible', async () => {
      const contradicts = await read<{ from: string; to: string }>(
        'MATCH (a:Claim)-[:CONTRADICTS]->(b:Claim) RETURN a.key AS from, b.key AS to',
      );
      expect(contradicts).toContainEqual({
        from: 'claim:governor-kursk:denied-turning-point',
        to: 'claim:article:only-losovaya-rudka-under-their-control',
      });
      const supports = await read<{ from: string; to: string }>(
        'MATCH (a:Claim)-[:SUPPORTS]->(b:Claim) RETURN a.key AS from, b.key AS to',
      );
      expect(supports).toContainEqual({
        from: 'claim:governor-kursk:confirmed-attack',
        to: 'claim:article:offensive-underway-in-kursk-region',
      });
    });
  });

  describe('places', () => {
    it.each(['Lozovaya Rudka', 'Losovaya Rudka', 'Lozova Rudka', 'Лозовая Рудка', 'лозова рудка', 'LOZOVAJA RUDKA'])(
      'finds the village under "%s" in the full-text index',
      async (spelling) => {
        const rows = await read<{ key: string }>(
          `CALL db.index.fulltext.queryNodes('place_names_fulltext', $query) YIELD node
           RETURN node.key AS key LIMIT 1`,
          { query: `"${spelling}"` },
        );
        expect(rows.map((row) => row.key)).toEqual(['place:ru:lozovaya-rudka']);
      },
    );

    it('finds the village\'s PlaceName records too, each with its language and script', async () => {
      const rows = await read<{ value: string; language: string; script: string; kind: string }>(
        `CALL db.index.fulltext.queryNodes('place_name_value_fulltext', '"Rudka" OR "Рудка"') YIELD node
         MATCH (:Place {key: 'place:ru:lozovaya-rudka'})-[:HAS_NAME]->(node)
         RETURN node.value AS value, node.language AS language, node.script AS script, node.kind AS kind`,
      );
      expect(rows.map((row) => row.value).sort()).toEqual(
        ['Lozova Rudka', 'Lozovaja Rudka', 'Lozovaya Rudka', 'Losovaya Rudka', 'Лозова Рудка', 'Лозовая Рудка'].sort(),
      );
      expect(rows.find((row) => row.value === 'Losovaya Rudka')).toMatchObject({ kind: 'AS_WRITTEN', language: 'en' });
      expect(rows.find((row) => row.value === 'Лозовая Рудка')).toMatchObject({ script: 'Cyrl', language: 'ru' });
    });

    it('places the village in district -> region -> country, each step with its source', async () => {
      const rows = await read<{ chain: string[]; types: string[]; sources: string[] }>(
        `MATCH path = (v:Place {key: 'place:ru:lozovaya-rudka'})-[:LOCATED_IN*]->(c:Place {type: 'COUNTRY'})
         RETURN [p IN nodes(path) | p.key] AS chain, [p IN nodes(path) | p.type] AS types,
                [r IN relationships(path) | r.basisSourceKey] AS sources`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]!.chain).toEqual([
        'place:ru:lozovaya-rudka',
        'place:ru:grayvoronsky-district',
        'place:ru:belgorod-oblast',
        'place:ru',
      ]);
      expect(rows[0]!.types).toEqual(['VILLAGE', 'DISTRICT', 'REGION', 'COUNTRY']);
      expect(rows[0]!.sources.every((key) => key && key !== ARTICLE_KEY)).toBe(true);
    });

    it('stores WGS-84 points and says how precise the village\'s point is', async () => {
      const [row] = await read<{ srid: number; precision: string; source: string }>(
        `MATCH (p:Place {key: 'place:ru:lozovaya-rudka'})
         RETURN p.location.srid AS srid, p.locationPrecision AS precision, p.locationSourceKey AS source`,
      );
      expect(row).toEqual({ srid: 4326, precision: 'DISTRICT_CENTRE_PROXY', source: 'source:ref:analyst-background' });
      const near = await read<{ key: string }>(
        `MATCH (p:Place)
         WHERE point.distance(p.location, point({latitude: 50.6, longitude: 36.6})) < 100000
         RETURN p.key AS key`,
      );
      expect(near.map((r) => r.key)).toEqual(expect.arrayContaining(['place:ru:belgorod-oblast', 'place:ru:lozovaya-rudka']));
    });
  });

  describe('provenance of background facts', () => {
    it('resolves every basisSourceKey and *SourceKey to a Source node', async () => {
      const rows = await read<{ owner: string; property: string; key: string; found: boolean }>(
        `CALL () {
           MATCH (n) WHERE NOT n:CypherScript
           UNWIND keys(n) AS property
           WITH n, property WHERE property ENDS WITH 'SourceKey'
           RETURN coalesce(n.key, '?') AS owner, property, n[property] AS key
           UNION ALL
           MATCH (a)-[r]->()
           UNWIND keys(r) AS property
           WITH a, r, property WHERE property ENDS WITH 'SourceKey'
           RETURN a.key + ' -' + type(r) + '->' AS owner, property, r[property] AS key
         }
         RETURN owner, property, key, EXISTS { MATCH (:Source {key: key}) } AS found`,
      );
      expect(rows.length).toBeGreaterThan(100);
      expect(rows.filter((row) => !row.found)).toEqual([]);
    });

    it('gives every fact-stating relationship a basisSourceKey', async () => {
      const rows = await read<{ type: string; missing: number }>(
        `MATCH ()-[r:LOCATED_IN|HOLDS_POSITION|OCCURRED_AT|PARTICIPATED_IN|ALIGNED_WITH|PART_OF|PUBLISHED_BY]->()
         WHERE r.basisSourceKey IS NULL
         RETURN type(r) AS type, count(*) AS missing`,
      );
      expect(rows).toEqual([]);
    });
  });

  describe('idempotence', () => {
    const census = async () => {
      const labels = await read<{ label: string; n: number }>(
        'MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label',
      );
      const types = await read<{ type: string; n: number }>(
        'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type',
      );
      const nodes = await read<{ key: string; properties: unknown }>(
        `MATCH (n) WHERE n.recordedBy STARTS WITH 'seed:'
         RETURN n.key AS key, properties(n) AS properties ORDER BY key`,
      );
      const relationships = await read<{ from: string; type: string; to: string; properties: unknown }>(
        `MATCH (a)-[r]->(b) WHERE r.recordedBy STARTS WITH 'seed:'
         RETURN a.key AS from, type(r) AS type, b.key AS to, properties(r) AS properties
         ORDER BY from, type, to, r.title`,
      );
      return toPlain({ labels, types, nodes, relationships });
    };

    let before: unknown;
    beforeAll(async () => {
      before = await census();
    });

    it('running schema and seed again leaves counts and properties identical', async () => {
      const scripts = loadScripts([path.join(cypherDir, 'schema'), path.join(cypherDir, 'seed')]);
      expect(scripts.filter((script) => script.kind === 'data').length).toBeGreaterThanOrEqual(5);
      const outcomes = await applyScripts(service.gateway, scripts, { force: true });
      expect(outcomes.every((outcome) => outcome.status === 'applied')).toBe(true);
      const after = await census();
      expect(after).toEqual(before);
    });
  });

  describe('docs/model.md', () => {
    const mentioned = (name: string) => doc.includes(name);

    it('names every label in the database', async () => {
      const rows = await read<{ label: string }>('MATCH (n) UNWIND labels(n) AS label RETURN DISTINCT label');
      expect(rows.length).toBeGreaterThanOrEqual(9);
      expect(rows.map((row) => row.label).filter((label) => !mentioned(label))).toEqual([]);
    });

    it('names every relationship type in the database', async () => {
      const rows = await read<{ type: string }>('MATCH ()-[r]->() RETURN DISTINCT type(r) AS type');
      expect(rows.length).toBeGreaterThanOrEqual(15);
      expect(rows.map((row) => row.type).filter((type) => !mentioned(`\`${type}\``))).toEqual([]);
    });

    it('names every constraint and index in the database', async () => {
      const constraints = await read<{ name: string }>('SHOW CONSTRAINTS YIELD name RETURN name');
      expect(constraints.length).toBeGreaterThanOrEqual(9);
      expect(constraints.map((row) => row.name).filter((name) => !mentioned(`\`${name}\``))).toEqual([]);
      const indexes = await read<{ name: string }>(
        "SHOW INDEXES YIELD name, type, owningConstraint WHERE type <> 'LOOKUP' AND owningConstraint IS NULL RETURN name",
      );
      expect(indexes.length).toBeGreaterThanOrEqual(20);
      expect(indexes.map((row) => row.name).filter((name) => !mentioned(`\`${name}\``))).toEqual([]);
    });

    it('documents every enumeration value the seed uses', async () => {
      const rows = await read<{ value: string }>(
        `CALL () {
           MATCH (c:Claim) UNWIND [c.type, c.stance, c.basis, c.rank, c.rankReason] AS value RETURN value
           UNION
           MATCH (s:Source) UNWIND [s.kind, s.reliability, s.translation, s.publishedAtPrecision] AS value RETURN value
           UNION
           MATCH (e:Event) UNWIND [e.category, e.type, e.subType, e.startDatePrecision, e.endDatePrecision] AS value RETURN value
           UNION
           MATCH (p:Place) UNWIND [p.type, p.locationPrecision] AS value RETURN value
           UNION
           MATCH (n:PlaceName) UNWIND [n.kind, n.scheme] AS value RETURN value
           UNION
           MATCH (u:Unit) RETURN u.side AS value
           UNION
           MATCH (o:Organization) RETURN o.type AS value
           UNION
           MATCH ()-[r:OCCURRED_AT]->() RETURN r.precision AS value
           UNION
           MATCH ()-[r:PARTICIPATED_IN]->() UNWIND [r.role, r.acledActor, r.ploverRole] AS value RETURN value
           UNION
           MATCH ()-[r:MADE_BY|PUBLISHED_BY]->() RETURN r.attribution AS value
           UNION
           MATCH ()-[r:ABOUT]->() RETURN r.role AS value
           UNION
           MATCH ()-[r:LOCATED_IN|HOLDS_POSITION]->() RETURN r.confidence AS value
           UNION
           MATCH ()-[r:SUPPORTS|CONTRADICTS]->() RETURN r.assessedBy AS value
         }
         WITH value WHERE value IS NOT NULL
         RETURN DISTINCT value`,
      );
      expect(rows.length).toBeGreaterThan(40);
      expect(rows.map((row) => row.value).filter((value) => !mentioned(`\`${value}\``))).toEqual([]);
    });
  });
});
