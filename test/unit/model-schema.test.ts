import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitStatements } from '../../src/cypher/statements';
import { entitySpecs, entityTypeOfKey, entityTypes, keyPattern, modelSchemaStatements } from '../../src/model';

const schemaDirectory = path.join(__dirname, '../../cypher/schema');

/** The schema statements of the operators' scripts, by the name of what each creates, whitespace folded. */
function scriptedStatements(): Map<string, string> {
  const statements = new Map<string, string>();
  for (const file of readdirSync(schemaDirectory).filter((name) => name.endsWith('.cypher')).sort()) {
    for (const statement of splitStatements(readFileSync(path.join(schemaDirectory, file), 'utf8'))) {
      const text = statement.normalized;
      const name = /^CREATE (?:\w+ )?(?:CONSTRAINT|INDEX) (\w+)/.exec(text)?.[1];
      if (!name) throw new Error(`${file}: a statement that creates no constraint or index: ${text}`);
      statements.set(name, text);
    }
  }
  return statements;
}

describe('the model catalogue', () => {
  it('implies exactly the constraints and indexes of cypher/schema/', () => {
    const fromModel = modelSchemaStatements();
    const scripted = scriptedStatements();
    expect([...scripted.keys()].sort()).toEqual([...fromModel.keys()].sort());
    for (const [name, statement] of fromModel) expect(scripted.get(name), name).toBe(statement);
  });

  it('derives the key pattern and the type a key names from the declared prefixes', () => {
    for (const type of entityTypes) {
      const key = `${entitySpecs[type].prefix}:some-thing:2`;
      expect(keyPattern.test(key), key).toBe(true);
      expect(entityTypeOfKey(key)).toBe(type);
    }
    expect(keyPattern.test('weapon:t-90m')).toBe(false);
    expect(entityTypeOfKey('weapon:t-90m')).toBeUndefined();
  });
});
