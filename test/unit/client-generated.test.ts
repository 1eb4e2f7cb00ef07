import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '../..');

describe('the typed client (client/generated)', () => {
  // What `npm run client:check` runs: codegen's dry run fails when a committed file differs from what it would write.
  it('is what `npm run client:generate` writes from schema/schema.graphql and client/operations', () => {
    const check = () => execFileSync(path.join(root, 'node_modules/.bin/graphql-codegen'), ['--config', 'client/codegen.ts', '--check', '--errors-only'], { cwd: root, stdio: 'pipe' });
    expect(check).not.toThrow();
  });
});
