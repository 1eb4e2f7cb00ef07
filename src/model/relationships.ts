/**
 * Every relationship type of the graph, declared once: the entity types at each end and the
 * properties it may carry. Links, bundles and the GraphQL inputs of relationships validate
 * against it.
 */
import { enumOf, longText, shortText, type PropertySpecs } from './properties';
import { entityTypes, type EntityType } from './entities';
import { valuesOf } from './vocabularies';

const actors: readonly EntityType[] = ['Unit', 'Person', 'Organization'];
const anyEntity: readonly EntityType[] = entityTypes;
const period = { from: { kind: 'date' }, to: { kind: 'date' } } as const;
const basis = { basisSourceKey: { kind: 'key' }, note: longText } as const;
const attribution = enumOf('Attribution', valuesOf('Attribution'));
const confidence = enumOf('Confidence', valuesOf('Confidence'));
const claimLink = { condition: longText, note: longText, assessedBy: shortText } as const;

export interface RelationshipDeclaration {
  from: readonly EntityType[];
  to: readonly EntityType[];
  properties: PropertySpecs;
  /** Reads walk its chains (ancestors, parents, families): writes refuse a cycle. */
  hierarchy?: true;
}

export const relationshipSpecs = {
  PART_OF: { from: [...actors, 'Event'], to: [...actors, 'Event'], properties: { ...period, ...basis }, hierarchy: true },
  ALIGNED_WITH: { from: actors, to: actors, properties: { ...period, ...basis } },
  HOLDS_POSITION: { from: ['Person'], to: ['Organization', 'Place'], properties: { title: shortText, ...period, confidence, ...basis } },
  LOCATED_IN: { from: ['Place'], to: ['Place'], properties: { confidence, ...basis }, hierarchy: true },
  OCCURRED_AT: { from: ['Event'], to: ['Place'], properties: { precision: enumOf('EventPlacePrecision', valuesOf('EventPlacePrecision')), ...basis } },
  PARTICIPATED_IN: {
    from: actors,
    to: ['Event'],
    properties: {
      role: enumOf('ParticipantRole', valuesOf('ParticipantRole')),
      acledActor: enumOf('AcledActorSlot', valuesOf('AcledActorSlot')),
      ploverRole: enumOf('PloverRole', valuesOf('PloverRole')),
      ...basis,
    },
  },
  REPORTED_IN: { from: ['Event'], to: ['Source'], properties: { note: longText } },
  MADE_BY: { from: ['Claim'], to: actors, properties: { attribution, asWritten: shortText, identifiedViaSourceKey: { kind: 'key' }, note: longText } },
  ABOUT: {
    from: ['Claim'],
    to: anyEntity,
    // A loss: EQUIPMENT (what was lost), OWNER (the side that lost it) and CAPTOR (who took it).
    properties: { role: enumOf('SubjectRole', valuesOf('SubjectRole')) },
  },
  EVIDENCED_BY: { from: ['Claim'], to: ['Source'], properties: { note: longText } },
  /** From a later claim to an earlier one about the same physical item (damaged, then captured): counted once. */
  SAME_ITEM: { from: ['Claim'], to: ['Claim'], properties: { note: longText }, hierarchy: true },
  STATED_IN: { from: ['Claim'], to: ['Source'], properties: { quote: longText, first: { kind: 'boolean' }, paraphrased: { kind: 'boolean' }, note: longText } },
  SUPPORTS: { from: ['Claim'], to: ['Claim'], properties: claimLink },
  CONTRADICTS: { from: ['Claim'], to: ['Claim'], properties: claimLink },
  SUPERSEDES: { from: ['Claim'], to: ['Claim'], properties: { note: longText } },
  PUBLISHED_BY: { from: ['Source'], to: actors, properties: { attribution, asWritten: shortText, ...basis } },
  QUOTES: { from: ['Source'], to: ['Source'], properties: { note: longText } },
  LINKS_TO: { from: ['Source'], to: ['Source'], properties: { asWritten: shortText } },
  /** A model within its family, or a variant of its base model: T-90M within T-90. */
  VARIANT_OF: { from: ['Equipment'], to: ['Equipment'], properties: { ...basis }, hierarchy: true },
} as const satisfies Record<string, RelationshipDeclaration>;

export type RelationshipType = keyof typeof relationshipSpecs;
export const relationshipTypes = Object.keys(relationshipSpecs) as RelationshipType[];
