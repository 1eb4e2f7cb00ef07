// Applies Cypher scripts: npm run cypher -- [--force] [--apply-differences] [--allow-changed-schema] [--principal NAME] <files or folders>...
// npm run cypher -- --status [<files or folders>...] lists applied, pending and changed scripts (default: cypher/).
// Relative paths are read from the working directory. Uses NEO4J_URI when set; otherwise the local
// Neo4j (started for the run if it is not already up).
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/config';
import { applyScripts, cypherDir, describeDrift, loadScripts, scriptStatuses } from '../src/cypher/runner';
import { openDatabaseForTool, type Database } from '../src/db/connect';

const usage =
  'usage: npm run cypher -- [--force] [--apply-differences] [--allow-changed-schema] [--principal NAME] <files or folders>...\n' +
  '       npm run cypher -- --status [<files or folders>...]';
let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      force: { type: 'boolean' },
      status: { type: 'boolean' },
      'apply-differences': { type: 'boolean' },
      'allow-changed-schema': { type: 'boolean' },
      principal: { type: 'string' },
    },
  });
} catch (error) {
  // An unknown option: say which, and how to call it, without a stack trace.
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(64);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (positionals.length === 0 && !values.status) {
  console.error(usage);
  process.exit(64);
}

let database: Database | undefined;
try {
  const config = loadConfig(process.env);
  // npm runs scripts from the package's folder; INIT_CWD is where the operator typed the command.
  const scripts = loadScripts(positionals.length > 0 ? positionals : [cypherDir], process.env.INIT_CWD ?? process.cwd());
  database = await openDatabaseForTool(config, (line) => console.log(line));
  if (values.status) {
    for (const status of await scriptStatuses(database.gateway, scripts)) {
      console.log(status.state === 'changed' ? `changed  ${describeDrift(status)}` : `${status.state.padEnd(8)} ${status.name}`);
    }
  } else {
    console.log(`applying ${scripts.length} scripts to ${database.uri} (database "${config.NEO4J_DATABASE}")`);
    const outcomes = await applyScripts(database.gateway, scripts, {
      force: values.force ?? false,
      allowChangedSchema: values['allow-changed-schema'] ?? false,
      applyDifferences: values['apply-differences'] ?? false,
      principal: values.principal ?? `cypher:${userInfo().username}`,
      log: (line) => console.log(line),
    });
    const applied = outcomes.filter((outcome) => outcome.status === 'applied').length;
    const differences = outcomes.reduce((sum, outcome) => sum + outcome.differences.length, 0);
    console.log(
      `done: ${applied} applied, ${outcomes.length - applied} unchanged` +
        (differences === 0
          ? ''
          : `; the seed and the graph differ on ${differences} value${differences === 1 ? '' : 's'}, ${values['apply-differences'] ? 'written as revisions' : 'left as they are (--apply-differences writes them as revisions)'}`),
    );
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database?.close();
}
