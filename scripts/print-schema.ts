// Writes schema/schema.graphql and schema/subgraph.graphql from the Pothos builder; with --check, fails if either is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { printSchemaFile, printSubgraphFile, schemaFilePath, subgraphFilePath } from '../src/graphql/print';

const files: [string, string][] = [
  [schemaFilePath, printSchemaFile()],
  [subgraphFilePath, printSubgraphFile()],
];
for (const [file, printed] of files) {
  if (process.argv.includes('--check')) {
    const committed = readFileSync(file, { encoding: 'utf8', flag: 'a+' });
    if (committed !== printed) {
      console.error(`${file} is stale: run \`npm run schema:print\` and commit it.`);
      process.exit(1);
    }
    console.log(`${file} is current.`);
  } else {
    writeFileSync(file, printed);
    console.log(`wrote ${file}`);
  }
}
