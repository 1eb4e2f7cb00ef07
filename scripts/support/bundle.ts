import { build } from 'esbuild';
import { projectRoot } from '../../src/project-root';

/**
 * Bundles a TypeScript entry point into one ES module that plain `node` runs, with packages left
 * to node_modules and a source map beside it; both paths are relative to the project's root,
 * wherever it is run from. Run this way, a process pays no source-map translation when a stack
 * trace is read, which tsx turns on and which the Neo4j driver does for every query it runs.
 */
export async function bundle(entryPoint: string, outfile: string): Promise<void> {
  await build({
    absWorkingDir: projectRoot,
    entryPoints: [entryPoint],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

/** What `npm start` runs, relative to the project's root. */
export const serviceBundle = 'dist/main.js';

/** Builds the service as `npm run build` does. */
export const buildService = () => bundle('src/server/main.ts', serviceBundle);
