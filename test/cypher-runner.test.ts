import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { applyScripts, CypherScriptError, loadScripts } from '../src/cypher/runner';
import { splitStatements } from '../src/cypher/statements';
import { createTestService } from './support/service';

describe('splitting scripts into statements', () => {
  it('splits on semicolons outside strings, quoted names and comments, and keeps line numbers', () => {
    const script = [
      '// a comment; with a semicolon',
      "CREATE (:A {text: 'one; two', other: \"it\\'s; fine\"});",
      '/* block; comment */',
      'MATCH (`odd;name`) RETURN 1;',
      '',
      'RETURN 2',
    ].join('\n');
    expect(splitStatements(script)).toEqual([
      {
        text: "// a comment; with a semicolon\nCREATE (:A {text: 'one; two', other: \"it\\'s; fine\"})",
        line: 2,
        normalized: "CREATE (:A {text: 'one; two', other: \"it\\'s; fine\"})",
      },
      { text: '/* block; comment */\nMATCH (`odd;name`) RETURN 1', line: 4, normalized: 'MATCH (`odd;name`) RETURN 1' },
      { text: 'RETURN 2', line: 6, normalized: 'RETURN 2' },
    ]);
  });

  it('reads cypher-shell commands as one line each, and normalises blanks and comments away', () => {
    const script = "// set up\n:param name => 'a; b'\n:begin\nMATCH (n)   // where\n  WHERE n.name = $name\nRETURN n;\n:commit\n";
    expect(splitStatements(script)).toEqual([
      { text: ":param name => 'a; b'", line: 2, normalized: ":param name => 'a; b'", command: true },
      { text: ':begin', line: 3, normalized: ':begin', command: true },
      { text: 'MATCH (n)   // where\n  WHERE n.name = $name\nRETURN n', line: 4, normalized: 'MATCH (n) WHERE n.name = $name RETURN n' },
      { text: ':commit', line: 7, normalized: ':commit', command: true },
    ]);
  });

  it('drops statements that are only comments', () => {
    expect(splitStatements('// nothing here;\n/* nor here */;\n')).toEqual([]);
  });
});

describe('applying scripts', () => {
  const service = createTestService();
  const folder = mkdtempSync(path.join(tmpdir(), 'cypher-runner-'));
  const schemaFolder = path.join(folder, 'schema');
  const dataFolder = path.join(folder, 'data');
  mkdirSync(schemaFolder);
  mkdirSync(dataFolder);
  const log: string[] = [];
  const count = async (label: string) =>
    (await service.gateway.read<{ n: number }>('test.count', `MATCH (n:${label}) RETURN count(n) AS n`))[0]!.n;

  beforeEach(async () => {
    log.length = 0;
    await service.gateway.write('test.cleanup', 'MATCH (n:RunnerTest) DETACH DELETE n');
    await service.gateway.write('test.cleanup', 'MATCH (s:CypherScript) WHERE s.name STARTS WITH $folder DELETE s', { folder });
  });

  afterAll(async () => {
    await service.gateway.write('test.cleanup', 'MATCH (n:RunnerTest) DETACH DELETE n');
    await service.gateway.write('test.cleanup', 'MATCH (s:CypherScript) WHERE s.name STARTS WITH $folder DELETE s', { folder });
    await service.gateway.write('test.cleanup', 'DROP CONSTRAINT runner_test_key IF EXISTS');
    rmSync(folder, { recursive: true, force: true });
    await service.close();
  });

  it('applies schema before data, records checksums, and skips unchanged scripts', async () => {
    writeFileSync(
      path.join(schemaFolder, '001.cypher'),
      'CREATE CONSTRAINT runner_test_key IF NOT EXISTS FOR (n:RunnerTest) REQUIRE n.key IS UNIQUE;',
    );
    writeFileSync(path.join(dataFolder, '001.cypher'), "MERGE (:RunnerTest {key: 'a'});\nMERGE (:RunnerTest {key: 'b'});");
    const scripts = loadScripts([dataFolder, schemaFolder]);
    expect(scripts.map((script) => [path.basename(path.dirname(script.name)), script.kind])).toEqual([
      ['schema', 'schema'],
      ['data', 'data'],
    ]);

    const first = await applyScripts(service.gateway, scripts, { log: (line) => log.push(line) });
    expect(first.map((outcome) => outcome.status)).toEqual(['applied', 'applied']);
    expect(first[1]?.updates.nodesCreated).toBe(2);
    expect(log[1]).toMatch(/data\/001\.cypher: applied 2 statements in \d+ ms \(.*nodesCreated 2/);
    expect(await count('RunnerTest')).toBe(2);

    const second = await applyScripts(service.gateway, loadScripts([folder]));
    expect(second.map((outcome) => outcome.status)).toEqual(['unchanged', 'unchanged']);

    const forced = await applyScripts(service.gateway, loadScripts([folder]), { force: true });
    expect(forced.map((outcome) => outcome.status)).toEqual(['applied', 'applied']);
    expect(await count('RunnerTest')).toBe(2);
  });

  it('refuses a schema script that changed since it was applied, unless allowed; comments and blanks are no change', async () => {
    const file = path.join(schemaFolder, '001.cypher');
    writeFileSync(file, 'CREATE CONSTRAINT runner_test_key IF NOT EXISTS FOR (n:RunnerTest) REQUIRE n.key IS UNIQUE;');
    await applyScripts(service.gateway, loadScripts([file]));
    writeFileSync(file, '// edited\nCREATE CONSTRAINT runner_test_key IF NOT EXISTS\n  FOR (n:RunnerTest) REQUIRE n.key IS UNIQUE; // why');
    expect((await applyScripts(service.gateway, loadScripts([file])))[0]?.status).toBe('unchanged');
    writeFileSync(file, 'CREATE CONSTRAINT runner_test_key IF NOT EXISTS FOR (n:RunnerTest) REQUIRE n.name IS UNIQUE;');
    await expect(applyScripts(service.gateway, loadScripts([file]))).rejects.toThrow(/changed since they were applied/);
    const allowed = await applyScripts(service.gateway, loadScripts([file]), { allowChangedSchema: true });
    expect(allowed[0]?.status).toBe('applied');
  });

  it('compares a seed with the graph without rewriting an ON CREATE SET inside a string, with :param values', async () => {
    const file = path.join(dataFolder, '003.cypher');
    writeFileSync(
      file,
      [
        ":param `rank` => 'NORMAL'",
        ":params {label: 'first'}",
        "MERGE (n:RunnerTest {key: 'q'})",
        "  ON CREATE SET n.note = 'seeded with ON CREATE SET, kept', n.rank = $rank, n.label = $label;",
      ].join('\n'),
    );
    expect((await applyScripts(service.gateway, loadScripts([file])))[0]?.differences).toEqual([]);
    await service.gateway.write('test.edit', "MATCH (n:RunnerTest {key: 'q'}) SET n.note = 'edited', n.rank = 'DEPRECATED'");

    const [outcome] = await applyScripts(service.gateway, loadScripts([file]), { force: true });
    const differences = outcome!.differences.map(({ key, property, seed, graph }) => ({ key, property, seed, graph }));
    expect(differences).toEqual(
      expect.arrayContaining([
        { key: 'q', property: 'note', seed: 'seeded with ON CREATE SET, kept', graph: 'edited' },
        { key: 'q', property: 'rank', seed: 'NORMAL', graph: 'DEPRECATED' },
      ]),
    );
    expect(differences).toHaveLength(2);
    const [node] = await service.gateway.read<{ note: string }>('test.note', "MATCH (n:RunnerTest {key: 'q'}) RETURN n.note AS note");
    expect(node?.note).toBe('edited');
  });

  it('reports the file and line of a failing statement and applies nothing of that script', async () => {
    const file = path.join(dataFolder, '002.cypher');
    writeFileSync(file, "MERGE (:RunnerTest {key: 'c'});\n\n// next one fails\nRETURN 1 / 0;\n");
    const attempt = applyScripts(service.gateway, loadScripts([file]));
    await expect(attempt).rejects.toThrow(CypherScriptError);
    await expect(attempt).rejects.toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:4: .*/ by zero`));
    expect(await count('RunnerTest')).toBe(0);
    const recorded = await service.gateway.read('test.recorded', 'MATCH (s:CypherScript {name: $file}) RETURN s', { file });
    expect(recorded).toEqual([]);
  });
});
