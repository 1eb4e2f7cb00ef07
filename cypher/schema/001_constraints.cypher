// Uniqueness constraints: every entity is identified by a stable, readable `key`
// (see docs/model.md, "Keys"). Each constraint also creates a range index on `key`.
// Idempotent: IF NOT EXISTS. Schema only: no data statements in this file.

CREATE CONSTRAINT actor_key_unique IF NOT EXISTS FOR (n:Actor) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT unit_key_unique IF NOT EXISTS FOR (n:Unit) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT person_key_unique IF NOT EXISTS FOR (n:Person) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT organization_key_unique IF NOT EXISTS FOR (n:Organization) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT place_key_unique IF NOT EXISTS FOR (n:Place) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT place_name_key_unique IF NOT EXISTS FOR (n:PlaceName) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT event_key_unique IF NOT EXISTS FOR (n:Event) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT claim_key_unique IF NOT EXISTS FOR (n:Claim) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT source_key_unique IF NOT EXISTS FOR (n:Source) REQUIRE n.key IS UNIQUE;
