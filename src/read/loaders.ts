import DataLoader from 'dataloader';
import type { Neo4jGateway } from '../db/gateway';

export type BatchLoad<K, V> = (keys: readonly K[], db: Neo4jGateway) => Promise<(V | Error)[]>;

/**
 * The request's DataLoaders, created on first use and kept for the request only. A loader is
 * named by what it loads and by the options that change its answer (for example `asOf`), so
 * sibling fields with the same options share one batch: one round trip per level of the query.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown, string>>();

  constructor(private readonly db: Neo4jGateway) {}

  load<K, V>(name: string, batch: BatchLoad<K, V>, key: K): Promise<V> {
    let loader = this.loaders.get(name) as DataLoader<K, V, string> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V, string>((keys) => batch(keys, this.db), {
        cacheKeyFn: (value) => (typeof value === 'string' ? value : JSON.stringify(value)),
      });
      this.loaders.set(name, loader as DataLoader<unknown, unknown, string>);
    }
    return loader.load(key);
  }
}

/** Orders batch results by the requested keys, with an error for each key that found nothing. */
export function inKeyOrder<K, V>(
  keys: readonly K[],
  found: Map<K, V>,
  missing: (key: K) => Error,
): (V | Error)[] {
  return keys.map((key) => found.get(key) ?? missing(key));
}

/** Orders one-to-many batch results by key: a key with no rows gets an empty list. */
export function groupedInKeyOrder<K, V>(keys: readonly K[], rows: { key: K; value: V }[]): V[][] {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const group = groups.get(row.key);
    if (group) group.push(row.value);
    else groups.set(row.key, [row.value]);
  }
  return keys.map((key) => groups.get(key) ?? []);
}
