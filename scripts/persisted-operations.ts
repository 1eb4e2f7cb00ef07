// Builds the allow-list of PERSISTED_OPERATIONS_FILE from GraphQL Code Generator's persisted
// documents (client preset, `persistedDocuments: true`): `npm run persisted:build -- <persisted-documents.json> <allow-list.json>`.
// Each id must be the sha256 of its document; the list is written whole, then renamed into place,
// so a running service (which reloads the file when it changes) never reads half of it.
import { createHash } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { operationId, readAllowList } from '../src/server/persisted';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: npm run persisted:build -- <persisted-documents.json> <allow-list.json>');
  process.exit(2);
}
const operations = readAllowList(input);
const wrong = [...operations].filter(([id, text]) => createHash('sha256').update(text).digest('hex') !== operationId(id));
if (wrong.length > 0) {
  console.error(`${wrong.length} id(s) are not the sha256 of their document, first ${wrong[0]![0]}: was the file edited by hand?`);
  process.exit(1);
}
writeFileSync(`${output}.tmp`, `${JSON.stringify(Object.fromEntries(operations), null, 2)}\n`);
renameSync(`${output}.tmp`, output);
console.log(`wrote ${operations.size} persisted operation(s) to ${output}`);
