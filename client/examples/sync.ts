/**
 * `npm run example:sync -- [--state claims-copy.json] [--since 2024-03-01T00:00:00Z] [--page-size 100]`:
 * keeps a copy of the claims in a JSON file, in record time (README, "Keeping a copy in sync").
 * The first run takes every claim (or those recorded since --since); each later run resumes from
 * the cursor saved in the file and takes only what changed since. The file is rewritten after
 * each page, whole then renamed, so an interrupted run resumes at its last complete page.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runAsScript, type Request } from '../client';
import { SyncClaimsDocument, type SyncClaimsQuery } from '../generated/graphql';

export type SyncedClaim = SyncClaimsQuery['claims']['edges'][number]['node'];

/** What the file keeps: the last page's endCursor (the only position a client needs), the first run's filter, and the copy. */
export interface SyncState {
  cursor: string | null;
  recordedSince: string | null;
  claims: Record<string, SyncedClaim>;
}

export function readState(file: string, recordedSince: string | null): SyncState {
  if (!existsSync(file)) return { cursor: null, recordedSince, claims: {} };
  return JSON.parse(readFileSync(file, 'utf8')) as SyncState;
}

function writeState(file: string, state: SyncState) {
  writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

/** Applies every change since the saved cursor to the copy in `file`; returns how many changes it applied. */
export async function syncClaims(request: Request, options: { file: string; since?: string; pageSize: number }, print: (line: string) => void) {
  const state = readState(options.file, options.since ?? null);
  let changes = 0;
  for (;;) {
    const { claims } = await request(SyncClaimsDocument, { first: options.pageSize, after: state.cursor, recordedSince: state.recordedSince });
    for (const { node } of claims.edges) {
      // A merge is a change of the survivor: the records it absorbed leave the copy.
      for (const former of node.formerKeys) {
        if (former !== node.key && delete state.claims[former]) print(`dropped\t${former}\tmerged into ${node.key}`);
      }
      state.claims[node.key] = node;
      print(`changed\t${node.key}\t${node.rank}\t${node.updatedAt ?? node.recordedAt ?? ''}`);
      changes += 1;
    }
    // An empty page has no endCursor: the saved one stays the position.
    state.cursor = claims.pageInfo.endCursor ?? state.cursor;
    writeState(options.file, state);
    if (!claims.pageInfo.hasNextPage) return { changes, copied: Object.keys(state.claims).length };
  }
}

export async function runSync(args: string[], request: Request, print: (line: string) => void) {
  const { values } = parseArgs({
    args,
    options: { state: { type: 'string', default: 'claims-copy.json' }, since: { type: 'string' }, 'page-size': { type: 'string', default: '100' } },
  });
  const pageSize = Number(values['page-size']);
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`--page-size must be a whole number above 0, not ${values['page-size']}`);
  return syncClaims(request, { file: values.state, ...(values.since ? { since: values.since } : {}), pageSize }, print);
}

runAsScript(import.meta.url, (args, request, print) => runSync(args, request, print).then(({ changes, copied }) => `${changes} change(s); ${copied} claim(s) in the copy`));
