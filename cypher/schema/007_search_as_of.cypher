// Constraints and indexes of the model (src/model/) that earlier scripts do not create.
// Idempotent: IF NOT EXISTS. Schema only.
// The names an update replaced, kept on its Revision: `search(asOf:)` finds an entity by the
// name it had at that record time (src/graphql/search.ts).

CREATE FULLTEXT INDEX revision_before_names_fulltext IF NOT EXISTS FOR (n:Revision) ON EACH [n.before_aliases, n.before_description, n.before_interpretation, n.before_name, n.before_names, n.before_text, n.before_title, n.before_uncertainAliases] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false}};
