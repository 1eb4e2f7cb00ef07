import type { Context } from '../server/context';
import { ClientError, ErrorCode } from '../server/errors';
import { datePrecisions, entitySpecs, type EntityType, type PropertySpecs } from '../model';
import { GraphWrites } from '../write/facade';
import type { Author, WriteStatus } from '../write/writer';
import { builder } from './builder';
import { loadEntitiesByKey, type Entity } from './entity';
import type { UnitRef } from './refs';

// The machinery every mutation shares: who writes, how results look, inputs built from the
// one description of writable properties (src/model/).

export const WriteStatusEnum = builder.enumType('WriteStatus', {
  description: 'What a write did.',
  values: {
    CREATED: { value: 'created', description: 'It did not exist and was created.' },
    UPDATED: { value: 'updated', description: 'It existed and something changed.' },
    UNCHANGED: { value: 'unchanged', description: 'It existed exactly as given: nothing was written.' },
  } as const,
});

export const DatePrecisionEnum = builder.enumType('DatePrecision', {
  description: 'How precise a date is; the stored date is the first day of the period, and its Earliest and Latest fields bound what it may denote.',
  values: Object.fromEntries(
    datePrecisions.map((precision) => [
      precision,
      { description: precision === 'RANGE' ? 'Some day between a first and a last day ("2024-03-12..2024-03-14").' : `The ${precision.toLowerCase()} that contains the date.` },
    ]),
  ) as Record<(typeof datePrecisions)[number], { description: string }>,
});

export const GeoPointInput = builder.inputType('GeoPointInput', {
  description: 'A WGS-84 point.',
  fields: (t) => ({
    latitude: t.float({ required: true, description: 'Degrees north, -90 to 90.' }),
    longitude: t.float({ required: true, description: 'Degrees east, -180 to 180.' }),
  }),
});

/** The principal and record time of a write; mutations run only with a principal (Mutation needs the write scope). */
export function authorOf(context: Context): Author {
  if (!context.principal) throw new ClientError(ErrorCode.UNAUTHENTICATED, 'Writing needs credentials.');
  return { principal: context.principal.id, now: new Date().toISOString() };
}

/** The write façade for this request's principal: every mutation writes through it. */
export const writesOf = (context: Context) => new GraphWrites(context.db, authorOf(context), (keys) => context.live.published(keys));

/** An entity as it is now, read outside the request's loaders so a write is seen at once. */
export async function freshEntity(context: Context, key: string): Promise<Entity> {
  const [entity] = await loadEntitiesByKey([key], context.db);
  if (!entity || entity instanceof Error) throw new ClientError(ErrorCode.NOT_FOUND, `Nothing has the key "${key}".`);
  return entity;
}

type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;
type FieldBuilder = PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>;

const kindHints: Record<PropertySpecs[string]['kind'], string> = {
  string: 'Text.',
  strings: 'A list of texts.',
  int: 'A whole number.',
  float: 'A number.',
  boolean: 'True or false.',
  date: 'An ISO date: "2024-03-11" (a day), "2024-W11" (a week), "2024-03" (a month), "2024-Q1" (a quarter), "2024" (a year) or "2024-03-12..2024-03-14" (some day of a range).',
  point: 'A WGS-84 point.',
  url: 'An http or https URL.',
  key: 'The key of another entity.',
};

/**
 * The input type of one property map: a field per property (null removes it, but not a required
 * one), dates with their `<name>Precision`, enumerations as the catalogue's enums.
 */
export function propertiesInputType(
  name: string,
  description: string,
  specs: PropertySpecs,
  required: readonly string[] = [],
  describe = (property: string) => `See docs/model.md, "${property}".`,
  extraFields: (t: FieldBuilder) => Record<string, unknown> = () => ({}),
) {
  return builder.inputType(name, {
    description,
    fields: (t) => {
      const fields: Record<string, unknown> = extraFields(t);
      for (const [property, spec] of Object.entries(specs)) {
        const enumType = spec.kind === 'string' && spec.values ? spec.enum : undefined;
        const values = spec.kind === 'string' && spec.values && !enumType ? ` One of ${spec.values.join(', ')}.` : '';
        const removal = required.includes(property) ? 'Required: null is refused.' : 'Null removes it.';
        const hint = `${describe(property)} ${enumType ? `A value of ${enumType}.` : kindHints[spec.kind]}${values} ${removal}`;
        if (enumType) fields[property] = t.field({ type: enumType as never, description: hint });
        else if (spec.kind === 'int') fields[property] = t.int({ description: hint });
        else if (spec.kind === 'float') fields[property] = t.float({ description: hint });
        else if (spec.kind === 'boolean') fields[property] = t.boolean({ description: hint });
        else if (spec.kind === 'strings') fields[property] = t.stringList({ description: hint });
        else if (spec.kind === 'point') fields[property] = t.field({ type: GeoPointInput, description: hint });
        else fields[property] = t.string({ description: hint });
        if (spec.kind === 'date') {
          fields[`${property}Precision`] = t.field({
            type: DatePrecisionEnum,
            description: `Precision of ${property}; by default read from its form ("2024-03" is a MONTH).`,
          });
        }
      }
      return fields as never;
    },
  });
}

/** The payload of a write to one entity: what happened, and the entity as it now is. */
export function payloadType(type: EntityType, ref: typeof UnitRef) {
  const field = type.charAt(0).toLowerCase() + type.slice(1);
  return builder.objectRef<{ status: WriteStatus; entity: Entity }>(`${type}Payload`).implement({
    description: `The result of a write to a ${type.toLowerCase()}.`,
    fields: (t) => ({
      status: t.field({ type: WriteStatusEnum, description: 'What the write did.', resolve: (payload) => payload.status }),
      [field]: t.field({ type: ref, description: `The ${type.toLowerCase()} as it now is.`, resolve: (payload) => payload.entity }),
    }),
  });
}

export const entityInputDescribe = (type: EntityType) => (property: string) => `The ${type.toLowerCase()}'s \`${property}\` (docs/model.md).`;

/**
 * `create<Type>`, `update<Type>` and `upsert<Type>` for one entity type, by stable key, each in
 * one transaction. Returns the type's input, for mutations that embed one (a claim's new source).
 */
export function addEntityMutations(type: Exclude<EntityType, 'Claim'>, ref: typeof UnitRef) {
  const spec = entitySpecs[type];
  const input = propertiesInputType(`${type}Input`, `The properties of a ${type.toLowerCase()}; only those given are written.`, spec.properties, spec.required, entityInputDescribe(type));
  const payload = payloadType(type, ref);
  const modes = {
    create: `Creates a ${type.toLowerCase()}; CONFLICT if the key is taken. Required: ${spec.required.join(', ')}.`,
    update: `Changes the given properties of an existing ${type.toLowerCase()}; NOT_FOUND if the key names none.`,
    upsert: `Creates the ${type.toLowerCase()}, or changes the given properties if it exists. Required when creating: ${spec.required.join(', ')}.`,
  } as const;
  for (const [mode, description] of Object.entries(modes) as [keyof typeof modes, string][]) {
    builder.mutationField(`${mode}${type}`, (t) =>
      t.field({
        type: payload,
        description,
        args: {
          key: t.arg.string({ required: true, description: `The stable key, "${spec.prefix}:..." (docs/model.md, Keys).` }),
          input: t.arg({ type: input, required: true, description: 'The properties to write.' }),
        },
        resolve: async (_root, args, context) => {
          const { status, key } = await writesOf(context).entity(type, mode, args.key, args.input as Record<string, unknown>);
          return { status, entity: await freshEntity(context, key) };
        },
      }),
    );
  }
  return input;
}
