// Writes schema/schema.graphql from the Pothos builder; with --check, fails if the file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { printSchemaFile, schemaFilePath } from '../src/graphql/print';

const printed = printSchemaFile();
if (process.argv.includes('--check')) {
  const committed = readFileSync(schemaFilePath, 'utf8');
  if (committed !== printed) {
    console.error(`${schemaFilePath} is stale: run \`npm run schema:print\` and commit it.`);
    process.exit(1);
  }
  console.log(`${schemaFilePath} is current.`);
} else {
  writeFileSync(schemaFilePath, printed);
  console.log(`wrote ${schemaFilePath}`);
}
