import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { projectRoot } from '../src/project-root';
import { createTestService } from './support/service';

const run = promisify(execFile);
const service = createTestService();

afterAll(async () => {
  await service.gateway.write('test.import-cli.cleanup', `MATCH (n) WHERE n.key CONTAINS 'test-cli' OPTIONAL MATCH (n)<-[:REVISES]-(r) DETACH DELETE n, r`);
  await service.close();
});

/** `npm run import -- <file>` as an operator runs it, against the test database. */
async function importFile(file: string, ...flags: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/import.ts', file, ...flags], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NEO4J_URI: inject('neo4jUri') },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('npm run import', () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'bundle-'));
  const file = path.join(directory, 'bundle.ndjson');
  writeFileSync(
    file,
    [
      { format: 'conflict-graph/bundle', version: 1, name: 'cli-test' },
      { record: 'entity', type: 'Place', key: 'place:ua:test-cli-oblast', properties: { name: 'Test Oblast', type: 'REGION' } },
      { record: 'entity', type: 'Place', key: 'place:ua:test-cli-town', properties: { name: 'Test Town', type: 'TOWN', location: { latitude: 48.2, longitude: 37.6 } } },
      { record: 'relationship', type: 'LOCATED_IN', from: 'place:ua:test-cli-town', to: 'place:ua:test-cli-oblast', properties: {} },
      { record: 'entity', type: 'Place', key: 'place:ua:test-cli-bad', properties: { name: 'Bad', location: { latitude: 200, longitude: 0 } } },
      { record: 'relationship', type: 'LOCATED_IN', from: 'place:ua:test-cli-town', to: 'place:ua:test-cli-missing', properties: {} },
    ]
      .map((record) => JSON.stringify(record))
      .join('\n'),
  );

  it('imports with a progress bar, reports rejections by line, exits 3, and changes nothing the second time', async () => {
    const first = await importFile(file, '--batch-size', '2');
    expect(first.code).toBe(3);
    expect(first.output).toContain('100%');
    expect(first.output).toMatch(/records: 5 \| created 3, updated 0, unchanged 0, rejected 2/);
    expect(first.output).toContain('line 5.properties.location.latitude: must be a number from -90 to 90');
    expect(first.output).toContain('line 6.to: nothing has the key "place:ua:test-cli-missing"');

    const second = await importFile(file);
    expect(second.output).toMatch(/created 0, updated 0, unchanged 3, rejected 2/);
    const town = await service.graphql<{ place: { parent: { key: string }; recordedBy: string } }>('{ place(key: "place:ua:test-cli-town") { recordedBy parent { key } } }');
    expect(town.body.data?.place).toEqual({ recordedBy: 'import:bundle.ndjson', parent: { key: 'place:ua:test-cli-oblast' } });
  });

  it('creates a key or a relationship given twice in one batch once, then updates it, with a revision for each entity write', async () => {
    const twice = path.join(directory, 'twice.ndjson');
    writeFileSync(
      twice,
      [
        { format: 'conflict-graph/bundle', version: 1, name: 'cli-test-twice' },
        { record: 'entity', type: 'Place', key: 'place:ua:test-cli-twice-oblast', properties: { name: 'Twice Oblast', type: 'REGION' } },
        { record: 'entity', type: 'Place', key: 'place:ua:test-cli-twice', properties: { name: 'Twice' } },
        { record: 'entity', type: 'Place', key: 'place:ua:test-cli-twice', properties: { name: 'Twice', type: 'TOWN' } },
        { record: 'relationship', type: 'LOCATED_IN', from: 'place:ua:test-cli-twice', to: 'place:ua:test-cli-twice-oblast', properties: {} },
        { record: 'relationship', type: 'LOCATED_IN', from: 'place:ua:test-cli-twice', to: 'place:ua:test-cli-twice-oblast', properties: { confidence: 'HIGH' } },
      ]
        .map((record) => JSON.stringify(record))
        .join('\n'),
    );
    const first = await importFile(twice);
    expect(first.code).toBe(0);
    expect(first.output).toMatch(/records: 5 \| created 3, updated 2, unchanged 0, rejected 0/);
    const again = await importFile(twice);
    expect(again.output).toMatch(/created 0, updated 0, unchanged 5, rejected 0/);

    const place = await service.graphql<{ place: { type: string; history: { operation: string; changed: string[] }[] } }>(
      '{ place(key: "place:ua:test-cli-twice") { type history { operation changed } } }',
    );
    expect(place.body.data?.place.type).toBe('TOWN');
    expect(place.body.data?.place.history.map((revision) => revision.operation).sort()).toEqual(['ENTITY_CREATED', 'ENTITY_UPDATED']);
    const [link] = await service.gateway.read<{ links: number; confidence: string }>(
      'test.import-cli.twice',
      `MATCH (:Place {key: 'place:ua:test-cli-twice'})-[r:LOCATED_IN]->(:Place {key: 'place:ua:test-cli-twice-oblast'}) RETURN count(r) AS links, max(r.confidence) AS confidence`,
    );
    expect(link).toEqual({ links: 1, confidence: 'HIGH' });
  });

  it('refuses a file without the bundle header as a whole', async () => {
    const headless = path.join(directory, 'headless.ndjson');
    writeFileSync(headless, JSON.stringify({ record: 'entity', type: 'Place', key: 'place:ua:test-cli-headless', properties: { name: 'X' } }));
    const result = await importFile(headless);
    expect(result.code).toBe(1);
    expect(result.output).toContain('a bundle starts with the header');
  });
});
