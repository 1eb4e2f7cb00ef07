export interface CypherStatement {
  text: string;
  /** 1-based line of the statement's first character that is not blank or a comment. */
  line: number;
  /** The text without comments, each run of blanks outside strings one space: what checksums cover. */
  normalized: string;
  /** A cypher-shell command (`:param`, `:begin`, `:commit`...): one line, no semicolon. */
  command?: true;
}

type State = 'code' | 'single' | 'double' | 'backtick' | 'lineComment' | 'blockComment';

/**
 * Splits a script the way `cypher-shell -f` reads it: statements end at a semicolon that is
 * outside strings, quoted names and comments; a line that starts with `:` where a statement
 * would start is a command, ended by the line's end. Statements that hold only comments are
 * dropped.
 */
export function splitStatements(script: string): CypherStatement[] {
  const statements: CypherStatement[] = [];
  let state: State = 'code';
  let start = 0;
  let line = 1;
  let firstCodeLine: number | undefined;
  let normalized = '';
  // A comment or a blank separates tokens: one space stands for any run of them.
  const blank = () => {
    if (normalized.length > 0 && !normalized.endsWith(' ')) normalized += ' ';
  };

  const finish = (end: number) => {
    const text = script.slice(start, end).trim();
    if (firstCodeLine !== undefined && text.length > 0) statements.push({ text, line: firstCodeLine, normalized: normalized.trim() });
    firstCodeLine = undefined;
    normalized = '';
  };

  for (let index = 0; index < script.length; index += 1) {
    const char = script[index];
    const next = script[index + 1];
    if (char === '\n') line += 1;
    switch (state) {
      case 'code':
        if (char === ':' && firstCodeLine === undefined) {
          const end = script.indexOf('\n', index);
          const stop = end === -1 ? script.length : end;
          const text = script.slice(index, stop).trim();
          statements.push({ text, line, normalized: text.replace(/\s+/g, ' '), command: true });
          normalized = '';
          start = stop;
          index = stop - 1;
        } else if (char === '/' && next === '/') {
          state = 'lineComment';
          blank();
          index += 1;
        } else if (char === '/' && next === '*') {
          state = 'blockComment';
          blank();
          index += 1;
        } else if (char === ';') {
          finish(index);
          start = index + 1;
        } else if (char !== undefined && /\s/.test(char)) {
          blank();
        } else if (char !== undefined) {
          firstCodeLine ??= line;
          normalized += char;
          if (char === "'") state = 'single';
          else if (char === '"') state = 'double';
          else if (char === '`') state = 'backtick';
        }
        break;
      case 'single':
      case 'double':
        normalized += char ?? '';
        if (char === '\\') {
          normalized += next ?? '';
          index += 1;
        } else if ((state === 'single' && char === "'") || (state === 'double' && char === '"')) state = 'code';
        break;
      case 'backtick':
        normalized += char ?? '';
        if (char === '`') state = 'code';
        break;
      case 'lineComment':
        if (char === '\n') state = 'code';
        break;
      case 'blockComment':
        if (char === '*' && next === '/') {
          state = 'code';
          index += 1;
        }
        break;
    }
  }
  finish(script.length);
  return statements;
}
