// Seed 010: places, their names in several scripts and spellings (PlaceName), and the
// administrative hierarchy village -> district -> region -> country (LOCATED_IN).
// Coordinates, hierarchy and most spellings are background knowledge, NOT stated by the
// article: each such fact names its source (locationSourceKey on the node, basisSourceKey
// on PlaceName and LOCATED_IN). Spellings that the article uses have kind AS_WRITTEN and
// basisSourceKey = the article.
// Creates what is missing, never overwrites: MERGE on key, ON CREATE SET; Place.names is set where unset.

UNWIND [
  {
    key: 'place:ru', name: 'Russia', type: 'COUNTRY', countryCode: 'RU',
    location: point({latitude: 61.524, longitude: 105.3188}),
    locationPrecision: 'CENTROID', locationUncertaintyKm: 3000.0,
    locationSourceKey: 'source:ref:analyst-background',
    locationNote: 'Approximate geographic centre of the country; stands for the whole country.',
    geonamesId: 2017370, geonamesIdSourceKey: 'source:ref:analyst-background',
    inArticleAs: ['Russia', 'Russian Federation', 'Russian territory'],
    note: null
  },
  {
    key: 'place:ua', name: 'Ukraine', type: 'COUNTRY', countryCode: 'UA',
    location: point({latitude: 48.3794, longitude: 31.1656}),
    locationPrecision: 'CENTROID', locationUncertaintyKm: 700.0,
    locationSourceKey: 'source:ref:analyst-background',
    locationNote: 'Approximate geographic centre of the country; stands for the whole country.',
    geonamesId: 690791, geonamesIdSourceKey: 'source:ref:analyst-background',
    inArticleAs: ['Ukraine'],
    note: null
  },
  {
    key: 'place:ru:kursk-oblast', name: 'Kursk Oblast', type: 'REGION', countryCode: 'RU',
    location: point({latitude: 51.7304, longitude: 36.1926}),
    locationPrecision: 'ADMIN_CENTRE', locationUncertaintyKm: 150.0,
    locationSourceKey: 'source:ref:analyst-background',
    locationNote: 'Point of the regional capital, Kursk; stands for the whole oblast.',
    geonamesId: null, geonamesIdSourceKey: null,
    inArticleAs: ['Kursk region', 'the region'],
    note: 'A federal subject (oblast) of Russia bordering Ukraine\'s Sumy Oblast.'
  },
  {
    key: 'place:ru:belgorod-oblast', name: 'Belgorod Oblast', type: 'REGION', countryCode: 'RU',
    location: point({latitude: 50.5954, longitude: 36.5873}),
    locationPrecision: 'ADMIN_CENTRE', locationUncertaintyKm: 150.0,
    locationSourceKey: 'source:ref:analyst-background',
    locationNote: 'Point of the regional capital, Belgorod; stands for the whole oblast.',
    geonamesId: null, geonamesIdSourceKey: null,
    inArticleAs: ['Belgorod region'],
    note: 'A federal subject (oblast) of Russia bordering Ukraine\'s Kharkiv and Sumy oblasts.'
  },
  {
    key: 'place:ru:grayvoronsky-district', name: 'Grayvoronsky District', type: 'DISTRICT', countryCode: 'RU',
    location: point({latitude: 50.4833, longitude: 35.6667}),
    locationPrecision: 'ADMIN_CENTRE', locationUncertaintyKm: 25.0,
    locationSourceKey: 'source:ref:analyst-background',
    locationNote: 'Approximate point of the district centre, the town of Grayvoron.',
    geonamesId: null, geonamesIdSourceKey: null,
    inArticleAs: [],
    note: 'Not named in the article. Municipally organised as Grayvoronsky urban okrug (Грайворонский городской округ). On the border with Ukraine\'s Kharkiv Oblast; the May 2023 raid took place here.'
  },
  {
    key: 'place:ru:lozovaya-rudka', name: 'Lozovaya Rudka', type: 'VILLAGE', countryCode: 'RU',
    location: point({latitude: 50.4833, longitude: 35.6667}),
    locationPrecision: 'DISTRICT_CENTRE_PROXY', locationUncertaintyKm: 25.0,
    locationSourceKey: 'source:ref:analyst-background',
    locationNote: 'The village\'s own coordinates were NOT verified when seeding. The point is that of the district centre (Grayvoron), used as a proxy; the village lies near the Ukrainian border within about 25 km of it. Replace with gazetteer coordinates when checked.',
    geonamesId: null, geonamesIdSourceKey: null,
    inArticleAs: ['Losovaya Rudka'],
    note: 'The article spells it "Losovaya Rudka" and mentions it in its paragraph on the offensive in the Kursk region; background sources place the village in Belgorod Oblast (Grayvoronsky District). Both are kept: the article\'s words as a Claim, the hierarchy as LOCATED_IN with its own source.'
  },
  {
    key: 'place:ua:donetsk-oblast', name: 'Donetsk Oblast', type: 'REGION', countryCode: 'UA',
    location: point({latitude: 48.0159, longitude: 37.8028}),
    locationPrecision: 'ADMIN_CENTRE', locationUncertaintyKm: 150.0,
    locationSourceKey: 'source:ref:analyst-background',
    locationNote: 'Point of Donetsk, the oblast\'s de jure capital (held by Russia since 2014); stands for the whole oblast.',
    geonamesId: null, geonamesIdSourceKey: null,
    inArticleAs: [],
    note: 'Not named in the article. Internationally recognised as part of Ukraine; Russia claims to have annexed it (2022).'
  },
  {
    key: 'place:ua:pokrovsk-raion', name: 'Pokrovsk Raion', type: 'DISTRICT', countryCode: 'UA',
    location: point({latitude: 48.2833, longitude: 37.1833}),
    locationPrecision: 'ADMIN_CENTRE', locationUncertaintyKm: 50.0,
    locationSourceKey: 'source:ref:analyst-background',
    locationNote: 'Approximate point of the raion centre, Pokrovsk.',
    geonamesId: null, geonamesIdSourceKey: null,
    inArticleAs: [],
    note: 'Not named in the article. Avdiivka belongs to it since Ukraine\'s raion reform of July 2020.'
  },
  {
    key: 'place:ua:avdiivka', name: 'Avdiivka', type: 'CITY', countryCode: 'UA',
    location: point({latitude: 48.1394, longitude: 37.7497}),
    locationPrecision: 'SETTLEMENT', locationUncertaintyKm: 3.0,
    locationSourceKey: 'source:ref:analyst-background',
    locationNote: 'Approximate centre of the city.',
    geonamesId: null, geonamesIdSourceKey: null,
    inArticleAs: ['Avdiivka'],
    note: 'Held by Russian forces since Ukraine\'s withdrawal on 17 February 2024.'
  },
  {
    key: 'place:ua:kramatorsk-raion', name: 'Kramatorsk Raion', type: 'DISTRICT', countryCode: 'UA',
    location: point({latitude: 48.7389, longitude: 37.5844}),
    locationPrecision: 'ADMIN_CENTRE', locationUncertaintyKm: 50.0,
    locationSourceKey: 'source:ref:analyst-background',
    locationNote: 'Approximate point of the raion centre, Kramatorsk.',
    geonamesId: null, geonamesIdSourceKey: null,
    inArticleAs: [],
    note: 'Not named in the article.'
  },
  {
    key: 'place:ua:lyman', name: 'Lyman', type: 'CITY', countryCode: 'UA',
    location: point({latitude: 48.9833, longitude: 37.8}),
    locationPrecision: 'SETTLEMENT', locationUncertaintyKm: 3.0,
    locationSourceKey: 'source:ref:analyst-background',
    locationNote: 'Approximate centre of the city.',
    geonamesId: null, geonamesIdSourceKey: null,
    inArticleAs: ['Lyman'],
    note: 'Named only in the title of the article linked under "See also".'
  }
] AS row
MERGE (p:Place {key: row.key})
ON CREATE SET p = row,
    p.recordedAt = datetime('2026-11-25T00:00:00Z'),
    p.recordedBy = 'seed:000_1b3165c116f10b7f',
    p.seedCreated = true
WITH p, p.seedCreated IS NOT NULL AS created
REMOVE p.seedCreated
// Property names in order: keys() gives them in no particular one.
WITH *
CALL (p) { UNWIND keys(p) AS k WITH k WHERE NOT k IN ['recordedAt', 'recordedBy'] ORDER BY k RETURN collect(k) AS changed }
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END |
  CREATE (p)<-[:REVISES]-(:Revision {at: p.recordedAt, by: p.recordedBy, operation: 'ENTITY_CREATED', changed: changed, values: null}));

// Names: one PlaceName per spelling, with language (BCP 47), script (ISO 15924),
// romanisation scheme and kind. Key: placename:<place key without "place:">:<variant>.
UNWIND [
  // Lozovaya Rudka
  {placeKey: 'place:ru:lozovaya-rudka', variant: 'ru-cyrl', value: 'Лозовая Рудка', language: 'ru', script: 'Cyrl', scheme: null, kind: 'OFFICIAL', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ru:lozovaya-rudka', variant: 'ru-latn-bgn', value: 'Lozovaya Rudka', language: 'ru', script: 'Latn', scheme: 'BGN/PCGN', kind: 'TRANSLITERATION', basisSourceKey: 'source:ref:kyiv-independent-2024-03-14-isw'},
  {placeKey: 'place:ru:lozovaya-rudka', variant: 'ru-latn-scientific', value: 'Lozovaja Rudka', language: 'ru', script: 'Latn', scheme: 'SCIENTIFIC', kind: 'TRANSLITERATION', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ru:lozovaya-rudka', variant: 'en-article', value: 'Losovaya Rudka', language: 'en', script: 'Latn', scheme: null, kind: 'AS_WRITTEN', basisSourceKey: 'source:article:000-1b3165c116f10b7f'},
  {placeKey: 'place:ru:lozovaya-rudka', variant: 'uk-cyrl', value: 'Лозова Рудка', language: 'uk', script: 'Cyrl', scheme: null, kind: 'VARIANT', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ru:lozovaya-rudka', variant: 'uk-latn-national', value: 'Lozova Rudka', language: 'uk', script: 'Latn', scheme: 'UA-NATIONAL-2010', kind: 'TRANSLITERATION', basisSourceKey: 'source:ref:analyst-background'},
  // Kursk Oblast
  {placeKey: 'place:ru:kursk-oblast', variant: 'ru-cyrl', value: 'Курская область', language: 'ru', script: 'Cyrl', scheme: null, kind: 'OFFICIAL', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ru:kursk-oblast', variant: 'en', value: 'Kursk Oblast', language: 'en', script: 'Latn', scheme: null, kind: 'CONVENTIONAL', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ru:kursk-oblast', variant: 'en-article', value: 'Kursk region', language: 'en', script: 'Latn', scheme: null, kind: 'AS_WRITTEN', basisSourceKey: 'source:article:000-1b3165c116f10b7f'},
  {placeKey: 'place:ru:kursk-oblast', variant: 'ru-latn-bgn', value: 'Kurskaya oblast', language: 'ru', script: 'Latn', scheme: 'BGN/PCGN', kind: 'TRANSLITERATION', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ru:kursk-oblast', variant: 'uk-cyrl', value: 'Курська область', language: 'uk', script: 'Cyrl', scheme: null, kind: 'VARIANT', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ru:kursk-oblast', variant: 'uk-latn-national', value: 'Kurska oblast', language: 'uk', script: 'Latn', scheme: 'UA-NATIONAL-2010', kind: 'TRANSLITERATION', basisSourceKey: 'source:ref:analyst-background'},
  // Belgorod Oblast
  {placeKey: 'place:ru:belgorod-oblast', variant: 'ru-cyrl', value: 'Белгородская область', language: 'ru', script: 'Cyrl', scheme: null, kind: 'OFFICIAL', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ru:belgorod-oblast', variant: 'en', value: 'Belgorod Oblast', language: 'en', script: 'Latn', scheme: null, kind: 'CONVENTIONAL', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ru:belgorod-oblast', variant: 'en-article', value: 'Belgorod region', language: 'en', script: 'Latn', scheme: null, kind: 'AS_WRITTEN', basisSourceKey: 'source:article:000-1b3165c116f10b7f'},
  {placeKey: 'place:ru:belgorod-oblast', variant: 'ru-latn-bgn', value: 'Belgorodskaya oblast', language: 'ru', script: 'Latn', scheme: 'BGN/PCGN', kind: 'TRANSLITERATION', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ru:belgorod-oblast', variant: 'uk-cyrl', value: 'Бєлгородська область', language: 'uk', script: 'Cyrl', scheme: null, kind: 'VARIANT', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ru:belgorod-oblast', variant: 'uk-latn-national', value: 'Bielhorodska oblast', language: 'uk', script: 'Latn', scheme: 'UA-NATIONAL-2010', kind: 'TRANSLITERATION', basisSourceKey: 'source:ref:analyst-background'},
  // Grayvoronsky District
  {placeKey: 'place:ru:grayvoronsky-district', variant: 'ru-cyrl', value: 'Грайворонский район', language: 'ru', script: 'Cyrl', scheme: null, kind: 'OFFICIAL', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ru:grayvoronsky-district', variant: 'ru-cyrl-okrug', value: 'Грайворонский городской округ', language: 'ru', script: 'Cyrl', scheme: null, kind: 'OFFICIAL', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ru:grayvoronsky-district', variant: 'en', value: 'Grayvoronsky District', language: 'en', script: 'Latn', scheme: null, kind: 'CONVENTIONAL', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ru:grayvoronsky-district', variant: 'en-short', value: 'Grayvoron district', language: 'en', script: 'Latn', scheme: null, kind: 'VARIANT', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ru:grayvoronsky-district', variant: 'en-graivoron', value: 'Graivoron district', language: 'en', script: 'Latn', scheme: null, kind: 'VARIANT', basisSourceKey: 'source:ref:analyst-background'},
  // Russia
  {placeKey: 'place:ru', variant: 'en', value: 'Russia', language: 'en', script: 'Latn', scheme: null, kind: 'CONVENTIONAL', basisSourceKey: 'source:article:000-1b3165c116f10b7f'},
  {placeKey: 'place:ru', variant: 'en-official', value: 'Russian Federation', language: 'en', script: 'Latn', scheme: null, kind: 'OFFICIAL', basisSourceKey: 'source:article:000-1b3165c116f10b7f'},
  {placeKey: 'place:ru', variant: 'ru-cyrl', value: 'Россия', language: 'ru', script: 'Cyrl', scheme: null, kind: 'OFFICIAL', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ru', variant: 'ru-cyrl-official', value: 'Российская Федерация', language: 'ru', script: 'Cyrl', scheme: null, kind: 'OFFICIAL', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ru', variant: 'uk-cyrl', value: 'Росія', language: 'uk', script: 'Cyrl', scheme: null, kind: 'VARIANT', basisSourceKey: 'source:ref:analyst-background'},
  // Ukraine
  {placeKey: 'place:ua', variant: 'en', value: 'Ukraine', language: 'en', script: 'Latn', scheme: null, kind: 'CONVENTIONAL', basisSourceKey: 'source:article:000-1b3165c116f10b7f'},
  {placeKey: 'place:ua', variant: 'uk-cyrl', value: 'Україна', language: 'uk', script: 'Cyrl', scheme: null, kind: 'OFFICIAL', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ua', variant: 'ru-cyrl', value: 'Украина', language: 'ru', script: 'Cyrl', scheme: null, kind: 'VARIANT', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ua', variant: 'uk-latn-national', value: 'Ukraina', language: 'uk', script: 'Latn', scheme: 'UA-NATIONAL-2010', kind: 'TRANSLITERATION', basisSourceKey: 'source:ref:analyst-background'},
  // Donetsk Oblast
  {placeKey: 'place:ua:donetsk-oblast', variant: 'uk-cyrl', value: 'Донецька область', language: 'uk', script: 'Cyrl', scheme: null, kind: 'OFFICIAL', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ua:donetsk-oblast', variant: 'en', value: 'Donetsk Oblast', language: 'en', script: 'Latn', scheme: null, kind: 'CONVENTIONAL', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ua:donetsk-oblast', variant: 'uk-latn-national', value: 'Donetska oblast', language: 'uk', script: 'Latn', scheme: 'UA-NATIONAL-2010', kind: 'TRANSLITERATION', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ua:donetsk-oblast', variant: 'ru-cyrl', value: 'Донецкая область', language: 'ru', script: 'Cyrl', scheme: null, kind: 'VARIANT', basisSourceKey: 'source:ref:analyst-background'},
  // Pokrovsk Raion
  {placeKey: 'place:ua:pokrovsk-raion', variant: 'uk-cyrl', value: 'Покровський район', language: 'uk', script: 'Cyrl', scheme: null, kind: 'OFFICIAL', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ua:pokrovsk-raion', variant: 'en', value: 'Pokrovsk Raion', language: 'en', script: 'Latn', scheme: null, kind: 'CONVENTIONAL', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ua:pokrovsk-raion', variant: 'uk-latn-national', value: 'Pokrovskyi raion', language: 'uk', script: 'Latn', scheme: 'UA-NATIONAL-2010', kind: 'TRANSLITERATION', basisSourceKey: 'source:ref:analyst-background'},
  // Avdiivka
  {placeKey: 'place:ua:avdiivka', variant: 'uk-cyrl', value: 'Авдіївка', language: 'uk', script: 'Cyrl', scheme: null, kind: 'OFFICIAL', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ua:avdiivka', variant: 'uk-latn-national', value: 'Avdiivka', language: 'uk', script: 'Latn', scheme: 'UA-NATIONAL-2010', kind: 'TRANSLITERATION', basisSourceKey: 'source:article:000-1b3165c116f10b7f'},
  {placeKey: 'place:ua:avdiivka', variant: 'uk-latn-variant', value: 'Avdiyivka', language: 'uk', script: 'Latn', scheme: null, kind: 'VARIANT', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ua:avdiivka', variant: 'ru-cyrl', value: 'Авдеевка', language: 'ru', script: 'Cyrl', scheme: null, kind: 'VARIANT', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ua:avdiivka', variant: 'ru-latn-bgn', value: 'Avdeyevka', language: 'ru', script: 'Latn', scheme: 'BGN/PCGN', kind: 'TRANSLITERATION', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ua:avdiivka', variant: 'ru-latn-simple', value: 'Avdeevka', language: 'ru', script: 'Latn', scheme: null, kind: 'VARIANT', basisSourceKey: 'source:ref:analyst-background'},
  // Kramatorsk Raion
  {placeKey: 'place:ua:kramatorsk-raion', variant: 'uk-cyrl', value: 'Краматорський район', language: 'uk', script: 'Cyrl', scheme: null, kind: 'OFFICIAL', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ua:kramatorsk-raion', variant: 'en', value: 'Kramatorsk Raion', language: 'en', script: 'Latn', scheme: null, kind: 'CONVENTIONAL', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ua:kramatorsk-raion', variant: 'uk-latn-national', value: 'Kramatorskyi raion', language: 'uk', script: 'Latn', scheme: 'UA-NATIONAL-2010', kind: 'TRANSLITERATION', basisSourceKey: 'source:ref:analyst-background'},
  // Lyman
  {placeKey: 'place:ua:lyman', variant: 'uk-cyrl', value: 'Лиман', language: 'uk', script: 'Cyrl', scheme: null, kind: 'OFFICIAL', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ua:lyman', variant: 'uk-latn-national', value: 'Lyman', language: 'uk', script: 'Latn', scheme: 'UA-NATIONAL-2010', kind: 'TRANSLITERATION', basisSourceKey: 'source:article:see-also-lyman'},
  {placeKey: 'place:ua:lyman', variant: 'ru-latn', value: 'Liman', language: 'ru', script: 'Latn', scheme: 'BGN/PCGN', kind: 'TRANSLITERATION', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ua:lyman', variant: 'uk-latn-former', value: 'Krasnyi Lyman', language: 'uk', script: 'Latn', scheme: 'UA-NATIONAL-2010', kind: 'FORMER', basisSourceKey: 'source:ref:analyst-background'},
  {placeKey: 'place:ua:lyman', variant: 'uk-cyrl-former', value: 'Красний Лиман', language: 'uk', script: 'Cyrl', scheme: null, kind: 'FORMER', basisSourceKey: 'source:ref:analyst-background'}
] AS row
MATCH (p:Place {key: row.placeKey})
MERGE (n:PlaceName {key: 'placename:' + substring(row.placeKey, 6) + ':' + row.variant})
ON CREATE SET n = {
      key: 'placename:' + substring(row.placeKey, 6) + ':' + row.variant,
      value: row.value, language: row.language, script: row.script, scheme: row.scheme,
      kind: row.kind, basisSourceKey: row.basisSourceKey,
      recordedAt: datetime('2026-11-25T00:00:00Z'), recordedBy: 'seed:000_1b3165c116f10b7f'
    },
    n.seedCreated = true
WITH p, n, n.seedCreated IS NOT NULL AS created
REMOVE n.seedCreated
// Property names in order: keys() gives them in no particular one.
WITH *
CALL (n) { UNWIND keys(n) AS k WITH k WHERE NOT k IN ['recordedAt', 'recordedBy'] ORDER BY k RETURN collect(k) AS changed }
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END |
  CREATE (n)<-[:REVISES]-(:Revision {at: n.recordedAt, by: n.recordedBy, operation: 'ENTITY_CREATED', changed: changed, values: null}))
MERGE (p)-[r:HAS_NAME]->(n)
ON CREATE SET r.recordedAt = datetime('2026-11-25T00:00:00Z'),
    r.recordedBy = 'seed:000_1b3165c116f10b7f';

// Place.names: every spelling of the place (the place's own name first, then the PlaceName
// values in key order), for the full-text index place_names_fulltext.
MATCH (p:Place)-[:HAS_NAME]->(n:PlaceName)
WITH p, n ORDER BY n.key
WITH p, collect(n.value) AS values
WHERE p.names IS NULL
SET p.names = [p.name] + [v IN values WHERE v <> p.name];

// Administrative hierarchy (background knowledge, with its source and a confidence).
UNWIND [
  {from: 'place:ru:lozovaya-rudka', to: 'place:ru:grayvoronsky-district', basisSourceKey: 'source:ref:analyst-background', confidence: 'MEDIUM',
   note: 'District membership recalled from reference works, not checked against a gazetteer. That the village is in Belgorod Oblast is corroborated by source:ref:kyiv-independent-2024-03-14-isw. The article itself mentions the village in its Kursk-region paragraph.'},
  {from: 'place:ru:grayvoronsky-district', to: 'place:ru:belgorod-oblast', basisSourceKey: 'source:ref:analyst-background', confidence: 'HIGH', note: null},
  {from: 'place:ru:belgorod-oblast', to: 'place:ru', basisSourceKey: 'source:ref:analyst-background', confidence: 'HIGH', note: null},
  {from: 'place:ru:kursk-oblast', to: 'place:ru', basisSourceKey: 'source:ref:analyst-background', confidence: 'HIGH', note: null},
  {from: 'place:ua:avdiivka', to: 'place:ua:pokrovsk-raion', basisSourceKey: 'source:ref:analyst-background', confidence: 'HIGH', note: 'Since the raion reform of July 2020.'},
  {from: 'place:ua:pokrovsk-raion', to: 'place:ua:donetsk-oblast', basisSourceKey: 'source:ref:analyst-background', confidence: 'HIGH', note: null},
  {from: 'place:ua:lyman', to: 'place:ua:kramatorsk-raion', basisSourceKey: 'source:ref:analyst-background', confidence: 'HIGH', note: 'Since the raion reform of July 2020.'},
  {from: 'place:ua:kramatorsk-raion', to: 'place:ua:donetsk-oblast', basisSourceKey: 'source:ref:analyst-background', confidence: 'HIGH', note: null},
  {from: 'place:ua:donetsk-oblast', to: 'place:ua', basisSourceKey: 'source:ref:analyst-background', confidence: 'HIGH',
   note: 'De jure (internationally recognised) hierarchy. Who controls the ground is a matter for claims, not for LOCATED_IN.'}
] AS row
MATCH (a:Place {key: row.from})
MATCH (b:Place {key: row.to})
MERGE (a)-[r:LOCATED_IN]->(b)
ON CREATE SET r = {basisSourceKey: row.basisSourceKey, confidence: row.confidence, note: row.note,
         recordedAt: datetime('2026-11-25T00:00:00Z'), recordedBy: 'seed:000_1b3165c116f10b7f'};
