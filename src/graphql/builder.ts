import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import type { Context } from '../context';
import { decodeGlobalId, encodeGlobalId } from './global-id';

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: string; Output: string };
    DateTime: { Input: string; Output: string };
  };
}>({
  plugins: [RelayPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    encodeGlobalID: encodeGlobalId,
    decodeGlobalID: decodeGlobalId,
    nodeQueryOptions: { description: 'Any entity by its global id; null when the id names nothing.' },
    nodesQueryOptions: { description: 'Entities by global ids, in the order asked; null for ids that name nothing.' },
  },
});

builder.queryType({ description: 'Reading the knowledge graph.' });
