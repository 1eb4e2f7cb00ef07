import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '../..');
const build = (input: string, output: string) => execFileSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/persisted-operations.ts', input, output], { cwd: root, stdio: 'pipe' });

describe('npm run persisted:build', () => {
  it("writes the allow-list from GraphQL Code Generator's persisted documents, and refuses a hash that is not its document's", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'persisted-build-'));
    const documents = ['query Place { place(key: "place:ru") { name } }', 'query Events { events(first: 5) { totalCount } }'];
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    // The client preset's output: "sha256:<hex>" → document.
    writeFileSync(path.join(dir, 'persisted-documents.json'), JSON.stringify(Object.fromEntries(documents.map((text) => [`sha256:${sha(text)}`, text]))));
    build(path.join(dir, 'persisted-documents.json'), path.join(dir, 'allow-list.json'));
    expect(JSON.parse(readFileSync(path.join(dir, 'allow-list.json'), 'utf8'))).toEqual(Object.fromEntries(documents.map((text) => [sha(text), text])));

    writeFileSync(path.join(dir, 'edited.json'), JSON.stringify({ [`sha256:${sha(documents[0]!)}`]: documents[1] }));
    expect(() => build(path.join(dir, 'edited.json'), path.join(dir, 'out.json'))).toThrow(/not the sha256/);
  });
});
