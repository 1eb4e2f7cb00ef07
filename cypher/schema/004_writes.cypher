// What writes need: retired keys after a merge, and the figures of loss claims.
// Idempotent: IF NOT EXISTS. Schema only.

// A merge leaves (:Redirect {key: <retired key>})-[:REDIRECTS_TO]->(survivor), so old keys
// and old global ids keep resolving; one redirect per retired key.
CREATE CONSTRAINT redirect_key_unique IF NOT EXISTS FOR (n:Redirect) REQUIRE n.key IS UNIQUE;

// Claims that state a figure (losses, casualties): "what was claimed for this measure on these days".
CREATE INDEX claim_measure_made_at IF NOT EXISTS FOR (n:Claim) ON (n.measure, n.madeAt);
