import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/project-root';

const read = (file: string) => readFileSync(join(projectRoot, file), 'utf8');
const manifest = JSON.parse(read('package.json')) as {
  engines: { node: string };
  optionalDependencies: Record<string, string>;
};
const major = /^>=(\d+)$/.exec(manifest.engines.node)?.[1];

describe('the Node that runs the project', () => {
  it('is the one engines names, here under vitest as under every npm script', () => {
    expect(major).toBe('24');
    expect(process.version).toMatch(new RegExp(`^v${major}\\.`));
  });

  it('is the same major in the pinned binaries, the Dockerfile and CI', () => {
    const binaries = Object.entries(manifest.optionalDependencies).filter(([name]) => name.startsWith('node-'));
    expect(binaries.length).toBeGreaterThan(0);
    for (const [, version] of binaries) expect(version).toMatch(new RegExp(`^${major}\\.\\d+\\.\\d+$`));
    const images = [...read('Dockerfile').matchAll(/^FROM node:(\d+)-/gm)].map((match) => match[1]);
    expect(images).toEqual([major, major]);
    expect(read('.ci/run')).toContain(`Node ${major}`);
  });
});
