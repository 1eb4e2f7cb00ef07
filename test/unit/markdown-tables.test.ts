import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '../..');
const documents = ['README.md', 'CHANGELOG.md', ...readdirSync(path.join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

/** A row's cells as GitHub's Markdown splits them: at every pipe not escaped with a backslash, code spans included. */
const cells = (line: string) => line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '').split(/(?<!\\)\|/);
const isDelimiter = (line: string) => /^\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*$/.test(line.trim());

/**
 * The tables of a Markdown text, rendered as GitHub renders them (a header, a delimiter row, rows
 * up to the first line that is not one), and the problems a reader would see: a row with more or
 * fewer cells than the header (cells lost or shifted), and rows cut off from their table by a
 * blank line, which render as a paragraph of pipes.
 */
function tableProblems(text: string): string[] {
  const lines = text.split('\n');
  const problems: string[] = [];
  let inCode = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trimStart().startsWith('```')) inCode = !inCode;
    if (inCode || !line.trimStart().startsWith('|')) continue;
    if (!isDelimiter(lines[index + 1] ?? '')) {
      problems.push(`line ${index + 1}: a row outside any table (a blank line above it?): ${line.slice(0, 60)}`);
      continue;
    }
    const width = cells(line).length;
    let row = index + 2;
    for (; row < lines.length && lines[row]!.trimStart().startsWith('|'); row++) {
      const count = cells(lines[row]!).length;
      if (count !== width) problems.push(`line ${row + 1}: ${count} cells in a table of ${width}: ${lines[row]!.slice(0, 60)}`);
    }
    index = row - 1;
  }
  return problems;
}

describe('the Markdown tables of the README and docs', () => {
  it('finds a row cut off by a blank line, and a row with a stray pipe', () => {
    expect(tableProblems('| a | b |\n|---|---|\n| 1 | 2 |\n\n| 3 | 4 |')).toEqual([expect.stringContaining('line 5: a row outside any table')]);
    expect(tableProblems('| a | b |\n|---|---|\n| `x|y` | 2 |')).toEqual([expect.stringContaining('3 cells in a table of 2')]);
    expect(tableProblems('| a | b |\n|---|---|\n| `x\\|y` | 2 |')).toEqual([]);
  });

  for (const document of documents) {
    it(`${document}: every table renders whole`, () => {
      expect(tableProblems(readFileSync(path.join(root, document), 'utf8'))).toEqual([]);
    });
  }
});
