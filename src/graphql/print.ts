import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { projectRoot } from '../project-root';
import { schema } from './schema';

export const schemaFilePath = path.join(projectRoot, 'schema/schema.graphql');

/** The SDL as committed in schema/schema.graphql. */
export function printSchemaFile(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
