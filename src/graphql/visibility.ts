import type { ArgBuilder } from '@pothos/core';
import type { BuilderTypes } from './builder';
import type { Conditions } from '../read/conditions';
import { changedAt } from './pagination';

/** The `asOf` argument of every list: record time, which the relationships below the list inherit. */
export const asOfArg = (t: ArgBuilder<BuilderTypes>) =>
  t({ type: 'DateTime', description: 'What the graph knew at this instant (record time); by default now, or the asOf of the list above.' });

/** The arguments of every field that lists claims: deprecated ones hidden unless asked for, and a record time. */
export const claimVisibilityArgs = (t: ArgBuilder<BuilderTypes>) => ({
  includeDeprecated: t.boolean({ defaultValue: false, description: 'Include deprecated (retracted or superseded) claims.' }),
  asOf: asOfArg(t),
});

/** The values of `claimVisibilityArgs`. */
export interface ClaimVisibility {
  includeDeprecated?: boolean | null;
  asOf?: string | null;
}

/**
 * The record-time filters of every list, for keeping a copy in sync (README, "Keeping a copy in
 * sync"): with `orderBy: CHANGED_ASC`, `updatedSince` and the last page's cursor.
 */
export const recordTimeFilterFields = (t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>) => ({
  recordedSince: t.field({ type: 'DateTime', description: 'Only those recorded at or after this instant (record time).' }),
  recordedUntil: t.field({ type: 'DateTime', description: 'Only those recorded before this instant (record time).' }),
  updatedSince: t.field({
    type: 'DateTime',
    description:
      'Only those recorded or changed at or after this instant (record time). A merge is a change of the survivor, whose formerKeys name the records merged into it; a retraction is a change of the claim (rank DEPRECATED).',
  }),
});

export interface RecordTimeFilter {
  recordedSince?: string | null;
  recordedUntil?: string | null;
  updatedSince?: string | null;
}

export const recordTimeConditions = (conditions: Conditions, filter: RecordTimeFilter) =>
  conditions
    .when('recordedSince', filter.recordedSince, 'n.recordedAt >= datetime($recordedSince)')
    .when('recordedUntil', filter.recordedUntil, 'n.recordedAt < datetime($recordedUntil)')
    .when('updatedSince', filter.updatedSince, `${changedAt('n')} >= datetime($updatedSince)`);

/** The value of every list's order that a sync uses. */
export const changedOrderValue = {
  CHANGED_ASC: {
    description:
      'By record time of the last change (update, else recording), oldest first, then key: for keeping a copy in sync. Its cursors are the last item\'s change, so a later call with `after` gets each later change once; it pages forward only, and totalCount counts what follows `after`.',
  },
} as const;
