/**
 * CSV as RFC 4180 writes it (CRLF line ends, a field quoted when it holds a comma, a quote or a
 * line break, quotes doubled), made safe to open in a spreadsheet: the data comes from the
 * public, and a text cell that starts like a formula (`=`, `+`, `-`, `@`, a tab or a carriage
 * return) gets a leading apostrophe so that Excel, LibreOffice and Sheets show it as text
 * (OWASP, "CSV Injection"). Numbers and booleans are written as they are.
 */
export type CsvValue = string | number | boolean | null | undefined;

/** A byte order mark, so that Excel reads the file as UTF-8. */
export const utf8Bom = '\uFEFF';

const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (values: readonly CsvValue[]) => `${values.map(csvCell).join(',')}\r\n`;
