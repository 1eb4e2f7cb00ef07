import type { Plain } from '../db/values';
import { placeTypes, fullTextIndexOf, valuesOf } from '../model';
import { builder } from './builder';
import { known, scalarFields } from './scalar-fields';
import { addEntityMutations } from './writes';
import { entityFromRow, type Entity } from './entity';
import { ancestors, hop, relation, wholeItems } from '../read/relation';
import { relationField, relationPageArg, singleRelationField } from './relations';
import { addKeyLookup, entityNodeOptions } from './entity-interface';
import { NearInput } from './geo';
import { placeFilterQuery } from '../read/filters';
import { maxHierarchyDepth } from '../read/conditions';
import { connectionOptions, readPage } from './pagination';
import { asOfArg, changedOrderValue, recordTimeFilterFields } from './visibility';
import { EntityRef, EventRef, PlaceRef } from './refs';

export const PlaceType = builder.enumType('PlaceType', {
  description: 'Where a place stands in the administrative hierarchy.',
  values: {
    COUNTRY: { description: 'A state.' },
    REGION: { description: 'First-level division: oblast, krai, republic.' },
    DISTRICT: { description: 'Second-level division: raion, district, municipal okrug.' },
    CITY: { description: 'A city.' },
    TOWN: { description: 'A town or urban-type settlement.' },
    VILLAGE: { description: 'A village or rural settlement.' },
    OTHER: { description: 'Any other place: a border crossing, a facility, a natural feature.' },
  } as const satisfies Record<(typeof placeTypes)[number], { description: string }>,
});

interface PlaceName {
  value: string;
  language: string | null;
  script: string | null;
  scheme: string | null;
  kind: string | null;
}

const PlaceNameRef = builder.objectRef<PlaceName>('PlaceName').implement({
  description: 'One name of a place: in a language and script, official, conventional, transliterated, a variant or as written in a report.',
  fields: (t) => ({
    value: t.exposeString('value', { description: 'The name.' }),
    language: t.exposeString('language', { nullable: true, description: 'Language, BCP 47 ("ru", "uk", "en").' }),
    script: t.exposeString('script', { nullable: true, description: 'Script, ISO 15924 ("Latn", "Cyrl").' }),
    scheme: t.exposeString('scheme', { nullable: true, description: 'Transliteration scheme, for transliterations ("BGN/PCGN").' }),
    kind: t.field({ type: 'PlaceNameKind' as never, nullable: true, description: 'What kind of name it is.', resolve: (name) => name.kind as never }),
  }),
});

const placeNames = relation<PlaceName>({
  tag: 'place.names',
  from: 'Place',
  match: (scope, start) => `MATCH (${start})-[:HAS_NAME]->(name:PlaceName) WHERE ${scope.knownAsOf('name')}`,
  value: () => 'properties(name)',
  order: 'name.key',
  nesting: { selection: wholeItems },
  map: (value) => {
    const name = value as Record<string, Plain>;
    const optional = (field: string) => (typeof name[field] === 'string' ? (name[field] as string) : null);
    return { value: String(name.value), language: optional('language'), script: optional('script'), scheme: optional('scheme'), kind: known(optional('kind'), valuesOf('PlaceNameKind')) };
  },
  parameters: {},
});
const placeParent = hop({ tag: 'place.parent', from: 'Place', type: 'LOCATED_IN', direction: 'out', to: 'Place' });
const placeChildren = hop({ tag: 'place.children', from: 'Place', type: 'LOCATED_IN', direction: 'in', to: 'Place', order: ['item.name', 'item.key'] });
const placeAncestors = ancestors('place.ancestors', 'Place', 'LOCATED_IN');
const placeEvents = (includeDescendants: boolean) =>
  relation<Entity>({
    tag: 'place.events',
    from: 'Place',
    match: (scope, start) => `CALL (${start}) {
       MATCH (${start})<-[:LOCATED_IN*0..${maxHierarchyDepth}]-(inside:Place) WHERE ${scope.param('includeDescendants')} OR inside = ${start}
       MATCH (inside)<-[:OCCURRED_AT]-(e:Event)
       RETURN DISTINCT e
     }
     WITH e WHERE ${scope.knownAsOf('e')}`,
    value: (scope) => scope.entity('e'),
    order: 'e.startDateEarliest DESC, e.key',
    nesting: { entityVariable: 'e', entityAt: [] },
    map: entityFromRow,
    parameters: { includeDescendants },
  });

builder.node(PlaceRef, {
  description: 'A settlement or an administrative area, with its names in several scripts, a point, and the area it lies in.',
  interfaces: [EntityRef],
  ...entityNodeOptions('Place'),
  fields: (t) => ({
    ...scalarFields(t, 'Place'),
    names: t.field({ type: [PlaceNameRef], description: 'Every recorded name and spelling.', args: relationPageArg(t.arg), ...relationField(() => placeNames) }),
    parent: t.field({
      type: PlaceRef,
      nullable: true,
      description: 'The area it lies in directly (a village\'s district).',
      ...singleRelationField(() => placeParent),
    }),
    ancestors: t.field({ type: [PlaceRef], description: 'Every area it lies in, nearest first, up to the country.', args: relationPageArg(t.arg), ...relationField(() => placeAncestors) }),
    children: t.field({ type: [PlaceRef], description: 'Places that lie directly in it.', args: relationPageArg(t.arg), ...relationField(() => placeChildren) }),
    events: t.field({
      type: [EventRef],
      description: 'Events at this place, latest first; with includeDescendants, also those in the places inside it.',
      args: { includeDescendants: t.arg.boolean({ defaultValue: true, description: 'Include events in places inside this one.' }), ...relationPageArg(t.arg) },
      ...relationField((args: { includeDescendants?: boolean | null }) => placeEvents(args.includeDescendants ?? true)),
    }),
  }),
});

addKeyLookup('place', PlaceRef, 'Place');
addEntityMutations('Place', PlaceRef);

const PlaceFilter = builder.inputType('PlaceFilter', {
  description: 'Which places to list; all conditions must hold.',
  fields: (t) => ({
    text: t.string({ description: 'Words of any of its names, in any script; tolerant of small misspellings.' }),
    types: t.field({ type: [PlaceType], description: 'Only these types.' }),
    within: t.string({ description: 'Key of a place: only places inside it, at any depth.' }),
    near: t.field({ type: NearInput, description: 'Only places whose point lies within this circle.' }),
    ...recordTimeFilterFields(t),
  }),
});

const PlaceOrder = builder.enumType('PlaceOrder', {
  description: 'How to order places.',
  values: { NAME_ASC: { description: 'By name (the default).' }, ...changedOrderValue } as const,
});

builder.queryField('places', (t) =>
  t.connection(
    {
      type: PlaceRef,
      description: 'Places, by name (or by relevance when searching text).',
      args: {
        filter: t.arg({ type: PlaceFilter, description: 'Conditions on the places.' }),
        orderBy: t.arg({ type: PlaceOrder, defaultValue: 'NAME_ASC', description: 'The order.' }),
        asOf: asOfArg(t.arg),
      },
      resolve: (_root, args, context, info) => {
        const filter = args.filter ?? {};
        const { conditions } = placeFilterQuery(filter);
        return readPage(
          context.db,
          'places.list',
          { label: 'Place', fullTextIndex: fullTextIndexOf.Place, text: filter.text, conditions, orderBy: args.orderBy === 'CHANGED_ASC' ? 'changed' : 'n.name, n.key', asOf: args.asOf, info },
          args,
        );
      },
    },
    connectionOptions('places'),
  ),
);
