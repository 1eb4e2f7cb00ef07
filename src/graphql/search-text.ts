import { ClientError, ErrorCode } from '../errors';

const luceneSpecial = /[+\-&|!(){}[\]^"~*?:\\/]/g;
/** Longer words are no name anyone searches for, and Lucene's fuzzy matching refuses them. */
export const maxSearchWordLength = 100;

/**
 * A Lucene query for the full-text indexes, tolerant of case, diacritics (the indexes fold
 * them), transliteration and small misspellings: each word matches exactly, as a prefix, or
 * within an edit distance that grows with its length. Every word of four letters or more must
 * match; shorter ones ("of", "for", which the indexes drop as stop words) only add to the rank.
 */
export function toLuceneQuery(text: string): string {
  const words = text
    .normalize('NFC')
    .replace(luceneSpecial, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .slice(0, 12);
  if (words.length === 0) {
    throw new ClientError(ErrorCode.BAD_USER_INPUT, 'The search text must contain at least one letter or digit.', {
      extensions: { argument: 'text' },
    });
  }
  const long = words.find((word) => word.length > maxSearchWordLength);
  if (long) {
    throw new ClientError(ErrorCode.BAD_USER_INPUT, `Search words are at most ${maxSearchWordLength} characters (one has ${long.length}).`, {
      extensions: { argument: 'text' },
    });
  }
  return words
    .map((word) => {
      const term = word.toLowerCase();
      const fuzziness = term.length >= 6 ? 2 : term.length >= 4 ? 1 : 0;
      const alternatives = [`${term}^4`, `${term}*^2`];
      if (fuzziness > 0) alternatives.push(`${term}~${fuzziness}`);
      return `${term.length >= 4 ? '+' : ''}(${alternatives.join(' ')})`;
    })
    .join(' ');
}
