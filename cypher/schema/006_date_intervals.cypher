// Constraints and indexes of the model (src/model/) that earlier scripts do not create.
// Idempotent: IF NOT EXISTS. Schema only.

CREATE INDEX event_start_date_earliest IF NOT EXISTS FOR (n:Event) ON (n.startDateEarliest);
CREATE INDEX event_end_date_latest IF NOT EXISTS FOR (n:Event) ON (n.endDateLatest);
CREATE INDEX claim_made_at_earliest IF NOT EXISTS FOR (n:Claim) ON (n.madeAtEarliest);
CREATE INDEX claim_made_at_latest IF NOT EXISTS FOR (n:Claim) ON (n.madeAtLatest);
CREATE INDEX claim_valid_from_earliest IF NOT EXISTS FOR (n:Claim) ON (n.validFromEarliest);
CREATE INDEX claim_valid_to_latest IF NOT EXISTS FOR (n:Claim) ON (n.validToLatest);
CREATE INDEX source_published_at_earliest IF NOT EXISTS FOR (n:Source) ON (n.publishedAtEarliest);
CREATE INDEX source_published_at_latest IF NOT EXISTS FOR (n:Source) ON (n.publishedAtLatest);
