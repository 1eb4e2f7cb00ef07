// Seed 020: actors (Unit, Person, Organization, each also labelled Actor), their
// alignments, parent formations, positions held, and who published which Source.
// Garbled names from the article are ALIASES of the real formations (listed again in
// aliasesAsWrittenInArticle); the article's quotations are never rewritten. A name whose
// referent is uncertain goes into uncertainAliases (it may sit on more than one actor).
// Creates what is missing, never overwrites: MERGE on key, ON CREATE SET.

// Units: armed formations.
UNWIND [
  {
    key: 'unit:freedom-of-russia-legion',
    name: 'Freedom of Russia Legion',
    nameNative: 'Легион «Свобода России»',
    aliases: ['Legion "Freedom of Russia"', 'Legion of Freedom of Russia', 'Russian Freedom Legion', 'Legion',
              'Freedom Army for Russia', 'Russia Legion for Freedom', 'Легион «Свобода России»', 'Легіон «Свобода Росії»'],
    uncertainAliases: ['Russian Freedom Battalion'],
    uncertainAliasesNote: '"Russian Freedom Battalion" (article) matches no real formation. Its words "Russian Freedom" echo this Legion, but "Battalion ... on its Telegram channel" echoes the Siberian Battalion; it is therefore an uncertain alias of both, and of the Russian Volunteer Corps, the raid\'s third formation (background), which the garbled name may denote as well.',
    aliasesAsWrittenInArticle: ['Freedom Army for Russia', 'Russia Legion for Freedom', 'Legion'],
    mentionedInArticle: true,
    side: 'UKRAINE',
    countryCode: null,
    description: 'Formation of Russian citizens fighting on Ukraine\'s side against Russia.',
    note: 'Article: photo caption "Fighters of the Freedom Army for Russia." (garbled), "the Russia Legion for Freedom, which entered Russian territory in May 2023" (garbled), and the self-reference "we at Legion".'
  },
  {
    key: 'unit:siberian-battalion',
    name: 'Siberian Battalion',
    nameNative: 'Сибирский батальон',
    aliases: ['Сибирский батальон', 'Сибірський батальйон'],
    uncertainAliases: ['Russian Freedom Battalion'],
    uncertainAliasesNote: 'See unit:freedom-of-russia-legion: "Russian Freedom Battalion" may denote either formation.',
    aliasesAsWrittenInArticle: ['Siberian Battalion'],
    mentionedInArticle: true,
    side: 'UKRAINE',
    countryCode: null,
    description: 'Formation of Russian citizens (largely from Siberia and ethnic minorities) fighting on Ukraine\'s side.',
    note: 'Article: "confirmed Siberian Battalion on its Telegram channel".'
  },
  {
    key: 'unit:russian-volunteer-corps',
    name: 'Russian Volunteer Corps',
    nameNative: 'Русский добровольческий корпус',
    aliases: ['RVC', 'RDK', 'Русский добровольческий корпус', 'Російський добровольчий корпус'],
    uncertainAliases: ['Russian Freedom Battalion'],
    uncertainAliasesNote: 'See unit:freedom-of-russia-legion: the raid\'s third formation, a battalion-sized unit of Russian volunteers with its own Telegram channel; "Russian Freedom Battalion" may denote it as much as the other two.',
    aliasesAsWrittenInArticle: [],
    mentionedInArticle: false,
    side: 'UKRAINE',
    countryCode: null,
    description: 'Formation of Russian citizens fighting on Ukraine\'s side.',
    note: 'NOT named in the article. Included because background sources (source:ref:kyiv-independent-2024-03-13-putin-elections) report it as the third formation in the March 2024 raid and in the May 2023 raid; every link to it cites a background source.'
  },
  {
    key: 'unit:armed-forces-of-ukraine',
    name: 'Armed Forces of Ukraine',
    nameNative: 'Збройні сили України',
    aliases: ['Ukrainian army', 'Ukrainian troops', 'AFU', 'ZSU', 'ЗСУ', 'Збройні сили України'],
    uncertainAliases: [],
    uncertainAliasesNote: null,
    aliasesAsWrittenInArticle: ['Ukrainian troops', 'Ukrainian army'],
    mentionedInArticle: true,
    side: 'UKRAINE',
    countryCode: 'UA',
    description: 'The armed forces of Ukraine.',
    note: null
  },
  {
    key: 'unit:russian-armed-forces',
    name: 'Armed Forces of the Russian Federation',
    nameNative: 'Вооружённые силы Российской Федерации',
    aliases: ['Russian forces', 'Russian army', 'Russian Armed Forces', 'ВС РФ', 'Вооружённые силы Российской Федерации'],
    uncertainAliases: [],
    uncertainAliasesNote: null,
    aliasesAsWrittenInArticle: ['Russian forces'],
    mentionedInArticle: true,
    side: 'RUSSIA',
    countryCode: 'RU',
    description: 'The armed forces of Russia.',
    note: 'Article: only in the "See also" headline ("Russian forces"); implied as the opponent of the raid.'
  }
] AS row
MERGE (n:Unit {key: row.key})
ON CREATE SET n = row,
    n:Actor,
    n.recordedAt = datetime('2026-11-25T00:00:00Z'),
    n.recordedBy = 'seed:000_1b3165c116f10b7f',
    n.seedCreated = true
WITH n, n.seedCreated IS NOT NULL AS created
REMOVE n.seedCreated
// Property names in order: keys() gives them in no particular one.
WITH *
CALL (n) { UNWIND keys(n) AS k WITH k WHERE NOT k IN ['recordedAt', 'recordedBy'] ORDER BY k RETURN collect(k) AS changed }
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END |
  CREATE (n)<-[:REVISES]-(:Revision {at: n.recordedAt, by: n.recordedBy, operation: 'ENTITY_CREATED', changed: changed, values: null}));

// Persons.
UNWIND [
  {
    key: 'person:volodymyr-zelensky',
    name: 'Volodymyr Zelensky',
    nameNative: 'Володимир Зеленський',
    aliases: ['Volodymyr Zelenskyy', 'Vladimir Zelensky', 'Zelensky', 'Володимир Зеленський', 'Владимир Зеленский'],
    aliasesAsWrittenInArticle: ['Volodymyr Zelensky'],
    mentionedInArticle: true,
    describedInArticleAs: 'Volodymyr Zelensky',
    identitySourceKey: 'source:article:000-1b3165c116f10b7f',
    identityNote: 'Named in the article. His office (President of Ukraine) is background knowledge, see HOLDS_POSITION.',
    description: 'President of Ukraine.'
  },
  {
    key: 'person:roman-starovoit',
    name: 'Roman Starovoit',
    nameNative: 'Роман Старовойт',
    aliases: ['Roman Starovoyt', 'Starovoit', 'Роман Старовойт', 'governor of Kursk region', 'Kursk governor'],
    aliasesAsWrittenInArticle: [],
    mentionedInArticle: true,
    describedInArticleAs: 'The Russian governor of the region',
    identitySourceKey: 'source:ref:analyst-background',
    identityNote: 'The article does NOT name the governor: it says "The Russian governor of the region" (the Kursk region). That the governor of Kursk Oblast in March 2024 was Roman Starovoit is background knowledge (source:ref:analyst-background). MADE_BY edges from the governor\'s claims say so (identifiedViaSourceKey).',
    description: 'Governor of Kursk Oblast (2018 to May 2024).'
  },
  {
    key: 'person:vladimir-putin',
    name: 'Vladimir Putin',
    nameNative: 'Владимир Путин',
    aliases: ['Putin', 'Владимир Путин', 'Володимир Путін'],
    aliasesAsWrittenInArticle: ['Putin'],
    mentionedInArticle: true,
    describedInArticleAs: 'Putin',
    identitySourceKey: 'source:article:000-1b3165c116f10b7f',
    identityNote: 'Named in the Legion\'s quotation ("Putin\'s dictatorship").',
    description: 'President of Russia.'
  }
] AS row
MERGE (n:Person {key: row.key})
ON CREATE SET n = row,
    n:Actor,
    n.recordedAt = datetime('2026-11-25T00:00:00Z'),
    n.recordedBy = 'seed:000_1b3165c116f10b7f',
    n.seedCreated = true
WITH n, n.seedCreated IS NOT NULL AS created
REMOVE n.seedCreated
// Property names in order: keys() gives them in no particular one.
WITH *
CALL (n) { UNWIND keys(n) AS k WITH k WHERE NOT k IN ['recordedAt', 'recordedBy'] ORDER BY k RETURN collect(k) AS changed }
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END |
  CREATE (n)<-[:REVISES]-(:Revision {at: n.recordedAt, by: n.recordedBy, operation: 'ENTITY_CREATED', changed: changed, values: null}));

// Organizations: states, media, analysts, and the article's unknown publisher.
UNWIND [
  {
    key: 'org:ukraine', name: 'Ukraine (state)', type: 'STATE', countryCode: 'UA',
    aliases: ['Ukraine', 'Україна'], uncertainAliases: [], aliasesAsWrittenInArticle: ['Ukraine'],
    mentionedInArticle: true, description: 'The Ukrainian state as an actor.', note: 'Article: "Russian volunteers fight for Ukraine".'
  },
  {
    key: 'org:russia', name: 'Russian Federation (state)', type: 'STATE', countryCode: 'RU',
    aliases: ['Russia', 'Russian Federation', 'Россия', 'Российская Федерация', 'the regime', 'Putin\'s dictatorship'],
    uncertainAliases: [], aliasesAsWrittenInArticle: ['Russian Federation', 'the regime', 'Putin\'s dictatorship'],
    mentionedInArticle: true, description: 'The Russian state as an actor.',
    note: 'The quotations speak of "Putin\'s dictatorship" and "the regime".'
  },
  {
    key: 'org:bfmtv', name: 'BFMTV', type: 'MEDIA', countryCode: 'FR',
    aliases: ['BFM TV'], uncertainAliases: [], aliasesAsWrittenInArticle: ['BFMTV'],
    mentionedInArticle: true, description: 'French television news channel.', note: null
  },
  {
    key: 'org:le-monde', name: 'Le Monde', type: 'MEDIA', countryCode: 'FR',
    aliases: [], uncertainAliases: ['the world'], aliasesAsWrittenInArticle: [],
    mentionedInArticle: false, description: 'French daily newspaper.',
    note: 'Probably what the article\'s "this Monday the world" means (French "Le Monde" translated word for word); source:ref:pledge-times-2024-03-11-zelensky-bfmtv says the interview was given to BFMTV and Le Monde. A reading, hence an uncertain alias.'
  },
  {
    key: 'org:publisher-unknown-000-1b3165c116f10b7f', name: 'Unknown publisher of seed article 000_1b3165c116f10b7f', type: 'MEDIA', countryCode: null,
    aliases: [], uncertainAliases: [], aliasesAsWrittenInArticle: [],
    mentionedInArticle: false, description: 'Stands for the (unknown) outlet that published the seed article; maker of the article\'s own statements.',
    note: 'Replace or merge when the publisher is established.'
  },
  {
    key: 'org:kyiv-independent', name: 'The Kyiv Independent', type: 'MEDIA', countryCode: 'UA',
    aliases: ['Kyiv Independent'], uncertainAliases: [], aliasesAsWrittenInArticle: [],
    mentionedInArticle: false, description: 'Ukrainian English-language news outlet (background source).', note: null
  },
  {
    key: 'org:isw', name: 'Institute for the Study of War', type: 'ANALYST', countryCode: 'US',
    aliases: ['ISW'], uncertainAliases: [], aliasesAsWrittenInArticle: [],
    mentionedInArticle: false, description: 'US think tank publishing daily assessments of the war (background source).', note: null
  },
  {
    key: 'org:pledge-times', name: 'Pledge Times', type: 'MEDIA', countryCode: null,
    aliases: [], uncertainAliases: [], aliasesAsWrittenInArticle: [],
    mentionedInArticle: false, description: 'News republishing website (background source).', note: null
  }
] AS row
MERGE (n:Organization {key: row.key})
ON CREATE SET n = row,
    n:Actor,
    n.recordedAt = datetime('2026-11-25T00:00:00Z'),
    n.recordedBy = 'seed:000_1b3165c116f10b7f',
    n.seedCreated = true
WITH n, n.seedCreated IS NOT NULL AS created
REMOVE n.seedCreated
// Property names in order: keys() gives them in no particular one.
WITH *
CALL (n) { UNWIND keys(n) AS k WITH k WHERE NOT k IN ['recordedAt', 'recordedBy'] ORDER BY k RETURN collect(k) AS changed }
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END |
  CREATE (n)<-[:REVISES]-(:Revision {at: n.recordedAt, by: n.recordedBy, operation: 'ENTITY_CREATED', changed: changed, values: null}));

// (Actor)-[:ALIGNED_WITH {from, to, basisSourceKey}]->(Actor): fights on the side of.
UNWIND [
  {from: 'unit:freedom-of-russia-legion', to: 'unit:armed-forces-of-ukraine', since: date('2022-03-01'), sincePrecision: 'MONTH', basisSourceKey: 'source:article:000-1b3165c116f10b7f',
   note: 'Article: "These soldiers are engaged alongside Ukrainian troops." The start date (formation in spring 2022) is background (source:ref:analyst-background).'},
  {from: 'unit:siberian-battalion', to: 'unit:armed-forces-of-ukraine', since: null, sincePrecision: null, basisSourceKey: 'source:article:000-1b3165c116f10b7f',
   note: 'Article: "Russian volunteers fight for Ukraine", "Russian soldiers fighting alongside Ukraine".'},
  {from: 'unit:russian-volunteer-corps', to: 'unit:armed-forces-of-ukraine', since: null, sincePrecision: null, basisSourceKey: 'source:ref:kyiv-independent-2024-03-13-putin-elections',
   note: 'Not in the article.'}
] AS row
MATCH (a:Actor {key: row.from})
MATCH (b:Actor {key: row.to})
MERGE (a)-[r:ALIGNED_WITH]->(b)
ON CREATE SET r = {from: row.since, fromPrecision: row.sincePrecision, basisSourceKey: row.basisSourceKey, note: row.note,
         recordedAt: datetime('2026-11-25T00:00:00Z'), recordedBy: 'seed:000_1b3165c116f10b7f'};

// (Unit)-[:PART_OF {from, to, basisSourceKey}]->(Unit|Organization): parent formation or state.
UNWIND [
  {from: 'unit:armed-forces-of-ukraine', to: 'org:ukraine'},
  {from: 'unit:russian-armed-forces', to: 'org:russia'}
] AS row
MATCH (a:Unit {key: row.from})
MATCH (b:Actor {key: row.to})
MERGE (a)-[r:PART_OF]->(b)
ON CREATE SET r = {basisSourceKey: 'source:ref:analyst-background',
         recordedAt: datetime('2026-11-25T00:00:00Z'), recordedBy: 'seed:000_1b3165c116f10b7f'};

// (Person)-[:HOLDS_POSITION {title, from, to, ...}]->(Organization|Place). Background knowledge.
UNWIND [
  {person: 'person:volodymyr-zelensky', target: 'org:ukraine', title: 'President of Ukraine',
   from: date('2019-05-20'), fromPrecision: 'DAY', to: null, toPrecision: null, confidence: 'HIGH', note: null},
  {person: 'person:vladimir-putin', target: 'org:russia', title: 'President of Russia',
   from: date('2012-05-07'), fromPrecision: 'DAY', to: null, toPrecision: null, confidence: 'HIGH',
   note: 'Current continuous tenure; he was also President from 2000 to 2008.'},
  {person: 'person:roman-starovoit', target: 'place:ru:kursk-oblast', title: 'Governor of Kursk Oblast',
   from: date('2018-10-01'), fromPrecision: 'MONTH', to: date('2024-05-01'), toPrecision: 'MONTH', confidence: 'HIGH',
   note: 'Acting governor from October 2018, elected 2019; left office in May 2024 (appointed federal Minister of Transport). Exact days not recorded.'}
] AS row
MATCH (p:Person {key: row.person})
MATCH (t {key: row.target}) WHERE t:Organization OR t:Place
MERGE (p)-[r:HOLDS_POSITION {title: row.title}]->(t)
ON CREATE SET r = {title: row.title, from: row.from, fromPrecision: row.fromPrecision, to: row.to, toPrecision: row.toPrecision,
         confidence: row.confidence, basisSourceKey: 'source:ref:analyst-background', note: row.note,
         recordedAt: datetime('2026-11-25T00:00:00Z'), recordedBy: 'seed:000_1b3165c116f10b7f'};

// (Source)-[:PUBLISHED_BY {attribution, asWritten, basisSourceKey}]->(Actor)
UNWIND [
  {source: 'source:article:000-1b3165c116f10b7f', actor: 'org:publisher-unknown-000-1b3165c116f10b7f', attribution: 'PRESUMED', asWritten: null,
   basisSourceKey: 'source:article:000-1b3165c116f10b7f', note: 'Publisher unknown; placeholder actor.'},
  {source: 'source:telegram:siberian-battalion-2024-03-boycott', actor: 'unit:siberian-battalion', attribution: 'EXPLICIT', asWritten: 'Siberian Battalion on its Telegram channel',
   basisSourceKey: 'source:article:000-1b3165c116f10b7f', note: null},
  {source: 'source:statement:freedom-of-russia-legion-2024-03', actor: 'unit:freedom-of-russia-legion', attribution: 'EXPLICIT', asWritten: 'the Russia Legion for Freedom',
   basisSourceKey: 'source:article:000-1b3165c116f10b7f', note: null},
  {source: 'source:telegram:russian-freedom-battalion-2024-03', actor: 'unit:freedom-of-russia-legion', attribution: 'AMBIGUOUS', asWritten: 'the Russian Freedom Battalion on its Telegram channel',
   basisSourceKey: 'source:article:000-1b3165c116f10b7f', note: 'Candidate: the name echoes "Freedom of Russia", and the preceding sentence is about the Legion.'},
  {source: 'source:telegram:russian-freedom-battalion-2024-03', actor: 'unit:siberian-battalion', attribution: 'AMBIGUOUS', asWritten: 'the Russian Freedom Battalion on its Telegram channel',
   basisSourceKey: 'source:article:000-1b3165c116f10b7f', note: 'Candidate: "Battalion ... on its Telegram channel" echoes the Siberian Battalion.'},
  {source: 'source:statement:kursk-governor-2024-03', actor: 'person:roman-starovoit', attribution: 'EXPLICIT', asWritten: 'The Russian governor of the region',
   basisSourceKey: 'source:article:000-1b3165c116f10b7f', note: 'Identified as Roman Starovoit through source:ref:analyst-background.'},
  {source: 'source:interview:bfmtv-zelensky-2024-03-11', actor: 'org:bfmtv', attribution: 'EXPLICIT', asWritten: 'BFMTV',
   basisSourceKey: 'source:article:000-1b3165c116f10b7f', note: null},
  {source: 'source:interview:bfmtv-zelensky-2024-03-11', actor: 'org:le-monde', attribution: 'PRESUMED', asWritten: 'the world',
   basisSourceKey: 'source:ref:pledge-times-2024-03-11-zelensky-bfmtv', note: 'The article\'s "the world" read as Le Monde.'},
  {source: 'source:ref:kyiv-independent-2024-03-13-putin-elections', actor: 'org:kyiv-independent', attribution: 'EXPLICIT', asWritten: null,
   basisSourceKey: 'source:ref:kyiv-independent-2024-03-13-putin-elections', note: null},
  {source: 'source:ref:kyiv-independent-2024-03-14-isw', actor: 'org:kyiv-independent', attribution: 'EXPLICIT', asWritten: null,
   basisSourceKey: 'source:ref:kyiv-independent-2024-03-14-isw', note: null},
  {source: 'source:ref:isw-2024-03-14', actor: 'org:isw', attribution: 'EXPLICIT', asWritten: null,
   basisSourceKey: 'source:ref:kyiv-independent-2024-03-14-isw', note: null},
  {source: 'source:ref:pledge-times-2024-03-11-zelensky-bfmtv', actor: 'org:pledge-times', attribution: 'EXPLICIT', asWritten: null,
   basisSourceKey: 'source:ref:pledge-times-2024-03-11-zelensky-bfmtv', note: null}
] AS row
MATCH (s:Source {key: row.source})
MATCH (a:Actor {key: row.actor})
MERGE (s)-[r:PUBLISHED_BY]->(a)
ON CREATE SET r = {attribution: row.attribution, asWritten: row.asWritten, basisSourceKey: row.basisSourceKey, note: row.note,
         recordedAt: datetime('2026-11-25T00:00:00Z'), recordedBy: 'seed:000_1b3165c116f10b7f'};
