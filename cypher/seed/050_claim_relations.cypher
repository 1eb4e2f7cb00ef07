// Seed 050: how claims bear on each other. (Claim)-[:SUPPORTS]->(Claim) and
// (Claim)-[:CONTRADICTS]->(Claim), read "the first claim supports / contradicts the second".
// These links are the seeding analyst's assessment (assessedBy), with a note and, where the
// link depends on how an ambiguity is resolved, the condition under which it holds.
// Creates what is missing, never overwrites: MERGE, ON CREATE SET.

UNWIND [
  {from: 'claim:governor-kursk:confirmed-attack', to: 'claim:article:offensive-underway-in-kursk-region', condition: null,
   note: 'The governor of the region confirms the attack the article reports.'},
  {from: 'claim:siberian-battalion:soldiers-in-russia', to: 'claim:article:offensive-underway-in-kursk-region', condition: null,
   note: 'A raiding formation says its soldiers are in Russia.'},
  {from: 'claim:article:legion-entered-russia-may-2023', to: 'claim:article:first-attack-belgorod-may-2023', condition: null,
   note: 'Both date the first incursion to May 2023.'},
  {from: 'claim:isw:volunteers-took-lozovaya-rudka', to: 'claim:article:only-losovaya-rudka-under-their-control',
   condition: 'Only if "their" refers to the attackers.',
   note: 'ISW reports the volunteer formations in control of Lozovaya Rudka (which it places in Belgorod Oblast).'}
] AS row
MATCH (a:Claim {key: row.from})
MATCH (b:Claim {key: row.to})
MERGE (a)-[r:SUPPORTS]->(b)
ON CREATE SET r = {condition: row.condition, note: row.note, assessedBy: 'ANALYST',
         recordedAt: datetime('2026-11-25T00:00:00Z'), recordedBy: 'seed:000_1b3165c116f10b7f'};

UNWIND [
  {from: 'claim:governor-kursk:denied-turning-point', to: 'claim:article:only-losovaya-rudka-under-their-control',
   condition: 'Only on one reading of each ambiguity: the article, not the governor, makes the village claim (it has both as candidate makers; were it the governor\'s, it would be his own minimising account, which his denial does not contradict), and "their" refers to the attackers (holding a village would be the gain the governor denies).',
   note: 'The governor denies any "turning point" for the attackers; the article says a village remains under "their" control.'},
  {from: 'claim:governor-kursk:denied-turning-point', to: 'claim:isw:volunteers-took-lozovaya-rudka', condition: null,
   note: 'The governor denies any breakthrough; ISW reports the formations taking control of two settlements.'},
  {from: 'claim:governor-kursk:denied-turning-point', to: 'claim:ambiguous:take-back-our-land', condition: null,
   note: 'The raiders claim to be taking back land "centimeter by centimeter"; the governor denies them any gain. A weak contradiction: one side states an intention.'}
] AS row
MATCH (a:Claim {key: row.from})
MATCH (b:Claim {key: row.to})
MERGE (a)-[r:CONTRADICTS]->(b)
ON CREATE SET r = {condition: row.condition, note: row.note, assessedBy: 'ANALYST',
         recordedAt: datetime('2026-11-25T00:00:00Z'), recordedBy: 'seed:000_1b3165c116f10b7f'};
