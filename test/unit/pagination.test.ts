import { describe, expect, it } from 'vitest';
import { ClientError } from '../../src/server/errors';
import { checkPageSize, defaultPageSize, maxPageSize, needsTotalFirst, pageWindow, toConnection, type PageArgs } from '../../src/graphql/pagination';

/** The cursors of a list of `total` items, as its pages hand them out. */
const cursorsOf = (total: number) => toConnection(Array.from({ length: total }, (_, index) => index), { offset: 0, limit: total }, total).edges.map((edge) => edge.cursor);

const cursors = cursorsOf(200);
const cursorAt = (position: number) => cursors[position]!;

/** The error `attempt` throws: a ClientError with BAD_USER_INPUT. */
function inputError(attempt: () => unknown): ClientError {
  try {
    attempt();
  } catch (error) {
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).extensions.code).toBe('BAD_USER_INPUT');
    return error as ClientError;
  }
  throw new Error('expected a BAD_USER_INPUT error, got none');
}

describe('pageWindow: the slice Relay arguments ask for', () => {
  const windows: [string, PageArgs, number | undefined, { offset: number; limit: number }][] = [
    ['no arguments: the default page from the start', {}, undefined, { offset: 0, limit: defaultPageSize }],
    ['first', { first: 5 }, undefined, { offset: 0, limit: 5 }],
    ['first: 0', { first: 0 }, undefined, { offset: 0, limit: 0 }],
    ['first: the maximum', { first: maxPageSize }, undefined, { offset: 0, limit: maxPageSize }],
    ['first after a cursor: the items after it', { first: 5, after: cursorAt(9) }, undefined, { offset: 10, limit: 5 }],
    ['after alone: the default page after it', { after: cursorAt(0) }, undefined, { offset: 1, limit: defaultPageSize }],
    ['first before a cursor: cut at the cursor', { first: 5, before: cursorAt(3) }, undefined, { offset: 0, limit: 3 }],
    ['between two cursors', { first: 10, after: cursorAt(2), before: cursorAt(6) }, undefined, { offset: 3, limit: 3 }],
    ['after a cursor at or past before: nothing', { first: 10, after: cursorAt(6), before: cursorAt(4) }, undefined, { offset: 7, limit: 0 }],
    ['last with the total: the end of the list', { last: 5 }, 42, { offset: 37, limit: 5 }],
    ['last over the total: the whole list', { last: 50 }, 42, { offset: 0, limit: 42 }],
    ['last before a cursor: the items just before it', { last: 5, before: cursorAt(20) }, undefined, { offset: 15, limit: 5 }],
    ['last before a cursor near the start: from the start', { last: 5, before: cursorAt(2) }, undefined, { offset: 0, limit: 2 }],
    ['last between two cursors: never before after', { last: 10, after: cursorAt(4), before: cursorAt(8) }, undefined, { offset: 5, limit: 3 }],
    ['last: 0', { last: 0 }, 42, { offset: 42, limit: 0 }],
    ['last of an empty list', { last: 5 }, 0, { offset: 0, limit: 0 }],
  ];
  it.each(windows)('%s', (_, args, total, window) => {
    expect(pageWindow(args, total)).toEqual(window);
  });

  it('needs the total first only for last without before', () => {
    expect(needsTotalFirst({ last: 5 })).toBe(true);
    expect(needsTotalFirst({ last: 5, before: cursorAt(3) })).toBe(false);
    expect(needsTotalFirst({ first: 5 })).toBe(false);
    expect(needsTotalFirst({})).toBe(false);
  });
});

describe('page sizes', () => {
  it.each([0, 1, maxPageSize])('accepts %i', (size) => {
    expect(checkPageSize(size, 'first')).toBe(size);
  });

  it.each([
    ['first', -1],
    ['first', maxPageSize + 1],
    ['last', -1],
    ['last', 10_000],
  ] as const)('refuses %s: %i, naming the argument and the maximum', (argument, size) => {
    const error = inputError(() => pageWindow({ [argument]: size }, 1000));
    expect(error.message).toBe(`${argument} must be between 0 and ${maxPageSize}, the maximum page size (got ${size}).`);
    expect(error.extensions).toMatchObject({ argument, maximum: maxPageSize });
  });
});

describe('cursors', () => {
  it('are distinct, opaque positions that page on where the last page ended', () => {
    expect(new Set(cursors).size).toBe(cursors.length);
    for (const cursor of cursors.slice(0, 5)) expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const firstPage = toConnection(['a', 'b', 'c'], pageWindow({ first: 3 }), 10);
    const next = pageWindow({ first: 3, after: firstPage.pageInfo.endCursor });
    const secondPage = toConnection(['d', 'e', 'f'], next, 10);
    expect(next).toEqual({ offset: 3, limit: 3 });
    expect(secondPage.edges.map((edge) => edge.cursor)).toEqual(cursors.slice(3, 6));
    expect(pageWindow({ last: 3, before: secondPage.pageInfo.startCursor })).toEqual({ offset: 0, limit: 3 });
  });

  const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
  const badCursors: [string, string][] = [
    ['not base64 at all', '%%%'],
    ['another prefix', base64url('id:3')],
    ['no number', base64url('offset:')],
    ['a negative position', base64url('offset:-1')],
    ['a fraction', base64url('offset:1.5')],
    ['a number past the safe integers', base64url(`offset:${2 ** 53}`)],
    ['another spelling of a position (leading zero)', base64url('offset:07')],
    ['another spelling of a position (exponent)', base64url('offset:1e1')],
    ['a valid cursor with padding added', `${cursorAt(3)}==`],
    ['a Cypher injection', base64url("offset:1' RETURN 1 //")],
  ];
  it.each(badCursors)('refuses %s as after and as before, naming the argument', (_, cursor) => {
    for (const argument of ['after', 'before'] as const) {
      const error = inputError(() => pageWindow({ first: 5, [argument]: cursor }));
      expect(error.message).toMatch(/is not a cursor of this list/);
      expect(error.extensions).toMatchObject({ argument });
    }
  });

  it('quotes at most 60 characters of a bad cursor', () => {
    const error = inputError(() => pageWindow({ after: 'x'.repeat(10_000) }));
    expect(error.message).toBe(`"${'x'.repeat(60)}" is not a cursor of this list (after).`);
  });
});

describe('toConnection', () => {
  it('says whether pages lie before and after the window', () => {
    const middle = toConnection(['k', 'l'], { offset: 10, limit: 2 }, 20);
    expect(middle.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true, startCursor: cursorAt(10), endCursor: cursorAt(11) });
    expect(middle.edges).toEqual([
      { node: 'k', cursor: cursorAt(10) },
      { node: 'l', cursor: cursorAt(11) },
    ]);
    const last = toConnection(['s', 't'], { offset: 18, limit: 5 }, 20);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(toConnection(['a'], { offset: 0, limit: 1 }, 1).pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it('gives an empty page null cursors and keeps the total', () => {
    expect(toConnection([], { offset: 0, limit: 20 }, 0)).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      totalCount: 0,
    });
    expect(toConnection([], { offset: 30, limit: 20 }, 25).pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true, startCursor: null });
  });
});
