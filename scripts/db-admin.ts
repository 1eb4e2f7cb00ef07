// Offline backup and restore of the local Neo4j, with neo4j-admin from the project's own jars:
//   npm run db:dump -- <dir>              writes <dir>/<database>-<UTC time>.dump
//   npm run db:load -- <file> [--force]   loads a dump into the data dir (--force replaces a database there)
// Flags: --data DIR (default NEO4J_LOCAL_DATA or .neo4j/data), --database NAME (default NEO4J_DATABASE).
// The local Neo4j of that data dir must be stopped: neo4j-admin refuses a database in use.
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { ConfigError, loadConfig } from '../src/server/config';
import { databaseDirs, neo4jJavaArgs } from '../src/local-neo4j/local-neo4j';

const usage = 'usage: npm run db:dump -- <dir> | npm run db:load -- <file> [--force]   (flags: --data DIR, --database NAME)';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { data: { type: 'string' }, database: { type: 'string' }, force: { type: 'boolean' } },
});
const [command, target] = positionals;
if ((command !== 'dump' && command !== 'load') || !target) {
  console.error(usage);
  process.exit(64);
}

// npm runs scripts from the package's folder; INIT_CWD is where the operator typed the command.
const cwd = process.env.INIT_CWD ?? process.cwd();
try {
  const config = loadConfig(process.env);
  const home = path.resolve(cwd, values.data ?? config.NEO4J_LOCAL_DATA);
  const database = values.database ?? config.NEO4J_DATABASE;
  if (command === 'dump') await dump(home, database, path.resolve(cwd, target));
  else await load(home, database, path.resolve(cwd, target), values.force ?? false);
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exitCode = 1;
}

async function dump(home: string, database: string, dir: string) {
  const { store } = databaseDirs(home, database);
  if (!existsSync(store)) throw new Error(`No database "${database}" in ${home} (looked for ${store}).`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${database}-${new Date().toISOString().replace(/[-:]|\.\d+/g, '')}.dump`);
  const partial = `${file}.partial`;
  console.log(`dumping database "${database}" of ${home} to ${file}`);
  const bar = progress(`dumping: {value_mb} written, from a store of ${megabytes(sizeOf(store))}`, 0);
  try {
    // neo4j-admin writes the dump to stdout: its bytes are the progress shown.
    await admin(home, ['database', 'dump', database, '--to-stdout'], undefined, async (stdout) => {
      stdout.on('data', (chunk: Buffer) => bar.increment(chunk.length));
      await pipeline(stdout, createWriteStream(partial));
    });
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    bar.stop();
  }
  renameSync(partial, file);
  console.log(`done: ${file} (${megabytes(statSync(file).size)})`);
}

async function load(home: string, database: string, file: string, force: boolean) {
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) throw new Error(`No such dump file: ${file}`);
  const { store } = databaseDirs(home, database);
  if (existsSync(store) && !force) {
    throw new Error(`${home} already holds database "${database}": give --force to replace it (dump it first if it matters).`);
  }
  mkdirSync(home, { recursive: true });
  console.log(`loading ${file} into database "${database}" of ${home}`);
  const bar = progress('loading {bar} {percentage}% | {value_mb} of {total_mb}', statSync(file).size);
  try {
    const input = createReadStream(file);
    input.on('data', (chunk) => bar.increment(chunk.length));
    await admin(home, ['database', 'load', database, '--from-stdin', ...(force ? ['--overwrite-destination=true'] : [])], input);
  } finally {
    bar.stop();
  }
  console.log(`done: database "${database}" of ${home} loaded from ${file}; start it with npm run db -- --data ${home}`);
}

/** Runs neo4j-admin with NEO4J_HOME at the data dir; fails with its own words, or a plain one when the database is in use. */
async function admin(
  home: string,
  args: string[],
  input: NodeJS.ReadableStream | undefined,
  output?: (stdout: NodeJS.ReadableStream) => Promise<void>,
): Promise<void> {
  const java = await neo4jJavaArgs('org.neo4j.cli.AdminTool', (line) => console.log(line));
  const child = spawn('java', [...java, ...args], {
    env: { ...process.env, NEO4J_HOME: home },
    stdio: [input ? 'pipe' : 'ignore', output ? 'pipe' : 'ignore', 'pipe'],
  });
  const errors: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
  const closed = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const streams: Promise<void>[] = [];
  if (input && child.stdin) streams.push(pipeline(input, child.stdin));
  if (output && child.stdout) streams.push(output(child.stdout));
  const [code] = await Promise.all([closed, ...streams]);
  if (code === 0) return;
  const said = errors.join('').trim();
  if (/in use|locked|lock file/i.test(said)) {
    throw new Error(`The Neo4j of ${home} is running: stop it (Ctrl-C in npm run db, or stop the service) and try again.\nneo4j-admin: ${said}`);
  }
  throw new Error(`neo4j-admin ${args.slice(0, 2).join(' ')} failed (exit code ${code}):\n${said}`);
}

/** Bytes through so far; `total` 0 when unknown (a dump is compressed: the store's size does not bound it). */
function progress(format: string, total: number) {
  const bar = new cliProgress.SingleBar(
    { format, noTTYOutput: true, notTTYSchedule: 2_000, stream: process.stdout },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(total, 1), 0, { value_mb: megabytes(0), total_mb: megabytes(total) });
  let done = 0;
  return {
    increment: (bytes: number) => {
      done += bytes;
      bar.update(Math.min(done, Math.max(total, 1)), { value_mb: megabytes(done) });
    },
    stop: () => bar.stop(),
  };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** Bytes below a folder. */
function sizeOf(target: string): number {
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.size;
  return readdirSync(target).reduce((sum, entry) => sum + sizeOf(path.join(target, entry)), 0);
}
