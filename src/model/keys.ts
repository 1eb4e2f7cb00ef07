/**
 * Keys, derived from the entity declarations: their pattern, the type a key names, and the
 * Cypher that finds a node by key. Keys are unique per label, and no index spans all labels, so
 * a lookup seeks the label that the key's prefix names.
 */
import { entitySpecs, entityTypes, type EntityType } from './entities';

export const maxKeyLength = 200;

const prefixes = entityTypes.map((type) => entitySpecs[type].prefix);

/** Keys are `<prefix>:<segment>[:<segment>...]`, each segment lower-case letters, digits and hyphens. */
export const keyPattern = new RegExp(`^(${prefixes.join('|')}):[a-z0-9][a-z0-9-]*(:[a-z0-9][a-z0-9-]*)*$`);

export function entityTypeOfKey(key: string): EntityType | undefined {
  const prefix = key.slice(0, key.indexOf(':'));
  return entityTypes.find((type) => entitySpecs[type].prefix === prefix);
}

/** The prefixes of the keys on each first label: `Actor` holds units', people's and organizations'. */
const prefixesByFirstLabel = new Map<string, string[]>();
for (const type of entityTypes) {
  const label = entitySpecs[type].labels[0];
  prefixesByFirstLabel.set(label, [...(prefixesByFirstLabel.get(label) ?? []), entitySpecs[type].prefix]);
}

/**
 * Cypher that binds `n` to the entity whose key is in variable `key`: one index seek, on the
 * label its prefix names. A key that a merge retired resolves, through its `Redirect`, to the
 * entity that survived. Labels and prefixes come from the model, never from a request.
 */
export const matchEntityByKey = `CALL (key) {
       ${[...prefixesByFirstLabel]
         .map(([label, labelPrefixes]) => `WITH key WHERE ${labelPrefixes.map((prefix) => `key STARTS WITH '${prefix}:'`).join(' OR ')} MATCH (n:${label} {key: key}) RETURN n`)
         .join('\n       UNION ')}
       UNION MATCH (:Redirect {key: key})-[:REDIRECTS_TO]->(n) RETURN n
     }`;

/**
 * `matchEntityByKey` for a lookup that knows the entity's type (a label of the model, never a
 * user's string): one seek on that label, and the redirect of a retired key.
 */
export const matchEntityOfType = (label: string) => `CALL (key) {
       MATCH (n:${label} {key: key}) RETURN n
       UNION MATCH (:Redirect {key: key})-[:REDIRECTS_TO]->(n:${label}) RETURN n
     }`;
