import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { databaseDirs, neo4jJavaArgs } from './local-neo4j';

const adminToolClass = 'org.neo4j.cli.AdminTool';

export interface AdminImportOptions {
  /** The local Neo4j's data dir: neo4j-admin's home, below which it writes the database. */
  dataDir: string;
  database: string;
  /** The arguments that name the CSV files and how to read them. */
  csvArguments: string[];
  /** Where neo4j-admin lists bad entries. */
  reportFile: string;
  /** Progress, summarised: each stage, its quarters, and how long it took. */
  log: (line: string) => void;
}

/**
 * Runs `neo4j-admin database import full` from the pinned jars. It refuses a database that
 * exists (no --overwrite-destination here), and stops at the first bad entry: the CSV files
 * were checked, so one would be a bug, not data to skip.
 */
export async function runAdminImport(options: AdminImportOptions): Promise<void> {
  const java = await neo4jJavaArgs(adminToolClass, options.log);
  // The database name comes before --nodes, whose values are variadic.
  const args = [...java, 'database', 'import', 'full', options.database, ...options.csvArguments, '--bad-tolerance=0', `--report-file=${options.reportFile}`];
  const home = path.resolve(options.dataDir);
  mkdirSync(home, { recursive: true });
  const child = spawn('java', args, { env: { ...process.env, NEO4J_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
  const recent: string[] = [];
  const remember = (line: string) => {
    recent.push(line);
    if (recent.length > 40) recent.shift();
  };
  let stage = '';
  createInterface({ input: child.stdout }).on('line', (line) => {
    const started = /^(\(\d+\/\d+\) .+?) \d{4}-\d{2}-\d{2} /.exec(line);
    const percent = /\s(\d+)% ∆/.exec(line)?.[1];
    if (percent === undefined && line.trim() !== '') remember(line);
    if (started?.[1]) options.log((stage = started[1]));
    else if (percent === '25' || percent === '50' || percent === '75') options.log(`${stage} ${percent}%`);
    else if (/COMPLETED in|^IMPORT (DONE|FAILED)/.test(line)) options.log(line.trim());
  });
  createInterface({ input: child.stderr }).on('line', remember);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) {
    const bad = existsSync(options.reportFile) ? readFileSync(options.reportFile, 'utf8').trim().split('\n').slice(0, 10).join('\n') : '';
    const { store, transactions } = databaseDirs(home, options.database);
    throw new Error(
      `neo4j-admin import failed (exit code ${code}). Its last output:\n${recent.join('\n')}${bad ? `\nBad entries:\n${bad}` : ''}\n` +
        `If this import created ${store} and ${transactions}, they are unusable: remove them (or the whole data dir) before trying again.`,
    );
  }
}
