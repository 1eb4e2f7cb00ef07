/**
 * Cypher that binds `n` to the entity whose key is in variable `key`: one index seek, on the
 * label its prefix names (keys are unique per label, and no index spans all labels). A key that
 * a merge retired resolves, through its `Redirect`, to the entity that survived.
 */
export const matchEntityByKey = `CALL (key) {
       WITH key WHERE key STARTS WITH 'unit:' OR key STARTS WITH 'person:' OR key STARTS WITH 'org:' MATCH (n:Actor {key: key}) RETURN n
       UNION WITH key WHERE key STARTS WITH 'place:' MATCH (n:Place {key: key}) RETURN n
       UNION WITH key WHERE key STARTS WITH 'event:' MATCH (n:Event {key: key}) RETURN n
       UNION WITH key WHERE key STARTS WITH 'claim:' MATCH (n:Claim {key: key}) RETURN n
       UNION WITH key WHERE key STARTS WITH 'source:' MATCH (n:Source {key: key}) RETURN n
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
