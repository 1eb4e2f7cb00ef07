export interface CypherStatement {
  text: string;
  /** 1-based line of the statement's first character that is not blank or a comment. */
  line: number;
}

type State = 'code' | 'single' | 'double' | 'backtick' | 'lineComment' | 'blockComment';

/**
 * Splits a script the way `cypher-shell -f` reads it: statements end at a semicolon that is
 * outside strings, quoted names and comments. Statements that hold only comments are dropped.
 */
export function splitStatements(script: string): CypherStatement[] {
  const statements: CypherStatement[] = [];
  let state: State = 'code';
  let start = 0;
  let line = 1;
  let firstCodeLine: number | undefined;

  const finish = (end: number) => {
    const text = script.slice(start, end).trim();
    if (firstCodeLine !== undefined && text.length > 0) statements.push({ text, line: firstCodeLine });
    firstCodeLine = undefined;
  };

  for (let index = 0; index < script.length; index += 1) {
    const char = script[index];
    const next = script[index + 1];
    if (char === '\n') line += 1;
    switch (state) {
      case 'code':
        if (char === '/' && next === '/') {
          state = 'lineComment';
          index += 1;
        } else if (char === '/' && next === '*') {
          state = 'blockComment';
          index += 1;
        } else if (char === ';') {
          finish(index);
          start = index + 1;
        } else if (char !== undefined && !/\s/.test(char)) {
          firstCodeLine ??= line;
          if (char === "'") state = 'single';
          else if (char === '"') state = 'double';
          else if (char === '`') state = 'backtick';
        }
        break;
      case 'single':
      case 'double':
        if (char === '\\') index += 1;
        else if ((state === 'single' && char === "'") || (state === 'double' && char === '"')) state = 'code';
        break;
      case 'backtick':
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
