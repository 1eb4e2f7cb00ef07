import { fullTextIndexOf } from '../model';
import { relationEnumField, relationDateFields, scalarFields } from './scalar-fields';
import { builder } from './builder';
import type { Related } from './entity';
import { relationField, relationPageArg } from './relations';
import { hop } from '../read/relation';
import { Conditions } from '../read/conditions';
import { connectionOptions, readPage } from './pagination';
import { asOfArg, changedOrderValue, claimVisibilityArgs, recordTimeConditions, recordTimeFilterFields, type ClaimVisibility } from './visibility';
import { ActorRef, ClaimRef, EntityRef, EventRef } from './refs';
import { Side } from './unit';
import { listTextRule } from './search-text';
import { basisFields } from './cited-source';

const actorAlignments = hop({ tag: 'actor.aligned-with', from: 'Actor', type: 'ALIGNED_WITH', direction: 'out', to: 'Actor', order: ['item.key'], relatedAt: 'actor' });
const actorEvents = hop({ tag: 'actor.events', from: 'Actor', type: 'PARTICIPATED_IN', direction: 'out', to: 'Event', order: ['item.startDateEarliest DESC', 'item.key'], relatedAt: 'event' });
const actorClaimsMade = (includeDeprecated: boolean) => hop({ tag: 'actor.claims-made', from: 'Actor', type: 'MADE_BY', direction: 'in', to: 'Claim', order: ['item.madeAtEarliest', 'item.key'], claims: { includeDeprecated } });

export const AlignmentRef = builder.objectRef<Related>('Alignment').implement({
  description: 'An actor fighting on the side of another, over a period.',
  fields: (t) => ({
    actor: t.field({ type: ActorRef, description: 'The actor aligned with.', resolve: (row) => row.entity }),
    ...relationDateFields(t, 'from', 'Since when'),
    ...relationDateFields(t, 'to', 'Until when; null while it lasts'),
    ...basisFields(t),
  }),
});

const ParticipationRef = builder.objectRef<Related>('Participation').implement({
  description: 'An event an actor took part in, and its role there.',
  fields: (t) => ({
    event: t.field({ type: EventRef, description: 'The event.', resolve: (row) => row.entity }),
    role: relationEnumField(t, 'PARTICIPATED_IN', 'role', 'Its role in the event.'),
    ...basisFields(t),
  }),
});

ActorRef.implement({
  description: 'Whoever can make a claim or take part in an event: a unit, a person or an organization.',
  interfaces: [builder.nodeInterfaceRef(), EntityRef],
  resolveType: (entity) => entity.typename,
  fields: (t) => ({
    ...scalarFields(t, 'Actor'),
    alignedWith: t.field({ type: [AlignmentRef], description: 'Actors it fights alongside.', args: relationPageArg(t.arg), ...relationField(() => actorAlignments) }),
    events: t.field({ type: [ParticipationRef], description: 'Events it took part in, latest first, with its role.', args: relationPageArg(t.arg), ...relationField(() => actorEvents) }),
    claimsMade: t.field({
      type: [ClaimRef],
      description: 'Claims it made, oldest first.',
      args: { ...claimVisibilityArgs(t.arg), ...relationPageArg(t.arg) },
      ...relationField((args: ClaimVisibility) => actorClaimsMade(args.includeDeprecated ?? false)),
    }),
  }),
});

const ActorKind = builder.enumType('ActorKind', {
  description: 'The kinds of actor.',
  values: { UNIT: { value: 'Unit', description: 'Armed formations.' }, PERSON: { value: 'Person', description: 'People.' }, ORGANIZATION: { value: 'Organization', description: 'States, media, institutes.' } } as const,
});

const ActorFilter = builder.inputType('ActorFilter', {
  description: 'Which actors to list; all conditions must hold.',
  fields: (t) => ({
    text: t.string({ description: `Words of its name or aliases, in any script: ${listTextRule}` }),
    kinds: t.field({ type: [ActorKind], description: 'Only these kinds.' }),
    side: t.field({ type: Side, description: 'Only units of this side.' }),
    partOf: t.string({ description: 'Key of a formation or state: only units directly part of it.' }),
    ...recordTimeFilterFields(t),
  }),
});

const ActorOrder = builder.enumType('ActorOrder', {
  description: 'How to order actors.',
  values: { NAME_ASC: { description: 'By name (the default).' }, ...changedOrderValue } as const,
});

builder.queryField('actors', (t) =>
  t.connection(
    {
      type: ActorRef,
      description: 'Units, people and organizations, by name (by relevance when searching text).',
      args: {
        filter: t.arg({ type: ActorFilter, description: 'Conditions on the actors.' }),
        orderBy: t.arg({ type: ActorOrder, defaultValue: 'NAME_ASC', description: 'The order.' }),
        asOf: asOfArg(t.arg),
      },
      resolve: (_root, args, context, info) => {
        const filter = args.filter ?? {};
        const conditions = recordTimeConditions(new Conditions(), filter)
          .when('kinds', filter.kinds, 'any(label IN labels(n) WHERE label IN $kinds)')
          .when('side', filter.side, 'n.side = $side')
          .when('partOf', filter.partOf, 'EXISTS { (n)-[:PART_OF]->(:Actor {key: $partOf}) }');
        return readPage(
          context.db,
          'actors.list',
          { label: 'Actor', fullTextIndex: fullTextIndexOf.Unit, text: filter.text, conditions, orderBy: args.orderBy === 'CHANGED_ASC' ? 'changed' : 'n.name, n.key', asOf: args.asOf, info },
          args,
        );
      },
    },
    connectionOptions('actors'),
  ),
);
