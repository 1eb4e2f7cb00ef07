/**
 * `npm run example:consumer -- [--latitude 50.48 --longitude 35.67 --within-km 50 --from 2023-01-01 --page-size 20]`:
 * pages through the events at places near a point, still going on at or after a day, oldest
 * first, following the cursors, and prints one tab-separated line per event (start, key, name, places).
 */
import { parseArgs } from 'node:util';
import { runAsScript, type Request } from '../client';
import { EventsNearDocument, type EventsNearQuery, type EventsNearQueryVariables } from '../generated/graphql';

export type EventNear = EventsNearQuery['events']['edges'][number]['node'];

/** Every event the filter selects, a page (one request) at a time. */
export async function* eventsNear(request: Request, variables: Omit<EventsNearQueryVariables, 'after'>): AsyncGenerator<EventNear> {
  let after: string | null = null;
  for (;;) {
    const { events }: EventsNearQuery = await request(EventsNearDocument, { ...variables, after });
    for (const edge of events.edges) yield edge.node;
    if (!events.pageInfo.hasNextPage) return;
    after = events.pageInfo.endCursor ?? null;
  }
}

export const eventLine = (event: EventNear) =>
  [event.startDate ?? '', event.key, event.name, event.places.map((entry) => entry.place.name).join(', ')].join('\t');

/** The command line's options, with the seeded border area (around Grayvoron) by default. */
export function consumerVariables(args: string[]): Omit<EventsNearQueryVariables, 'after'> {
  const { values } = parseArgs({
    args,
    options: {
      latitude: { type: 'string', default: '50.4833' },
      longitude: { type: 'string', default: '35.6667' },
      'within-km': { type: 'string', default: '50' },
      from: { type: 'string', default: '2023-01-01' },
      'page-size': { type: 'string', default: '20' },
    },
  });
  const number = (name: keyof typeof values) => {
    const value = Number(values[name]);
    if (!Number.isFinite(value)) throw new Error(`--${name} must be a number, not ${values[name]}`);
    return value;
  };
  return { latitude: number('latitude'), longitude: number('longitude'), withinKm: number('within-km'), from: values.from, first: number('page-size') };
}

export async function runConsumer(args: string[], request: Request, print: (line: string) => void) {
  let count = 0;
  for await (const event of eventsNear(request, consumerVariables(args))) {
    print(eventLine(event));
    count += 1;
  }
  return count;
}

runAsScript(import.meta.url, (args, request, print) => runConsumer(args, request, print).then((count) => `${count} event(s)`));
