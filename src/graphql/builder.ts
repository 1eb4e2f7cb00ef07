import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import TracingPlugin, { isEnumField, isRootField, isScalarField } from '@pothos/plugin-tracing';
import { createOpenTelemetryWrapper } from '@pothos/tracing-opentelemetry';
import { trace } from '@opentelemetry/api';
import { allows } from '../server/auth';
import type { Context } from '../server/context';
import { ClientError, ErrorCode } from '../server/errors';
import { entityTypeNames } from './entity';
import { decodeGlobalId, encodeGlobalId } from './global-id';
import { maxPageSize } from './pagination';
import { findEntity } from './relations';
import type { FieldReads } from './scalar-fields';

const traceResolver = createOpenTelemetryWrapper(trace.getTracer('conflict-graph'));

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: string; Output: string };
    DateTime: { Input: string; Output: string };
  };
  AuthScopes: { read: boolean; write: boolean; admin: boolean };
  Tracing: boolean;
}>({
  // Tracing first, so a resolver's span covers its authorisation too; federation after scope-auth,
  // which wraps resolvers; directives put its @key on the types (its README's order).
  plugins: [TracingPlugin, ScopeAuthPlugin, RelayPlugin, DirectivesPlugin, FederationPlugin],
  defaultFieldNullability: false,
  tracing: {
    // Root fields and fields returning objects read (through loaders); scalars and enums only read
    // the row already loaded. Decided per request, so with tracing off no span is made.
    default: (config) => (isRootField(config) || !(isScalarField(config) || isEnumField(config)) ? (_parent, _args, context) => context.traced : false),
    // The global tracer: the provider src/server/tracing.ts installs.
    wrap: (resolver, options) => traceResolver(resolver, options),
  },
  scopeAuth: {
    authScopes: (context) => ({
      read: context.readAccess === 'public' || allows(context.principal, 'read'),
      write: allows(context.principal, 'write'),
      admin: allows(context.principal, 'admin'),
    }),
    // No credentials: UNAUTHENTICATED; credentials without the scope: FORBIDDEN.
    unauthorizedError: (_parent, context, info) =>
      context.principal
        ? new ClientError(ErrorCode.FORBIDDEN, `${context.principal.id} may not use ${info.parentType.name}.${info.fieldName}: it needs a higher scope.`)
        : new ClientError(ErrorCode.UNAUTHENTICATED, `${info.parentType.name}.${info.fieldName} needs credentials: an API key or a bearer token.`, {
            extensions: { http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } } },
          }),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    encodeGlobalID: encodeGlobalId,
    decodeGlobalID: decodeGlobalId,
    // Descriptions for what the plugin generates: the GraphiQL docs pane is the users' manual.
    nodeQueryOptions: {
      description: 'Any entity by its global id; null when the id names nothing.',
      args: { id: { description: 'A global id, as in `id` of any entity.' } },
      // Through the lookup by key, which reads the selected relationships in the same query.
      resolve: (_root, args, context, info) => {
        const typename = entityTypeNames.find((name) => name === args.id.typename);
        return typename ? findEntity(context, args.id.id, [typename], info) : null;
      },
    },
    nodesQueryOptions: {
      description: `Entities by global ids, in the order asked; null for ids that name nothing. At most ${maxPageSize} ids.`,
      args: { ids: { description: `Global ids, as in \`id\` of any entity; at most ${maxPageSize}.` } },
      resolve: (_root, args, _context, _info, resolveNodes) => {
        if (args.ids.length > maxPageSize) {
          throw new ClientError(ErrorCode.BAD_USER_INPUT, `ids: at most ${maxPageSize} ids (got ${args.ids.length}).`, { extensions: { argument: 'ids', maximum: maxPageSize } });
        }
        return resolveNodes(args.ids);
      },
    },
    nodeTypeOptions: { description: 'Anything with a global id that `node(id:)` resolves.' },
    idFieldOptions: { description: 'Global id, for `node(id:)`.', extensions: { computed: [] } satisfies FieldReads },
    pageInfoTypeOptions: { description: 'Where a page lies in its list.' },
    hasNextPageFieldOptions: { description: 'Whether items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'Whether items precede this page.' },
    startCursorFieldOptions: { description: "Cursor of the page's first item; null on an empty page." },
    endCursorFieldOptions: { description: "Cursor of the page's last item; null on an empty page." },
    firstArgOptions: { description: 'Page size from the start or from `after`: 20 by default, at most 100.' },
    afterArgOptions: { description: 'Cursor after which the page starts.' },
    lastArgOptions: { description: 'Page size counted back from the end or from `before`, at most 100.' },
    beforeArgOptions: { description: 'Cursor before which the page ends.' },
    edgesFieldOptions: { description: 'The items of this page, each with its cursor.' },
    pageInfoFieldOptions: { description: 'Where this page lies in the list.' },
    cursorFieldOptions: { description: 'Opaque position of this item in the list, for `after` and `before`.' },
    nodeFieldOptions: { description: 'The item.' },
    defaultEdgeTypeOptions: { description: 'An item of a list, with its cursor.' },
  },
});

builder.queryType({ description: 'Reading the knowledge graph.', authScopes: { read: true } });
builder.mutationType({ description: 'Writing to the knowledge graph: needs a write scope (merges: admin).', authScopes: { write: true } });

/** The builder's type parameters, for helpers that take Pothos' field and argument builders. */
export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;
