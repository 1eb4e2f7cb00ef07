/**
 * Cypher that binds `n` to the entity whose key is in variable `key`: one index seek per label,
 * as keys are unique per label (cypher/schema) and no index spans all labels. A key that a merge
 * retired resolves, through its `Redirect`, to the entity that survived.
 */
export const matchEntityByKey = `CALL (key) {
       MATCH (n:Actor {key: key}) RETURN n
       UNION MATCH (n:Place {key: key}) RETURN n
       UNION MATCH (n:Event {key: key}) RETURN n
       UNION MATCH (n:Claim {key: key}) RETURN n
       UNION MATCH (n:Source {key: key}) RETURN n
       UNION MATCH (:Redirect {key: key})-[:REDIRECTS_TO]->(n) RETURN n
     }`;
