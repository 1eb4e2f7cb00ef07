/**
 * The constraints and indexes the model needs, as the Cypher statements of `cypher/schema/`.
 * The scripts stay the operators' own (numbered, applied once, cypher-shell compatible); a test
 * fails when they and the model drift apart.
 */
import { entitySpecs, entityTypes, revisionBeforePrefix } from './entities';

/** Nodes that are no entities but have keys: a place's names, and the keys a merge retired. */
const keyedNodes = { PlaceName: { fullText: { index: 'place_name_value_fulltext', properties: ['value'] } }, Redirect: {} } as const;

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`).replace(/^_/, '');

const fullTextOptions = "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false}}";

/** Every schema statement the model implies, by the name of what it creates. */
export function modelSchemaStatements(): Map<string, string> {
  const statements = new Map<string, string>();
  const uniqueKey = (label: string) =>
    statements.set(`${snakeCase(label)}_key_unique`, `CREATE CONSTRAINT ${snakeCase(label)}_key_unique IF NOT EXISTS FOR (n:${label}) REQUIRE n.key IS UNIQUE`);
  const index = (label: string, properties: readonly string[], kind = '') => {
    const name = [label, ...properties].map(snakeCase).join('_');
    statements.set(name, `CREATE ${kind}INDEX ${name} IF NOT EXISTS FOR (n:${label}) ON (${properties.map((property) => `n.${property}`).join(', ')})`);
  };
  const fullText = (labels: readonly string[], { index: name, properties }: { index: string; properties: readonly string[] }) =>
    statements.set(
      name,
      `CREATE FULLTEXT INDEX ${name} IF NOT EXISTS FOR (n:${labels.join('|')}) ON EACH [${properties.map((property) => `n.${property}`).join(', ')}] ${fullTextOptions}`,
    );
  for (const type of entityTypes) {
    const declaration = entitySpecs[type];
    const [firstLabel] = declaration.labels;
    const ownLabel = declaration.labels.at(-1)!;
    for (const label of declaration.labels) uniqueKey(label);
    // Record time, which `asOf` reads filter on: one index for all actors.
    index(firstLabel, ['recordedAt']);
    for (const indexed of 'indexes' in declaration ? declaration.indexes : []) index(ownLabel, typeof indexed === 'string' ? [indexed] : indexed);
    for (const point of 'pointIndexes' in declaration ? declaration.pointIndexes : []) index(ownLabel, [point], 'POINT ');
    const sharing = entityTypes.filter((other) => entitySpecs[other].fullText.index === declaration.fullText.index);
    fullText(sharing.map((other) => entitySpecs[other].labels.at(-1)!), declaration.fullText);
  }
  for (const [label, node] of Object.entries(keyedNodes)) {
    uniqueKey(label);
    if ('fullText' in node) fullText([label], node.fullText);
  }
  fullText(['Revision'], revisionFullText);
  return statements;
}

/**
 * The searched values an update replaced (`before_name`, ...), so that a search `asOf` a record
 * time finds an entity by the name it had then.
 */
export const revisionFullText = {
  index: 'revision_before_names_fulltext',
  properties: [...new Set(entityTypes.flatMap((type) => entitySpecs[type].fullText.properties))].sort().map((property) => `${revisionBeforePrefix}${property}`),
} as const;

/** The full-text index each entity type's searches use. */
export const fullTextIndexOf = Object.fromEntries(entityTypes.map((type) => [type, entitySpecs[type].fullText.index])) as Record<(typeof entityTypes)[number], string>;
