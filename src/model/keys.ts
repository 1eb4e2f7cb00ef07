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
 * `UNWIND` that binds `variable` to `key` when `condition` holds and else yields no row, so the
 * seek that follows runs only then: Neo4j's planner puts a `WHERE` on `key` above a seek by `key`
 * (the seek runs, then the filter drops its row), never before it.
 */
const keyWhen = (condition: string, variable: string) => `UNWIND CASE WHEN ${condition} THEN [key] ELSE [] END AS ${variable}`;

/**
 * Cypher that binds `n`, in a subquery of its own, to the node that `found` (bound by `direct`)
 * is, or, only when `direct` found none, to the survivor that a retired key's `Redirect` leads
 * to: the floor's one seek for a key in use.
 */
const orRedirect = (direct: string, label: string) => `CALL (key) {
       ${direct}
       CALL (key, found) {
         WITH found WHERE found IS NOT NULL RETURN found AS n
         UNION ALL
         ${keyWhen('found IS NULL', 'retired')}
         MATCH (:Redirect {key: retired})-[:REDIRECTS_TO]->(n${label}) RETURN n
       }
       RETURN n
     }`;

/**
 * Cypher that binds `n` to the entity whose key is in variable `key`: one index seek, on the
 * label its prefix names. A key that a merge retired resolves, through its `Redirect`, to the
 * entity that survived. Labels and prefixes come from the model, never from a request.
 */
export const matchEntityByKey = orRedirect(
  `OPTIONAL CALL (key) {
         ${[...prefixesByFirstLabel]
           .map(([label, labelPrefixes]) => `${keyWhen(labelPrefixes.map((prefix) => `key STARTS WITH '${prefix}:'`).join(' OR '), 'labelled')} MATCH (found:${label} {key: labelled}) RETURN found`)
           .join('\n         UNION ')}
       }`,
  '',
);

/**
 * `matchEntityByKey` for a lookup that knows the entity's type (a label of the model, never a
 * user's string): one seek on that label, and the redirect of a retired key.
 */
export const matchEntityOfType = (label: string) => orRedirect(`OPTIONAL MATCH (found:${label} {key: key})`, `:${label}`);
