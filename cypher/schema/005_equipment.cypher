// Constraints and indexes of the model (src/model/) that earlier scripts do not create.
// Idempotent: IF NOT EXISTS. Schema only.

CREATE INDEX claim_loss_status IF NOT EXISTS FOR (n:Claim) ON (n.lossStatus);
CREATE INDEX claim_equipment_category IF NOT EXISTS FOR (n:Claim) ON (n.equipmentCategory);
CREATE CONSTRAINT equipment_key_unique IF NOT EXISTS FOR (n:Equipment) REQUIRE n.key IS UNIQUE;
CREATE INDEX equipment_recorded_at IF NOT EXISTS FOR (n:Equipment) ON (n.recordedAt);
CREATE INDEX equipment_category IF NOT EXISTS FOR (n:Equipment) ON (n.category);
CREATE FULLTEXT INDEX equipment_names_fulltext IF NOT EXISTS FOR (n:Equipment) ON EACH [n.name, n.aliases] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false}};
