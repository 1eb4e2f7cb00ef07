import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Neo4jGateway } from '../db/gateway';
import { ClientError } from '../errors';
import { projectRoot } from '../project-root';
import { splitStatements, type CypherStatement } from './statements';

/** The project's `cypher/` folder; scripts inside it are recorded by their path below it. */
export const cypherDir = path.join(projectRoot, 'cypher');

export type ScriptKind = 'schema' | 'data';

export interface CypherScript {
  /** Stable name: the path below `cypher/`, or the absolute path of a script elsewhere. */
  name: string;
  kind: ScriptKind;
  checksum: string;
  statements: CypherStatement[];
}

export interface ApplyOptions {
  /** Re-apply scripts whose recorded checksum matches. */
  force?: boolean;
  /** Permit re-applying a schema script that changed since it was applied. */
  allowChangedSchema?: boolean;
  log?: (line: string) => void;
}

export interface ScriptOutcome {
  name: string;
  status: 'applied' | 'unchanged';
  statements: number;
  updates: Record<string, number>;
}

export class CypherScriptError extends Error {
  override name = 'CypherScriptError';
}

/** Reads `.cypher` files from files and folders (recursively), schema scripts first, then by name. */
export function loadScripts(paths: string[]): CypherScript[] {
  const files = paths.flatMap((given) => listCypherFiles(path.resolve(given)));
  const unique = [...new Set(files)];
  return unique
    .map((file): CypherScript => {
      const text = readFileSync(file, 'utf8');
      const relative = path.relative(cypherDir, file);
      const name = relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
      return {
        name,
        kind: name.split('/').includes('schema') ? 'schema' : 'data',
        checksum: createHash('sha256').update(text).digest('hex'),
        statements: splitStatements(text),
      };
    })
    .sort((a, b) => (a.kind === b.kind ? compare(a.name, b.name) : a.kind === 'schema' ? -1 : 1));
}

function listCypherFiles(target: string): string[] {
  const stats = statSync(target, { throwIfNoEntry: false });
  if (!stats) throw new CypherScriptError(`No such file or folder: ${target}`);
  if (stats.isFile()) return [target];
  return readdirSync(target, { withFileTypes: true })
    .flatMap((entry) => {
      const child = path.join(target, entry.name);
      if (entry.isDirectory()) return listCypherFiles(child);
      return entry.name.endsWith('.cypher') ? [child] : [];
    })
    .sort(compare);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Applies scripts in order, each in one transaction, and records each with its checksum as a
 * `(:CypherScript)` node. A schema script that changed since it was applied is refused unless
 * allowed; data scripts are idempotent (MERGE on keys) and are applied again when they change.
 */
export async function applyScripts(
  gateway: Neo4jGateway,
  scripts: CypherScript[],
  options: ApplyOptions = {},
): Promise<ScriptOutcome[]> {
  const log = options.log ?? (() => {});
  await gateway.write(
    'cypher-runner.bootstrap',
    'CREATE CONSTRAINT cypher_script_name IF NOT EXISTS FOR (s:CypherScript) REQUIRE s.name IS UNIQUE',
  );
  const recorded = new Map(
    (
      await gateway.read<{ name: string; checksum: string }>(
        'cypher-runner.recorded',
        'MATCH (s:CypherScript) WHERE s.name IN $names RETURN s.name AS name, s.checksum AS checksum',
        { names: scripts.map((script) => script.name) },
      )
    ).map((row) => [row.name, row.checksum]),
  );

  const changedSchema = scripts.filter((script) => {
    const checksum = recorded.get(script.name);
    return script.kind === 'schema' && checksum !== undefined && checksum !== script.checksum;
  });
  if (changedSchema.length > 0 && !options.allowChangedSchema) {
    throw new CypherScriptError(
      `Schema scripts changed since they were applied: ${changedSchema.map((s) => s.name).join(', ')}. ` +
        'Add a new schema script instead, or re-apply deliberately with --allow-changed-schema.',
    );
  }

  const outcomes: ScriptOutcome[] = [];
  for (const script of scripts) {
    if (!options.force && recorded.get(script.name) === script.checksum) {
      log(`${script.name}: unchanged, skipped`);
      outcomes.push({ name: script.name, status: 'unchanged', statements: script.statements.length, updates: {} });
      continue;
    }
    const started = Date.now();
    const updates = await applyScript(gateway, script);
    const summary = Object.entries(updates)
      .filter(([, count]) => count > 0)
      .map(([counter, count]) => `${counter} ${count}`)
      .join(', ');
    log(
      `${script.name}: applied ${script.statements.length} statements in ${Date.now() - started} ms` +
        (summary ? ` (${summary})` : ''),
    );
    outcomes.push({ name: script.name, status: 'applied', statements: script.statements.length, updates });
  }
  return outcomes;
}

async function applyScript(gateway: Neo4jGateway, script: CypherScript): Promise<Record<string, number>> {
  const totals: Record<string, number> = {};
  let current: CypherStatement | undefined;
  const record = {
    cypher: `MERGE (s:CypherScript {name: $name})
             SET s.kind = $kind, s.checksum = $checksum, s.statements = $statements, s.appliedAt = datetime()`,
    parameters: { name: script.name, kind: script.kind, checksum: script.checksum, statements: script.statements.length },
  };
  try {
    await gateway.writeTransaction(`cypher-runner.apply:${script.name}`, async (tx) => {
      for (const statement of script.statements) {
        current = statement;
        const { counters } = await tx.run(statement.text);
        for (const [counter, count] of Object.entries(counters)) totals[counter] = (totals[counter] ?? 0) + count;
      }
      current = undefined;
      // Neo4j keeps schema and data changes in separate transactions; data scripts record themselves atomically.
      if (script.kind === 'data') await tx.run(record.cypher, record.parameters);
    });
    if (script.kind === 'schema') await gateway.write('cypher-runner.record', record.cypher, record.parameters);
  } catch (error) {
    const reason = describeFailure(error);
    const where = current ? `${script.name}:${current.line}` : script.name;
    throw new CypherScriptError(
      `${where}: ${reason}\nThe script's transaction was rolled back: nothing from ${script.name} was applied.`,
      { cause: error },
    );
  }
  return totals;
}

/** The database's own words, even where the gateway wrapped them in a client error. */
function describeFailure(error: unknown): string {
  if (error instanceof ClientError && error.cause instanceof Error) return error.cause.message;
  return error instanceof Error ? error.message : String(error);
}

/** What `npm start` does to a database: the schema always, the seed when the graph is empty. */
export async function prepareDatabase(
  gateway: Neo4jGateway,
  options: { seedWhenEmpty: boolean; log: (line: string) => void },
): Promise<void> {
  await applyScripts(gateway, loadScripts([path.join(cypherDir, 'schema')]), { log: options.log });
  if (!options.seedWhenEmpty) return;
  const [probe] = await gateway.read<{ empty: boolean }>(
    'startup.is-empty',
    'OPTIONAL MATCH (n) WHERE NOT n:CypherScript WITH n LIMIT 1 RETURN n IS NULL AS empty',
  );
  if (probe?.empty) {
    options.log('the graph is empty: applying the seed scripts');
    await applyScripts(gateway, loadScripts([path.join(cypherDir, 'seed')]), { log: options.log });
  }
}
