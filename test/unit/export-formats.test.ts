import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../src/export/csv';
import { coerceParameters, exportRoutes } from '../../src/server/exports';
import { createLogger } from '../../src/server/logger';

describe('CSV cells', () => {
  it('quotes what RFC 4180 requires and nothing else, and a parser reads every value back', () => {
    const values = ['plain', 'a, b', 'say "no"', 'two\r\nlines', 'one\nline', 'Лозовая Рудка', ''];
    expect(values.map(csvCell)).toEqual(['plain', '"a, b"', '"say ""no"""', '"two\r\nlines"', '"one\nline"', 'Лозовая Рудка', '']);
    expect(parseCsv(csvLine(values))).toEqual([values]);
  });

  it('neutralises text that a spreadsheet would run as a formula, but writes numbers as they are', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
  });
});

describe('export parameters', () => {
  const claims = exportRoutes['/export/claims.csv']!(createLogger('silent')).parameters;

  it('takes the filter as GraphQL takes a ClaimFilter, from JSON in a query string', () => {
    const values = coerceParameters({ filter: '{"types":["LOSSES"],"from":"2024-03-01"}', includeDeprecated: 'true' }, claims, true);
    expect(values).toMatchObject({ filter: { types: ['LOSSES'], from: '2024-03-01', timeMode: 'OVERLAPS' }, includeDeprecated: true });
  });

  it('names the parameter and the field of a value GraphQL would refuse', () => {
    expect(() => coerceParameters({ filter: { stances: ['MAYBE'] } }, claims, false)).toThrow(/filter\.stances\.0/);
    expect(() => coerceParameters({ filter: { unknownField: 1 } }, claims, false)).toThrow(/unknownField/);
    expect(() => coerceParameters({ asOf: 'yesterday' }, claims, true)).toThrow(/asOf/);
    expect(() => coerceParameters({ first: 10 }, claims, false)).toThrow(/Unknown parameter "first"/);
  });
});
