import type { Plugin } from 'graphql-yoga';
import { ClientError, ErrorCode } from './errors';

/** The header a write's bookmark comes back in, and a later request sends it in. */
export const bookmarkHeader = 'x-neo4j-bookmark';
const maxBookmarks = 16;
const bookmarkPattern = /^[\w:+/=.-]{1,500}$/;

/** What each request wrote: its bookmarks, for the response. */
const written = new WeakMap<Request, string[]>();

/**
 * Read-your-writes: the bookmarks a client sends back (comma-separated) after a write through
 * any instance; every transaction of its request waits until the database has them, so a read on
 * a cluster's follower sees the write. BAD_USER_INPUT for a header that holds no bookmark.
 */
export function requestBookmarks(request: Request): string[] {
  const header = request.headers.get(bookmarkHeader);
  if (!header) return [];
  const bookmarks = header.split(',').map((bookmark) => bookmark.trim()).filter(Boolean);
  if (bookmarks.length > maxBookmarks || !bookmarks.every((bookmark) => bookmarkPattern.test(bookmark))) {
    throw new ClientError(ErrorCode.BAD_USER_INPUT, `${bookmarkHeader}: up to ${maxBookmarks} bookmarks, comma-separated, as a write returned them.`, { extensions: { header: bookmarkHeader } });
  }
  return bookmarks;
}

/** Remembers the bookmarks of a request's committed writes (the gateway tells them). */
export const recordBookmarks = (request: Request) => (bookmarks: string[]) => written.set(request, [...new Set([...(written.get(request) ?? []), ...bookmarks])]);

/** A write's bookmarks go back in the result's `extensions.bookmarks` and in the X-Neo4j-Bookmark header. */
export const useBookmarks: Plugin<{ request: Request }> = {
  onExecute: ({ args }) => ({
    onExecuteDone: ({ result, setResult }) => {
      const bookmarks = written.get((args.contextValue as { request: Request }).request);
      if (!bookmarks?.length || !('data' in result)) return;
      setResult({ ...result, extensions: { ...result.extensions, bookmarks } });
    },
  }),
  onResponse: ({ request, response }) => {
    const bookmarks = written.get(request);
    if (bookmarks?.length) response.headers.set(bookmarkHeader, bookmarks.join(','));
  },
};
