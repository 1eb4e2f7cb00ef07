import { eventTypes, fullTextIndexOf } from '../model';
import { builder } from './builder';
import { relationEnumField, scalarFields } from './scalar-fields';
import { addEntityMutations } from './writes';
import type { Related } from './entity';
import { relationField, relationPageArg, singleRelationField } from './relations';
import { hop } from '../read/relation';
import { addKeyLookup, entityNodeOptions } from './entity-interface';
import { NearInput, withNearCircle } from './geo';
import { eventFilterQuery } from '../read/filters';
import { connectionOptions, readPage } from './pagination';
import { ActorRef, EntityRef, EventRef, PlaceRef, SourceRef } from './refs';
import { Side } from './unit';
import { asOfArg, changedOrderValue, recordTimeFilterFields } from './visibility';
import { TimeMode } from './time-mode';
import { listTextRule } from './search-text';
import { basisFields } from './cited-source';

export const EventType = builder.enumType('EventType', {
  description: "ACLED's event types.",
  values: {
    BATTLES: { description: 'Violent clashes between armed groups.' },
    EXPLOSIONS_REMOTE_VIOLENCE: { description: 'Shelling, air and drone strikes, mines, remote explosives.' },
    VIOLENCE_AGAINST_CIVILIANS: { description: 'Violence by an armed group against unarmed people.' },
    PROTESTS: { description: 'Public demonstrations, non-violent.' },
    RIOTS: { description: 'Violent demonstrations and mob violence.' },
    STRATEGIC_DEVELOPMENTS: { description: 'Non-violent developments that matter: withdrawals, agreements, arrests, changes of control.' },
  } as const satisfies Record<(typeof eventTypes)[number], { description: string }>,
});

const EventOrder = builder.enumType('EventOrder', {
  description: 'How to order events: by the first day their startDate may denote (startDateEarliest).',
  values: {
    START_DATE_DESC: { description: 'Latest start first (the default).' },
    START_DATE_ASC: { description: 'Earliest start first.' },
    ...changedOrderValue,
  } as const,
});

const eventOrders = { START_DATE_DESC: 'n.startDateEarliest DESC, n.key', START_DATE_ASC: 'n.startDateEarliest, n.key', CHANGED_ASC: 'changed' } as const;

export const eventPlaces = hop({ tag: 'event.places', from: 'Event', type: 'OCCURRED_AT', direction: 'out', to: 'Place', order: ['item.key'], relatedAt: 'place' });
const eventParticipants = hop({ tag: 'event.participants', from: 'Event', type: 'PARTICIPATED_IN', direction: 'in', to: 'Actor', order: ['r.role', 'item.key'], relatedAt: 'actor' });
const eventSources = hop({ tag: 'event.sources', from: 'Event', type: 'REPORTED_IN', direction: 'out', to: 'Source', order: ['item.publishedAtEarliest', 'item.key'] });
const eventParent = hop({ tag: 'event.parent', from: 'Event', type: 'PART_OF', direction: 'out', to: 'Event' });
const eventSubEvents = hop({ tag: 'event.sub-events', from: 'Event', type: 'PART_OF', direction: 'in', to: 'Event', order: ['item.startDateEarliest', 'item.key'] });

const EventPlaceRef = builder.objectRef<Related>('EventPlace').implement({
  description: 'Where an event happened, and how precisely that is known (after ACLED\'s geo-precision).',
  fields: (t) => ({
    place: t.field({ type: PlaceRef, description: 'The place.', resolve: (row) => row.entity }),
    precision: relationEnumField(t, 'OCCURRED_AT', 'precision', 'How precisely the place is known.'),
    ...basisFields(t),
  }),
});

const ParticipantRef = builder.objectRef<Related>('Participant').implement({
  description: 'An actor in an event, with its role.',
  fields: (t) => ({
    actor: t.field({ type: ActorRef, description: 'The actor.', resolve: (row) => row.entity }),
    role: relationEnumField(t, 'PARTICIPATED_IN', 'role', 'Its role in the event.'),
    acledActor: relationEnumField(t, 'PARTICIPATED_IN', 'acledActor', "ACLED's slot."),
    ploverRole: relationEnumField(t, 'PARTICIPATED_IN', 'ploverRole', "PLOVER's role."),
    ...basisFields(t),
  }),
});

builder.node(EventRef, {
  description: "Something that happened at a place and time, coded after ACLED's codebook, with participants and the sources behind it.",
  interfaces: [EntityRef],
  ...entityNodeOptions('Event'),
  fields: (t) => ({
    ...scalarFields(t, 'Event'),
    places: t.field({ type: [EventPlaceRef], description: 'Where it happened, with precision.', args: relationPageArg(t.arg), ...relationField(() => eventPlaces) }),
    participants: t.field({ type: [ParticipantRef], description: 'Who took part, with roles.', args: relationPageArg(t.arg), ...relationField(() => eventParticipants) }),
    sources: t.field({ type: [SourceRef], description: 'Sources that report it.', args: relationPageArg(t.arg), ...relationField(() => eventSources) }),
    parent: t.field({
      type: EventRef,
      nullable: true,
      description: 'The larger event it is part of.',
      ...singleRelationField(() => eventParent),
    }),
    subEvents: t.field({ type: [EventRef], description: 'Events that are part of it.', args: relationPageArg(t.arg), ...relationField(() => eventSubEvents) }),
  }),
});

addKeyLookup('event', EventRef, 'Event');
addEntityMutations('Event', EventRef);

export const EventFilter = builder.inputType('EventFilter', {
  description: 'Which events to list; all conditions must hold.',
  fields: (t) => ({
    text: t.string({ description: `Words of its name or description: ${listTextRule}` }),
    types: t.field({ type: [EventType], description: 'Only these ACLED types.' }),
    from: t.field({ type: 'Date', description: 'Only events still going on at or after this day (valid time; see timeMode). An event without endDate may still be going on: OVERLAPS keeps it, WITHIN with `to` does not.' }),
    to: t.field({ type: 'Date', description: 'Only events that had started by this day (valid time; see timeMode).' }),
    timeMode: t.field({ type: TimeMode, defaultValue: 'OVERLAPS', description: 'How from and to read dates less precise than a day.' }),
    inPlace: t.string({ description: 'Key of a place: events there or in any place inside it.' }),
    near: t.field({ type: NearInput, description: 'Only events at a place in this circle, by its point and its uncertainty (see NearInput.mode).' }),
    participant: t.string({ description: 'Key of an actor that took part.' }),
    side: t.field({ type: Side, description: 'Only events in which a unit of this side took part.' }),
    ...recordTimeFilterFields(t),
  }),
});

/** The page type of `events`, declared apart so that its aggregate's facets can join it. */
export const EventConnectionRef = builder.connectionObject({ type: EventRef, name: 'QueryEventsConnection', ...connectionOptions('events') }, { name: 'QueryEventsConnectionEdge' });

builder.queryField('events', (t) =>
  t.connection(
    {
      type: EventRef,
      description: 'Events, latest first unless ordered otherwise (by relevance when searching text).',
      args: {
        filter: t.arg({ type: EventFilter, description: 'Conditions on the events.' }),
        orderBy: t.arg({ type: EventOrder, defaultValue: 'START_DATE_DESC', description: 'The order.' }),
        asOf: asOfArg(t.arg),
      },
      resolve: async (_root, args, context, info) => {
        const filter = await withNearCircle(context, args.filter ?? {});
        const { conditions, start } = eventFilterQuery(filter);
        return readPage(
          context.db,
          'events.list',
          { label: 'Event', fullTextIndex: fullTextIndexOf.Event, text: filter.text, start, conditions, orderBy: eventOrders[args.orderBy ?? 'START_DATE_DESC'], asOf: args.asOf, info },
          args,
        );
      },
    },
    EventConnectionRef,
  ),
);
