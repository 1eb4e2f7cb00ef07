import path from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { projectRoot } from '../project-root';
import { schema, subgraphSchema } from './schema';

export const schemaFilePath = path.join(projectRoot, 'schema/schema.graphql');

/** The SDL as committed in schema/schema.graphql. */
export function printSchemaFile(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

export const subgraphFilePath = path.join(projectRoot, 'schema/subgraph.graphql');

/** The subgraph's SDL with its federation directives (`@link`, `@key`), as composition reads it: schema/subgraph.graphql. */
export function printSubgraphFile(): string {
  return `${printSubgraphSchema(subgraphSchema)}\n`;
}
