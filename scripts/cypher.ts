// Applies Cypher scripts: npm run cypher -- [--force] [--allow-changed-schema] <files or folders>...
// Uses NEO4J_URI when set; otherwise the local Neo4j (started for the run if it is not already up).
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { applyScripts, loadScripts } from '../src/cypher/runner';
import { openDatabaseForTool, type Database } from '../src/db/connect';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { force: { type: 'boolean' }, 'allow-changed-schema': { type: 'boolean' } },
});
if (positionals.length === 0) {
  console.error('usage: npm run cypher -- [--force] [--allow-changed-schema] <files or folders>...');
  process.exit(64);
}

let database: Database | undefined;
try {
  const config = loadConfig(process.env);
  const scripts = loadScripts(positionals);
  database = await openDatabaseForTool(config, (line) => console.log(line));
  console.log(`applying ${scripts.length} scripts to ${database.uri} (database "${config.NEO4J_DATABASE}")`);
  const outcomes = await applyScripts(database.gateway, scripts, {
    force: values.force ?? false,
    allowChangedSchema: values['allow-changed-schema'] ?? false,
    log: (line) => console.log(line),
  });
  const applied = outcomes.filter((outcome) => outcome.status === 'applied').length;
  console.log(`done: ${applied} applied, ${outcomes.length - applied} unchanged`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database?.close();
}
