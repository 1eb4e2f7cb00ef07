import type { GeoPoint, Plain } from '../db/values';
import { placeTypes, fullTextIndexOf, valuesOf } from '../model';
import { builder } from './builder';
import { known, relationEnumField, scalarFields, type FieldReads } from './scalar-fields';
import { basisFields } from './cited-source';
import { addEntityMutations } from './writes';
import { entityFromRow, type Entity, type Related } from './entity';
import { ancestors, hop, relation, wholeItems } from '../read/relation';
import { relationField, relationPageArg, singleRelationField } from './relations';
import { addKeyLookup, entityNodeOptions } from './entity-interface';
import { distanceKm, loaderLookup, NearInput, pointOf, withNearCircle } from './geo';
import { placeFilterQuery } from '../read/filters';
import { maxHierarchyDepth } from '../read/conditions';
import { connectionOptions, readPage } from './pagination';
import { asOfArg, changedOrderValue, recordTimeFilterFields } from './visibility';
import { EntityRef, EventRef, PlaceRef } from './refs';
import { listTextRule } from './search-text';

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
const placeLocations = hop({ tag: 'place.located-in', from: 'Place', type: 'LOCATED_IN', direction: 'out', to: 'Place', order: ['item.key'], relatedAt: 'place' });
const PlaceLocationRef = builder.objectRef<Related>('PlaceLocation').implement({
  description: 'An area a place lies in directly, with how sure that is and the source it rests on.',
  fields: (t) => ({
    place: t.field({ type: PlaceRef, description: 'The area.', resolve: (row) => row.entity }),
    confidence: relationEnumField(t, 'LOCATED_IN', 'confidence', 'How sure the recorder is that it lies there.'),
    ...basisFields(t),
  }),
});
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
    distanceKm: t.float({
      nullable: true,
      description:
        'Great-circle kilometres from its point to a point (latitude and longitude) or to the point of a place, as `near` measures: give the same centre as the list\'s `near` to show how far each result is. Null when it has no point.',
      args: {
        latitude: t.arg.float({ description: 'Degrees north, -90 to 90; with longitude.' }),
        longitude: t.arg.float({ description: 'Degrees east, -180 to 180; with latitude.' }),
        place: t.arg.string({ description: 'Key of a place, instead of latitude and longitude.' }),
      },
      extensions: { computed: ['location'] } satisfies FieldReads,
      resolve: async (place, args, context) => {
        const centre = await pointOf(loaderLookup(context), args, '');
        const location = place.properties.location as GeoPoint | null | undefined;
        return location ? Math.round(distanceKm(location, centre) * 10) / 10 : null;
      },
    }),
    names: t.field({ type: [PlaceNameRef], description: 'Every recorded name and spelling.', args: relationPageArg(t.arg), ...relationField(() => placeNames) }),
    parent: t.field({
      type: PlaceRef,
      nullable: true,
      description: 'The area it lies in directly (a village\'s district).',
      ...singleRelationField(() => placeParent),
    }),
    locatedIn: t.field({
      type: [PlaceLocationRef],
      description: 'The areas it lies in directly, each link with its confidence and the source it rests on (parent gives the area alone).',
      args: relationPageArg(t.arg),
      ...relationField(() => placeLocations),
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
    text: t.string({ description: `Words of any of its names, in any script: ${listTextRule}` }),
    types: t.field({ type: [PlaceType], description: 'Only these types.' }),
    within: t.string({ description: 'Key of a place: only places inside it, at any depth.' }),
    near: t.field({ type: NearInput, description: 'Only places in this circle, by their point and its uncertainty (see NearInput.mode).' }),
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
      resolve: async (_root, args, context, info) => {
        const filter = await withNearCircle(context, args.filter ?? {});
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
