import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/project-root';

/** The cypher-shell the parity test runs: Neo4j's own, from Maven Central, on the server's version. */
export const cypherShellVersion = '5.26.30';
const folder = path.join(projectRoot, '.neo4j/cypher-shell');

/** The classpath of cypher-shell, resolved by Maven (downloaded into ~/.m2 once, then read from there). */
function classpath(): string {
  const file = path.join(folder, `classpath-${cypherShellVersion}.txt`);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    path.join(folder, 'pom.xml'),
    `<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>conflict-graph</groupId><artifactId>cypher-shell-for-tests</artifactId><version>1</version>
  <dependencies><dependency><groupId>org.neo4j</groupId><artifactId>cypher-shell</artifactId><version>${cypherShellVersion}</version></dependency></dependencies>
</project>`,
  );
  const maven = spawnSync('mvn', ['-q', '-f', path.join(folder, 'pom.xml'), 'dependency:build-classpath', `-Dmdep.outputFile=${file}`], { encoding: 'utf8' });
  if (maven.status !== 0) throw new Error(`Maven could not resolve org.neo4j:cypher-shell:${cypherShellVersion}:\n${maven.stdout}${maven.stderr}`);
  return readFileSync(file, 'utf8').trim();
}

/** Runs `cypher-shell -f`-style input (the scripts, one after another, on stdin) against a Neo4j; resolves with its output. */
export async function runCypherShell(uri: string, scripts: string[]): Promise<string> {
  const child = spawn(
    'java',
    ['-cp', classpath(), 'org.neo4j.shell.Main', '-a', uri, '-u', 'neo4j', '-p', 'unused-auth-is-off', '--non-interactive', '--format', 'plain'],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stdin.end(scripts.map((file) => readFileSync(file, 'utf8')).join('\n'));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`cypher-shell exited with ${code}:\n${output}`);
  return output;
}
