/**
 * The service as an Apollo Federation v2 subgraph (served at /subgraph; /graphql stays the plain
 * schema): every entity type is an entity keyed by its stable `key`, or by its global `id`.
 * Another subgraph refers to a place or a claim by key, and the gateway resolves its fields here
 * through `_entities`, whose representations are loaded by the request's loader by key: one
 * Cypher round trip for any number of them.
 */
import { builder } from './builder';
import { decodeGlobalId } from './global-id';
import { findEntity } from './relations';
import type { EntityTypeName } from './entity';
import { ClaimRef, EquipmentRef, EventRef, OrganizationRef, PersonRef, PlaceRef, SourceRef, UnitRef } from './refs';

const entityRefs: [typeof UnitRef, EntityTypeName][] = [
  [UnitRef, 'Unit'],
  [PersonRef, 'Person'],
  [OrganizationRef, 'Organization'],
  [PlaceRef, 'Place'],
  [EventRef, 'Event'],
  [ClaimRef, 'Claim'],
  [SourceRef, 'Source'],
  [EquipmentRef, 'Equipment'],
];

/** The key a representation names: its `key`, else the key inside its global id when the id is of this type. */
function keyOf(representation: { key?: string; id?: string }, typename: EntityTypeName): string | null {
  if (typeof representation.key === 'string') return representation.key;
  if (typeof representation.id !== 'string') return null;
  const decoded = decodeGlobalId(representation.id);
  return decoded.typename === typename ? decoded.id : null;
}

for (const [ref, typename] of entityRefs) {
  builder.asEntity(ref, {
    key: [builder.selection<{ key: string }>('key'), builder.selection<{ id: string }>('id')],
    resolveReference: (representation, context) => {
      const key = keyOf(representation as { key?: string; id?: string }, typename);
      // Through the request's loader: every representation of one `_entities` call, one round trip.
      return key === null ? null : findEntity(context, key, [typename]);
    },
  });
}
