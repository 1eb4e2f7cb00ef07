import { builder } from './builder';
import { scalarFields, type FieldReads } from './scalar-fields';
import type { Context } from '../server/context';
import { entityTypeNames, type Entity, type EntityTypeName } from './entity';
import { findEntity } from './relations';
import { EntityRef, type UnitRef } from './refs';
import { writesOf, freshEntity } from './writes';

EntityRef.implement({
  description:
    'Anything the graph holds with a stable key: units, people, organizations, places, events, claims and sources.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (entity) => entity.typename,
  fields: (t) => scalarFields(t, 'Entity'),
});

/** Adds `<fieldName>(key: String!)` to Query: one kind of entity by its stable key, or null. */
export function addKeyLookup(fieldName: string, ref: typeof UnitRef, typename: EntityTypeName) {
  builder.queryField(fieldName, (t) =>
    t.field({
      type: ref,
      nullable: true,
      description: `The ${typename.toLowerCase()} with this stable key; null when the key names no ${typename.toLowerCase()}.`,
      args: { key: t.arg.string({ required: true, description: 'The stable key.' }) },
      resolve: (_root, args, context, info) => findEntity(context, args.key, [typename], info),
    }),
  );
}

builder.queryField('entity', (t) =>
  t.field({
    type: EntityRef,
    nullable: true,
    description: 'Any entity by its stable key (for example "unit:siberian-battalion"); null when the key names nothing.',
    args: { key: t.arg.string({ required: true, description: 'The stable key.' }) },
    resolve: (_root, args, context, info) => findEntity(context, args.key, entityTypeNames, info),
  }),
);

/** What every entity type shares as a Node: its global id from the key, loading by key, type check. */
export function entityNodeOptions(typename: EntityTypeName) {
  return {
    // Computed from the key, which every read selects.
    id: { resolve: (entity: Entity) => entity.key, description: 'Global id, for `node(id:)`.', extensions: { computed: [] } satisfies FieldReads },
    loadMany: (keys: string[], context: Context) =>
      Promise.all(keys.map((key) => findEntity(context, key, [typename]))),
    isTypeOf: (value: unknown) => (value as { typename?: string }).typename === typename,
  };
}

interface MergeOutcome {
  survivor: Entity;
  retiredKey: string;
  moved: number;
}

const MergePayload = builder.objectRef<MergeOutcome>('MergePayload').implement({
  description: 'The result of merging two records of one entity.',
  fields: (t) => ({
    survivor: t.field({ type: EntityRef, description: 'The entity that remains, with everything of both records.', resolve: (outcome) => outcome.survivor }),
    retiredKey: t.string({ description: 'The key that now resolves to the survivor.', resolve: (outcome) => outcome.retiredKey }),
    movedRelationships: t.int({ description: 'How many relationships moved to the survivor.', resolve: (outcome) => outcome.moved }),
  }),
});

builder.mutationField('mergeEntities', (t) =>
  t.field({
    type: MergePayload,
    authScopes: { admin: true },
    description:
      'Merges two records of the same entity (admin scope): every relationship moves to the survivor, its missing properties are filled from the duplicate, the duplicate\'s names become aliases, and the duplicate\'s key and global id keep resolving to the survivor. The duplicate\'s properties stay in the survivor\'s history.',
    args: {
      survivor: t.arg.string({ required: true, description: 'Key of the record that remains.' }),
      duplicate: t.arg.string({ required: true, description: 'Key of the record merged into it and retired.' }),
    },
    resolve: async (_root, args, context) => {
      const result = await writesOf(context).merge(args.survivor, args.duplicate);
      return { survivor: await freshEntity(context, result.survivor), retiredKey: result.retired, moved: result.moved };
    },
  }),
);
