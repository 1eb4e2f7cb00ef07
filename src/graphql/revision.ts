import { toPlain, type Plain } from '../db/values';
import { revisionBeforePrefix } from '../model';
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
  keepsBefore?: boolean;
  /** And the values before, as `before_<name>` (`revisionBeforePrefix`). */
  [before: string]: Plain | undefined;
}

interface Change {
  property: string;
  before: Plain;
  after: Plain;
  beforeKnown: boolean;
}

/** What a value was written as, from a revision's `values` (JSON of what the write wrote). */
function written(revision: Revision): Record<string, Plain> {
  try {
    const values = JSON.parse(revision.values ?? '{}') as unknown;
    return values !== null && typeof values === 'object' && !Array.isArray(values) ? (values as Record<string, Plain>) : {};
  } catch {
    return {};
  }
}

const ChangeRef = builder.objectRef<Change>('RevisionChange').implement({
  description: 'One property a revision changed: its value before and after, each as JSON.',
  fields: (t) => ({
    property: t.string({ description: 'The property.', resolve: (change) => change.property }),
    before: t.string({
      nullable: true,
      description: 'Its value before the change, as JSON; null when it had none, or when the revision did not keep it (beforeKnown).',
      resolve: (change) => (change.before === null ? null : JSON.stringify(change.before)),
    }),
    after: t.string({ nullable: true, description: 'Its value after the change, as JSON; null when the change removed it.', resolve: (change) => (change.after === null ? null : JSON.stringify(change.after)) }),
    beforeKnown: t.boolean({ description: 'Whether the revision kept the value before: updates recorded before revisions kept them did not.', resolve: (change) => change.beforeKnown }),
  }),
});

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
    changes: t.field({
      type: [ChangeRef],
      description: 'Each changed property, before → after.',
      extensions: listBound(maxPageSize),
      resolve: (revision) => {
        const after = written(revision);
        const beforeKnown = revision.keepsBefore === true;
        return revision.changed.map((property) => ({
          property,
          before: beforeKnown ? (revision[`${revisionBeforePrefix}${property}`] ?? null) : null,
          after: after[property] ?? null,
          beforeKnown,
        }));
      },
    }),
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
