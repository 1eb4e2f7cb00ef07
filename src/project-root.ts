import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root folder, the one holding package.json. Found by walking up from this module,
 * which sits in src/ when run from source and in dist/ when bundled (scripts/build.ts), so the
 * same code finds cypher/, schema/ and neo4j-local/ either way.
 */
export const projectRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json in ${start} or above it.`);
  }
}
