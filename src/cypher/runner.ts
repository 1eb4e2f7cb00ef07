/**
 * The Cypher script runner (`npm run cypher`, and the schema and seed at start): reads scripts as
 * cypher-shell does, applies them in order, records each application in the ledger, reports
 * drift and seed differences. Over 300 lines because applying, recording and comparing share
 * the ledger's and the script's state.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Neo4jGateway } from '../db/gateway';
import { toPlain } from '../db/values';
import { ClientError } from '../server/errors';
import { projectRoot } from '../project-root';
import { commandOf, isKeyword, isSymbol, mergedElements, modeOf, nameOf, onCreateSets, overwriting, quoteName, splitStatements, tokensOf, type CypherStatement } from './statements';

/** The project's `cypher/` folder. */
export const cypherDir = path.join(projectRoot, 'cypher');

export type ScriptKind = 'schema' | 'data';

export interface CypherScript {
  /** Stable name: the path from the repository root, or the absolute path of a script outside it. */
  name: string;
  kind: ScriptKind;
  /** sha256 of the normalised statements: comments and blanks do not count. */
  checksum: string;
  /** sha256 of the file's bytes: what the ledger recorded before checksums were normalised. */
  rawChecksum: string;
  statements: CypherStatement[];
}

export interface ApplyOptions {
  /** Re-apply scripts whose recorded checksum matches. */
  force?: boolean;
  /** Permit re-applying a schema script that changed since it was applied. */
  allowChangedSchema?: boolean;
  /** Write the differences between seed scripts and the graph, each as a revision by `seed:<script>`. */
  applyDifferences?: boolean;
  /** Who applies the scripts, recorded in the ledger's history. */
  principal?: string;
  log?: (line: string) => void;
}

/** A value a seed script states that the graph holds otherwise (written later, or never seeded). */
export interface SeedDifference {
  script: string;
  /** The node's key, or `<from key> -[TYPE]-> <to key>` for a relationship. */
  key: string;
  property: string;
  /** The values, as JSON-friendly data. */
  seed: unknown;
  graph: unknown;
  /** Where and what to write, when differences are applied. */
  elementId: string;
  seedValue: unknown;
  /** For a relationship: its type and its end node's key, for the revision. */
  relationship?: { type: string; to: string | null };
}

export interface ScriptOutcome {
  name: string;
  status: 'applied' | 'unchanged';
  statements: number;
  updates: Record<string, number>;
  /** For data scripts: what the script states that the graph holds otherwise (not written unless asked). */
  differences: SeedDifference[];
}

/** A script's standing against the ledger. */
export interface ScriptStatus {
  name: string;
  kind: ScriptKind;
  state: 'pending' | 'applied' | 'changed';
  /** For a changed script: its statements the ledger does not have, and the ledger's it no longer has. */
  added: string[];
  removed: string[];
}

export class CypherScriptError extends Error {
  override name = 'CypherScriptError';
}

/**
 * Reads `.cypher` files from files and folders (recursively; relative paths from `cwd`),
 * schema scripts first, then by name.
 */
export function loadScripts(paths: string[], cwd = process.cwd()): CypherScript[] {
  const files = paths.flatMap((given) => listCypherFiles(path.resolve(cwd, given)));
  const unique = [...new Set(files)];
  return unique
    .map((file): CypherScript => {
      const text = readFileSync(file, 'utf8');
      const relative = path.relative(projectRoot, file);
      const name = relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
      const statements = splitStatements(text);
      return {
        name,
        kind: name.split('/').includes('schema') ? 'schema' : 'data',
        checksum: sha256(statements.map((statement) => statement.normalized).join('\n')),
        rawChecksum: sha256(text),
        statements,
      };
    })
    .sort((a, b) => (a.kind === b.kind ? compare(a.name, b.name) : a.kind === 'schema' ? -1 : 1));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
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

interface Recorded {
  name: string;
  checksum: string;
  statementTexts: string[] | null;
}

/** Creates the ledger's constraint and renames records made when names were relative to `cypher/`. */
async function openLedger(gateway: Neo4jGateway): Promise<void> {
  await gateway.write(
    'cypher-runner.bootstrap',
    'CREATE CONSTRAINT cypher_script_name IF NOT EXISTS FOR (s:CypherScript) REQUIRE s.name IS UNIQUE',
  );
  await gateway.write(
    'cypher-runner.migrate-names',
    `MATCH (s:CypherScript) WHERE s.statementTexts IS NULL AND NOT s.name STARTS WITH '/' AND NOT s.name STARTS WITH 'cypher/'
     AND NOT EXISTS { MATCH (:CypherScript {name: 'cypher/' + s.name}) }
     SET s.name = 'cypher/' + s.name`,
  );
}

async function readLedger(gateway: Neo4jGateway, scripts: CypherScript[]): Promise<Map<string, Recorded>> {
  const rows = await gateway.read<Recorded>(
    'cypher-runner.recorded',
    'MATCH (s:CypherScript) WHERE s.name IN $names RETURN s.name AS name, s.checksum AS checksum, s.statementTexts AS statementTexts',
    { names: scripts.map((script) => script.name) },
  );
  const ledger = new Map(rows.map((row) => [row.name, row]));
  // A record from before normalised checksums, of the same file: brought up to date, so later comment edits are no change.
  for (const script of scripts) {
    const record = ledger.get(script.name);
    if (record?.statementTexts !== null || record.checksum !== script.rawChecksum) continue;
    const statementTexts = script.statements.map((statement) => statement.normalized);
    await gateway.write(
      'cypher-runner.upgrade-record',
      'MATCH (s:CypherScript {name: $name}) SET s.checksum = $checksum, s.statementTexts = $statementTexts',
      { name: script.name, checksum: script.checksum, statementTexts },
    );
    ledger.set(script.name, { name: script.name, checksum: script.checksum, statementTexts });
  }
  return ledger;
}

/** Compares each script with what the ledger recorded of it. */
function standing(script: CypherScript, recorded: Recorded | undefined): ScriptStatus {
  const status: ScriptStatus = { name: script.name, kind: script.kind, state: 'pending', added: [], removed: [] };
  if (!recorded) return status;
  if (recorded.checksum === script.checksum) return { ...status, state: 'applied' };
  const now = script.statements.map((statement) => statement.normalized);
  const then = recorded.statementTexts ?? [];
  return {
    ...status,
    state: 'changed',
    added: now.filter((text) => !then.includes(text)),
    removed: then.filter((text) => !now.includes(text)),
  };
}

/** Applied, pending and changed scripts, as `npm run cypher -- --status` lists them. */
export async function scriptStatuses(gateway: Neo4jGateway, scripts: CypherScript[]): Promise<ScriptStatus[]> {
  await openLedger(gateway);
  const recorded = await readLedger(gateway, scripts);
  return scripts.map((script) => standing(script, recorded.get(script.name)));
}

/** One line per changed statement, for logs and errors. */
export function describeDrift(status: ScriptStatus): string {
  const lines = [
    ...status.added.map((text) => `  + ${text}`),
    ...status.removed.map((text) => `  - ${text}`),
  ];
  return `${status.name} changed since it was applied${lines.length > 0 ? `:\n${lines.join('\n')}` : ' (recorded before statements were kept)'}`;
}

/**
 * Applies scripts in order and records each in the ledger (`(:CypherScript)`: name, checksum,
 * statements, and a history of every application with its principal). A schema script that
 * changed since it was applied is refused unless allowed. Data scripts create what is missing
 * and never overwrite (seed scripts use `MERGE … ON CREATE SET`); what they state that the
 * graph holds otherwise is reported, and written as revisions only with `applyDifferences`.
 */
export async function applyScripts(
  gateway: Neo4jGateway,
  scripts: CypherScript[],
  options: ApplyOptions = {},
): Promise<ScriptOutcome[]> {
  const log = options.log ?? (() => {});
  await openLedger(gateway);
  const recorded = await readLedger(gateway, scripts);
  const changedSchema = scripts
    .filter((script) => script.kind === 'schema')
    .map((script) => standing(script, recorded.get(script.name)))
    .filter((status) => status.state === 'changed');
  if (changedSchema.length > 0 && !options.allowChangedSchema) {
    throw new CypherScriptError(
      `Schema scripts changed since they were applied: ${changedSchema.map(describeDrift).join('\n')}\n` +
        'Add a new schema script instead, or re-apply deliberately with --allow-changed-schema.',
    );
  }

  const principal = options.principal ?? 'cypher-runner';
  const outcomes: ScriptOutcome[] = [];
  for (const script of scripts) {
    const state = standing(script, recorded.get(script.name)).state;
    if (!options.force && state === 'applied') {
      log(`${script.name}: unchanged, skipped`);
      outcomes.push({ name: script.name, status: 'unchanged', statements: script.statements.length, updates: {}, differences: [] });
      continue;
    }
    const started = Date.now();
    const updates = await applyScript(gateway, script);
    const differences = script.kind === 'data' ? await seedDifferences(gateway, script) : [];
    if (differences.length > 0 && options.applyDifferences) await writeDifferences(gateway, script, differences, log);
    await gateway.write(
      'cypher-runner.record',
      `MERGE (s:CypherScript {name: $name})
       SET s.kind = $kind, s.checksum = $checksum, s.statements = size($statementTexts), s.statementTexts = $statementTexts,
           s.appliedAt = datetime(), s.appliedBy = $principal,
           s.history = coalesce(s.history, []) + [toString(datetime()) + ' ' + $principal + ' ' + $checksum]`,
      {
        name: script.name,
        kind: script.kind,
        checksum: script.checksum,
        statementTexts: script.statements.map((statement) => statement.normalized),
        principal,
      },
    );
    const summary = Object.entries(updates)
      .filter(([, count]) => count > 0)
      .map(([counter, count]) => `${counter} ${count}`)
      .join(', ');
    log(
      `${script.name}: applied ${script.statements.length} statements in ${Date.now() - started} ms` +
        (summary ? ` (${summary})` : ''),
    );
    for (const difference of differences) {
      log(
        `${script.name}: ${difference.key} ${difference.property}: seed ${JSON.stringify(difference.seed)}, graph ${JSON.stringify(difference.graph)}` +
          (options.applyDifferences ? ' (applied)' : ' (not applied)'),
      );
    }
    outcomes.push({ name: script.name, status: 'applied', statements: script.statements.length, updates, differences });
  }
  return outcomes;
}

/**
 * Runs a script as cypher-shell would, but atomically where Neo4j allows: consecutive data
 * statements (and any `:begin … :commit` block) in one transaction; each schema statement in its
 * own; `CALL { … } IN TRANSACTIONS` in an implicit transaction. `:param` sets parameters for
 * the statements after it.
 */
async function applyScript(gateway: Neo4jGateway, script: CypherScript): Promise<Record<string, number>> {
  const totals: Record<string, number> = {};
  const count = (counters: Record<string, number>) => {
    for (const [counter, value] of Object.entries(counters)) totals[counter] = (totals[counter] ?? 0) + value;
  };
  const parameters: Record<string, unknown> = {};
  const tag = `cypher-runner.apply:${script.name}`;
  let current: CypherStatement | undefined;
  let committed = 0;
  let pending: CypherStatement[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const group = pending;
    pending = [];
    await gateway.writeTransaction(tag, async (tx) => {
      for (const statement of group) {
        current = statement;
        if (statement.command) await setParameter(statement, parameters, (cypher) => tx.run(cypher, parameters));
        else count((await tx.run(statement.text, parameters)).counters);
      }
    });
    committed += group.length;
  };
  try {
    for (const statement of script.statements) {
      current = statement;
      const tokens = tokensOf(statement);
      const command = statement.command ? commandOf(tokens) : undefined;
      const mode = command ? undefined : modeOf(tokens);
      if (command === ':begin' || command === ':commit') await flush();
      else if (command === ':param' || command === ':params') pending.push(statement);
      else if (command) throw new Error(`${statement.text}: the runner supports :param, :begin and :commit only`);
      else if (mode === 'data') pending.push(statement);
      else {
        await flush();
        current = statement;
        if (mode === 'schema') count((await gateway.writeTransaction(tag, (tx) => tx.run(statement.text, parameters))).counters);
        else count((await gateway.autoCommit(tag, statement.text, parameters)).counters);
        committed += 1;
      }
    }
    await flush();
  } catch (error) {
    const where = current ? `${script.name}:${current.line}` : script.name;
    throw new CypherScriptError(
      `${where}: ${describeFailure(error)}\n` +
        (committed === 0
          ? `Nothing from ${script.name} was applied.`
          : `The statements of ${script.name} before line ${current?.line} that ran in their own transactions (schema, IN TRANSACTIONS) were applied; the rest was rolled back.`),
      { cause: error },
    );
  }
  return totals;
}

/** `:param name => expression` or `:param {map}`: evaluated by the server, as cypher-shell does. */
async function setParameter(
  statement: CypherStatement,
  parameters: Record<string, unknown>,
  run: (cypher: string) => Promise<{ rows: Record<string, unknown>[] }>,
): Promise<void> {
  // After `:param` (or `:params`): the tokens of the body, and the body's text from its first.
  const body = tokensOf(statement).slice(2);
  const [first, equals, greater, expression] = body;
  if (!first || (body.length === 1 && isKeyword(first, 'CLEAR', 'LIST'))) {
    if (isKeyword(first, 'CLEAR')) for (const name of Object.keys(parameters)) delete parameters[name];
    return;
  }
  const name = nameOf(first);
  if (name && isSymbol(equals, '=') && isSymbol(greater, '>') && greater.offset === equals.offset + 1 && expression) {
    const [row] = (await run(`RETURN ${statement.text.slice(expression.offset)} AS value`)).rows;
    parameters[name] = row?.value;
    return;
  }
  if (isSymbol(first, '{')) {
    const [row] = (await run(`RETURN ${statement.text.slice(first.offset)} AS value`)).rows;
    Object.assign(parameters, row?.value as Record<string, unknown>);
    return;
  }
  throw new Error(`${statement.text}: expected ":param name => value" or ":param {name: value, …}"`);
}

/** The database's own words, even where the gateway wrapped them in a client error. */
function describeFailure(error: unknown): string {
  if (error instanceof ClientError && error.cause instanceof Error) return error.cause.message;
  return error instanceof Error ? error.message : String(error);
}

/** Properties the runner and the API keep about a write, not what a seed states. */
const bookkeeping = new Set(['recordedAt', 'recordedBy', 'updatedAt', 'updatedBy']);

interface Element {
  id: string;
  key: string;
  properties: Record<string, unknown>;
  /** A relationship's type and end node's key; null for a node. */
  type: string | null;
  to: string | null;
}

class RolledBack extends Error {
  constructor(readonly differences: SeedDifference[]) {
    super('rolled back on purpose');
  }
}

/**
 * What a data script states that the graph holds otherwise. Its `MERGE … ON CREATE SET` statements
 * are run as `MERGE … SET` (what the script would write over existing nodes and relationships) in
 * a transaction that is always rolled back, between two reads of the labels and relationship
 * types they merge: every property whose value would change is a difference. A property the
 * script leaves out (a rank's reason, a note added later) is not one.
 */
async function seedDifferences(gateway: Neo4jGateway, script: CypherScript): Promise<SeedDifference[]> {
  // Statements that commit as they go (IN TRANSACTIONS) cannot be tried and rolled back: not compared.
  const claims = script.statements.filter((statement) => {
    if (statement.command) return false;
    const tokens = tokensOf(statement);
    return modeOf(tokens) === 'data' && onCreateSets(tokens).length > 0;
  });
  if (claims.length === 0) return [];
  const labels = new Set<string>();
  const types = new Set<string>();
  for (const statement of claims) {
    const merged = mergedElements(tokensOf(statement));
    for (const label of merged.labels) labels.add(label);
    for (const type of merged.types) types.add(type);
  }
  const snapshot = async (run: (cypher: string) => Promise<{ rows: Record<string, unknown>[] }>) => {
    const elements = new Map<string, Element>();
    for (const label of labels) {
      const cypher = `MATCH (n:${quoteName(label)}) RETURN elementId(n) AS id, n.key AS key, properties(n) AS properties, null AS type, null AS to`;
      for (const row of (await run(cypher)).rows) {
        elements.set(row.id as string, row as unknown as Element);
      }
    }
    for (const type of types) {
      const cypher = `MATCH (a)-[r:${quoteName(type)}]->(b) RETURN elementId(r) AS id, a.key + ' -[' + type(r) + ']-> ' + b.key AS key, properties(r) AS properties, type(r) AS type, b.key AS to`;
      for (const row of (await run(cypher)).rows) elements.set(row.id as string, row as unknown as Element);
    }
    return elements;
  };
  try {
    await gateway.writeTransaction(`cypher-runner.compare:${script.name}`, async (tx) => {
      const run = (cypher: string) => tx.run(cypher);
      const before = await snapshot(run);
      const parameters: Record<string, unknown> = {};
      for (const statement of script.statements) {
        if (statement.command) {
          if ([':param', ':params'].includes(commandOf(tokensOf(statement)))) await setParameter(statement, parameters, run);
        } else if (claims.includes(statement)) {
          await tx.run(overwriting(statement.text, tokensOf(statement)), parameters);
        }
      }
      const after = await snapshot(run);
      const differences: SeedDifference[] = [];
      for (const [id, was] of before) {
        const now = after.get(id);
        if (!now) continue;
        for (const [property, value] of Object.entries(now.properties)) {
          if (bookkeeping.has(property)) continue;
          const seed = toPlain(value);
          const graph = toPlain(was.properties[property]);
          if (JSON.stringify(seed) === JSON.stringify(graph)) continue;
          const relationship = was.type !== null ? { relationship: { type: was.type, to: was.to } } : {};
          differences.push({ script: script.name, key: was.key, property, seed, graph, elementId: id, seedValue: value, ...relationship });
        }
      }
      throw new RolledBack(differences);
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.differences;
    throw error;
  }
  throw new Error('unreachable: the comparison always rolls back');
}

/**
 * Writes differences as the seed states them, each element with `updatedAt`/`updatedBy` and a
 * revision by `seed:<script>` (on the entity, or on a relationship's start node), as API writes do.
 */
async function writeDifferences(gateway: Neo4jGateway, script: CypherScript, differences: SeedDifference[], log: (line: string) => void) {
  const byElement = new Map<string, SeedDifference[]>();
  for (const difference of differences) byElement.set(difference.elementId, [...(byElement.get(difference.elementId) ?? []), difference]);
  const author = { principal: `seed:${script.name}`, now: new Date().toISOString() };
  await gateway.writeTransaction(`cypher-runner.apply-differences:${script.name}`, async (tx) => {
    for (const [id, list] of byElement) {
      const changes = Object.fromEntries(list.map((difference) => [difference.property, difference.seedValue]));
      const plain = Object.fromEntries(list.map((difference) => [difference.property, difference.seed]));
      const relationship = list[0]!.relationship;
      const [target, operation, values] = relationship
        ? ['r', `${relationship.type}_UPDATED`, { to: relationship.to, ...plain }]
        : ['n', 'ENTITY_UPDATED', plain];
      await tx.run(
        `${relationship ? 'MATCH (n)-[r]->() WHERE elementId(r) = $id' : 'MATCH (n) WHERE elementId(n) = $id'}
         SET ${target} += $changes, ${target}.updatedAt = datetime($now), ${target}.updatedBy = $principal
         CREATE (n)<-[:REVISES]-(:Revision {at: datetime($now), by: $principal, operation: $operation, changed: keys($changes), values: $values})`,
        { id, changes, operation, values: JSON.stringify(values), ...author },
      );
    }
  });
  log(`${script.name}: wrote ${differences.length} differences as revisions by ${author.principal}`);
}

/** What `npm start` does to a database: the schema always, the seed when the graph is empty. */
export async function prepareDatabase(
  gateway: Neo4jGateway,
  options: {
    seedWhenEmpty: boolean;
    /** A schema script changed since it was applied: `warn` (the default) logs it and goes on, `fail` throws. */
    schemaDrift?: 'warn' | 'fail';
    log: (line: string) => void;
    warn?: (line: string) => void;
    /** Where `schema/` and `seed/` are (tests point elsewhere). */
    scriptsDir?: string;
  },
): Promise<void> {
  const scriptsDir = options.scriptsDir ?? cypherDir;
  const schema = loadScripts([path.join(scriptsDir, 'schema')]);
  const drifted = (await scriptStatuses(gateway, schema)).filter((status) => status.state === 'changed');
  if (drifted.length > 0) {
    const message = `${drifted.map(describeDrift).join('\n')}\nNew schema changes belong in new scripts; to re-apply a changed one: npm run cypher -- --allow-changed-schema <script>.`;
    if (options.schemaDrift === 'fail') throw new CypherScriptError(`${message}\n(SCHEMA_DRIFT=fail: not starting.)`);
    (options.warn ?? options.log)(`${message}\nThe changed scripts were not applied (SCHEMA_DRIFT=warn).`);
  }
  const changed = new Set(drifted.map((status) => status.name));
  await applyScripts(
    gateway,
    schema.filter((script) => !changed.has(script.name)),
    { log: options.log, principal: 'service' },
  );
  if (!options.seedWhenEmpty) return;
  const [probe] = await gateway.read<{ empty: boolean }>(
    'startup.is-empty',
    'OPTIONAL MATCH (n) WHERE NOT n:CypherScript WITH n LIMIT 1 RETURN n IS NULL AS empty',
  );
  if (probe?.empty) {
    options.log('the graph is empty: applying the seed scripts');
    await applyScripts(gateway, loadScripts([path.join(scriptsDir, 'seed')]), { log: options.log, principal: 'service' });
  }
}
