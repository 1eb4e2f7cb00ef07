import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { projectRoot } from '../project-root';

const projectDir = path.join(projectRoot, 'neo4j-local');
const classesDir = path.join(projectDir, 'target/classes');
const classpathFile = path.join(projectDir, 'target/classpath.txt');
const launcherClass = 'org.conflictgraph.neo4jlocal.LocalNeo4j';
const launcherSource = path.join(projectDir, 'src/main/java/org/conflictgraph/neo4jlocal/LocalNeo4j.java');

const alternatives =
  'Alternatives: point NEO4J_URI at a running Neo4j 5 (bolt://, neo4j:// or neo4j+s://), or run `docker compose up`.';

// The options Neo4j's own launch scripts pass on Java 17; without them Neo4j 5 can fail at start.
const neo4jJvmOptions = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
];

export interface LocalNeo4jOptions {
  /** Neo4j home: data and logs go below it. Relative paths are taken from the working directory. */
  dataDir: string;
  boltPort: number;
  heapMb: number;
  pageCacheMb: number;
  /** Progress and server output, one line at a time. */
  log: (line: string) => void;
  startTimeoutMs?: number;
}

export interface LocalNeo4j {
  uri: string;
  /** Stops the server and waits for its clean shutdown. Safe to call more than once. */
  stop: () => Promise<void>;
  /** Kills the server at once (SIGKILL), as a power cut would; for tests of what survives one. */
  crash: () => Promise<void>;
}

export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
  constructor(message: string) {
    super(`${message}\n${alternatives}`);
  }
}

/**
 * The `java` arguments that run `mainClass` from the pinned Neo4j jars (the launcher's classes
 * included), resolving the jars and building the launcher first if needed.
 */
export async function neo4jJavaArgs(mainClass: string, log: (line: string) => void): Promise<string[]> {
  requireCommand('java', ['-version'], 'Java 17 or newer is needed to run the local Neo4j, and `java` was not found.');
  await ensureLauncherBuilt(log);
  const classpath = `${classesDir}${path.delimiter}${readFileSync(classpathFile, 'utf8').trim()}`;
  return [...neo4jJvmOptions, '-cp', classpath, mainClass];
}

/** Where Neo4j keeps a database's store and its transaction logs below a home (a local data dir). */
export function databaseDirs(home: string, database: string): { store: string; transactions: string } {
  return { store: path.join(home, 'data/databases', database), transactions: path.join(home, 'data/transactions', database) };
}

/** Starts a local Neo4j Community server from Maven Central's jars, building the launcher first if needed. */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const java = await neo4jJavaArgs(launcherClass, options.log);
  await requireFreePort(options.boltPort);

  const home = path.resolve(options.dataDir);
  mkdirSync(home, { recursive: true });
  const args = [
    `-Xms${Math.min(options.heapMb, 256)}m`,
    `-Xmx${options.heapMb}m`,
    ...java,
    home,
    String(options.boltPort),
    String(options.pageCacheMb),
  ];
  options.log(`starting Neo4j on bolt://127.0.0.1:${options.boltPort} with data in ${home}`);
  // stdin stays a pipe: the launcher exits when it closes, so a crashed parent leaves no orphan.
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const recentOutput: string[] = [];
  const ready = waitForReadyLine(child, recentOutput, options.log);

  const timeoutMs = options.startTimeoutMs ?? 120_000;
  const outcome = await Promise.race([
    ready.then(() => 'ready' as const),
    exited.then(() => 'exited' as const),
    delay(timeoutMs).then(() => 'timeout' as const),
  ]);
  if (outcome !== 'ready') {
    child.kill('SIGKILL');
    const reason = outcome === 'timeout' ? `did not become ready within ${timeoutMs} ms` : 'exited before it was ready';
    throw new LocalNeo4jError(
      `The local Neo4j ${reason}. Its last output:\n${recentOutput.join('\n')}\n` +
        `Its log is in ${path.join(home, 'logs')}.`,
    );
  }

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const stopped = await Promise.race([exited.then(() => true), delay(60_000).then(() => false)]);
      if (!stopped) {
        options.log('Neo4j did not stop within 60 s; killing it');
        child.kill('SIGKILL');
        await exited;
      }
    })();
    return stopping;
  };
  const crash = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  return { uri: `bolt://127.0.0.1:${options.boltPort}`, stop, crash };
}

function waitForReadyLine(child: ChildProcess, recentOutput: string[], log: (line: string) => void) {
  const remember = (line: string) => {
    recentOutput.push(line);
    if (recentOutput.length > 30) recentOutput.shift();
  };
  if (child.stderr) createInterface({ input: child.stderr }).on('line', remember);
  return new Promise<void>((resolve) => {
    if (!child.stdout) return;
    createInterface({ input: child.stdout }).on('line', (line) => {
      remember(line);
      if (line.startsWith('READY')) resolve();
      else if (line === 'STOPPING' || line === 'STOPPED') log(`Neo4j ${line.toLowerCase()}`);
    });
  });
}

/** Resolves the pinned Neo4j jars and compiles the launcher, once; later starts skip this. */
async function ensureLauncherBuilt(log: (line: string) => void): Promise<void> {
  const built = path.join(classesDir, ...launcherClass.split('.')) + '.class';
  const pom = path.join(projectDir, 'pom.xml');
  if (existsSync(classpathFile) && existsSync(built)) {
    const builtAt = Math.min(statSync(classpathFile).mtimeMs, statSync(built).mtimeMs);
    if (builtAt >= statSync(pom).mtimeMs && builtAt >= statSync(launcherSource).mtimeMs) return;
  }
  requireCommand('mvn', ['--version'], 'Maven is needed to fetch the local Neo4j, and `mvn` was not found.');
  log('resolving Neo4j from Maven Central and building the launcher (first run only; about 150 MB)');
  const maven = spawn(
    'mvn',
    ['-B', '-f', pom, 'compile', 'dependency:build-classpath', `-Dmdep.outputFile=${classpathFile}`],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  let files = 0;
  let kilobytes = 0;
  let lastReport = Date.now();
  createInterface({ input: maven.stdout }).on('line', (line) => {
    output.push(line);
    const downloaded = /Downloaded from \S+: \S+ \(([\d.]+) (kB|MB|B)/.exec(line);
    if (!downloaded) return;
    files += 1;
    const size = Number(downloaded[1]);
    kilobytes += downloaded[2] === 'MB' ? size * 1024 : downloaded[2] === 'kB' ? size : size / 1024;
    if (Date.now() - lastReport > 2000) {
      lastReport = Date.now();
      log(`downloaded ${files} files, ${(kilobytes / 1024).toFixed(1)} MB so far`);
    }
  });
  createInterface({ input: maven.stderr }).on('line', (line) => output.push(line));
  const code = await new Promise<number | null>((resolve) => maven.once('exit', resolve));
  if (code !== 0) {
    throw new LocalNeo4jError(
      `Maven could not build the local Neo4j launcher (exit code ${code}). Its last output:\n` +
        output.slice(-25).join('\n'),
    );
  }
  // Maven leaves both files untouched when nothing changed: mark them built, or every start would run Maven again.
  const now = new Date();
  for (const file of [classpathFile, built]) utimesSync(file, now, now);
  log(`Neo4j jars ready (${files} files downloaded, ${(kilobytes / 1024).toFixed(1)} MB)`);
}

function requireCommand(command: string, args: string[], message: string): void {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  if (result.error) throw new LocalNeo4jError(message);
}

/** Whether something accepts connections on 127.0.0.1:port. */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function requireFreePort(port: number): Promise<void> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new LocalNeo4jError(
          error.code === 'EADDRINUSE'
            ? `Port ${port} on 127.0.0.1 is already in use, so the local Neo4j cannot start there ` +
                `(is another Neo4j or \`npm start\` running?). Choose another with NEO4J_LOCAL_PORT.`
            : `Cannot listen on 127.0.0.1:${port} for the local Neo4j: ${error.message}.`,
        ),
      );
    });
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
