import neo4j from 'neo4j-driver';
import { builder } from './builder';
import { fullTextIndexOf } from '../model';
import { claimFilterQuery, eventFilterQuery, type ClaimFilterValues, type EventFilterValues } from '../read/filters';
import { Conditions } from '../read/conditions';
import { ClaimFilter } from './claim';
import { EventFilter } from './event';
import { ClaimRef, EntityRef, EventRef } from './refs';
import { changedAt, decodeChangeCursor, encodeChangeCursor, maxPageSize, readPage, type Connection, type ListQuery } from './pagination';
import { loadEntitiesByKey, type Entity } from './entity';
import { changeStream, readAlike, type FeedItem, type PageReader, type Window } from './live-stream';
import type { Neo4jGateway } from '../db/gateway';
import { ClientError, ErrorCode } from '../server/errors';

/**
 * Subscriptions: changes to claims and events, and merges, as they are recorded. A write
 * publishes the keys it touched once it has committed (`src/server/live.ts`); the subscriptions
 * that read alike read those keys once, through the list's own filter and read path (`readPage`,
 * its nested reads planned from the selection; `src/graphql/live-stream.ts` shares the read), so
 * a message carries what the subscriber selected and only what its filter admits. `since` or
 * `after` first replay the record-time sync of the list (CHANGED_ASC), then the feed goes live; a
 * change is sent once across that seam (and across resyncs after Redis came back), by its change
 * cursor.
 */

/** The arguments that are each subscription's own: where it resumes from, which kinds it keeps. */
const ownArguments = ['since', 'after', 'changes'];

interface Change extends FeedItem {
  entity: Entity;
}

/** The changes of a list page, with their cursors and record times. */
function changesOf(connection: Connection<Entity>) {
  return {
    changes: connection.edges.map(({ node, cursor }): Change => ({ key: node.key, entity: node, cursor, recordedAt: String(node.properties.updatedAt ?? node.properties.recordedAt) })),
    hasNextPage: connection.pageInfo.hasNextPage,
    endCursor: connection.pageInfo.endCursor,
  };
}

/** A list query restricted to a window of record time or to keys, in change order. */
function windowed(query: Omit<ListQuery, 'orderBy'>, window: Window): ListQuery {
  query.conditions
    .when('liveKeys', window.keys, 'n.key IN $liveKeys')
    .when('liveSince', window.since, `${changedAt('n')} > datetime($liveSince)`);
  return { ...query, orderBy: 'changed', alsoRead: ['recordedAt', 'updatedAt', ...(query.alsoRead ?? [])] };
}

/** A list's text search ranks by relevance, not by change: a feed cannot follow it. */
function refuseText(filter: { text?: string | null } | null | undefined) {
  if (filter?.text) {
    throw new ClientError(ErrorCode.BAD_USER_INPUT, 'filter.text: a subscription follows changes in record order and cannot search text; filter by the other fields.', { extensions: { argument: 'filter.text' } });
  }
}

const ClaimChangeKind = builder.enumType('ClaimChangeKind', {
  description: 'What happened to a claim.',
  values: {
    RECORDED: { description: 'It was recorded.' },
    CHANGED: { description: 'Its properties, sources or links changed.' },
    RANKED: { description: 'Its rank changed (setClaimRank): preferred, normal, or deprecated (retracted).' },
    SUPERSEDED: { description: 'A later claim replaced it: it is deprecated, with reason SUPERSEDED.' },
  } as const,
});

const EventChangeKind = builder.enumType('EventChangeKind', {
  description: 'What happened to an event.',
  values: { CREATED: { description: 'It was recorded.' }, CHANGED: { description: 'Its properties or relationships changed.' } } as const,
});

type ClaimChangeKindValue = 'RECORDED' | 'CHANGED' | 'RANKED' | 'SUPERSEDED';

/** The kind of a claim's change, from what the claim records of it (the same in a replay as live). */
function claimChangeKind(properties: Entity['properties']): ClaimChangeKindValue {
  const changed = properties.updatedAt ?? properties.recordedAt;
  if (changed === properties.recordedAt) return 'RECORDED';
  if (properties.rankedAt !== changed) return 'CHANGED';
  return properties.rank === 'DEPRECATED' && properties.rankReason === 'SUPERSEDED' ? 'SUPERSEDED' : 'RANKED';
}

const ClaimChangeRef = builder.objectRef<Change>('ClaimChange').implement({
  description: 'A change of a claim, as it was recorded.',
  fields: (t) => ({
    change: t.field({ type: ClaimChangeKind, description: 'What happened.', resolve: (change) => claimChangeKind(change.entity.properties) }),
    claim: t.field({ type: ClaimRef, description: 'The claim as it is after the change.', resolve: (change) => change.entity }),
    recordedAt: t.field({ type: 'DateTime', description: 'When the change was recorded (record time): `since` resumes after it.', resolve: (change) => change.recordedAt }),
    cursor: t.string({ description: 'Where this change lies in the feed: `after` resumes exactly after it (also a cursor of `claims(orderBy: CHANGED_ASC)`).', resolve: (change) => change.cursor }),
  }),
});

const EventChangeRef = builder.objectRef<Change>('EventChange').implement({
  description: 'A change of an event, as it was recorded.',
  fields: (t) => ({
    change: t.field({ type: EventChangeKind, description: 'What happened.', resolve: (change) => ((change.entity.properties.updatedAt ?? change.entity.properties.recordedAt) === change.entity.properties.recordedAt ? 'CREATED' : 'CHANGED') }),
    event: t.field({ type: EventRef, description: 'The event as it is after the change.', resolve: (change) => change.entity }),
    recordedAt: t.field({ type: 'DateTime', description: 'When the change was recorded (record time): `since` resumes after it.', resolve: (change) => change.recordedAt }),
    cursor: t.string({ description: 'Where this change lies in the feed: `after` resumes exactly after it (also a cursor of `events(orderBy: CHANGED_ASC)`).', resolve: (change) => change.cursor }),
  }),
});

interface Merge extends FeedItem {
  survivor: string;
}

const EntityMergeRef = builder.objectRef<Merge>('EntityMerge').implement({
  description: 'Two records of one entity merged (mergeEntities): the retired key now leads to the survivor.',
  fields: (t) => ({
    survivor: t.field({
      type: EntityRef,
      description: 'The entity that remains, as it is now (its formerKeys name the records merged into it).',
      resolve: (merge, _args, context) => context.loaders.load<string, Entity>('entities.by-key', loadEntitiesByKey, merge.survivor),
    }),
    retiredKey: t.string({ description: 'The key of the record merged into it; it resolves to the survivor.', resolve: (merge) => merge.key }),
    recordedAt: t.field({ type: 'DateTime', description: 'When the merge was recorded: `since` resumes after it.', resolve: (merge) => merge.recordedAt }),
    cursor: t.string({ description: 'Where this merge lies in the feed: `after` resumes exactly after it.', resolve: (merge) => merge.cursor }),
  }),
});

builder.subscriptionType({
  description:
    'Changes as they are recorded, over Server-Sent Events or WebSockets (graphql-ws), on this instance and, with REDIS_URL, on every other. `since` (or a message\'s `cursor` as `after`) first replays what was recorded after it, then the feed goes live: a client that reconnects with its last message loses nothing and gets nothing twice.',
  authScopes: { read: true },
});

const resumeArgs = {
  since: 'Replay first what was recorded after this instant (record time), then go live.',
  after: "Replay first what was recorded after this message's `cursor`, then go live: resumes exactly where a client left off.",
};

builder.subscriptionField('claimChanged', (t) =>
  t.field({
    type: ClaimChangeRef,
    description: 'Claims recorded, changed, ranked (retracted or deprecated) or superseded, that match the filter (the `claims` list\'s, without text); deprecated claims included, as in a sync.',
    args: {
      filter: t.arg({ type: ClaimFilter, description: 'Conditions on the claims, as for `claims`; `text` is refused.' }),
      changes: t.arg({ type: [ClaimChangeKind], description: 'Only these kinds of change; all by default.' }),
      since: t.arg({ type: 'DateTime', description: resumeArgs.since }),
      after: t.arg.string({ description: resumeArgs.after }),
    },
    subscribe: (_root, args, context, info) => {
      const filter = (args.filter ?? {}) as ClaimFilterValues;
      refuseText(filter);
      if (args.after) decodeChangeCursor(args.after);
      const kinds = args.changes?.length ? new Set<string>(args.changes) : undefined;
      return changeStream(context, args, {
        alike: readAlike(info, args, ownArguments),
        read: async (window, db) => {
          const { conditions, start } = claimFilterQuery(filter, { orderBy: 'CHANGED_ASC' });
          const query = windowed({ label: 'Claim', fullTextIndex: fullTextIndexOf.Claim, start, conditions, info, entityAt: ['claim'], alsoRead: ['rank', 'rankReason', 'rankedAt'] }, window);
          return changesOf(await readPage(db, 'claims.live', query, { first: maxPageSize, after: window.after }));
        },
        keep: (change) => !kinds || kinds.has(claimChangeKind(change.entity.properties)),
      });
    },
    resolve: (change) => change,
  }),
);

builder.subscriptionField('eventChanged', (t) =>
  t.field({
    type: EventChangeRef,
    description: "Events recorded or changed that match the filter (the `events` list's, without text).",
    args: {
      filter: t.arg({ type: EventFilter, description: 'Conditions on the events, as for `events`; `text` is refused.' }),
      since: t.arg({ type: 'DateTime', description: resumeArgs.since }),
      after: t.arg.string({ description: resumeArgs.after }),
    },
    subscribe: (_root, args, context, info) => {
      const filter = (args.filter ?? {}) as EventFilterValues;
      refuseText(filter);
      if (args.after) decodeChangeCursor(args.after);
      return changeStream(context, args, {
        alike: readAlike(info, args, ownArguments),
        read: async (window, db) => {
          const { conditions, start } = eventFilterQuery(filter);
          const query = windowed({ label: 'Event', fullTextIndex: fullTextIndexOf.Event, start, conditions, info, entityAt: ['event'] }, window);
          return changesOf(await readPage(db, 'events.live', query, { first: maxPageSize, after: window.after }));
        },
      });
    },
    resolve: (change) => change,
  }),
);

builder.subscriptionField('entityMerged', (t) =>
  t.field({
    type: EntityMergeRef,
    description: 'Merges of two records of one entity (mergeEntities).',
    args: {
      since: t.arg({ type: 'DateTime', description: resumeArgs.since }),
      after: t.arg.string({ description: resumeArgs.after }),
    },
    subscribe: (_root, args, context, info) => {
      if (args.after) decodeChangeCursor(args.after);
      return changeStream(context, args, { alike: readAlike(info, args, ownArguments), read: readMerges });
    },
    resolve: (merge) => merge,
  }),
);

/** Merges as their redirects record them, in record order; through the same change cursors as the lists. */
async function readMerges(window: Window, db: Neo4jGateway): ReturnType<PageReader<Merge>> {
  const after = window.after ? decodeChangeCursor(window.after) : undefined;
  const conditions = new Conditions()
    .when('keys', window.keys, '(r.key IN $keys OR s.key IN $keys)')
    .when('since', window.since, 'r.recordedAt > datetime($since)');
  if (after) conditions.add('(r.recordedAt > datetime($afterChanged) OR (r.recordedAt = datetime($afterChanged) AND r.key > $afterKey))', { afterChanged: after.changed, afterKey: after.key });
  const rows = await db.read<{ retired: string; survivor: string; at: string }>(
    'merges.live',
    `MATCH (r:Redirect)-[:REDIRECTS_TO]->(s)${conditions.where}
     RETURN r.key AS retired, s.key AS survivor, toString(r.recordedAt) AS at ORDER BY r.recordedAt, r.key LIMIT $limit`,
    { ...conditions.parameters, limit: neo4j.int(maxPageSize + 1) },
  );
  const merges = rows.slice(0, maxPageSize).map((row): Merge => ({ key: row.retired, survivor: row.survivor, recordedAt: new Date(row.at).toISOString(), cursor: encodeChangeCursor(row.at, row.retired) }));
  return { changes: merges, hasNextPage: rows.length > maxPageSize, endCursor: merges.at(-1)?.cursor ?? null };
}
