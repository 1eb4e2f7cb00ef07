import type { ArgBuilder } from '@pothos/core';
import type { BuilderTypes } from './builder';

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
