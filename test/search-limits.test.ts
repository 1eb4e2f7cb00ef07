import { afterAll, describe, expect, it } from 'vitest';
import { searchLimits, toLuceneQuery } from '../src/graphql/search-text';
import { createTestService } from './support/service';
import { textFields } from './support/text-fields';

const service = createTestService();
afterAll(() => service.close());

const search = 'query ($text: String!) { search(text: $text, first: 20) { kind entity { key } } }';
type Hits = { search: { kind: string; entity: { key: string } }[] };


/** `count` different words of `length` letters that name nothing. */
const words = (count: number, length: number) => Array.from({ length: count }, (_, index) => String.fromCharCode(97 + index) + 'q'.repeat(length - 1)).join(' ');

describe('search text caps (the same for search and every list filter on text)', () => {
  for (const [field, query] of textFields) {
    it(`refuses more than ${searchLimits.maxWords} words in ${field} with BAD_USER_INPUT, saying the limit, without a round trip`, async () => {
      const response = await service.graphql(query, { text: words(searchLimits.maxWords + 1, 8) });
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: searchLimits.maxWords, found: searchLimits.maxWords + 1 });
      expect(response.body.errors?.[0]?.message).toContain(`at most ${searchLimits.maxWords} words`);
      expect(response.roundTrips).toEqual([]);
    });

    it(`answers the longest text it admits in ${field} (${searchLimits.maxWords} words of ${searchLimits.maxWordLength} characters)`, async () => {
      const response = await service.graphql(query, { text: words(searchLimits.maxWords, searchLimits.maxWordLength) });
      expect(response.body.errors).toBeUndefined();
      expect(response.roundTrips.length).toBeGreaterThan(0);
    });
  }

  it('matches long words exactly or as a prefix only, and at most a few words within two edits', () => {
    const lucene = toLuceneQuery(words(searchLimits.maxWords, 10));
    expect(lucene.match(/~2/g)).toHaveLength(searchLimits.maxTwoEditWords);
    expect(lucene.match(/~1/g)).toHaveLength(searchLimits.maxWords - searchLimits.maxTwoEditWords);
    expect(toLuceneQuery(words(searchLimits.maxWords, searchLimits.maxFuzzyLength + 1))).not.toContain('~');
  });
});

describe('search with English stop words', () => {
  it('finds the Kursk raid with "raid into Kursk", as with "raid Kursk"', async () => {
    for (const text of ['raid into Kursk', 'raid Kursk', 'Raid INTO Kursk']) {
      const response = await service.graphql<Hits>(search, { text });
      expect(response.body.data?.search[0], text).toEqual({ kind: 'EVENT', entity: { key: 'event:2024-03-kursk-raid' } });
    }
  });

  it('finds what "Kursk" finds with "Kursk with" and "the Kursk region"', async () => {
    const keys = async (text: string) => new Set((await service.graphql<Hits>(search, { text })).body.data!.search.map((hit) => hit.entity.key));
    const kursk = await keys('Kursk');
    expect(kursk).toContain('place:ru:kursk-oblast');
    for (const text of ['Kursk with', 'with Kursk', 'this Kursk']) {
      const found = await keys(text);
      expect(found, text).toContain('place:ru:kursk-oblast');
      expect([...found].filter((key) => kursk.has(key)).length, text).toBeGreaterThan(0);
    }
    expect(await keys('the Kursk region')).toContain('place:ru:kursk-oblast');
  });

  it('filters events by text with stop words in it', async () => {
    const response = await service.graphql<{ events: { edges: { node: { key: string } }[] } }>(
      '{ events(filter: { text: "raid into Kursk" }) { edges { node { key } } } }',
    );
    expect(response.body.data?.events.edges.map((edge) => edge.node.key)).toContain('event:2024-03-kursk-raid');
  });
});
