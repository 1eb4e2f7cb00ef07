import { toPlain } from '../db/values';
import { builder } from './builder';
import { listBound, maxPageSize } from './pagination';
import { relationField, relationPageArg } from './relations';
import { relation, wholeItems } from '../read/relation';
import { EntityRef } from './refs';

interface Revision {
  at: string;
  by: string;
  operation: string;
  changed: string[];
  values: string | null;
}

const RevisionRef = builder.objectRef<Revision>('Revision').implement({
  description: 'One change to an entity: who made it, when, and what it wrote.',
  fields: (t) => ({
    at: t.field({ type: 'DateTime', description: 'Record time of the change.', resolve: (revision) => revision.at }),
    by: t.string({ description: 'The principal that made it: "key:<name>", "jwt:<subject>", "import:<bundle>".', resolve: (revision) => revision.by }),
    operation: t.string({
      description: 'ENTITY_CREATED, ENTITY_UPDATED, <RELATIONSHIP>_CREATED / _UPDATED / _DELETED (on the entity it starts from) or MERGED.',
      resolve: (revision) => revision.operation,
    }),
    changed: t.stringList({ description: 'Names of the properties that changed.', extensions: listBound(maxPageSize), resolve: (revision) => revision.changed }),
    values: t.string({ nullable: true, description: 'What was written, as JSON (for MERGED: every property of the retired record).', resolve: (revision) => revision.values }),
  }),
});

const entityHistory = relation<Revision>({
  tag: 'entity.history',
  from: 'Entity',
  match: (scope, start) => `MATCH (${start})<-[:REVISES]-(revision:Revision) WHERE ${scope.param('asOf')} IS NULL OR revision.at <= datetime(${scope.param('asOf')})`,
  value: () => 'properties(revision)',
  order: 'revision.at DESC',
  nesting: { selection: wholeItems },
  map: (value) => toPlain(value) as unknown as Revision,
  parameters: {},
});

builder.interfaceField(EntityRef, 'history', (t) =>
  t.field({
    type: [RevisionRef],
    description: 'Its changes since it was recorded, newest first: every write through the API or an import leaves one.',
    args: relationPageArg(t.arg),
    ...relationField(() => entityHistory),
  }),
);
