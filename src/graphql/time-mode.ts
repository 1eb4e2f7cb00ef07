import type { TimeMode as Mode } from '../read/conditions';
import { builder } from './builder';

/** How the time filters of a list compare its items' dates, each an interval from its precision. */
export const TimeMode = builder.enumType('TimeMode', {
  description:
    "How a list's time filters read dates that are less precise than a day (a week, a month, a range): each date is the interval from its Earliest to its Latest day.",
  values: {
    OVERLAPS: { description: 'Items whose interval may fall in the asked period: a date of the week of 11 March overlaps 14 March (the default).' },
    WITHIN: { description: 'Items whose interval lies certainly inside the asked period: the week of 11 March is within 11–17 March, not within 14 March.' },
  } as const satisfies Record<Mode, { description: string }>,
});
