import neo4j from 'neo4j-driver';
import { entitySpecs, fullTextIndexOf, revisionFullText } from '../model';
import { bestMatch, matchesRequiredWords, uncertainNameKey, type SearchMatch } from './search-match';
import { builder } from './builder';
import { entityFromRow, entityTypeNames, selectedProperties, type Entity, type EntityTypeName } from './entity';
import { topLevelAsOf } from '../read/scope';
import { checkPageSize, maxPageSize } from './pagination';
import { EntityRef } from './refs';
import { toLuceneQuery } from './search-text';
import { asOfArg } from './visibility';

const EntityKind = builder.enumType('EntityKind', {
  description: 'The kinds of entity.',
  values: Object.fromEntries(entityTypeNames.map((name) => [name.toUpperCase(), { value: name, description: `${name}s.` }])) as Record<
    Uppercase<EntityTypeName>,
    { value: EntityTypeName; description: string }
  >,
});


interface SearchHit {
  entity: Entity;
  score: number;
  matched: SearchMatch | null;
}

const SearchMatchRef = builder.objectRef<SearchMatch>('SearchMatch').implement({
  description: 'Which name, alias, spelling or text of a hit the search matched.',
  fields: (t) => ({
    property: t.string({ description: 'The property matched: name, aliases, uncertainAliases, names (a place\'s spellings), text...', resolve: (match) => match.property }),
    value: t.string({ description: 'The value matched: the name, alias or spelling as recorded.', resolve: (match) => match.value }),
    uncertain: t.boolean({
      description: 'Whether the value is an uncertain alias: a name that may denote this entity or others (all of them rank alike).',
      resolve: (match) => match.uncertain,
    }),
  }),
});

/** The full-text properties of the kinds searched, and which of them hold uncertain names. */
function searchedProperties(kinds: readonly EntityTypeName[]) {
  const properties = new Set(kinds.flatMap((kind) => entitySpecs[kind].fullText.properties));
  const uncertain = new Set(kinds.flatMap((kind) => (entitySpecs[kind].fullText as { uncertain?: readonly string[] }).uncertain ?? []));
  return { properties: [...properties].sort(), uncertain };
}

/**
 * A full-text query's hits with each score relative to its best: raw Lucene scores depend on an
 * index's size, so a claim index grown by an import outranked a place's name with a rare word of its text.
 */
const relativeHits = (query: string) => `${query}
  WITH collect({node: node, score: score}) AS hits, max(score) AS best
  UNWIND hits AS hit RETURN hit.node AS node, hit.score AS score, hit.score / best AS relative`;

const SearchHitRef = builder.objectRef<SearchHit>('SearchHit').implement({
  description: 'One search result.',
  fields: (t) => ({
    entity: t.field({ type: EntityRef, description: 'What was found.', resolve: (hit) => hit.entity }),
    kind: t.field({ type: EntityKind, description: 'Its kind.', resolve: (hit) => hit.entity.typename }),
    score: t.float({ description: 'Relevance within its index; higher is better. Hits matched by the same uncertain alias have the same.', resolve: (hit) => hit.score }),
    matched: t.field({ type: SearchMatchRef, nullable: true, description: 'Which of its names, aliases, spellings or texts the search matched.', resolve: (hit) => hit.matched }),
  }),
});

builder.queryField('search', (t) =>
  t.field({
    type: [SearchHitRef],
    description:
      'Finds entities of every kind by name, alias, spelling or text: tolerant of case, diacritics, script (Latin or Cyrillic names recorded for a place) and small misspellings. Best first. With asOf, by the names and texts they had then.',
    args: {
      text: t.arg.string({ required: true, description: 'Words to look for, for example "Losovaya Rudka" or "Лозовая".' }),
      kinds: t.arg({ type: [EntityKind], description: 'Only these kinds; all by default.' }),
      first: t.arg.int({ defaultValue: 10, description: `How many results, at most ${maxPageSize}.` }),
      asOf: asOfArg(t.arg),
    },
    resolve: async (_root, args, context, info) => {
      const first = checkPageSize(args.first ?? 10, 'first');
      const kinds: readonly EntityTypeName[] = args.kinds?.length ? args.kinds : entityTypeNames;
      // Only the indexes of the kinds asked for; index names come from this file, never from input.
      const indexes = [...new Set(kinds.map((kind) => fullTextIndexOf[kind]))];
      const queries = indexes.map((index) => relativeHits(`CALL db.index.fulltext.queryNodes('${index}', $lucene, {limit: $first}) YIELD node, score`));
      const scope = topLevelAsOf(args.asOf);
      if (args.asOf) {
        // The names replaced after asOf, which the entity bore then; a later rename's revision
        // names it too, but its value as of asOf (below) decides whether it matches.
        queries.push(
          relativeHits(`CALL db.index.fulltext.queryNodes('${revisionFullText.index}', $lucene, {limit: $first}) YIELD node AS revision, score
            MATCH (revision)-[:REVISES]->(node) WHERE revision.at > datetime($asOf)`),
        );
      }
      const properties = selectedProperties(info, ['entity']);
      const searched = searchedProperties(kinds);
      const rows = await context.db.read<{ node: unknown; score: number; rank: number; searched: unknown[]; current: unknown[] }>(
        'search',
        `CALL () { ${queries.join(' UNION ALL ')} }
         WITH node, max(score) AS score, max(relative) AS relative WHERE any(label IN labels(node) WHERE label IN $kinds) AND ${scope.knownAsOf('node')}
         // Names outrank long texts that merely mention them: a search is most often for a thing.
         WITH node, score, relative * CASE WHEN node:Place OR node:Actor OR node:Equipment THEN 3.0 WHEN node:Event THEN 2.0 ELSE 1.0 END AS rank
         WITH node, score, rank ORDER BY rank DESC, score DESC, node.key LIMIT $first
         RETURN ${scope.entity('node')} AS node, score, rank, ${scope.values('node', 'searched')} AS searched, [name IN $searched | node[name]] AS current`,
        { lucene: toLuceneQuery(args.text), kinds, first: neo4j.int(first), asOf: args.asOf ?? null, properties, searched: searched.properties },
      );
      // Under asOf, the values searched are those of that time: a hit whose names then do not match
      // (a name given or replaced later) is left out. One whose names have not changed since stays.
      const hits = rows.flatMap((row) => {
        const values = searched.properties.map((property, index) => ({ property, value: row.searched[index], uncertain: searched.uncertain.has(property) }));
        const matched = bestMatch(args.text, values);
        if (JSON.stringify(row.searched) !== JSON.stringify(row.current) && !matchesRequiredWords(args.text, values)) return [];
        return [{ entity: entityFromRow(row.node, args.asOf ?? null, { entity: properties }), score: row.score, rank: row.rank, matched }];
      });
      // A name recorded as uncertain for several entities says nothing to prefer one: they rank alike.
      const best = new Map<string, { score: number; rank: number }>();
      for (const hit of hits) {
        const name = uncertainNameKey(hit.matched);
        if (name === null) continue;
        const top = best.get(name);
        best.set(name, { score: Math.max(top?.score ?? hit.score, hit.score), rank: Math.max(top?.rank ?? hit.rank, hit.rank) });
      }
      for (const hit of hits) Object.assign(hit, best.get(uncertainNameKey(hit.matched) ?? '') ?? {});
      hits.sort((a, b) => b.rank - a.rank || b.score - a.score || (a.entity.key < b.entity.key ? -1 : 1));
      return hits.map(({ entity, score, matched }) => ({ entity, score, matched }));
    },
  }),
);
