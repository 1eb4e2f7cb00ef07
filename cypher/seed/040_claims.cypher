// Seed 040: claims. Every statement of the article is a Claim with its exact wording as it
// appears in the article (STATED_IN.quote on the edge to the article, never corrected),
// its maker(s) (MADE_BY), what it is about (ABOUT), its type, stance, basis, when it was
// made (madeAt) and the period it is about (validFrom / validTo).
// Ambiguities are kept, not resolved: a quote attributed to two names has two MADE_BY
// edges with attribution 'AMBIGUOUS'; an ambiguous referent is described in `ambiguity`.
// One claim comes from a background source (claim:isw:...), paraphrased, not quoted.
// Creates what is missing, never overwrites: MERGE on key, ON CREATE SET; relationships likewise.

// The article carries no date; its clues put it on 12, 13 or 14 March 2024 (see the article's
// dateDerivation, seed 001). What it states, and what it quotes as said about the raid that
// began on 12 March, was made within those days: madeAt is that range, not the week's Monday.
WITH 'madeAt: made or quoted in the article, which its own clues date to 12, 13 or 14 March 2024 (see the article\'s dateDerivation); the statements it quotes concern the raid that began on 12 March 2024.' AS madeInTheArticle
UNWIND [
  // ---------------------------------------------------------------- the article's own statements
  {
    claim: {
      key: 'claim:article:headline-volunteers-fight-in-kursk',
      text: 'Russian volunteers fight for Ukraine in the Kursk region',
      type: 'ATTACK', stance: 'ASSERTS', basis: 'REPORTED_BY_MEDIA',
      madeAt: date('2024-03-12'), madeAtPrecision: 'RANGE', madeAtLatest: date('2024-03-14'), dateDerivation: madeInTheArticle,
      validFrom: date('2024-03-11'), validFromPrecision: 'WEEK', validTo: null, validToPrecision: null,
      credibility: 2, credibilityNote: 'Consistent with the governor\'s confirmation and with background sources.',
      note: 'Headline.'
    },
    madeBy: [{key: 'org:publisher-unknown-000-1b3165c116f10b7f', attribution: 'IMPLICIT', asWritten: null, note: 'The article\'s own words.'}],
    statedIn: [{key: 'source:article:000-1b3165c116f10b7f', quote: 'Russian volunteers fight for Ukraine in the Kursk region', first: true}],
    about: [{key: 'event:2024-03-kursk-raid', role: 'EVENT'}, {key: 'place:ru:kursk-oblast', role: 'PLACE'}, {key: 'org:ukraine', role: 'BENEFICIARY'}]
  },
  {
    claim: {
      key: 'claim:article:caption-freedom-army-fighters',
      text: 'Fighters of the Freedom Army for Russia.',
      type: 'IDENTITY', stance: 'ASSERTS', basis: 'REPORTED_BY_MEDIA',
      madeAt: date('2024-03-12'), madeAtPrecision: 'RANGE', madeAtLatest: date('2024-03-14'), dateDerivation: madeInTheArticle,
      validFrom: null, validFromPrecision: null, validTo: null, validToPrecision: null,
      credibility: 6, credibilityNote: 'Caption of a photograph that is not part of the seed text.',
      garbled: true, interpretation: 'Fighters of the Freedom of Russia Legion (the caption\'s name is a garbled translation).',
      note: 'Photo caption.'
    },
    madeBy: [{key: 'org:publisher-unknown-000-1b3165c116f10b7f', attribution: 'IMPLICIT', asWritten: null, note: null}],
    statedIn: [{key: 'source:article:000-1b3165c116f10b7f', quote: 'Fighters of the Freedom Army for Russia.', first: true}],
    about: [{key: 'unit:freedom-of-russia-legion', role: 'SUBJECT'}]
  },
  {
    claim: {
      key: 'claim:article:soldiers-alongside-ukrainian-troops',
      text: 'These soldiers are engaged alongside Ukrainian troops.',
      type: 'ALIGNMENT', stance: 'ASSERTS', basis: 'REPORTED_BY_MEDIA',
      madeAt: date('2024-03-12'), madeAtPrecision: 'RANGE', madeAtLatest: date('2024-03-14'), dateDerivation: madeInTheArticle,
      validFrom: null, validFromPrecision: null, validTo: date('2024-03-11'), validToPrecision: 'WEEK',
      credibility: 2, credibilityNote: null,
      note: '"These soldiers" refers back to the caption\'s "Fighters of the Freedom Army for Russia".'
    },
    madeBy: [{key: 'org:publisher-unknown-000-1b3165c116f10b7f', attribution: 'IMPLICIT', asWritten: null, note: null}],
    statedIn: [{key: 'source:article:000-1b3165c116f10b7f', quote: 'These soldiers are engaged alongside Ukrainian troops.', first: true}],
    about: [{key: 'unit:freedom-of-russia-legion', role: 'SUBJECT'}, {key: 'unit:armed-forces-of-ukraine', role: 'OBJECT'}]
  },
  {
    claim: {
      key: 'claim:article:first-attack-belgorod-may-2023',
      text: 'In May 2023, the first attack took place in the Belgorod region.',
      type: 'ATTACK', stance: 'ASSERTS', basis: 'REPORTED_BY_MEDIA',
      madeAt: date('2024-03-12'), madeAtPrecision: 'RANGE', madeAtLatest: date('2024-03-14'), dateDerivation: madeInTheArticle,
      validFrom: date('2023-05-01'), validFromPrecision: 'MONTH', validTo: date('2023-05-01'), validToPrecision: 'MONTH',
      credibility: 1, credibilityNote: 'Widely reported (22 to 23 May 2023).',
      note: null
    },
    madeBy: [{key: 'org:publisher-unknown-000-1b3165c116f10b7f', attribution: 'IMPLICIT', asWritten: null, note: null}],
    statedIn: [{key: 'source:article:000-1b3165c116f10b7f', quote: 'In May 2023, the first attack took place in the Belgorod region.', first: true}],
    about: [{key: 'event:2023-05-belgorod-raid', role: 'EVENT'}, {key: 'place:ru:belgorod-oblast', role: 'PLACE'}]
  },
  {
    claim: {
      key: 'claim:article:offensive-underway-in-kursk-region',
      text: 'An offensive by Russian soldiers fighting alongside Ukraine is underway in the Kursk region.',
      type: 'ATTACK', stance: 'ASSERTS', basis: 'REPORTED_BY_MEDIA',
      madeAt: date('2024-03-12'), madeAtPrecision: 'RANGE', madeAtLatest: date('2024-03-14'), dateDerivation: madeInTheArticle,
      validFrom: date('2024-03-11'), validFromPrecision: 'WEEK', validTo: date('2024-03-11'), validToPrecision: 'WEEK',
      credibility: 2, credibilityNote: 'Confirmed by the governor, according to the article.',
      note: null
    },
    madeBy: [{key: 'org:publisher-unknown-000-1b3165c116f10b7f', attribution: 'IMPLICIT', asWritten: null, note: null}],
    statedIn: [{key: 'source:article:000-1b3165c116f10b7f', quote: 'An offensive by Russian soldiers fighting alongside Ukraine is underway in the Kursk region.', first: true}],
    about: [{key: 'event:2024-03-kursk-raid', role: 'EVENT'}, {key: 'place:ru:kursk-oblast', role: 'PLACE'}]
  },
  {
    claim: {
      key: 'claim:article:only-losovaya-rudka-under-their-control',
      text: 'Only the village of Losovaya Rudka remains under their control.',
      type: 'CONTROL', stance: 'ASSERTS', basis: 'REPORTED_BY_MEDIA',
      madeAt: date('2024-03-12'), madeAtPrecision: 'RANGE', madeAtLatest: date('2024-03-14'), dateDerivation: madeInTheArticle,
      validFrom: date('2024-03-11'), validFromPrecision: 'WEEK', validTo: date('2024-03-11'), validToPrecision: 'WEEK',
      credibility: 6, credibilityNote: 'Cannot be judged while its referent is ambiguous. If "their" means the attackers, claim:isw:volunteers-took-lozovaya-rudka supports it.',
      attributionAmbiguous: true,
      ambiguity: 'Two ambiguities. (1) "their" may mean the attackers (the volunteer formations) or the Russian authorities/forces: the text does not say who controls the village. (2) No speaker is named: the sentence may be the article\'s own statement or a continuation of the governor\'s report. The article also places the village in its Kursk-region paragraph, while the village lies in Belgorod Oblast (see place:ru:lozovaya-rudka).',
      interpretation: 'Most likely: only Lozovaya Rudka remains under the attackers\' control.',
      note: 'The article spells the village "Losovaya Rudka".'
    },
    madeBy: [
      {key: 'org:publisher-unknown-000-1b3165c116f10b7f', attribution: 'AMBIGUOUS', asWritten: null, note: 'No speaker named; read as the article\'s own statement.'},
      {key: 'person:roman-starovoit', attribution: 'AMBIGUOUS', asWritten: 'The Russian governor of the region', identifiedViaSourceKey: 'source:ref:analyst-background', note: 'Read as a continuation of the governor\'s report in the preceding sentence.'}
    ],
    statedIn: [{key: 'source:article:000-1b3165c116f10b7f', quote: 'Only the village of Losovaya Rudka remains under their control.', first: true}],
    about: [
      {key: 'place:ru:lozovaya-rudka', role: 'PLACE'},
      {key: 'event:2024-03-kursk-raid', role: 'EVENT'},
      {key: 'unit:freedom-of-russia-legion', role: 'CONTROLLER_CANDIDATE'},
      {key: 'unit:siberian-battalion', role: 'CONTROLLER_CANDIDATE'},
      {key: 'unit:russian-armed-forces', role: 'CONTROLLER_CANDIDATE'}
    ]
  },
  {
    claim: {
      key: 'claim:article:editors-note-russian-presidential-election',
      text: '(Russian presidential election, editor\'s note)',
      type: 'IDENTITY', stance: 'ASSERTS', basis: 'REPORTED_BY_MEDIA',
      madeAt: date('2024-03-12'), madeAtPrecision: 'RANGE', madeAtLatest: date('2024-03-14'), dateDerivation: madeInTheArticle,
      validFrom: null, validFromPrecision: null, validTo: null, validToPrecision: null,
      credibility: 1, credibilityNote: null,
      note: 'The editor identifies the Siberian Battalion\'s "elections" as the Russian presidential election.'
    },
    madeBy: [{key: 'org:publisher-unknown-000-1b3165c116f10b7f', attribution: 'EXPLICIT', asWritten: 'editor\'s note', note: null}],
    statedIn: [{key: 'source:article:000-1b3165c116f10b7f', quote: '(Russian presidential election, editor\'s note)', first: true}],
    about: [{key: 'event:2024-03-russian-presidential-election', role: 'EVENT'}]
  },
  {
    claim: {
      key: 'claim:article:election-begins-next-friday',
      text: 'The Russian presidential election is set to begin next Friday.',
      type: 'EVENT_TIMING', stance: 'ASSERTS', basis: 'REPORTED_BY_MEDIA',
      madeAt: date('2024-03-12'), madeAtPrecision: 'RANGE', madeAtLatest: date('2024-03-14'),
      validFrom: date('2024-03-15'), validFromPrecision: 'DAY', validTo: null, validToPrecision: null,
      dateDerivation: 'madeAt: some day of 12 to 14 March 2024, the article\'s own dating. "next Friday" from an article of 12 to 14 March 2024 is Friday 15 March 2024, the first day of the election (background: source:ref:kyiv-independent-2024-03-13-putin-elections).',
      credibility: 1, credibilityNote: 'Matches the election dates.',
      note: null
    },
    madeBy: [{key: 'org:publisher-unknown-000-1b3165c116f10b7f', attribution: 'IMPLICIT', asWritten: null, note: null}],
    statedIn: [{key: 'source:article:000-1b3165c116f10b7f', quote: 'The Russian presidential election is set to begin next Friday.', first: true}],
    about: [{key: 'event:2024-03-russian-presidential-election', role: 'EVENT'}, {key: 'place:ru', role: 'PLACE'}]
  },
  {
    claim: {
      key: 'claim:article:legion-entered-russia-may-2023',
      text: 'the Russia Legion for Freedom, which entered Russian territory in May 2023',
      type: 'ATTACK', stance: 'ASSERTS', basis: 'REPORTED_BY_MEDIA',
      madeAt: date('2024-03-12'), madeAtPrecision: 'RANGE', madeAtLatest: date('2024-03-14'), dateDerivation: madeInTheArticle,
      validFrom: date('2023-05-01'), validFromPrecision: 'MONTH', validTo: date('2023-05-01'), validToPrecision: 'MONTH',
      credibility: 1, credibilityNote: null,
      garbled: true, interpretation: 'The Freedom of Russia Legion entered Russian territory in May 2023.',
      note: null
    },
    madeBy: [{key: 'org:publisher-unknown-000-1b3165c116f10b7f', attribution: 'IMPLICIT', asWritten: null, note: null}],
    statedIn: [{key: 'source:article:000-1b3165c116f10b7f', quote: 'the Russia Legion for Freedom, which entered Russian territory in May 2023', first: true}],
    about: [{key: 'unit:freedom-of-russia-legion', role: 'SUBJECT'}, {key: 'event:2023-05-belgorod-raid', role: 'EVENT'}, {key: 'place:ru', role: 'PLACE'}]
  },
  {
    claim: {
      key: 'claim:article:ukrainian-army-abandoned-avdiivka',
      text: 'The attack comes after the Ukrainian army was forced to abandon the city of Avdiivka on February 17.',
      type: 'WITHDRAWAL', stance: 'ASSERTS', basis: 'REPORTED_BY_MEDIA',
      madeAt: date('2024-03-12'), madeAtPrecision: 'RANGE', madeAtLatest: date('2024-03-14'),
      validFrom: date('2024-02-17'), validFromPrecision: 'DAY', validTo: null, validToPrecision: null,
      dateDerivation: 'madeAt: some day of 12 to 14 March 2024, the article\'s own dating. "February 17" without a year; 2024 (see event:2024-02-17-avdiivka-withdrawal).',
      credibility: 1, credibilityNote: 'Widely reported.',
      note: null
    },
    madeBy: [{key: 'org:publisher-unknown-000-1b3165c116f10b7f', attribution: 'IMPLICIT', asWritten: null, note: null}],
    statedIn: [{key: 'source:article:000-1b3165c116f10b7f', quote: 'The attack comes after the Ukrainian army was forced to abandon the city of Avdiivka on February 17.', first: true}],
    about: [
      {key: 'event:2024-02-17-avdiivka-withdrawal', role: 'EVENT'},
      {key: 'unit:armed-forces-of-ukraine', role: 'SUBJECT'},
      {key: 'place:ua:avdiivka', role: 'PLACE'},
      {key: 'event:2024-03-kursk-raid', role: 'EVENT'}
    ]
  },
  // ---------------------------------------------------------------- the governor of Kursk region
  {
    claim: {
      key: 'claim:governor-kursk:confirmed-attack',
      text: 'The Russian governor of the region confirmed the attack',
      type: 'ATTACK', stance: 'ASSERTS', basis: 'CLAIMED_BY_PARTY',
      madeAt: date('2024-03-12'), madeAtPrecision: 'RANGE', madeAtLatest: date('2024-03-14'), dateDerivation: madeInTheArticle,
      validFrom: date('2024-03-11'), validFromPrecision: 'WEEK', validTo: null, validToPrecision: null,
      credibility: 2, credibilityNote: null,
      note: 'Reported speech.'
    },
    madeBy: [{key: 'person:roman-starovoit', attribution: 'EXPLICIT', asWritten: 'The Russian governor of the region', identifiedViaSourceKey: 'source:ref:analyst-background', note: 'The article does not name him.'}],
    statedIn: [
      {key: 'source:article:000-1b3165c116f10b7f', quote: 'The Russian governor of the region confirmed the attack', first: false},
      {key: 'source:statement:kursk-governor-2024-03', quote: null, first: true, note: 'Original statement not retrieved.'}
    ],
    about: [{key: 'event:2024-03-kursk-raid', role: 'EVENT'}, {key: 'place:ru:kursk-oblast', role: 'PLACE'}]
  },
  {
    claim: {
      key: 'claim:governor-kursk:one-slightly-injured',
      text: 'said one person was slightly injured',
      type: 'CASUALTIES', stance: 'ASSERTS', basis: 'CLAIMED_BY_PARTY',
      madeAt: date('2024-03-12'), madeAtPrecision: 'RANGE', madeAtLatest: date('2024-03-14'), dateDerivation: madeInTheArticle,
      validFrom: date('2024-03-11'), validFromPrecision: 'WEEK', validTo: null, validToPrecision: null,
      casualtiesInjured: 1, casualtiesKilled: null,
      credibility: 6, credibilityNote: null,
      note: 'Reported speech; who the injured person was is not said.'
    },
    madeBy: [{key: 'person:roman-starovoit', attribution: 'EXPLICIT', asWritten: 'The Russian governor of the region', identifiedViaSourceKey: 'source:ref:analyst-background', note: null}],
    statedIn: [
      {key: 'source:article:000-1b3165c116f10b7f', quote: 'said one person was slightly injured', first: false},
      {key: 'source:statement:kursk-governor-2024-03', quote: null, first: true, note: 'Original statement not retrieved.'}
    ],
    about: [{key: 'event:2024-03-kursk-raid', role: 'EVENT'}, {key: 'place:ru:kursk-oblast', role: 'PLACE'}]
  },
  {
    claim: {
      key: 'claim:governor-kursk:denied-turning-point',
      text: 'denied anything “turning point” attackers',
      type: 'DENIAL', stance: 'DENIES', basis: 'CLAIMED_BY_PARTY',
      madeAt: date('2024-03-12'), madeAtPrecision: 'RANGE', madeAtLatest: date('2024-03-14'), dateDerivation: madeInTheArticle,
      validFrom: date('2024-03-11'), validFromPrecision: 'WEEK', validTo: null, validToPrecision: null,
      credibility: 6, credibilityNote: 'The wording is garbled; what exactly is denied is uncertain.',
      garbled: true,
      interpretation: 'Probably: denied that the attackers had achieved any breakthrough ("turning point"). A reading of a garbled machine translation; the original wording is unknown.',
      note: 'Kept verbatim, including the curly quotation marks.'
    },
    madeBy: [{key: 'person:roman-starovoit', attribution: 'EXPLICIT', asWritten: 'The Russian governor of the region', identifiedViaSourceKey: 'source:ref:analyst-background', note: null}],
    statedIn: [
      {key: 'source:article:000-1b3165c116f10b7f', quote: 'denied anything “turning point” attackers', first: false},
      {key: 'source:statement:kursk-governor-2024-03', quote: null, first: true, note: 'Original statement not retrieved.'}
    ],
    about: [
      {key: 'event:2024-03-kursk-raid', role: 'EVENT'},
      {key: 'unit:freedom-of-russia-legion', role: 'SUBJECT'},
      {key: 'unit:siberian-battalion', role: 'SUBJECT'}
    ]
  },
  // ---------------------------------------------------------------- the Siberian Battalion (Telegram)
  {
    claim: {
      key: 'claim:siberian-battalion:soldiers-in-russia',
      text: 'Soldiers of the Siberian Battalion are in Russia',
      type: 'PRESENCE', stance: 'ASSERTS', basis: 'CLAIMED_BY_PARTY',
      madeAt: date('2024-03-12'), madeAtPrecision: 'RANGE', madeAtLatest: date('2024-03-14'), dateDerivation: madeInTheArticle,
      validFrom: date('2024-03-11'), validFromPrecision: 'WEEK', validTo: null, validToPrecision: null,
      credibility: 2, credibilityNote: 'Consistent with background reports of the raid.',
      note: null
    },
    madeBy: [{key: 'unit:siberian-battalion', attribution: 'EXPLICIT', asWritten: 'Siberian Battalion', note: null}],
    statedIn: [
      {key: 'source:article:000-1b3165c116f10b7f', quote: 'Soldiers of the Siberian Battalion are in Russia', first: false},
      {key: 'source:telegram:siberian-battalion-2024-03-boycott', quote: null, first: true, note: 'Original post not retrieved.'}
    ],
    about: [{key: 'unit:siberian-battalion', role: 'SUBJECT'}, {key: 'place:ru', role: 'PLACE'}, {key: 'event:2024-03-kursk-raid', role: 'EVENT'}]
  },
  {
    claim: {
      key: 'claim:siberian-battalion:calls-for-election-boycott',
      text: 'are calling on the people of the Russian Federation to boycott the \'elections.\'',
      type: 'APPEAL', stance: 'ASSERTS', basis: 'CLAIMED_BY_PARTY',
      madeAt: date('2024-03-12'), madeAtPrecision: 'RANGE', madeAtLatest: date('2024-03-14'), dateDerivation: madeInTheArticle,
      validFrom: null, validFromPrecision: null, validTo: null, validToPrecision: null,
      credibility: 1, credibilityNote: 'That the appeal was made; not a factual claim about the world.',
      note: 'The scare quotes around "elections" are the Battalion\'s.'
    },
    madeBy: [{key: 'unit:siberian-battalion', attribution: 'EXPLICIT', asWritten: 'Siberian Battalion', note: null}],
    statedIn: [
      {key: 'source:article:000-1b3165c116f10b7f', quote: 'are calling on the people of the Russian Federation to boycott the \'elections.\'', first: false},
      {key: 'source:telegram:siberian-battalion-2024-03-boycott', quote: null, first: true, note: 'Original post not retrieved.'}
    ],
    about: [{key: 'event:2024-03-russian-presidential-election', role: 'EVENT'}, {key: 'place:ru', role: 'AUDIENCE'}]
  },
  {
    claim: {
      key: 'claim:siberian-battalion:ballots-fictitious',
      text: 'In this case the ballot papers and polling booths are fictitious.',
      type: 'ASSESSMENT', stance: 'ASSERTS', basis: 'CLAIMED_BY_PARTY',
      madeAt: date('2024-03-12'), madeAtPrecision: 'RANGE', madeAtLatest: date('2024-03-14'), dateDerivation: madeInTheArticle,
      validFrom: null, validFromPrecision: null, validTo: null, validToPrecision: null,
      credibility: 6, credibilityNote: 'An opinion.',
      note: null
    },
    madeBy: [{key: 'unit:siberian-battalion', attribution: 'EXPLICIT', asWritten: 'Siberian Battalion', note: null}],
    statedIn: [
      {key: 'source:article:000-1b3165c116f10b7f', quote: 'In this case the ballot papers and polling booths are fictitious.', first: false},
      {key: 'source:telegram:siberian-battalion-2024-03-boycott', quote: null, first: true, note: 'Original post not retrieved.'}
    ],
    about: [{key: 'event:2024-03-russian-presidential-election', role: 'EVENT'}]
  },
  {
    claim: {
      key: 'claim:siberian-battalion:only-guns-can-change-your-life',
      text: 'Only guns in your hands can change your life for the better. Anyone who refuses a life of poverty under tyranny must make the right choice.',
      type: 'APPEAL', stance: 'ASSERTS', basis: 'CLAIMED_BY_PARTY',
      madeAt: date('2024-03-12'), madeAtPrecision: 'RANGE', madeAtLatest: date('2024-03-14'), dateDerivation: madeInTheArticle,
      validFrom: null, validFromPrecision: null, validTo: null, validToPrecision: null,
      credibility: 6, credibilityNote: 'An appeal, not a factual claim.',
      note: 'The article attributes it with "he added": "he" refers back to the Siberian Battalion (or an unnamed spokesman).'
    },
    madeBy: [{key: 'unit:siberian-battalion', attribution: 'INFERRED', asWritten: 'he', note: '"he added", following "confirmed Siberian Battalion on its Telegram channel".'}],
    statedIn: [
      {key: 'source:article:000-1b3165c116f10b7f', quote: 'Only guns in your hands can change your life for the better. Anyone who refuses a life of poverty under tyranny must make the right choice.', first: false},
      {key: 'source:telegram:siberian-battalion-2024-03-boycott', quote: null, first: true, note: 'Presumably the same post; not retrieved.'}
    ],
    about: [{key: 'place:ru', role: 'AUDIENCE'}, {key: 'org:russia', role: 'TARGET'}]
  },
  // ---------------------------------------------------------------- the Freedom of Russia Legion
  {
    claim: {
      key: 'claim:legion:dream-of-russia-free-from-putin',
      text: 'Like all our fellow citizens, we at Legion dream of a Russia free from Putin\'s dictatorship. But we are not dreaming: we are doing everything we can to make these dreams come true.',
      type: 'INTENTION', stance: 'ASSERTS', basis: 'CLAIMED_BY_PARTY',
      madeAt: date('2024-03-12'), madeAtPrecision: 'RANGE', madeAtLatest: date('2024-03-14'), dateDerivation: madeInTheArticle,
      validFrom: null, validFromPrecision: null, validTo: null, validToPrecision: null,
      credibility: 6, credibilityNote: 'A statement of aims.',
      note: 'Attributed by "For its part, the Russia Legion for Freedom, which entered Russian territory in May 2023, explained." and by the self-reference "we at Legion".'
    },
    madeBy: [{key: 'unit:freedom-of-russia-legion', attribution: 'EXPLICIT', asWritten: 'the Russia Legion for Freedom', note: 'Self-reference in the quote: "we at Legion".'}],
    statedIn: [
      {key: 'source:article:000-1b3165c116f10b7f', quote: 'Like all our fellow citizens, we at Legion dream of a Russia free from Putin\'s dictatorship. But we are not dreaming: we are doing everything we can to make these dreams come true.', first: false},
      {key: 'source:statement:freedom-of-russia-legion-2024-03', quote: null, first: true, note: 'Original statement not retrieved.'}
    ],
    about: [{key: 'person:vladimir-putin', role: 'TARGET'}, {key: 'org:russia', role: 'TARGET'}, {key: 'unit:freedom-of-russia-legion', role: 'SUBJECT'}]
  },
  {
    claim: {
      key: 'claim:ambiguous:take-back-our-land',
      text: 'We will take back our land from the regime, centimeter by centimeter. Russians sleep peacefully (…) and speak their minds without fear. Russians vote for who they want, not who they want to vote for. Russians will live freely',
      type: 'INTENTION', stance: 'ASSERTS', basis: 'CLAIMED_BY_PARTY',
      madeAt: date('2024-03-12'), madeAtPrecision: 'RANGE', madeAtLatest: date('2024-03-14'), dateDerivation: madeInTheArticle,
      validFrom: null, validFromPrecision: null, validTo: null, validToPrecision: null,
      credibility: 6, credibilityNote: 'A statement of aims.',
      attributionAmbiguous: true,
      ambiguity: 'The quote follows "For its part, the Russia Legion for Freedom, which entered Russian territory in May 2023, explained." (a closing quotation mark is missing, so that sentence may introduce this quote) and is followed by "explained the Russian Freedom Battalion on its Telegram channel". "Russian Freedom Battalion" is no real formation: it echoes the Legion ("Freedom of Russia") and the Siberian Battalion ("Battalion ... on its Telegram channel"). Two candidate makers are recorded; neither is preferred.',
      note: 'The "(…)" is the article\'s own elision.'
    },
    madeBy: [
      {key: 'unit:freedom-of-russia-legion', attribution: 'AMBIGUOUS', asWritten: 'Russia Legion for Freedom', note: 'If "For its part, the Russia Legion for Freedom ... explained." introduces this quote; "Russian Freedom Battalion" may also be a garbling of the Legion\'s name.'},
      {key: 'unit:siberian-battalion', attribution: 'AMBIGUOUS', asWritten: 'Russian Freedom Battalion', note: 'If "Russian Freedom Battalion ... on its Telegram channel" denotes the Siberian Battalion.'}
    ],
    statedIn: [
      {key: 'source:article:000-1b3165c116f10b7f', quote: 'We will take back our land from the regime, centimeter by centimeter. Russians sleep peacefully (…) and speak their minds without fear. Russians vote for who they want, not who they want to vote for. Russians will live freely', first: false},
      {key: 'source:telegram:russian-freedom-battalion-2024-03', quote: null, first: true, note: 'Original post not retrieved.'}
    ],
    about: [{key: 'org:russia', role: 'TARGET'}, {key: 'place:ru', role: 'PLACE'}]
  },
  // ---------------------------------------------------------------- Volodymyr Zelensky (BFMTV)
  {
    claim: {
      key: 'claim:zelensky:situation-much-better',
      text: 'I can give you the latest information: the situation is much better than the last three months',
      type: 'ASSESSMENT', stance: 'ASSERTS', basis: 'CLAIMED_BY_PARTY',
      madeAt: date('2024-03-11'), madeAtPrecision: 'DAY',
      validFrom: date('2024-03-11'), validFromPrecision: 'DAY', validTo: null, validToPrecision: null,
      dateDerivation: '"this Monday" in the article\'s week = Monday 11 March 2024; corroborated by source:ref:pledge-times-2024-03-11-zelensky-bfmtv.',
      credibility: 6, credibilityNote: 'An assessment by a party to the war.',
      note: 'About the situation on the front in Ukraine.'
    },
    madeBy: [{key: 'person:volodymyr-zelensky', attribution: 'EXPLICIT', asWritten: 'Volodymyr Zelensky', note: null}],
    statedIn: [
      {key: 'source:article:000-1b3165c116f10b7f', quote: 'I can give you the latest information: the situation is much better than the last three months', first: false},
      {key: 'source:interview:bfmtv-zelensky-2024-03-11', quote: null, first: true, note: 'Original words not retrieved; the article quotes a translation.'}
    ],
    about: [{key: 'org:ukraine', role: 'SUBJECT'}, {key: 'unit:armed-forces-of-ukraine', role: 'SUBJECT'}, {key: 'place:ua', role: 'PLACE'}]
  },
  // ---------------------------------------------------------------- the linked "See also" article
  {
    claim: {
      key: 'claim:see-also:lyman-capture-serious-problem',
      text: 'Why the capture of Lyman by the Ukrainian army poses a serious problem for Russian forces',
      type: 'ASSESSMENT', stance: 'ASSERTS', basis: 'REPORTED_BY_MEDIA',
      madeAt: null, madeAtPrecision: null,
      validFrom: date('2022-10-01'), validFromPrecision: 'DAY', validTo: null, validToPrecision: null,
      dateDerivation: 'validFrom is the date of the recapture (background: source:ref:analyst-background); when the linked article was written is unknown.',
      credibility: 6, credibilityNote: 'Only the headline is known.',
      note: 'Headline of the article linked under "See also"; it presupposes that the Ukrainian army captured Lyman.'
    },
    madeBy: [{key: 'org:publisher-unknown-000-1b3165c116f10b7f', attribution: 'PRESUMED', asWritten: null, note: 'The linked article is presumably from the same outlet; not established.'}],
    statedIn: [
      {key: 'source:article:see-also-lyman', quote: 'Why the capture of Lyman by the Ukrainian army poses a serious problem for Russian forces', first: true},
      {key: 'source:article:000-1b3165c116f10b7f', quote: 'Why the capture of Lyman by the Ukrainian army poses a serious problem for Russian forces', first: false}
    ],
    about: [
      {key: 'event:2022-10-lyman-recapture', role: 'EVENT'},
      {key: 'place:ua:lyman', role: 'PLACE'},
      {key: 'unit:armed-forces-of-ukraine', role: 'SUBJECT'},
      {key: 'unit:russian-armed-forces', role: 'OBJECT'}
    ]
  },
  // ---------------------------------------------------------------- background (not the article)
  {
    claim: {
      key: 'claim:isw:volunteers-took-lozovaya-rudka',
      text: 'The Freedom of Russia Legion and the Siberian Battalion took control of Tyotkino, in Kursk Oblast, and of Lozovaya Rudka, in Belgorod Oblast.',
      type: 'CONTROL', stance: 'ASSERTS', basis: 'ASSESSED_BY_ANALYST',
      madeAt: date('2024-03-14'), madeAtPrecision: 'DAY',
      validFrom: date('2024-03-12'), validFromPrecision: 'DAY', validTo: date('2024-03-14'), validToPrecision: 'DAY',
      credibility: 3, credibilityNote: 'Possibly true: an analyst relaying the formations\' own claims.',
      note: 'Background claim, NOT from the seed article. Paraphrased (text is not a quotation). Places Lozovaya Rudka in Belgorod Oblast, whereas the seed article mentions it in its Kursk-region paragraph.'
    },
    madeBy: [{key: 'org:isw', attribution: 'EXPLICIT', asWritten: 'ISW', note: null}],
    statedIn: [
      {key: 'source:ref:kyiv-independent-2024-03-14-isw', quote: null, first: false, paraphrased: true, note: 'Paraphrase of the report.'},
      {key: 'source:ref:isw-2024-03-14', quote: null, first: true, paraphrased: true, note: 'Known through the Kyiv Independent.'}
    ],
    about: [
      {key: 'place:ru:lozovaya-rudka', role: 'PLACE'},
      {key: 'place:ru:belgorod-oblast', role: 'PLACE'},
      {key: 'unit:freedom-of-russia-legion', role: 'CONTROLLER_CANDIDATE'},
      {key: 'unit:siberian-battalion', role: 'CONTROLLER_CANDIDATE'},
      {key: 'event:2024-03-kursk-raid', role: 'EVENT'}
    ]
  }
] AS row
MERGE (c:Claim {key: row.claim.key})
ON CREATE SET c = row.claim,
    c.language = 'en',
    c.rank = coalesce(row.claim.rank, 'NORMAL'),
    c.attributionAmbiguous = coalesce(row.claim.attributionAmbiguous, false),
    c.garbled = coalesce(row.claim.garbled, false),
    c.recordedAt = datetime('2026-11-25T00:00:00Z'),
    c.recordedBy = 'seed:000_1b3165c116f10b7f',
    c.seedCreated = true
WITH c, row, c.seedCreated IS NOT NULL AS created
REMOVE c.seedCreated
// Property names in order: keys() gives them in no particular one.
WITH *
CALL (c) { UNWIND keys(c) AS k WITH k WHERE NOT k IN ['recordedAt', 'recordedBy'] ORDER BY k RETURN collect(k) AS changed }
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END |
  CREATE (c)<-[:REVISES]-(:Revision {at: c.recordedAt, by: c.recordedBy, operation: 'ENTITY_CREATED', changed: changed, values: null}))
WITH c, row
CALL (c, row) {
  UNWIND row.madeBy AS m
  MATCH (a:Actor {key: m.key})
  MERGE (c)-[r:MADE_BY]->(a)
  ON CREATE SET r = {attribution: m.attribution, asWritten: m.asWritten, identifiedViaSourceKey: m.identifiedViaSourceKey, note: m.note,
           recordedAt: datetime('2026-11-25T00:00:00Z'), recordedBy: 'seed:000_1b3165c116f10b7f'}
}
CALL (c, row) {
  UNWIND row.statedIn AS s
  MATCH (src:Source {key: s.key})
  MERGE (c)-[r:STATED_IN]->(src)
  ON CREATE SET r = {quote: s.quote, first: s.first, paraphrased: coalesce(s.paraphrased, false), note: s.note,
           recordedAt: datetime('2026-11-25T00:00:00Z'), recordedBy: 'seed:000_1b3165c116f10b7f'}
}
CALL (c, row) {
  UNWIND row.about AS ab
  MATCH (t {key: ab.key})
  WHERE t:Actor OR t:Place OR t:Event OR t:Claim OR t:Source
  MERGE (c)-[r:ABOUT]->(t)
  ON CREATE SET r = {role: ab.role, recordedAt: datetime('2026-11-25T00:00:00Z'), recordedBy: 'seed:000_1b3165c116f10b7f'}
};
