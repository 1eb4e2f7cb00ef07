import { print, type GraphQLResolveInfo } from 'graphql';
import { Repeater } from 'graphql-yoga';
import type { Neo4jGateway } from '../db/gateway';
import { Loaders } from '../read/loaders';
import type { Context } from '../server/context';
import type { LiveFeed, Wake } from '../server/live';
import { maxPageSize } from './pagination';

/**
 * The stream of a subscription, and the reads that subscriptions share. Subscriptions that read
 * alike (`readAlike`: the same field, filter and selection) form one shared feed: it listens to
 * wake-ups once, reads each wake-up's keys once (through a gateway view that belongs to no
 * request) and hands the changes to every member, so a write costs one read per distinct
 * subscription, not one per subscriber. Each member keeps what is its own: its replay from
 * `since`/`after` (through its request's gateway and bookmarks), which changes it keeps, the
 * changes it sent (each once), and its execution (field authorisation) of each message.
 */

/** How far back a resync reads from the last change sent: a write's record time precedes its commit by at most its transaction's time. */
const resyncMarginMs = 60_000;
/** Changes remembered per subscription to send each once; older ones fall outside any resync. */
const rememberedChanges = 10_000;
/** Changes a member may have waiting; a client slower than that reads again for itself from its last change. */
const maxWaiting = 1_000;

/** One message of a feed: what changed (`key`), when, and where it lies in the feed. */
export interface FeedItem {
  key: string;
  /** The change's record time (ISO, UTC, to the millisecond). */
  recordedAt: string;
  cursor: string;
}

/** What a subscription reads: the changes after a point (replay, resync), or those of some keys (live). */
export interface Window {
  keys?: string[];
  since?: string | null;
  after?: string | null;
}

export type PageReader<T extends FeedItem> = (window: Window, db: Neo4jGateway) => Promise<{ changes: T[]; hasNextPage: boolean; endCursor: string | null }>;

/** A subscription as its shared feed sees it. */
interface Member<T extends FeedItem> {
  /** Changes read for it, with the loaders its messages resolve through; `after` (ms): a resync's, only those later. */
  offer(changes: T[], loaders: Loaders, after?: number): void;
  fail(error: unknown): void;
  /** Where a resync starts for it (ms): a margin before its last change. */
  resyncFrom(): number;
}

/** Every page of a window, in order. */
async function eachPage<T extends FeedItem>(read: PageReader<T>, db: Neo4jGateway, window: Window, take: (changes: T[]) => Promise<void> | void, stopped: () => boolean) {
  let after = window.after;
  for (;;) {
    const page = await read({ ...window, after }, db);
    await take(page.changes);
    if (!page.hasNextPage || stopped()) return;
    after = page.endCursor;
  }
}

/** The subscriptions that read alike, one listener and one read per wake-up for all of them. */
class SharedFeed<T extends FeedItem> {
  readonly members = new Set<Member<T>>();
  private readonly pendingKeys = new Set<string>();
  private resync = false;
  private reading = false;
  private readonly stopListening: () => void;

  constructor(
    live: LiveFeed,
    private readonly db: Neo4jGateway,
    private readonly read: PageReader<T>,
  ) {
    this.stopListening = live.listen((wake: Wake) => {
      if ('resync' in wake) this.resync = true;
      else for (const key of wake.keys) this.pendingKeys.add(key);
      void this.readWhatChanged();
    });
  }

  close() {
    this.stopListening();
  }

  private async readWhatChanged() {
    if (this.reading) return;
    this.reading = true;
    try {
      while ((this.resync || this.pendingKeys.size > 0) && this.members.size > 0) {
        // Fresh loaders per read: a message's fields that load resolve once for all members, and afresh next time.
        const loaders = new Loaders(this.db);
        if (this.resync) {
          this.resync = false;
          this.pendingKeys.clear();
          const from = new Map([...this.members].map((member) => [member, member.resyncFrom()]));
          const since = new Date(Math.min(...from.values())).toISOString();
          await eachPage(this.read, this.db, { since }, (changes) => from.forEach((after, member) => this.members.has(member) && member.offer(changes, loaders, after)), () => this.members.size === 0);
          continue;
        }
        const keys = [...this.pendingKeys];
        this.pendingKeys.clear();
        for (let index = 0; index < keys.length; index += maxPageSize) {
          await eachPage(this.read, this.db, { keys: keys.slice(index, index + maxPageSize) }, (changes) => this.members.forEach((member) => member.offer(changes, loaders)), () => this.members.size === 0);
        }
      }
    } catch (error) {
      for (const member of this.members) member.fail(error);
    } finally {
      this.reading = false;
    }
  }
}

/** The shared feeds of each live feed (one per service instance), by what their members read. */
const sharedFeeds = new WeakMap<LiveFeed, Map<string, SharedFeed<FeedItem>>>();

/** Joins the shared feed of subscriptions that read alike (made if it is the first); the returned function leaves it (closed with its last member). */
function join<T extends FeedItem>(context: Context, alike: string, read: PageReader<T>, member: Member<T>): () => void {
  let feeds = sharedFeeds.get(context.live);
  if (!feeds) sharedFeeds.set(context.live, (feeds = new Map()));
  let feed = feeds.get(alike) as SharedFeed<T> | undefined;
  if (!feed) {
    feed = new SharedFeed(context.live, context.sharedDb, read);
    feeds.set(alike, feed as unknown as SharedFeed<FeedItem>);
    context.live.counts.shared += 1;
  }
  feed.members.add(member);
  const joined = feed;
  return () => {
    if (!joined.members.delete(member) || joined.members.size > 0) return;
    joined.close();
    feeds.delete(alike);
    context.live.counts.shared -= 1;
  };
}

/**
 * What makes two subscriptions read alike: the field, its arguments but where it resumes from
 * and which kinds of change it keeps (`own`), and its selection with the fragments and variables
 * it may use. Nothing of the principal: reads do not depend on it (scopes are checked per member,
 * at subscribing and on each message's fields); a subscription cannot take `@perspective`.
 */
export function readAlike(info: GraphQLResolveInfo, args: Record<string, unknown>, own: readonly string[]): string {
  const ownVariables = new Set(
    info.fieldNodes.flatMap((node) => (node.arguments ?? []).filter((argument) => own.includes(argument.name.value) && argument.value.kind === 'Variable').map((argument) => (argument.value as { name: { value: string } }).name.value)),
  );
  return JSON.stringify([
    info.fieldName,
    Object.entries(args).filter(([name]) => !own.includes(name)),
    info.fieldNodes.map((node) => (node.selectionSet ? print(node.selectionSet) : '')),
    Object.keys(info.fragments).sort().map((name) => print(info.fragments[name]!)),
    Object.entries(info.variableValues).filter(([name]) => !ownVariables.has(name)).sort(([a], [b]) => a.localeCompare(b)),
  ]);
}

/**
 * The stream of one subscription: counted against the client's cap, in its shared feed before it
 * replays so nothing falls between replay and live, sending each change once and only the newest
 * of a key, and cleaned up (its place in the feed, its count) as soon as the client goes.
 */
export function changeStream<T extends FeedItem>(
  context: Context,
  start: { since?: string | null; after?: string | null },
  subscription: { alike: string; read: PageReader<T>; keep?: (item: T) => boolean },
): AsyncIterable<T> {
  const { read, keep = () => true } = subscription;
  const release = context.live.open(context.client);
  return new Repeater<T>(async (push, stop) => {
    const waiting: { change: T; loaders: Loaders }[] = [];
    let behind = false;
    let failure: { error: unknown } | undefined;
    let wakeUp: (() => void) | undefined;
    const sent = new Map<string, FeedItem>();
    let lastRecordedAt: string | undefined;
    const leave = join(context, subscription.alike, read, {
      offer(changes, loaders, after) {
        if (behind) return;
        const taken = after === undefined ? changes : changes.filter((change) => Date.parse(change.recordedAt) > after);
        if (waiting.length + taken.length > maxWaiting) {
          waiting.length = 0;
          behind = true;
        } else if (taken.length > 0) for (const change of taken) waiting.push({ change, loaders });
        else return;
        wakeUp?.();
      },
      fail(error) {
        failure = { error };
        wakeUp?.();
      },
      resyncFrom: () => (lastRecordedAt ? Date.parse(lastRecordedAt) : Date.now()) - resyncMarginMs,
    });
    let stopped = false;
    // Released as soon as the client goes (its request is aborted), whatever the reading in flight is doing:
    // a cancelled event stream reaches the iterator only with its next message or keep-alive.
    const signal = context.request.signal as AbortSignal | undefined;
    const onAbort = () => void stop();
    signal?.addEventListener('abort', onAbort, { once: true });
    void stop.then(() => {
      signal?.removeEventListener('abort', onAbort);
      stopped = true;
      leave();
      release();
      wakeUp?.();
    });
    const send = async (change: T) => {
      const earlier = sent.get(change.key);
      // Sent already, or a newer state of it was (a replay reads after the shared feed may have).
      if (earlier && (earlier.cursor === change.cursor || earlier.recordedAt > change.recordedAt)) return;
      sent.delete(change.key);
      sent.set(change.key, change);
      if (sent.size > rememberedChanges) sent.delete(sent.keys().next().value!);
      if (!lastRecordedAt || change.recordedAt > lastRecordedAt) lastRecordedAt = change.recordedAt;
      if (!keep(change)) return;
      context.live.counts.messages += 1;
      await push(change);
    };
    // Its own reads (replay, catching up): through its request's gateway, with its bookmarks.
    const readOwn = async (window: Window) => {
      context.loaders = new Loaders(context.db);
      await eachPage(read, context.db, window, async (changes) => {
        for (const change of changes) {
          if (stopped) return;
          await send(change);
        }
      }, () => stopped);
    };
    try {
      if (start.since || start.after) await readOwn(start);
      while (!stopped) {
        if (waiting.length === 0 && !behind && !failure) await new Promise<void>((resolve) => (wakeUp = resolve));
        wakeUp = undefined;
        if (stopped) break;
        if (failure) throw failure.error;
        if (behind) {
          behind = false;
          await readOwn({ since: new Date((lastRecordedAt ? Date.parse(lastRecordedAt) : Date.now()) - resyncMarginMs).toISOString() });
          continue;
        }
        const next = waiting.shift();
        if (!next) continue;
        const { change, loaders } = next;
        // A long-lived subscription reads afresh each time: its message's fields resolve through the loaders of the read that found it.
        context.loaders = loaders;
        await send(change);
      }
    } catch (error) {
      await stop(error);
    } finally {
      leave();
      release();
    }
  });
}
