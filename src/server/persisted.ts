/**
 * Persisted operations (PERSISTED_OPERATIONS_FILE): only the operations of an allow-list run.
 * Both forms of sending one are accepted, `extensions.persistedQuery.sha256Hash` (Apollo's) and
 * `documentId` (GraphQL Code Generator's persisted documents), with or without codegen's
 * "sha256:" prefix. The list is read again whenever the file changes, without a restart; a file
 * that does not read keeps the list in force, and is logged.
 */
import { readFileSync, statSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { GraphQLParams } from 'graphql-yoga';
import { ErrorCode } from './errors';
import type { Logger } from './logger';

/** An operation's id without codegen's "sha256:" prefix: the allow-list's keys are sha256 hex. */
export const operationId = (id: string) => id.replace(/^sha256:/, '');

/** The allow-list in a file: a JSON object of id → operation text. */
export function readAllowList(file: string): Map<string, string> {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${file} is not a JSON object of operation id to operation.`);
  return new Map(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string').map(([id, text]) => [operationId(id), text]));
}

function extractId(params: GraphQLParams & { documentId?: unknown }): string | null {
  const id = (params.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash ?? params.documentId;
  return typeof id === 'string' ? operationId(id) : null;
}

export function usePersistedAllowList(file: string, logger: Logger) {
  let operations = readAllowList(file);
  let readAt = statSync(file).mtimeMs;
  const current = () => {
    const modified = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
    if (modified !== undefined && modified !== readAt) {
      readAt = modified;
      try {
        operations = readAllowList(file);
        logger.info({ file, operations: operations.size }, 'persisted operations reloaded');
      } catch (error) {
        logger.error({ err: error, file }, 'persisted operations not reloaded: the list in force stays');
      }
    }
    return operations;
  };
  return usePersistedOperations({
    getPersistedOperation: (id: string) => current().get(id) ?? null,
    extractPersistedOperationId: extractId,
    allowArbitraryOperations: false,
    customErrors: {
      persistedQueryOnly: { message: 'Only persisted operations run here: send extensions.persistedQuery.sha256Hash or documentId, without a query.', extensions: { code: ErrorCode.PERSISTED_QUERY_ONLY } },
      notFound: { message: 'No persisted operation has this id.', extensions: { code: ErrorCode.PERSISTED_QUERY_NOT_FOUND } },
      keyNotFound: { message: 'Only persisted operations run here: send extensions.persistedQuery.sha256Hash or documentId.', extensions: { code: ErrorCode.PERSISTED_QUERY_ONLY } },
    },
  });
}
