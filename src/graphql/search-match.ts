import { isRequiredWord } from './search-text';

/**
 * Which of a hit's searched values a search text matched, worked out as the full-text query
 * matches (`toLuceneQuery`): words folded for case and diacritics, each matching a word of the
 * value exactly, as a prefix, or within a small edit distance. Pure (`test/unit/search-match.test.ts`).
 */

/** A searched property of a hit and its values (a name, or a list of aliases). */
export interface Searchable {
  property: string;
  value: unknown;
  /** The property holds names that may denote another entity as well (uncertainAliases). */
  uncertain: boolean;
}

export interface SearchMatch {
  property: string;
  value: string;
  uncertain: boolean;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** How well one query word matches one word of a value: 3 exact, 2 prefix, 1 within the edits Lucene allows, else 0. */
function wordMatch(query: string, word: string): number {
  if (query === word) return 3;
  if (word.startsWith(query)) return 2;
  const allowed = query.length < 4 ? 0 : query.length < 6 ? 1 : 2;
  return allowed > 0 && editDistance(query, word) <= allowed ? 1 : 0;
}

/**
 * The value that best explains the hit: the most query words matched, then the closest matches,
 * then the value with the fewest other words (a name over a long text that mentions it).
 */
export function bestMatch(text: string, searchables: readonly Searchable[]): SearchMatch | null {
  const words = fold(text);
  let best: { match: SearchMatch; score: [number, number, number] } | null = null;
  for (const { property, value, uncertain } of searchables) {
    for (const candidate of Array.isArray(value) ? value : [value]) {
      if (typeof candidate !== 'string') continue;
      const candidateWords = fold(candidate);
      const perWord = words.map((query) => Math.max(0, ...candidateWords.map((word) => wordMatch(query, word))));
      const score: [number, number, number] = [perWord.filter((points) => points > 0).length, perWord.reduce((sum, points) => sum + points, 0), -candidateWords.length];
      if (score[0] === 0) continue;
      if (!best || isBetter(score, best.score)) best = { match: { property, value: candidate, uncertain }, score };
    }
  }
  return best?.match ?? null;
}

/**
 * Whether values match the search text as the ranked full-text query requires (`toLuceneQuery`):
 * every word of four letters or more but stop words matches a word of some value.
 */
export function matchesRequiredWords(text: string, searchables: readonly Searchable[]): boolean {
  const valueWords = searchables.flatMap(({ value }) => (Array.isArray(value) ? value : [value]).flatMap((candidate) => (typeof candidate === 'string' ? fold(candidate) : [])));
  return fold(text)
    .filter(isRequiredWord)
    .every((query) => valueWords.some((word) => wordMatch(query, word) > 0));
}

const isBetter = (a: readonly number[], b: readonly number[]) => {
  const index = a.findIndex((part, at) => part !== b[at]);
  return index >= 0 && a[index]! > b[index]!;
};

/** The same uncertain name on several hits: a key under which they rank alike. */
export const uncertainNameKey = (match: SearchMatch | null): string | null => (match?.uncertain ? fold(match.value).join(' ') : null);
