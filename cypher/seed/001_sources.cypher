// Seed 001: the documents behind the graph (Source nodes) and the links between them.
// The seed article is shared/seeds/000_1b3165c116f10b7f.txt. Sources of background
// knowledge (facts the article does not state) are separate Source nodes of their own
// (key prefix source:ref:), never blended into the article.
// Creates what is missing, never overwrites: MERGE on key, ON CREATE SET (docs/operations.md, "Seeds").
// recordedAt is a fixed literal so that re-running gives byte-identical properties.

UNWIND [
  {
    key: 'source:article:000-1b3165c116f10b7f',
    kind: 'NEWS_ARTICLE',
    title: 'Russian volunteers fight for Ukraine in the Kursk region',
    url: null,
    urlNote: 'Unknown: the seed file carries no URL and the original publisher is not established. Left null on purpose.',
    seedFile: 'seeds/000_1b3165c116f10b7f.txt',
    language: 'en',
    translation: 'MACHINE_PROBABLE',
    translationNote: 'The English reads as a machine translation, probably from French ("this Monday the world" reads as "ce lundi [au] Monde", i.e. the newspaper Le Monde; "editor\'s note" as "NDLR"). Inferred, not confirmed.',
    publishedAt: date('2024-03-12'),
    publishedAtPrecision: 'RANGE',
    publishedAtEarliest: date('2024-03-12'),
    publishedAtLatest: date('2024-03-14'),
    dateDerivation: 'The article carries no date. (1) "The Russian presidential election is set to begin next Friday": the election began on Friday 15 March 2024 (source:ref:kyiv-independent-2024-03-13-putin-elections), so the text predates 15 March 2024. (2) Zelensky spoke to BFMTV "this Monday": that interview was on Monday 11 March 2024 (source:ref:pledge-times-2024-03-11-zelensky-bfmtv), so the text is from the week beginning Monday 11 March 2024 (ISO week 2024-W11). (3) It reports the offensive as underway and confirmed by the governor; the raid began on 12 March 2024 (source:ref:kyiv-independent-2024-03-13-putin-elections), so the text is from 12, 13 or 14 March 2024. Calendar check: 11 March 2024 was a Monday, 15 March 2024 a Friday. publishedAt holds that range, 12 to 14 March 2024 (precision RANGE).',
    reliability: 'F',
    reliabilityNote: 'Publisher unknown; machine-translated text with garbled unit names, a garbled quotation of the governor and one quote attributed to two names. Reliability cannot be judged.',
    note: 'The seed of the project. Every claim quoted from it is stored with its exact wording in STATED_IN.quote.'
  },
  {
    key: 'source:telegram:siberian-battalion-2024-03-boycott',
    kind: 'SOCIAL_POST',
    title: 'Siberian Battalion Telegram post calling for a boycott of the "elections" (known only as quoted in the article)',
    url: null,
    urlNote: 'Unknown: the article names the channel but not the post.',
    seedFile: null,
    language: null,
    translation: null,
    translationNote: 'Original wording (presumably Russian) not retrieved; the article quotes it in English.',
    publishedAt: date('2024-03-11'),
    publishedAtPrecision: 'WEEK',
    publishedAtEarliest: null,
    publishedAtLatest: date('2024-03-14'),
    dateDerivation: 'Quoted by the article (week of 11 March 2024) as current news about the ongoing raid; not dated in the article.',
    reliability: 'F',
    reliabilityNote: 'Channel of a party to the fighting; reliability cannot be judged from the seed.',
    note: 'The article: "confirmed Siberian Battalion on its Telegram channel".'
  },
  {
    key: 'source:statement:freedom-of-russia-legion-2024-03',
    kind: 'UNSPECIFIED',
    title: 'Statement of the Freedom of Russia Legion (known only as quoted in the article)',
    url: null,
    urlNote: 'Unknown: the article does not say where the Legion published it.',
    seedFile: null,
    language: null,
    translation: null,
    translationNote: 'Original wording not retrieved.',
    publishedAt: date('2024-03-11'),
    publishedAtPrecision: 'WEEK',
    publishedAtEarliest: null,
    publishedAtLatest: date('2024-03-14'),
    dateDerivation: 'Quoted by the article (week of 11 March 2024); not dated in the article.',
    reliability: 'F',
    reliabilityNote: 'Statement of a party to the fighting; reliability cannot be judged from the seed.',
    note: 'The article: "For its part, the Russia Legion for Freedom, which entered Russian territory in May 2023, explained."'
  },
  {
    key: 'source:telegram:russian-freedom-battalion-2024-03',
    kind: 'SOCIAL_POST',
    title: 'Telegram post attributed in the article to the "Russian Freedom Battalion" (publisher ambiguous)',
    url: null,
    urlNote: 'Unknown.',
    seedFile: null,
    language: null,
    translation: null,
    translationNote: 'Original wording not retrieved.',
    publishedAt: date('2024-03-11'),
    publishedAtPrecision: 'WEEK',
    publishedAtEarliest: null,
    publishedAtLatest: date('2024-03-14'),
    dateDerivation: 'Quoted by the article (week of 11 March 2024); not dated in the article.',
    reliability: 'F',
    reliabilityNote: 'No formation is called "Russian Freedom Battalion"; who published the post is ambiguous (see PUBLISHED_BY).',
    note: 'The article: "explained the Russian Freedom Battalion on its Telegram channel".'
  },
  {
    key: 'source:statement:kursk-governor-2024-03',
    kind: 'OFFICIAL_STATEMENT',
    title: 'Statement of the governor of Kursk region on the attack (known only as reported in the article)',
    url: null,
    urlNote: 'Unknown: the article does not say where or how the governor spoke.',
    seedFile: null,
    language: null,
    translation: null,
    translationNote: 'Original wording not retrieved; the article reports it in indirect speech.',
    publishedAt: date('2024-03-11'),
    publishedAtPrecision: 'WEEK',
    publishedAtEarliest: date('2024-03-12'),
    publishedAtLatest: date('2024-03-14'),
    dateDerivation: 'Reported by the article (12 to 14 March 2024) about the raid that began on 12 March 2024.',
    reliability: 'F',
    reliabilityNote: 'Official of a party to the fighting; reliability cannot be judged from the seed.',
    note: 'The article: "The Russian governor of the region confirmed the attack and said one person was slightly injured, but denied anything “turning point” attackers."'
  },
  {
    key: 'source:interview:bfmtv-zelensky-2024-03-11',
    kind: 'INTERVIEW',
    title: 'Interview of Volodymyr Zelensky with BFMTV (and, probably, Le Monde), 11 March 2024',
    url: null,
    urlNote: 'Unknown.',
    seedFile: null,
    language: null,
    translation: null,
    translationNote: 'The language Zelensky spoke is not recorded; the article quotes an English rendering, probably of a French translation.',
    publishedAt: date('2024-03-11'),
    publishedAtPrecision: 'DAY',
    publishedAtEarliest: null,
    publishedAtLatest: null,
    dateDerivation: 'The article says "this Monday"; in the article\'s week (beginning 11 March 2024) that is Monday 11 March 2024. Corroborated by source:ref:pledge-times-2024-03-11-zelensky-bfmtv, which reports the interview with BFMTV and Le Monde on Monday 11 March 2024.',
    reliability: 'B',
    reliabilityNote: 'A broadcast interview is a direct record of what the speaker said; graded B (usually reliable) because only a relayed translation has been seen.',
    note: 'The article: "Volodymyr Zelensky explained in an interview with BFMTV this Monday the world."'
  },
  {
    key: 'source:article:see-also-lyman',
    kind: 'NEWS_ARTICLE',
    title: 'Why the capture of Lyman by the Ukrainian army poses a serious problem for Russian forces',
    url: null,
    urlNote: 'Unknown: only the title appears, in the seed article\'s "See also" line.',
    seedFile: null,
    language: 'en',
    translation: null,
    translationNote: null,
    publishedAt: null,
    publishedAtPrecision: null,
    publishedAtEarliest: null,
    publishedAtLatest: null,
    dateDerivation: 'Not dated. Ukraine retook Lyman on 1 October 2022 (source:ref:analyst-background), so the linked article is probably from October 2022; not recorded as its date.',
    reliability: 'F',
    reliabilityNote: 'Only the title is known.',
    note: 'Linked from the seed article: "See also\u00A0 Why the capture of Lyman by the Ukrainian army poses a serious problem for Russian forces".'
  },
  {
    key: 'source:ref:analyst-background',
    kind: 'REFERENCE',
    title: 'Background knowledge of the seeding analyst (general reference works such as Wikipedia and gazetteers)',
    url: null,
    urlNote: 'Not one document: facts recalled from general reference works when the seed was written and not re-checked against a gazetteer (no GeoNames look-up was made).',
    seedFile: null,
    language: 'en',
    translation: null,
    translationNote: null,
    publishedAt: null,
    publishedAtPrecision: null,
    publishedAtEarliest: null,
    publishedAtLatest: null,
    dateDerivation: null,
    reliability: 'C',
    reliabilityNote: 'Fairly reliable. Each fact that rests on it says so (basisSourceKey / locationSourceKey / identitySourceKey) and carries its own precision or confidence.',
    note: 'Used for coordinates, administrative hierarchy, positions held, and event dates the article does not give.'
  },
  {
    key: 'source:ref:kyiv-independent-2024-03-13-putin-elections',
    kind: 'NEWS_ARTICLE',
    title: 'Putin: Cross-border incursion by Russian anti-Kremlin militia \'attempt to interfere in elections\'',
    url: 'https://kyivindependent.com/putin-claims-russian-anti-kremlin-militia-incursion-from-ukraine-aimed-to-disrupt-elections',
    urlNote: null,
    seedFile: null,
    language: 'en',
    translation: null,
    translationNote: null,
    publishedAt: date('2024-03-13'),
    publishedAtPrecision: 'DAY',
    publishedAtEarliest: null,
    publishedAtLatest: null,
    dateDerivation: null,
    reliability: 'B',
    reliabilityNote: 'Established Ukrainian English-language outlet.',
    note: 'Background for: the three formations crossed into Belgorod and Kursk oblasts on 12 March 2024; the presidential election was set for 15 to 17 March 2024.'
  },
  {
    key: 'source:ref:kyiv-independent-2024-03-14-isw',
    kind: 'NEWS_ARTICLE',
    title: 'ISW: Cross-border raids in Russia force Kremlin to pay in resources or reputation',
    url: 'https://kyivindependent.com/isw-cross-border-raids-in-russia-force-kremlin-to-pay-in-resources-or-reputation/',
    urlNote: 'Title reconstructed from the URL.',
    seedFile: null,
    language: 'en',
    translation: null,
    translationNote: null,
    publishedAt: date('2024-03-11'),
    publishedAtPrecision: 'WEEK',
    publishedAtEarliest: date('2024-03-14'),
    publishedAtLatest: null,
    dateDerivation: 'Reports ISW\'s assessment of 14 March 2024; its own publication day was not recorded.',
    reliability: 'B',
    reliabilityNote: 'Established Ukrainian English-language outlet relaying an analyst assessment.',
    note: 'Background for: the Freedom of Russia Legion and the Siberian Battalion took control of Tyotkino (Kursk Oblast) and Lozovaya Rudka (Belgorod Oblast).'
  },
  {
    key: 'source:ref:isw-2024-03-14',
    kind: 'ANALYSIS',
    title: 'Russian Offensive Campaign Assessment, March 14, 2024',
    url: null,
    urlNote: 'Not retrieved; known through source:ref:kyiv-independent-2024-03-14-isw.',
    seedFile: null,
    language: 'en',
    translation: null,
    translationNote: null,
    publishedAt: date('2024-03-14'),
    publishedAtPrecision: 'DAY',
    publishedAtEarliest: null,
    publishedAtLatest: null,
    dateDerivation: null,
    reliability: 'B',
    reliabilityNote: 'Analyst organisation with an open-source method; not seen directly.',
    note: null
  },
  {
    key: 'source:ref:pledge-times-2024-03-11-zelensky-bfmtv',
    kind: 'NEWS_ARTICLE',
    title: 'An optimistic Volodymyr Zelensky assures that the Russian advance in Ukraine has been stopped',
    url: 'https://pledgetimes.com/an-optimistic-volodymyr-zelensky-assures-that-the-russian-advance-in-ukraine-has-been-stopped/',
    urlNote: null,
    seedFile: null,
    language: 'en',
    translation: 'MACHINE_PROBABLE',
    translationNote: 'A republishing site; reads as a translation of Spanish- or French-language wire copy.',
    publishedAt: date('2024-03-11'),
    publishedAtPrecision: 'DAY',
    publishedAtEarliest: null,
    publishedAtLatest: null,
    dateDerivation: null,
    reliability: 'D',
    reliabilityNote: 'Republishing site; used only to date the interview and to identify "the world" as Le Monde.',
    note: 'Background for: Zelensky gave the interview to BFMTV and Le Monde on Monday 11 March 2024.'
  }
] AS row
MERGE (s:Source {key: row.key})
ON CREATE SET s = row,
    s.recordedAt = datetime('2026-11-25T00:00:00Z'),
    s.recordedBy = 'seed:000_1b3165c116f10b7f',
    s.seedCreated = true
WITH s, s.seedCreated IS NOT NULL AS created
REMOVE s.seedCreated
// Property names in order: keys() gives them in no particular one.
WITH *
CALL (s) { UNWIND keys(s) AS k WITH k WHERE NOT k IN ['recordedAt', 'recordedBy'] ORDER BY k RETURN collect(k) AS changed }
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END |
  CREATE (s)<-[:REVISES]-(:Revision {at: s.recordedAt, by: s.recordedBy, operation: 'ENTITY_CREATED', changed: changed, values: null}));

// (Source)-[:QUOTES]->(Source): the quoting document relays (part of) the quoted one.
UNWIND [
  {from: 'source:article:000-1b3165c116f10b7f', to: 'source:telegram:siberian-battalion-2024-03-boycott'},
  {from: 'source:article:000-1b3165c116f10b7f', to: 'source:statement:freedom-of-russia-legion-2024-03'},
  {from: 'source:article:000-1b3165c116f10b7f', to: 'source:telegram:russian-freedom-battalion-2024-03'},
  {from: 'source:article:000-1b3165c116f10b7f', to: 'source:statement:kursk-governor-2024-03'},
  {from: 'source:article:000-1b3165c116f10b7f', to: 'source:interview:bfmtv-zelensky-2024-03-11'},
  {from: 'source:ref:kyiv-independent-2024-03-14-isw', to: 'source:ref:isw-2024-03-14'},
  {from: 'source:ref:pledge-times-2024-03-11-zelensky-bfmtv', to: 'source:interview:bfmtv-zelensky-2024-03-11'}
] AS row
MATCH (a:Source {key: row.from})
MATCH (b:Source {key: row.to})
MERGE (a)-[r:QUOTES]->(b)
ON CREATE SET r.recordedAt = datetime('2026-11-25T00:00:00Z'),
    r.recordedBy = 'seed:000_1b3165c116f10b7f';

// (Source)-[:LINKS_TO]->(Source): a hyperlink (the article's "See also" line).
MATCH (a:Source {key: 'source:article:000-1b3165c116f10b7f'})
MATCH (b:Source {key: 'source:article:see-also-lyman'})
MERGE (a)-[r:LINKS_TO]->(b)
ON CREATE SET r.asWritten = 'See also\u00A0 Why the capture of Lyman by the Ukrainian army poses a serious problem for Russian forces',
    r.recordedAt = datetime('2026-11-25T00:00:00Z'),
    r.recordedBy = 'seed:000_1b3165c116f10b7f';
