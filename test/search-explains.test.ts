import { afterAll, describe, expect, it } from 'vitest';
import { createTestService } from './support/service';

// Search that explains itself (issue #19, item 6): each hit says what it matched, and a name
// recorded as uncertain for several entities ranks them alike.

const service = createTestService();
afterAll(() => service.close());

type Hit = { kind: string; score: number; entity: { key: string }; matched: { property: string; value: string; uncertain: boolean } | null };

async function search(text: string, kinds?: string[]): Promise<Hit[]> {
  const response = await service.graphql<{ search: Hit[] }>(
    `query ($text: String!, $kinds: [EntityKind!]) { search(text: $text, kinds: $kinds, first: 20) { kind score entity { key } matched { property value uncertain } } }`,
    { text, kinds },
  );
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.search;
}

describe('search "Russian Freedom Battalion"', () => {
  it('finds every formation the name may denote, each naming the uncertain alias it matched, ranked alike and first', async () => {
    const name = 'Russian Freedom Battalion';
    const candidates = await service.gateway.read<{ key: string }>('test.search.expected', 'MATCH (u:Unit) WHERE $name IN u.uncertainAliases RETURN u.key AS key ORDER BY key', { name });
    expect(candidates.length).toBe(3);
    const hits = await search(name, ['UNIT']);
    const top = hits.slice(0, candidates.length);
    expect(top.map((hit) => hit.entity.key).sort()).toEqual(candidates.map(({ key }) => key));
    for (const hit of top) expect(hit.matched).toEqual({ property: 'uncertainAliases', value: name, uncertain: true });
    expect(new Set(top.map((hit) => hit.score)).size).toBe(1);
  });

  it('a certain alias is named as such', async () => {
    const [hit] = await search('Russia Legion for Freedom', ['UNIT']);
    expect(hit?.entity.key).toBe('unit:freedom-of-russia-legion');
    expect(hit?.matched).toEqual({ property: 'aliases', value: 'Russia Legion for Freedom', uncertain: false });
  });

  it('a place found by a spelling names that spelling', async () => {
    const [hit] = await search('Лозовая Рудка', ['PLACE']);
    expect(hit?.entity.key).toBe('place:ru:lozovaya-rudka');
    expect(hit?.matched).toMatchObject({ property: 'names', value: 'Лозовая Рудка', uncertain: false });
  });
});
