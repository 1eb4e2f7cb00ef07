import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changelogPath, checkSchemaChanges, releasedSchemaPath } from '../../src/graphql/compat';
import { schemaFilePath } from '../../src/graphql/print';

const released = `type Query {
  "A place."
  place(key: String!): Place
}
type Place {
  key: String!
  name: String
  oldName: String @deprecated(reason: "Use name.")
}`;
const changelog = (bullets: string[]) => `# Changelog\n\n## Unreleased\n\n### Accepted breaking changes\n\n${bullets.map((b) => `- \`${b}\` why.`).join('\n')}\n\n## 0.1.0\n\n### Accepted breaking changes\n\n- \`Place.name was removed.\` an older release's.\n`;

describe('the breaking-change check (schema/released.graphql against schema/schema.graphql)', () => {
  it('passes on an added field', () => {
    const added = released.replace('name: String\n', 'name: String\n  population: Int\n');
    expect(checkSchemaChanges(released, added, changelog([]))).toEqual({ breaking: [], refused: [] });
  });

  it('fails on a removed field that the changelog does not list, and on one the release had not deprecated', () => {
    const removed = released.replace('  name: String\n', '');
    const verdict = checkSchemaChanges(released, removed, changelog([]));
    expect(verdict.breaking).toEqual(['Place.name was removed.']);
    expect(verdict.refused).toEqual([expect.stringContaining('not listed')]);
    // Listed only under an older release's heading: still refused. Listed now, but never deprecated: refused too.
    expect(checkSchemaChanges(released, removed, changelog(['Place.name was removed.'])).refused).toEqual([expect.stringContaining('did not deprecate')]);
  });

  it('passes a listed removal of a deprecated field, and a listed change of type', () => {
    const removed = released.replace('  oldName: String @deprecated(reason: "Use name.")\n', '');
    expect(checkSchemaChanges(released, removed, changelog([])).refused).toHaveLength(1);
    expect(checkSchemaChanges(released, removed, changelog(['Place.oldName was removed.'])).refused).toEqual([]);
    const retyped = `${released.replace('name: String\n', 'name: Name\n')}\nenum Name { A }`;
    expect(checkSchemaChanges(released, retyped, changelog(['Place.name changed type from String to Name.'])).refused).toEqual([]);
  });

  it('the printed schema breaks nothing that CHANGELOG.md does not accept', () => {
    const verdict = checkSchemaChanges(readFileSync(releasedSchemaPath, 'utf8'), readFileSync(schemaFilePath, 'utf8'), readFileSync(changelogPath, 'utf8'));
    expect(verdict.refused).toEqual([]);
  });
});
