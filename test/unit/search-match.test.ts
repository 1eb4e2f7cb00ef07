import { describe, expect, it } from 'vitest';
import { bestMatch, matchesRequiredWords, uncertainNameKey } from '../../src/graphql/search-match';

const legion = [
  { property: 'name', value: 'Freedom of Russia Legion', uncertain: false },
  { property: 'aliases', value: ['Freedom Army for Russia', 'Russia Legion for Freedom', 'Legion'], uncertain: false },
  { property: 'uncertainAliases', value: ['Russian Freedom Battalion'], uncertain: true },
];

describe('bestMatch: which value of a hit a search matched', () => {
  it('prefers the value that matches every word over one that matches some fuzzily', () => {
    expect(bestMatch('Russian Freedom Battalion', legion)).toEqual({ property: 'uncertainAliases', value: 'Russian Freedom Battalion', uncertain: true });
  });

  it('folds case and diacritics, and tolerates a misspelling as the index does', () => {
    const place = [
      { property: 'name', value: 'Lozovaya Rudka', uncertain: false },
      { property: 'names', value: ['Lozovaya Rudka', 'Лозовая Рудка', 'Lozová Rudka'], uncertain: false },
    ];
    expect(bestMatch('LOZOVA rudka', place)).toMatchObject({ value: 'Lozová Rudka', uncertain: false });
    expect(bestMatch('Losovaya', place)).toMatchObject({ property: 'name', value: 'Lozovaya Rudka' });
    expect(bestMatch('лозовая', place)).toMatchObject({ value: 'Лозовая Рудка' });
  });

  it('prefers a short name to a long text that mentions the same words', () => {
    const claim = [{ property: 'text', value: 'The Legion entered Russian territory in May 2023, near the border.', uncertain: false }, { property: 'name', value: 'Legion', uncertain: false }];
    expect(bestMatch('Legion', claim)).toMatchObject({ property: 'name' });
  });

  it('is null when nothing matches, and skips values that are no strings', () => {
    expect(bestMatch('Avdiivka', [{ property: 'name', value: null, uncertain: false }, ...legion])).toBeNull();
  });

  it('keys uncertain names alike across spellings of case, and certain ones not at all', () => {
    expect(uncertainNameKey({ property: 'uncertainAliases', value: 'Russian Freedom Battalion', uncertain: true })).toBe(
      uncertainNameKey({ property: 'uncertainAliases', value: 'russian freedom battalion', uncertain: true }),
    );
    expect(uncertainNameKey({ property: 'aliases', value: 'Legion', uncertain: false })).toBeNull();
  });

  it('requires every word of four letters or more but stop words, as the ranked query does', () => {
    const unit = [{ property: 'name', value: 'Test As-Of Battalion', uncertain: false }, { property: 'aliases', value: ['TAB'], uncertain: false }];
    expect(matchesRequiredWords('Test As-Of Battalion', unit)).toBe(true);
    expect(matchesRequiredWords('test batallion', unit)).toBe(true);
    expect(matchesRequiredWords('Test As-Of Brigade', unit)).toBe(false);
    // Short words and stop words only add to the rank.
    expect(matchesRequiredWords('TAB of the XY', unit)).toBe(true);
  });
});
