// Range and point indexes for the properties the read API filters and sorts on.
// Idempotent: IF NOT EXISTS. Schema only.

// Valid time (when something was true in the world): Cypher DATE values.
CREATE INDEX event_start_date IF NOT EXISTS FOR (n:Event) ON (n.startDate);
CREATE INDEX event_end_date IF NOT EXISTS FOR (n:Event) ON (n.endDate);
CREATE INDEX claim_made_at IF NOT EXISTS FOR (n:Claim) ON (n.madeAt);
CREATE INDEX claim_valid_from IF NOT EXISTS FOR (n:Claim) ON (n.validFrom);
CREATE INDEX claim_valid_to IF NOT EXISTS FOR (n:Claim) ON (n.validTo);
CREATE INDEX source_published_at IF NOT EXISTS FOR (n:Source) ON (n.publishedAt);

// Record time (when the graph learned it): Cypher DATETIME values.
CREATE INDEX actor_recorded_at IF NOT EXISTS FOR (n:Actor) ON (n.recordedAt);
CREATE INDEX place_recorded_at IF NOT EXISTS FOR (n:Place) ON (n.recordedAt);
CREATE INDEX event_recorded_at IF NOT EXISTS FOR (n:Event) ON (n.recordedAt);
CREATE INDEX claim_recorded_at IF NOT EXISTS FOR (n:Claim) ON (n.recordedAt);
CREATE INDEX source_recorded_at IF NOT EXISTS FOR (n:Source) ON (n.recordedAt);

// Enumerations the API filters on.
CREATE INDEX claim_type IF NOT EXISTS FOR (n:Claim) ON (n.type);
CREATE INDEX claim_stance IF NOT EXISTS FOR (n:Claim) ON (n.stance);
CREATE INDEX claim_basis IF NOT EXISTS FOR (n:Claim) ON (n.basis);
CREATE INDEX claim_rank IF NOT EXISTS FOR (n:Claim) ON (n.rank);
CREATE INDEX event_type IF NOT EXISTS FOR (n:Event) ON (n.type);
CREATE INDEX event_sub_type IF NOT EXISTS FOR (n:Event) ON (n.subType);
CREATE INDEX source_kind IF NOT EXISTS FOR (n:Source) ON (n.kind);
CREATE INDEX source_reliability IF NOT EXISTS FOR (n:Source) ON (n.reliability);
CREATE INDEX place_type IF NOT EXISTS FOR (n:Place) ON (n.type);
CREATE INDEX place_country_code IF NOT EXISTS FOR (n:Place) ON (n.countryCode);
CREATE INDEX unit_side IF NOT EXISTS FOR (n:Unit) ON (n.side);

// Spatial: Place.location is a WGS-84 point (srid 4326); supports point.distance / withinBBox.
CREATE POINT INDEX place_location IF NOT EXISTS FOR (n:Place) ON (n.location);
