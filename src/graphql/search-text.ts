import { ClientError, ErrorCode } from '../server/errors';

const luceneSpecial = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Caps that keep one search's Lucene work bounded (each word is looked up exactly, as a prefix
 * and, fuzzily, in every index searched): more words, or a longer word, is refused.
 */
export const searchLimits = {
  /** Words searched, at most. */
  maxWords: 8,
  /** Characters in one word, at most: longer is no name anyone searches for. */
  maxWordLength: 100,
  /** Fuzzy matching within two edits only up to this length: its cost grows steeply with length. */
  maxTwoEditLength: 12,
  /** Words matched within two edits, at most; further ones get one edit. */
  maxTwoEditWords: 4,
  /** Fuzzy matching within one edit up to this length; longer words match exactly or as a prefix. */
  maxFuzzyLength: 20,
} as const;

/**
 * The stop words of the indexes' 'standard-folding' analyzer (Lucene's English set, as
 * `CALL db.index.fulltext.listAvailableAnalyzers()` lists them): the indexes hold none of them,
 * so requiring one ("into", "with") would make every search for it find nothing.
 */
export const stopWords: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in', 'into', 'is', 'it', 'no', 'not',
  'of', 'on', 'or', 'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they', 'this', 'to', 'was', 'will', 'with',
]);

/** In a ranked search, a word every hit must match: four letters or more, and no stop word (those were handled above). */
export const isRequiredWord = (term: string) => term.length >= 4 && !stopWords.has(term);

/**
 * How a text is matched: `ranked` for `search`, which finds what may be meant; `matching` for a
 * list's `text` filter, whose totalCount counts what a person would call matches.
 */
export type TextMatching = 'ranked' | 'matching';

/** The rule of a list's `text` filter, as its descriptions give it. */
export const listTextRule = 'every word but stop words ("the", "into") appears, whole or as the start of a word, in any case and with or without diacritics; misspellings are forgiven only by `search`.';

/**
 * A Lucene query for the full-text indexes, tolerant of case and diacritics (the indexes fold
 * them). `ranked`: each word matches exactly, as a prefix, or within an edit distance that grows
 * with its length (up to `searchLimits`); every word of four letters or more must match, but for
 * stop words; shorter ones and stop words only add to the rank. `matching`: every word but stop
 * words must match, whole or as the start of a word; no misspelling is forgiven.
 */
export function toLuceneQuery(text: string, matching: TextMatching = 'ranked'): string {
  const words = text
    .normalize('NFC')
    .replace(luceneSpecial, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 0);
  if (words.length === 0) {
    throw new ClientError(ErrorCode.BAD_USER_INPUT, 'The search text must contain at least one letter or digit.', {
      extensions: { argument: 'text' },
    });
  }
  if (words.length > searchLimits.maxWords) {
    throw new ClientError(ErrorCode.BAD_USER_INPUT, `Search for at most ${searchLimits.maxWords} words (this text has ${words.length}).`, {
      extensions: { argument: 'text', limit: searchLimits.maxWords, found: words.length },
    });
  }
  const long = words.find((word) => word.length > searchLimits.maxWordLength);
  if (long) {
    throw new ClientError(ErrorCode.BAD_USER_INPUT, `Search words are at most ${searchLimits.maxWordLength} characters (one has ${long.length}).`, {
      extensions: { argument: 'text', limit: searchLimits.maxWordLength, found: long.length },
    });
  }
  let twoEditWords = 0;
  return words
    .map((word) => {
      const term = word.toLowerCase();
      const alternatives = [`${term}^4`, `${term}*^2`];
      if (stopWords.has(term)) return `(${alternatives.join(' ')})`;
      if (matching === 'matching') return `+(${alternatives.join(' ')})`;
      let fuzziness = term.length < 4 || term.length > searchLimits.maxFuzzyLength ? 0 : 1;
      if (term.length >= 6 && term.length <= searchLimits.maxTwoEditLength && twoEditWords < searchLimits.maxTwoEditWords) {
        twoEditWords += 1;
        fuzziness = 2;
      }
      if (fuzziness > 0) alternatives.push(`${term}~${fuzziness}`);
      return `${isRequiredWord(term) ? '+' : ''}(${alternatives.join(' ')})`;
    })
    .join(' ');
}
