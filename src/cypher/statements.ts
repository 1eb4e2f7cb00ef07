export interface CypherStatement {
  text: string;
  /** 1-based line of the statement's first character that is not blank or a comment. */
  line: number;
  /** The text without comments, each run of blanks outside strings one space: what checksums cover. */
  normalized: string;
  /** A cypher-shell command (`:param`, `:begin`, `:commit`...): one line, no semicolon. */
  command?: true;
}

/**
 * A lexeme of Cypher: `word` a keyword or plain name, `name` a backtick-quoted name, `string` a
 * literal, `parameter` `$name`, `number` a numeric literal, `symbol` any other single character.
 */
export interface Token {
  kind: 'word' | 'name' | 'string' | 'parameter' | 'number' | 'symbol';
  /** As written, quotes included. */
  text: string;
  /** Where it starts in the text that was read. */
  offset: number;
}

type Lexeme = Token['kind'] | 'blank' | 'comment';

const isBlank = (char: string | undefined) => char !== undefined && char.trim() === '';
const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';
/** Cypher's names are letters, digits and underscores of any script; ASCII first, as it is fast. */
const isWordChar = (char: string | undefined) =>
  char !== undefined &&
  ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || isDigit(char) || char === '_' || (char > '\x7f' && /[\p{L}\p{N}]/u.test(char)));

/** What starts at `index`, and where it ends: strings, quoted names and comments run to their end. */
function lexeme(source: string, index: number): { kind: Lexeme; end: number } {
  const char = source[index];
  const next = source[index + 1];
  const until = (stop: string, from: number) => {
    const at = source.indexOf(stop, from);
    return at === -1 ? source.length : at;
  };
  if (isBlank(char)) return { kind: 'blank', end: index + 1 };
  if (char === '/' && next === '/') return { kind: 'comment', end: until('\n', index) };
  if (char === '/' && next === '*') return { kind: 'comment', end: Math.min(until('*/', index + 2) + 2, source.length) };
  if (char === "'" || char === '"') {
    let end = index + 1;
    while (end < source.length && source[end] !== char) end += source[end] === '\\' ? 2 : 1;
    return { kind: 'string', end: Math.min(end + 1, source.length) };
  }
  if (char === '`') return { kind: 'name', end: quotedNameEnd(source, index) };
  if (char === '$' && next === '`') return { kind: 'parameter', end: quotedNameEnd(source, index + 1) };
  if (char === '$' && isWordChar(next)) return { kind: 'parameter', end: wordEnd(source, index + 1) };
  if (isDigit(char)) {
    let end = wordEnd(source, index);
    // A decimal point belongs to the number only when a digit follows (`1..3` is a range).
    while (source[end] === '.' && isDigit(source[end + 1])) end = wordEnd(source, end + 1);
    return { kind: 'number', end };
  }
  if (isWordChar(char)) return { kind: 'word', end: wordEnd(source, index) };
  return { kind: 'symbol', end: index + 1 };
}

function wordEnd(source: string, index: number): number {
  let end = index;
  while (isWordChar(source[end])) end += 1;
  return end;
}

/** A doubled backtick inside a quoted name stands for one. */
function quotedNameEnd(source: string, index: number): number {
  let end = index + 1;
  for (;;) {
    const close = source.indexOf('`', end);
    if (close === -1) return source.length;
    if (source[close + 1] !== '`') return close + 1;
    end = close + 2;
  }
}

/** The tokens of a statement or command, without blanks and comments, with their offsets in `text`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (let index = 0; index < text.length; ) {
    const { kind, end } = lexeme(text, index);
    if (kind !== 'blank' && kind !== 'comment') tokens.push({ kind, text: text.slice(index, end), offset: index });
    index = end;
  }
  return tokens;
}

const tokensOfStatement = new WeakMap<CypherStatement, Token[]>();

/** A statement's tokens (offsets in its `text`), read once. */
export function tokensOf(statement: CypherStatement): Token[] {
  let tokens = tokensOfStatement.get(statement);
  if (!tokens) tokensOfStatement.set(statement, (tokens = tokenize(statement.text)));
  return tokens;
}

/** Whether the token is the keyword (or one of the keywords) given in capitals, as Cypher reads keywords: in any case. */
export function isKeyword(token: Token | undefined, ...keywords: string[]): token is Token {
  return token?.kind === 'word' && keywords.includes(token.text.toUpperCase());
}

export function isSymbol(token: Token | undefined, symbol: string): token is Token {
  return token?.kind === 'symbol' && token.text === symbol;
}

/** A label's, type's or variable's name, unquoted; undefined for tokens that are no name. */
export function nameOf(token: Token | undefined): string | undefined {
  if (token?.kind === 'word') return token.text;
  if (token?.kind === 'name') return token.text.slice(1, -1).replaceAll('``', '`');
  return undefined;
}

/** A name quoted for Cypher: the inverse of `nameOf` for a quoted name. */
export function quoteName(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}

/** Each run of blanks one space, as a command's normalised form. */
function foldBlanks(text: string): string {
  let folded = '';
  for (const char of text) {
    if (!isBlank(char)) folded += char;
    else if (!folded.endsWith(' ')) folded += ' ';
  }
  return folded;
}

/**
 * Splits a script the way `cypher-shell -f` reads it: statements end at a semicolon that is
 * outside strings, quoted names and comments; a line that starts with `:` where a statement
 * would start is a command, ended by the line's end. Statements that hold only comments are
 * dropped.
 */
export function splitStatements(script: string): CypherStatement[] {
  const statements: CypherStatement[] = [];
  let start = 0;
  let line = 1;
  let firstCodeLine: number | undefined;
  let normalized = '';
  // A comment or a blank separates tokens: one space stands for any run of them.
  let separated = false;

  const finish = (end: number) => {
    const text = script.slice(start, end).trim();
    if (firstCodeLine !== undefined && text.length > 0) statements.push({ text, line: firstCodeLine, normalized });
    firstCodeLine = undefined;
    normalized = '';
    separated = false;
  };

  for (let index = 0; index < script.length; ) {
    let { kind, end } = lexeme(script, index);
    if (kind === 'symbol' && script[index] === ':' && firstCodeLine === undefined) {
      end = script.indexOf('\n', index);
      if (end === -1) end = script.length;
      const text = script.slice(index, end).trim();
      statements.push({ text, line, normalized: foldBlanks(text), command: true });
      start = end;
    } else if (kind === 'blank' || kind === 'comment') {
      separated = normalized.length > 0;
    } else if (kind === 'symbol' && script[index] === ';') {
      finish(index);
      start = index + 1;
    } else {
      firstCodeLine ??= line;
      normalized += (separated ? ' ' : '') + script.slice(index, end);
      separated = false;
    }
    for (let at = index; at < end; at += 1) if (script[at] === '\n') line += 1;
    index = end;
  }
  finish(script.length);
  return statements;
}

/**
 * How a statement must run, read from its tokens: schema changes and `CALL { … } IN TRANSACTIONS`
 * cannot share a transaction.
 */
export function modeOf(tokens: Token[]): 'schema' | 'implicit' | 'data' {
  if (isKeyword(tokens[0], 'CREATE', 'DROP')) {
    let at = 1;
    if (isKeyword(tokens[at], 'OR') && isKeyword(tokens[at + 1], 'REPLACE')) at += 2;
    if (isKeyword(tokens[at], 'RANGE', 'TEXT', 'POINT', 'FULLTEXT', 'LOOKUP', 'VECTOR', 'BTREE')) at += 1;
    if (isKeyword(tokens[at], 'INDEX', 'CONSTRAINT')) return 'schema';
  }
  const inTransactions = tokens.some(
    (token, at) =>
      isKeyword(token, 'IN') &&
      (isKeyword(tokens[at + 1], 'TRANSACTIONS') ||
        // IN n CONCURRENT TRANSACTIONS: n a number or a parameter.
        (['number', 'parameter'].includes(tokens[at + 1]?.kind ?? '') &&
          isKeyword(tokens[at + 2], 'CONCURRENT') &&
          isKeyword(tokens[at + 3], 'TRANSACTIONS'))),
  );
  return inTransactions ? 'implicit' : 'data';
}

/** A command's name in lower case (`:param`), from its first tokens. */
export function commandOf(tokens: Token[]): string {
  const [colon, word] = tokens;
  return word?.kind === 'word' && colon && word.offset === colon.offset + 1 ? `:${word.text.toLowerCase()}` : (colon?.text ?? '');
}

/** The `ON CREATE SET` clauses of a statement: where each starts (at `ON`) and ends (after `SET`). */
export function onCreateSets(tokens: Token[]): { start: number; end: number }[] {
  return tokens.flatMap((token, at) => {
    const set = tokens[at + 2];
    return isKeyword(token, 'ON') && isKeyword(tokens[at + 1], 'CREATE') && isKeyword(set, 'SET')
      ? [{ start: token.offset, end: set.offset + set.text.length }]
      : [];
  });
}

/** The statement with each `ON CREATE SET` made `SET`: what it would write over what exists. */
export function overwriting(text: string, tokens = tokenize(text)): string {
  let rewritten = '';
  let from = 0;
  for (const clause of onCreateSets(tokens)) {
    rewritten += `${text.slice(from, clause.start)}SET`;
    from = clause.end;
  }
  return rewritten + text.slice(from);
}

/**
 * The labels of the nodes and the types of the relationships in the patterns a statement
 * MERGEs, walked token by token: `MERGE [p =] (n:Label {…})-[r:TYPE {…}]->(m:Label)…`.
 */
export function mergedElements(tokens: Token[]): { labels: string[]; types: string[] } {
  const labels: string[] = [];
  const types: string[] = [];
  tokens.forEach((token, at) => {
    if (!isKeyword(token, 'MERGE')) return;
    let next = at + 1;
    if (nameOf(tokens[next]) !== undefined && isSymbol(tokens[next + 1], '=')) next += 2;
    while (isSymbol(tokens[next], '(')) {
      next = elementNames(tokens, next, ')', labels);
      // A relationship: <-[…]- or -[…]-> or -[…]-, or one without brackets.
      if (isSymbol(tokens[next], '<')) next += 1;
      if (!isSymbol(tokens[next], '-')) break;
      next += 1;
      if (isSymbol(tokens[next], '[')) next = elementNames(tokens, next, ']', types);
      if (!isSymbol(tokens[next], '-')) break;
      next += 1;
      if (isSymbol(tokens[next], '>')) next += 1;
    }
  });
  return { labels, types };
}

/**
 * Reads the node or relationship that opens at `open`, adding the names that follow `:`, `&` or
 * `|` at its own level (not inside its property map) to `names`; returns the index after its close.
 */
function elementNames(tokens: Token[], open: number, close: string, names: string[]): number {
  let depth = 0;
  for (let at = open; at < tokens.length; at += 1) {
    const token = tokens[at]!;
    if (token.kind !== 'symbol') continue;
    if ('([{'.includes(token.text)) depth += 1;
    else if (')]}'.includes(token.text)) {
      depth -= 1;
      if (depth === 0) return token.text === close ? at + 1 : tokens.length;
    } else if (depth === 1 && ':&|'.includes(token.text)) {
      const name = nameOf(tokens[at + 1]);
      if (name !== undefined) names.push(name);
    }
  }
  return tokens.length;
}
