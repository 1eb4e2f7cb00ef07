import type { BuilderTypes } from './builder';
import { loadEntitiesByKey, relationText, type Entity, type Related } from './entity';
import { SourceRef } from './refs';
import type { FieldReads } from './scalar-fields';
import type { Context } from '../server/context';

/**
 * The Source a key cites, read through the request's entity loader: one batched round trip for
 * every citation of a response. Null when the key names no Source (the key still shows it).
 */
export async function citedSource(context: Context, key: string | null): Promise<Entity | null> {
  if (!key) return null;
  const entity = await context.loaders.load<string, Entity>('entities.by-key', loadEntitiesByKey, key).catch(() => null);
  return entity?.typename === 'Source' ? entity : null;
}

/** The field name of the Source that a `…SourceKey` property cites: `basisSourceKey` → `basisSource`. */
export const citedSourceField = (keyProperty: string) => keyProperty.replace(/Key$/, '');

/**
 * A relationship row's `…SourceKey` property, as its key and as the Source itself (kind,
 * reliability, title: what a reader weighs the fact by).
 */
export function relationSourceFields(t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Related>, keyProperty: string, description: string) {
  return {
    [keyProperty]: t.string({ nullable: true, description: `Key of ${description}.`, resolve: (row) => relationText(row, keyProperty) }),
    [citedSourceField(keyProperty)]: t.field({
      type: SourceRef,
      nullable: true,
      description: `${description.charAt(0).toUpperCase()}${description.slice(1)}, with its kind and reliability.`,
      extensions: { computed: [keyProperty] } satisfies FieldReads,
      resolve: (row, _args, context) => citedSource(context, relationText(row, keyProperty)),
    }),
  };
}

/** A relationship's basis (`basisSourceKey`, as a key and as the Source) and the recorder's note on it. */
export function basisFields(t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Related>) {
  return {
    ...relationSourceFields(t, 'basisSourceKey', 'the source this rests on'),
    note: t.string({ nullable: true, description: "The recorder's note.", resolve: (row) => relationText(row, 'note') }),
  };
}
