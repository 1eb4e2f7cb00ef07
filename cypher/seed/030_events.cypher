// Seed 030: events (after ACLED's codebook), where they happened (OCCURRED_AT), who took
// part (PARTICIPATED_IN) and the sources that report them (REPORTED_IN).
// Dates are DATE values with a precision (DAY/WEEK/MONTH/YEAR); a date the article does
// not give names its source in startDateSourceKey / endDateSourceKey.
// Creates what is missing, never overwrites: MERGE on key, ON CREATE SET.

UNWIND [
  {
    key: 'event:2024-03-kursk-raid',
    name: 'March 2024 raid by Russian volunteer formations into Kursk region (and Belgorod region)',
    description: 'Cross-border offensive by formations of Russian citizens fighting on Ukraine\'s side, days before the Russian presidential election. The article places it in the Kursk region; background sources report fighting in both Kursk and Belgorod oblasts.',
    category: 'CONFLICT', type: 'BATTLES', subType: 'ARMED_CLASH',
    startDate: date('2024-03-12'), startDatePrecision: 'DAY', startDateSourceKey: 'source:ref:kyiv-independent-2024-03-13-putin-elections',
    endDate: null, endDatePrecision: null, endDateSourceKey: null,
    dateDerivation: 'The article says only that the offensive "is underway" (article of 12 to 14 March 2024). The start on 12 March 2024 is background (source:ref:kyiv-independent-2024-03-13-putin-elections). The end is not established.',
    fatalities: null,
    fatalitiesNote: 'No fatalities in the article; it reports, after the governor, one person slightly injured (claim:governor-kursk:one-slightly-injured).',
    codingNote: 'Coded Battles / Armed clash by the seeding analyst.'
  },
  {
    key: 'event:2023-05-belgorod-raid',
    name: 'May 2023 raid into Belgorod region',
    description: 'First cross-border raid by Russian formations fighting on Ukraine\'s side, into Grayvoronsky District of Belgorod Oblast.',
    category: 'CONFLICT', type: 'BATTLES', subType: 'ARMED_CLASH',
    startDate: date('2023-05-22'), startDatePrecision: 'DAY', startDateSourceKey: 'source:ref:analyst-background',
    endDate: date('2023-05-23'), endDatePrecision: 'DAY', endDateSourceKey: 'source:ref:analyst-background',
    dateDerivation: 'The article says "In May 2023" (precision MONTH). The days (22 to 23 May 2023) are background (source:ref:analyst-background).',
    fatalities: null,
    fatalitiesNote: 'Not reported in the article.',
    codingNote: 'Coded Battles / Armed clash by the seeding analyst.'
  },
  {
    key: 'event:2024-02-17-avdiivka-withdrawal',
    name: 'Ukrainian withdrawal from Avdiivka',
    description: 'The Ukrainian army abandons the city of Avdiivka (Donetsk Oblast) to Russian forces.',
    category: 'CONFLICT', type: 'STRATEGIC_DEVELOPMENTS', subType: 'OTHER',
    startDate: date('2024-02-17'), startDatePrecision: 'DAY', startDateSourceKey: 'source:article:000-1b3165c116f10b7f',
    endDate: date('2024-02-17'), endDatePrecision: 'DAY', endDateSourceKey: 'source:article:000-1b3165c116f10b7f',
    dateDerivation: 'The article says "on February 17" without a year. The year is 2024: the article (March 2024) presents it as the latest development before the raid, and Ukraine announced the withdrawal on 17 February 2024 (source:ref:analyst-background).',
    fatalities: null,
    fatalitiesNote: 'Not reported in the article.',
    codingNote: 'The withdrawal itself is coded Strategic developments / Other; the fighting that preceded it is not modelled.'
  },
  {
    key: 'event:2024-03-russian-presidential-election',
    name: 'Russian presidential election of 15 to 17 March 2024',
    description: 'Presidential election in Russia, held over three days.',
    category: 'POLITICAL', type: null, subType: null,
    startDate: date('2024-03-15'), startDatePrecision: 'DAY', startDateSourceKey: 'source:ref:kyiv-independent-2024-03-13-putin-elections',
    endDate: date('2024-03-17'), endDatePrecision: 'DAY', endDateSourceKey: 'source:ref:kyiv-independent-2024-03-13-putin-elections',
    dateDerivation: 'The article: "set to begin next Friday". Background: held 15 to 17 March 2024; 15 March 2024 was a Friday, consistent with an article written between 11 and 14 March 2024.',
    fatalities: null,
    fatalitiesNote: null,
    codingNote: 'Not a political-violence event: no ACLED type.'
  },
  {
    key: 'event:2022-10-lyman-recapture',
    name: 'Ukrainian recapture of Lyman',
    description: 'The Ukrainian army retakes the city of Lyman (Donetsk Oblast) from Russian forces.',
    category: 'CONFLICT', type: 'BATTLES', subType: 'ARMED_CLASH',
    startDate: date('2022-10-01'), startDatePrecision: 'DAY', startDateSourceKey: 'source:ref:analyst-background',
    endDate: date('2022-10-01'), endDatePrecision: 'DAY', endDateSourceKey: 'source:ref:analyst-background',
    dateDerivation: 'Named only in the title of the article linked under "See also", without a date. 1 October 2022 is background (source:ref:analyst-background).',
    fatalities: null,
    fatalitiesNote: null,
    codingNote: 'Coded Battles / Armed clash by the seeding analyst.'
  }
] AS row
MERGE (e:Event {key: row.key})
ON CREATE SET e = row,
    e.recordedAt = datetime('2026-11-25T00:00:00Z'),
    e.recordedBy = 'seed:000_1b3165c116f10b7f',
    e.seedCreated = true
WITH e, e.seedCreated IS NOT NULL AS created
REMOVE e.seedCreated
// Property names in order: keys() gives them in no particular one.
WITH *
CALL (e) { UNWIND keys(e) AS k WITH k WHERE NOT k IN ['recordedAt', 'recordedBy'] ORDER BY k RETURN collect(k) AS changed }
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END |
  CREATE (e)<-[:REVISES]-(:Revision {at: e.recordedAt, by: e.recordedBy, operation: 'ENTITY_CREATED', changed: changed, values: null}));

// (Event)-[:OCCURRED_AT {precision, basisSourceKey}]->(Place). precision after ACLED's
// geo-precision: PLACE (at the place), NEAR, DISTRICT, REGION, COUNTRY (only that area known).
UNWIND [
  {event: 'event:2024-03-kursk-raid', place: 'place:ru:kursk-oblast', precision: 'REGION', basisSourceKey: 'source:article:000-1b3165c116f10b7f',
   note: 'Article: "An offensive ... is underway in the Kursk region."'},
  {event: 'event:2024-03-kursk-raid', place: 'place:ru:lozovaya-rudka', precision: 'PLACE', basisSourceKey: 'source:article:000-1b3165c116f10b7f',
   note: 'Article: "Only the village of Losovaya Rudka remains under their control." The article puts it in the Kursk region; background (LOCATED_IN) puts it in Belgorod Oblast.'},
  {event: 'event:2024-03-kursk-raid', place: 'place:ru:belgorod-oblast', precision: 'REGION', basisSourceKey: 'source:ref:kyiv-independent-2024-03-13-putin-elections',
   note: 'Not in the article for this raid.'},
  {event: 'event:2023-05-belgorod-raid', place: 'place:ru:belgorod-oblast', precision: 'REGION', basisSourceKey: 'source:article:000-1b3165c116f10b7f',
   note: 'Article: "In May 2023, the first attack took place in the Belgorod region."'},
  {event: 'event:2023-05-belgorod-raid', place: 'place:ru:grayvoronsky-district', precision: 'DISTRICT', basisSourceKey: 'source:ref:analyst-background',
   note: null},
  {event: 'event:2024-02-17-avdiivka-withdrawal', place: 'place:ua:avdiivka', precision: 'PLACE', basisSourceKey: 'source:article:000-1b3165c116f10b7f',
   note: 'Article: "forced to abandon the city of Avdiivka on February 17".'},
  {event: 'event:2024-03-russian-presidential-election', place: 'place:ru', precision: 'COUNTRY', basisSourceKey: 'source:article:000-1b3165c116f10b7f',
   note: null},
  {event: 'event:2022-10-lyman-recapture', place: 'place:ua:lyman', precision: 'PLACE', basisSourceKey: 'source:article:see-also-lyman',
   note: null}
] AS row
MATCH (e:Event {key: row.event})
MATCH (p:Place {key: row.place})
MERGE (e)-[r:OCCURRED_AT]->(p)
ON CREATE SET r = {precision: row.precision, basisSourceKey: row.basisSourceKey, note: row.note,
         recordedAt: datetime('2026-11-25T00:00:00Z'), recordedBy: 'seed:000_1b3165c116f10b7f'};

// (Actor)-[:PARTICIPATED_IN {role, acledActor, ploverRole, basisSourceKey}]->(Event)
UNWIND [
  {actor: 'unit:freedom-of-russia-legion', event: 'event:2024-03-kursk-raid', role: 'ATTACKER', acledActor: 'ACTOR1', ploverRole: 'ACTOR',
   basisSourceKey: 'source:article:000-1b3165c116f10b7f', note: 'Article: photo caption "Fighters of the Freedom Army for Russia." and the Legion\'s statement.'},
  {actor: 'unit:siberian-battalion', event: 'event:2024-03-kursk-raid', role: 'ATTACKER', acledActor: 'ACTOR1', ploverRole: 'ACTOR',
   basisSourceKey: 'source:article:000-1b3165c116f10b7f', note: 'Article: "Soldiers of the Siberian Battalion are in Russia".'},
  {actor: 'unit:russian-volunteer-corps', event: 'event:2024-03-kursk-raid', role: 'ATTACKER', acledActor: 'ACTOR1', ploverRole: 'ACTOR',
   basisSourceKey: 'source:ref:kyiv-independent-2024-03-13-putin-elections', note: 'Not in the article.'},
  {actor: 'unit:armed-forces-of-ukraine', event: 'event:2024-03-kursk-raid', role: 'SUPPORTER', acledActor: 'ASSOC_ACTOR_1', ploverRole: 'ACTOR',
   basisSourceKey: 'source:article:000-1b3165c116f10b7f', note: 'Article: "These soldiers are engaged alongside Ukrainian troops."'},
  {actor: 'unit:russian-armed-forces', event: 'event:2024-03-kursk-raid', role: 'DEFENDER', acledActor: 'ACTOR2', ploverRole: 'RECIPIENT',
   basisSourceKey: 'source:ref:kyiv-independent-2024-03-13-putin-elections', note: 'Implied by the article, not named there.'},
  {actor: 'unit:freedom-of-russia-legion', event: 'event:2023-05-belgorod-raid', role: 'ATTACKER', acledActor: 'ACTOR1', ploverRole: 'ACTOR',
   basisSourceKey: 'source:article:000-1b3165c116f10b7f', note: 'Article: "the Russia Legion for Freedom, which entered Russian territory in May 2023".'},
  {actor: 'unit:russian-volunteer-corps', event: 'event:2023-05-belgorod-raid', role: 'ATTACKER', acledActor: 'ACTOR1', ploverRole: 'ACTOR',
   basisSourceKey: 'source:ref:analyst-background', note: 'Not in the article.'},
  {actor: 'unit:russian-armed-forces', event: 'event:2023-05-belgorod-raid', role: 'DEFENDER', acledActor: 'ACTOR2', ploverRole: 'RECIPIENT',
   basisSourceKey: 'source:ref:analyst-background', note: 'Not in the article.'},
  {actor: 'unit:armed-forces-of-ukraine', event: 'event:2024-02-17-avdiivka-withdrawal', role: 'WITHDRAWING', acledActor: 'ACTOR1', ploverRole: 'ACTOR',
   basisSourceKey: 'source:article:000-1b3165c116f10b7f', note: 'Article: "the Ukrainian army was forced to abandon the city of Avdiivka".'},
  {actor: 'unit:russian-armed-forces', event: 'event:2024-02-17-avdiivka-withdrawal', role: 'ADVANCING', acledActor: 'ACTOR2', ploverRole: 'RECIPIENT',
   basisSourceKey: 'source:ref:analyst-background', note: 'Implied by "forced to abandon"; not named in that sentence.'},
  {actor: 'unit:armed-forces-of-ukraine', event: 'event:2022-10-lyman-recapture', role: 'ATTACKER', acledActor: 'ACTOR1', ploverRole: 'ACTOR',
   basisSourceKey: 'source:article:see-also-lyman', note: 'Title: "the capture of Lyman by the Ukrainian army".'},
  {actor: 'unit:russian-armed-forces', event: 'event:2022-10-lyman-recapture', role: 'DEFENDER', acledActor: 'ACTOR2', ploverRole: 'RECIPIENT',
   basisSourceKey: 'source:article:see-also-lyman', note: 'Title: "a serious problem for Russian forces".'}
] AS row
MATCH (a:Actor {key: row.actor})
MATCH (e:Event {key: row.event})
MERGE (a)-[r:PARTICIPATED_IN]->(e)
ON CREATE SET r = {role: row.role, acledActor: row.acledActor, ploverRole: row.ploverRole, basisSourceKey: row.basisSourceKey, note: row.note,
         recordedAt: datetime('2026-11-25T00:00:00Z'), recordedBy: 'seed:000_1b3165c116f10b7f'};

// (Event)-[:REPORTED_IN]->(Source)
UNWIND [
  {event: 'event:2024-03-kursk-raid', source: 'source:article:000-1b3165c116f10b7f'},
  {event: 'event:2024-03-kursk-raid', source: 'source:ref:kyiv-independent-2024-03-13-putin-elections'},
  {event: 'event:2024-03-kursk-raid', source: 'source:ref:kyiv-independent-2024-03-14-isw'},
  {event: 'event:2023-05-belgorod-raid', source: 'source:article:000-1b3165c116f10b7f'},
  {event: 'event:2024-02-17-avdiivka-withdrawal', source: 'source:article:000-1b3165c116f10b7f'},
  {event: 'event:2024-03-russian-presidential-election', source: 'source:article:000-1b3165c116f10b7f'},
  {event: 'event:2024-03-russian-presidential-election', source: 'source:ref:kyiv-independent-2024-03-13-putin-elections'},
  {event: 'event:2022-10-lyman-recapture', source: 'source:article:see-also-lyman'}
] AS row
MATCH (e:Event {key: row.event})
MATCH (s:Source {key: row.source})
MERGE (e)-[r:REPORTED_IN]->(s)
ON CREATE SET r.recordedAt = datetime('2026-11-25T00:00:00Z'),
    r.recordedBy = 'seed:000_1b3165c116f10b7f';
