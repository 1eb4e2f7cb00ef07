import { ClientError, ErrorCode } from '../server/errors';
import { validateRelationshipRecord } from '../write/records';
import { relationshipSpecs, relationshipTypes, type PropertySpecs, type RelationshipType } from '../model';
import { type WriteStatus } from '../write/writer';
import { builder } from './builder';
import type { Entity } from './entity';
import { EntityRef } from './refs';
import { writesOf, freshEntity, propertiesInputType, WriteStatusEnum } from './writes';

const RelationshipTypeEnum = builder.enumType('RelationshipType', {
  description: 'The relationships that mutations can make or remove (docs/model.md, Relationships).',
  values: Object.fromEntries(
    relationshipTypes.map((type) => [type, { description: `${type}: from ${relationshipSpecs[type].from.join(' | ')} to ${relationshipSpecs[type].to.join(' | ')}.` }]),
  ) as Record<RelationshipType, { description: string }>,
});

/**
 * Every relationship property, each checked against the type's own list when written. A name
 * that two types give different vocabularies (`role`) is text here, one of either's values.
 */
const allRelationshipProperties: PropertySpecs = {};
for (const type of relationshipTypes) {
  for (const [name, spec] of Object.entries(relationshipSpecs[type].properties as PropertySpecs)) {
    const seen = allRelationshipProperties[name];
    allRelationshipProperties[name] =
      seen?.kind === 'string' && spec.kind === 'string' && seen.enum !== spec.enum ? { kind: 'string', values: [...new Set([...(seen.values ?? []), ...(spec.values ?? [])])] } : spec;
  }
}

const LinkPropertiesInput = propertiesInputType(
  'LinkPropertiesInput',
  'Properties of a relationship; each type takes only its own (docs/model.md, Relationships).',
  allRelationshipProperties,
  [],
  (property) => `The relationship's \`${property}\`.`,
);

const LinkInput = builder.inputType('LinkInput', {
  description: 'A relationship between two entities, by their keys.',
  fields: (t) => ({
    type: t.field({ type: RelationshipTypeEnum, required: true, description: 'The kind of relationship.' }),
    from: t.string({ required: true, description: 'Key of the entity it starts from.' }),
    to: t.string({ required: true, description: 'Key of the entity it leads to.' }),
    properties: t.field({ type: LinkPropertiesInput, description: 'Its properties; on an existing relationship, only those given change.' }),
  }),
});

interface LinkResult {
  status: WriteStatus | 'removed';
  type: RelationshipType;
  from: Entity;
  to: Entity;
}

const LinkPayload = builder.objectRef<LinkResult>('LinkPayload').implement({
  description: 'The result of making or removing a relationship, with both ends as they now are.',
  fields: (t) => ({
    status: t.field({ type: WriteStatusEnum, nullable: true, description: 'What linking did; null when the relationship was removed.', resolve: (result) => (result.status === 'removed' ? null : result.status) }),
    removed: t.boolean({ description: 'Whether a relationship was removed.', resolve: (result) => result.status === 'removed' }),
    type: t.field({ type: RelationshipTypeEnum, description: 'The kind of relationship.', resolve: (result) => result.type }),
    from: t.field({ type: EntityRef, description: 'Where it starts.', resolve: (result) => result.from }),
    to: t.field({ type: EntityRef, description: 'Where it leads.', resolve: (result) => result.to }),
  }),
});

builder.mutationField('link', (t) =>
  t.field({
    type: LinkPayload,
    description: 'Makes a relationship between two entities, or updates its properties: one relationship per type and pair. A key that names nothing, or ends the model does not join, is BAD_USER_INPUT naming the field.',
    args: { input: t.arg({ type: LinkInput, required: true, description: 'The relationship.' }) },
    resolve: async (_root, args, context) => {
      const record = validateRelationshipRecord(args.input.type, args.input.from, args.input.to, args.input.properties ?? {}, 'input');
      const status = await writesOf(context).record('link', record);
      return { status, type: record.type, from: await freshEntity(context, record.from), to: await freshEntity(context, record.to) };
    },
  }),
);

builder.mutationField('unlink', (t) =>
  t.field({
    type: LinkPayload,
    description: 'Removes a relationship between two entities; the change is kept in the history of the entity it starts from. NOT_FOUND when there is none.',
    args: { input: t.arg({ type: LinkInput, required: true, description: 'The relationship; properties are ignored.' }) },
    resolve: async (_root, args, context) => {
      const record = validateRelationshipRecord(args.input.type, args.input.from, args.input.to, {}, 'input');
      const removed = await writesOf(context).unlink(record);
      if (!removed) throw new ClientError(ErrorCode.NOT_FOUND, `There is no ${record.type} from "${record.from}" to "${record.to}".`);
      return { status: 'removed' as const, type: record.type, from: await freshEntity(context, record.from), to: await freshEntity(context, record.to) };
    },
  }),
);
