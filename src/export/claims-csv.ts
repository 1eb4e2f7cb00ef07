import { claimMakers, claimSources, claimSubjects } from '../graphql/claim';
import type { Entity, Related } from '../graphql/entity';
import { csvLine, type CsvValue } from './csv';
import { exportedProperties, flat, relatedOf } from './columns';
import type { ExportRead } from './pages';

const properties = exportedProperties('Claim');

/** What each claim row reads besides its own properties: makers, subjects, sources with their quotes. */
export const claimCsvRelations: ExportRead['relations'] = {
  makers: { relation: claimMakers, selected: { entity: ['key', 'name'], relation: ['attribution', 'asWritten'] } },
  subjects: { relation: claimSubjects, selected: { entity: ['key', 'name', 'title'], relation: ['role'] } },
  sources: {
    relation: claimSources,
    selected: { entity: ['key', 'title', 'url', 'publishedAt', 'publishedAtPrecision', 'reliability'], relation: ['quote', 'first', 'paraphrased'] },
  },
};

export const claimCsvProperties = properties;

/**
 * Columns of the related items: one cell each, holding the items one a line in the relation's
 * order, so that the n-th line of `sourceKeys`, `sourceTitles` and `quotes` are one source.
 */
const relatedColumns: [string, string, (item: Related) => CsvValue][] = [
  ['makerKeys', 'makers', (item) => item.entity.key],
  ['makerNames', 'makers', (item) => flat(item.entity.properties.name) ?? item.entity.key],
  ['makerAttributions', 'makers', (item) => flat(item.relation.attribution)],
  ['makersAsWritten', 'makers', (item) => flat(item.relation.asWritten)],
  ['subjectKeys', 'subjects', (item) => item.entity.key],
  ['subjectNames', 'subjects', (item) => flat(item.entity.properties.name ?? item.entity.properties.title) ?? item.entity.key],
  ['subjectRoles', 'subjects', (item) => flat(item.relation.role)],
  ['sourceKeys', 'sources', (item) => item.entity.key],
  ['sourceTitles', 'sources', (item) => flat(item.entity.properties.title)],
  ['sourceUrls', 'sources', (item) => flat(item.entity.properties.url)],
  ['sourcePublishedAt', 'sources', (item) => flat(item.entity.properties.publishedAt)],
  ['sourcePublishedAtPrecision', 'sources', (item) => flat(item.entity.properties.publishedAtPrecision)],
  ['sourceReliability', 'sources', (item) => flat(item.entity.properties.reliability)],
  ['quotes', 'sources', (item) => flat(item.relation.quote)],
  ['quotesParaphrased', 'sources', (item) => item.relation.paraphrased === true],
];

export const claimCsvHeader = csvLine([...properties, ...relatedColumns.map(([column]) => column)]);

/** One claim as one CSV line. */
export function claimCsvLine(claim: Entity): string {
  const own = properties.map((name) => flat(claim.properties[name]));
  const related = relatedColumns.map(([, relation, value]) => {
    const items = relatedOf(claim, relation);
    return items.length === 0 ? null : items.map((item) => String(value(item) ?? '')).join('\n');
  });
  return csvLine([...own, ...related]);
}
