import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { loadConfig, type Config } from '../../src/server/config';
import { applyScripts, cypherDir, loadScripts } from '../../src/cypher/runner';
import { openDatabase, type Database } from '../../src/db/connect';
import type { Neo4jGateway } from '../../src/db/gateway';
import { runAdminImport } from '../../src/local-neo4j/admin-import';
import { databaseDirs, isListening } from '../../src/local-neo4j/local-neo4j';
import { setEmptyLists, writeRepeats } from '../../src/import/offline-finish';
import { writeOfflineImport } from '../../src/import/offline';
import { defaultReportFile, printReport, settle, startProgressBar, textOf, writeReport, type ImportCliOptions, type ImportSource } from './run-import';
import { emptyReport } from '../../src/import/bundle';

export interface OfflineSource extends Omit<ImportSource, 'lines'> {
  /** The bundle's lines from the start; read once per pass. */
  open: () => ImportSource['lines'];
}

/** The only database the local Neo4j (Community) serves. */
const database = 'neo4j';

/**
 * `npm run import -- <file> --offline`: the first load of the local Neo4j's empty database with
 * neo4j-admin, then its schema and indexes (docs/bundle-format.md, "Offline import"). Refuses,
 * before anything is written, when that is not what it would do; `online` is the command to use
 * instead. Exit status as runImport: 0, 3 when records were rejected, 1 on failure or refusal.
 */
export async function runOfflineImport(source: OfflineSource, options: Omit<ImportCliOptions, 'batchSize'>, online: string): Promise<void> {
  const started = performance.now();
  let bar: cliProgress.SingleBar | undefined;
  let directory: string | undefined;
  let server: Database | undefined;
  let prepared: Awaited<ReturnType<typeof writeOfflineImport>> | undefined;
  let dataDir: string | undefined;
  const steps: [string, number][] = [];
  const reportFile = options.reportFile ?? defaultReportFile(source.name);
  try {
    const config = loadConfig(process.env);
    dataDir = path.resolve(config.NEO4J_LOCAL_DATA);
    await checkOffline(config, dataDir, online);
    console.log(`importing ${source.name} offline into ${dataDir} (database "${database}", with neo4j-admin)`);
    directory = mkdtempSync(path.join(tmpdir(), 'conflict-graph-offline-'));

    let stepStarted = performance.now();
    const step = (name: string) => {
      const now = performance.now();
      steps.push([name, (now - stepStarted) / 1_000]);
      stepStarted = now;
    };
    let done = 0;
    const author = { principal: options.principal ?? `import:${source.name}`, now: new Date().toISOString() };
    prepared = await writeOfflineImport(
      (pass) => {
        if (pass === 2) {
          bar?.update(source.total);
          bar?.stop();
          step('read and checked');
        }
        done = 0;
        bar = startProgressBar(source, pass === 1 ? 'checking    ' : 'writing CSV ');
        return textOf(source.open(), (size) => (done += size));
      },
      directory,
      author,
      ({ records, rejected }) => {
        const seconds = (performance.now() - stepStarted) / 1_000;
        bar?.update(done, { records, rate: Math.round(records / Math.max(seconds, 0.001)), rejected });
      },
    );
    bar?.update(source.total);
    bar?.stop();
    step('CSV written');
    const { report, nodes, relationships, revisions } = prepared;

    // Checked again: reading a large bundle takes minutes, and something may have started meanwhile.
    await checkOffline(config, dataDir, online);
    await runAdminImport({
      dataDir,
      database,
      csvArguments: prepared.adminArguments,
      reportFile: path.join(directory, 'neo4j-admin.report'),
      log: (line) => console.log(`[neo4j-admin] ${line}`),
    });
    step('neo4j-admin');
    // The CSV files can be as large as the store: gone before Neo4j starts on it.
    rmSync(directory, { recursive: true, force: true });
    directory = undefined;

    // Building constraints on a full store can outlast a request's timeout; nothing else uses this server yet.
    server = await openDatabase({ ...config, NEO4J_QUERY_TIMEOUT_MS: Math.max(config.NEO4J_QUERY_TIMEOUT_MS, 3_600_000) }, (line) => console.log(line));
    step('Neo4j started');
    await applyScripts(server.gateway, loadScripts([path.join(cypherDir, 'schema')]), { log: (line) => console.log(line) });
    await setEmptyLists(server.gateway, prepared.emptyLists);
    await awaitIndexes(server.gateway);
    step('schema and indexes');
    if (prepared.repeats.size > 0) {
      await writeRepeats(server.gateway, () => textOf(source.open(), () => undefined), prepared, author);
      step(`${prepared.repeats.size} records given again, written online`);
    }
    // Like the online import's, the import's time ends when the graph is ready; stopping counts in all.
    const seconds = steps.reduce((sum, [, taken]) => sum + taken, 0);
    await server.close();
    server = undefined;
    step('Neo4j stopped');

    printReport(report, seconds, (performance.now() - started) / 1_000, 'offline');
    const rate = (count: number) => Math.round(count / Math.max(seconds, 0.001));
    console.log(
      `graph: ${nodes} nodes and ${relationships} relationships, of which ${revisions} Revision nodes and as many REVISES: ` +
        `${rate(nodes + relationships)} nodes+relationships/s (${rate(nodes + relationships - 2 * revisions)}/s without revisions)`,
    );
    console.log(`steps: ${steps.map(([name, taken]) => `${name} ${taken.toFixed(1)} s`).join(', ')}`);
    settle(report, reportFile);
    console.log(`report: ${reportFile}`);
  } catch (error) {
    bar?.stop();
    const reason = error instanceof Error ? error.message : String(error);
    console.error(reason);
    // All or nothing until neo4j-admin has written the store; after it, the data dir holds the graph without all of its finish.
    const written = dataDir !== undefined && steps.some(([name]) => name === 'neo4j-admin') && existsSync(databaseDirs(dataDir, database).store);
    const failure = written
      ? `after neo4j-admin wrote the database in ${dataDir} (steps done: ${steps.map(([name]) => name).join(', ')}): ${reason}; remove ${dataDir} before importing again`
      : `nothing was written: ${reason}`;
    writeReport({ ...(prepared?.report ?? emptyReport()), committedThrough: 0, failure: { reason: failure, fromLine: 1 } }, reportFile);
    console.error(`${written ? `the database in ${dataDir} was written but not finished: remove it before importing again` : 'nothing was written'}\nreport: ${reportFile}`);
    process.exitCode = 1;
  } finally {
    await server?.close();
    if (directory) rmSync(directory, { recursive: true, force: true });
  }
}

/** Throws, saying what to do instead, unless the local Neo4j's data dir can take a first load now. */
async function checkOffline(config: Config, dataDir: string, online: string): Promise<void> {
  const instead = `Import online instead: ${online} (without --offline).`;
  if (config.NEO4J_URI) {
    throw new Error(`--offline writes the files of the project's local Neo4j, and NEO4J_URI points at another server (${config.NEO4J_URI}). ${instead}`);
  }
  if (config.NEO4J_DATABASE !== database) {
    throw new Error(`--offline loads the local Neo4j's database "${database}", and NEO4J_DATABASE is "${config.NEO4J_DATABASE}". Unset it, or import online: ${online}.`);
  }
  const { store, transactions } = databaseDirs(dataDir, database);
  if (existsSync(store) || existsSync(transactions)) {
    throw new Error(
      `${dataDir} already holds a "${database}" database (${existsSync(store) ? store : transactions}); --offline only makes the first load of an empty ` +
        `data dir and never overwrites one. ${instead} Or, if that data can go, stop whatever uses it, remove ${dataDir} and run this again.`,
    );
  }
  if (await isListening(config.NEO4J_LOCAL_PORT)) {
    throw new Error(
      `Something listens on 127.0.0.1:${config.NEO4J_LOCAL_PORT} (a running \`npm start\` or \`npm run db\`?). --offline needs the local Neo4j stopped, ` +
        `and that port to start it on afterwards: stop it, or choose another with NEO4J_LOCAL_PORT. ${instead}`,
    );
  }
}

/** Waits until every index is online, showing how far their population has come; fails on a failed one. */
async function awaitIndexes(gateway: Neo4jGateway): Promise<void> {
  const bar = new cliProgress.SingleBar(
    { format: 'indexes     {bar} {percentage}% | {online}/{count} online', noTTYOutput: true, notTTYSchedule: 2_000 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(100, 0, { online: 0, count: 0 });
  try {
    for (;;) {
      const indexes = await gateway.read<{ name: string; state: string; populationPercent: number; failureMessage: string }>(
        'import.offline.indexes',
        'SHOW INDEXES YIELD name, state, populationPercent, failureMessage',
      );
      const failed = indexes.find((index) => index.state === 'FAILED');
      if (failed) throw new Error(`Index ${failed.name} failed to build: ${failed.failureMessage}`);
      const online = indexes.filter((index) => index.state === 'ONLINE').length;
      const percent = indexes.reduce((sum, index) => sum + index.populationPercent, 0) / Math.max(indexes.length, 1);
      bar.update(Math.floor(percent), { online, count: indexes.length });
      if (online === indexes.length) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    bar.stop();
  }
}
