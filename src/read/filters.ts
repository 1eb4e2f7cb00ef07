import { matchEntityByKey } from '../model';
import { nearCondition, type NearCircle } from '../graphql/geo';
import { recordTimeConditions, type RecordTimeFilter } from '../graphql/visibility';
import { Conditions, maxHierarchyDepth, type StoredInterval, type TimeMode } from './conditions';
import { topLevelAsOf } from './scope';

/**
 * What a list's filter input becomes: its conditions on `n`, and, when a filter gives a better
 * starting point than every node of the label, the Cypher that binds `n` from it. The list and
 * its aggregates both read their filter through here, so they always select the same nodes.
 */
export interface FilterQuery {
  conditions: Conditions;
  start?: string;
}

/** A claim's valid period: validFrom to validTo; without them, when it was made. */
const validPeriod: StoredInterval = { start: 'coalesce(n.validFromEarliest, n.madeAtEarliest)', end: 'coalesce(n.validToLatest, n.validFromLatest, n.madeAtLatest)' };
const madePeriod: StoredInterval = { start: 'n.madeAtEarliest', end: 'n.madeAtLatest' };

export interface ClaimFilterValues extends RecordTimeFilter {
  text?: string | null;
  timeMode?: TimeMode | null;
  about?: string | null;
  madeBy?: string | null;
  types?: readonly string[] | null;
  stances?: readonly string[] | null;
  bases?: readonly string[] | null;
  sourceReliability?: readonly string[] | null;
  from?: string | null;
  to?: string | null;
  madeFrom?: string | null;
  madeTo?: string | null;
  measures?: readonly string[] | null;
  equipment?: string | null;
  equipmentCategories?: readonly string[] | null;
  lossStatuses?: readonly string[] | null;
  owner?: string | null;
  captor?: string | null;
  evidenceKinds?: readonly string[] | null;
  distinctItems?: boolean | null;
}

/** The conditions of a `ClaimFilter`, with the claims' visibility (deprecated ones, record time). */
export function claimFilterQuery(filter: ClaimFilterValues, visibility: { includeDeprecated?: boolean | null; asOf?: string | null; orderBy?: string | null }): FilterQuery {
  const conditions = recordTimeConditions(new Conditions(), filter)
    // A sync sees retractions: a deprecated claim is a changed one, not a vanished one.
    // Without asOf, no record-time condition on every claim (`topLevelAsOf`).
    .add(topLevelAsOf(visibility.asOf).visibleRank('n'), { includeDeprecated: (visibility.includeDeprecated ?? false) || visibility.orderBy === 'CHANGED_ASC', asOf: visibility.asOf ?? null })
    .when('madeBy', filter.madeBy, 'EXISTS { (n)-[:MADE_BY]->(:Actor {key: $madeBy}) }')
    .when('types', filter.types, 'n.type IN $types')
    .when('stances', filter.stances, 'n.stance IN $stances')
    .when('bases', filter.bases, 'n.basis IN $bases')
    .when('reliabilities', filter.sourceReliability, 'EXISTS { MATCH (n)-[:STATED_IN]->(s:Source) WHERE s.reliability IN $reliabilities }')
    .period(validPeriod, { from: 'from', to: 'to' }, filter, filter.timeMode ?? 'OVERLAPS')
    .period(madePeriod, { from: 'madeFrom', to: 'madeTo' }, { from: filter.madeFrom, to: filter.madeTo }, filter.timeMode ?? 'OVERLAPS')
    .when('measures', filter.measures, 'n.measure IN $measures')
    .when(
      'equipmentCategories',
      filter.equipmentCategories,
      "(n.equipmentCategory IN $equipmentCategories OR EXISTS { MATCH (n)-[:ABOUT {role: 'EQUIPMENT'}]->(e:Equipment) WHERE e.category IN $equipmentCategories })",
    )
    .when('lossStatuses', filter.lossStatuses, 'n.lossStatus IN $lossStatuses')
    .when('captor', filter.captor, "EXISTS { MATCH (n)-[:ABOUT {role: 'CAPTOR'}]->(captor) WHERE captor.key = $captor }")
    .when('evidenceKinds', filter.evidenceKinds, 'EXISTS { MATCH (n)-[:EVIDENCED_BY]->(s:Source) WHERE s.kind IN $evidenceKinds }');
  // A later listing of the same item hides this one, unless that listing is deprecated or recorded after asOf.
  if (filter.distinctItems) {
    conditions.add(`NOT EXISTS { MATCH (n)<-[r:SAME_ITEM]-(later:Claim) WHERE coalesce(later.rank, 'NORMAL') <> 'DEPRECATED' AND ${topLevelAsOf(visibility.asOf).knownAsOf('later', 'r')} }`);
  }
  let start: string | undefined;
  if (filter.about) {
    // Without text, start from the subject's index seek; with text, from the full-text hits.
    if (filter.text) conditions.when('about', filter.about, 'EXISTS { MATCH (n)-[:ABOUT]->(subject) WHERE subject.key = $about }');
    else {
      start = `WITH $about AS key ${matchEntityByKey} WITH n AS subject MATCH (n:Claim)-[:ABOUT]->(subject)`;
      conditions.parameters.about = filter.about;
    }
  }
  if (filter.owner && !filter.text && !start) {
    // The owner's seek and its claims: one side's losses without reading the other's (and
    // without checking each claim's owner again).
    start = `WITH $owner AS key ${matchEntityByKey} WITH n AS owner MATCH (n:Claim)-[:ABOUT {role: 'OWNER'}]->(owner) WITH DISTINCT n`;
    conditions.parameters.owner = filter.owner;
  } else conditions.when('owner', filter.owner, "EXISTS { MATCH (n)-[:ABOUT {role: 'OWNER'}]->(owner) WHERE owner.key = $owner }");
  if (filter.equipment && !filter.text && !start) {
    // Start from the family's seek and its models: far fewer claims than a whole label.
    start = `MATCH (:Equipment {key: $equipment})<-[:VARIANT_OF*0..${maxHierarchyDepth}]-(model:Equipment) WITH DISTINCT model MATCH (n:Claim)-[:ABOUT {role: 'EQUIPMENT'}]->(model) WITH DISTINCT n`;
    conditions.parameters.equipment = filter.equipment;
  } else conditions.when('equipment', filter.equipment, `EXISTS { MATCH (n)-[:ABOUT {role: 'EQUIPMENT'}]->(:Equipment)-[:VARIANT_OF*0..${maxHierarchyDepth}]->(:Equipment {key: $equipment}) }`);
  return { conditions, start };
}

export interface EventFilterValues extends RecordTimeFilter {
  text?: string | null;
  timeMode?: TimeMode | null;
  types?: readonly string[] | null;
  from?: string | null;
  to?: string | null;
  inPlace?: string | null;
  near?: NearCircle | null;
  participant?: string | null;
  side?: string | null;
}

/** The conditions of an `EventFilter`. */
export function eventFilterQuery(filter: EventFilterValues): FilterQuery {
  const conditions = recordTimeConditions(new Conditions(), filter)
    .when('types', filter.types, 'n.type IN $types')
    .period({ start: 'n.startDateEarliest', end: 'n.endDateLatest', openEnd: true }, { from: 'from', to: 'to' }, filter, filter.timeMode ?? 'OVERLAPS')
    .when('participant', filter.participant, 'EXISTS { (n)<-[:PARTICIPATED_IN]-(:Actor {key: $participant}) }')
    .when('side', filter.side, 'EXISTS { (n)<-[:PARTICIPATED_IN]-(u:Unit) WHERE u.side = $side }');
  let start: string | undefined;
  if (filter.inPlace) {
    // Without text, start from the place's index seek and walk inward; with text, from the full-text hits.
    if (filter.text) conditions.when('inPlace', filter.inPlace, `EXISTS { (n)-[:OCCURRED_AT]->(:Place)-[:LOCATED_IN*0..${maxHierarchyDepth}]->(:Place {key: $inPlace}) }`);
    else {
      start = `MATCH (:Place {key: $inPlace})<-[:LOCATED_IN*0..${maxHierarchyDepth}]-(:Place)<-[:OCCURRED_AT]-(n:Event) WITH DISTINCT n`;
      conditions.parameters.inPlace = filter.inPlace;
    }
  }
  if (filter.near) {
    const near = nearCondition('p', filter.near);
    conditions.add(`EXISTS { MATCH (n)-[:OCCURRED_AT]->(p:Place) WHERE ${near.clause} }`, near.parameters);
  }
  return { conditions, start };
}

export interface PlaceFilterValues extends RecordTimeFilter {
  text?: string | null;
  types?: readonly string[] | null;
  within?: string | null;
  near?: NearCircle | null;
}

/** The conditions of a `PlaceFilter`. */
export function placeFilterQuery(filter: PlaceFilterValues): FilterQuery {
  const conditions = recordTimeConditions(new Conditions(), filter)
    .when('types', filter.types, 'n.type IN $types')
    .when('within', filter.within, `EXISTS { (n)-[:LOCATED_IN*1..${maxHierarchyDepth}]->(:Place {key: $within}) }`);
  if (filter.near) {
    const near = nearCondition('n', filter.near);
    conditions.add(near.clause, near.parameters);
  }
  return { conditions };
}
