import type { Server } from 'node:http';
import type { ExecutionArgs } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { YogaApp } from './yoga';

/** What graphql-ws hands `execute` and `subscribe`: Yoga's enveloped functions travel in rootValue. */
interface EnvelopedArgs extends ExecutionArgs {
  rootValue: { execute: (args: ExecutionArgs) => unknown; subscribe: (args: ExecutionArgs) => unknown };
}

/**
 * GraphQL over WebSockets (the graphql-ws protocol) at /graphql on the same server, through the
 * same Yoga plugins as HTTP (limits, masking, metrics) and the same context: the credentials go
 * in the connection's `connectionParams` as `Authorization` (or `authorization`), as an HTTP
 * client would send the header.
 */
export function serveWebSockets(server: Server, app: YogaApp, maxPayloadBytes: number) {
  const sockets = new WebSocketServer({ server, path: '/graphql', maxPayload: maxPayloadBytes });
  const stop = useServer(
    {
      execute: (args) => (args as EnvelopedArgs).rootValue.execute(args) as never,
      subscribe: (args) => (args as EnvelopedArgs).rootValue.subscribe(args) as never,
      onSubscribe: async (context, _id, params) => {
        const given = context.connectionParams ?? {};
        const authorization = given.Authorization ?? given.authorization;
        const request = new Request('http://localhost/graphql', {
          method: 'POST',
          headers: typeof authorization === 'string' ? { authorization } : {},
        });
        const { schema, execute, subscribe, contextFactory, parse, validate } = app.enveloped.get({ request, req: context.extra.request, params });
        const document = parse(params.query);
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        return {
          schema,
          document,
          operationName: params.operationName,
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
      },
    },
    sockets,
  );
  return { close: () => stop.dispose() };
}
