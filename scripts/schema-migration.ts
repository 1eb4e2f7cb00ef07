// Writes the constraints and indexes the model declares but no script in cypher/schema/ creates
// yet, as the next numbered script, for an operator to review and apply (`npm run cypher`).
//   npm run schema:migration -- <name>     e.g. npm run schema:migration -- equipment
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { splitStatements } from '../src/cypher/statements';
import { modelSchemaStatements } from '../src/model';

const directory = 'cypher/schema';
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run schema:migration -- <name in lower case, digits and _>');
  process.exit(2);
}
const files = readdirSync(directory).filter((file) => file.endsWith('.cypher')).sort();
const scripted = new Set(files.flatMap((file) => splitStatements(readFileSync(path.join(directory, file), 'utf8')).map((statement) => statement.normalized)));
const missing = [...modelSchemaStatements().values()].filter((statement) => !scripted.has(statement));
if (missing.length === 0) {
  console.log(`${directory} already creates everything the model declares.`);
  process.exit(0);
}
const number = Math.max(0, ...files.map((file) => Number.parseInt(file, 10)).filter(Number.isFinite)) + 1;
const file = path.join(directory, `${String(number).padStart(3, '0')}_${name}.cypher`);
writeFileSync(file, `// Constraints and indexes of the model (src/model/) that earlier scripts do not create.\n// Idempotent: IF NOT EXISTS. Schema only.\n\n${missing.map((statement) => `${statement};`).join('\n')}\n`);
console.log(`wrote ${file}: ${missing.length} statements`);
