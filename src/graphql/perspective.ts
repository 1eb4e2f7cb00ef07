import {
  DirectiveLocation,
  getDirectiveValues,
  getOperationAST,
  GraphQLDirective,
  GraphQLList,
  GraphQLNonNull,
  GraphQLSchema,
  GraphQLString,
  type GraphQLInputType,
  type OperationDefinitionNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { reliabilities } from '../model';
import { Loaders } from '../read/loaders';
export { noPerspective } from '../read/scope';
import type { Context } from '../server/context';
import { ClientError, ErrorCode } from '../server/errors';

/**
 * A perspective: the graph as some sources tell it. Every claim read, at any depth (lists,
 * relationships, disputes, aggregates, facets), is kept only when at least one source it is
 * stated in passes: reliability at least `minReliability`, of `sourceKinds`, not in
 * `excludeSources`, and in `onlySources` when given. Enforced in the Cypher (`inPerspective`,
 * `src/read/scope.ts`), through a parameter every statement of the request gets.
 */
export interface Perspective {
  minReliability?: string | null;
  sourceKinds?: readonly string[] | null;
  excludeSources?: readonly string[] | null;
  onlySources?: readonly string[] | null;
}

/** At most this many sources in `excludeSources` or `onlySources`. */
export const maxPerspectiveSources = 100;

/** The schema with the `@perspective` directive, its arguments typed by the schema's own enums. */
export function withPerspectiveDirective(schema: GraphQLSchema): GraphQLSchema {
  const list = (type: GraphQLInputType) => new GraphQLList(new GraphQLNonNull(type));
  const directive = new GraphQLDirective({
    name: 'perspective',
    description:
      'Reads the graph as some sources tell it: every claim at every depth is kept only when at least one source it is stated in passes all the conditions given. The response\'s `extensions.perspective` says which view was applied. Doubles the operation\'s price (each claim read also reads its sources).',
    locations: [DirectiveLocation.QUERY],
    args: {
      minReliability: { type: schema.getType('Reliability') as GraphQLInputType, description: 'Sources graded at least this (A best; F, cannot be judged, passes only F).' },
      sourceKinds: { type: list(schema.getType('SourceKind') as GraphQLInputType), description: 'Sources of these kinds only.' },
      excludeSources: { type: list(GraphQLString), description: `Keys of sources left out ("without Telegram posts"), at most ${maxPerspectiveSources}.` },
      onlySources: { type: list(GraphQLString), description: `Keys of the only sources used ("the graph as the governor tells it"), at most ${maxPerspectiveSources}.` },
    },
  });
  return new GraphQLSchema({ ...schema.toConfig(), directives: [...schema.getDirectives(), directive] });
}

/** The Cypher value of a perspective: the reliabilities it admits, worked out here. */
function cypherValue(perspective: Perspective) {
  const grade = perspective.minReliability;
  return {
    reliabilities: grade ? (grade === 'F' ? ['F'] : reliabilities.slice(0, reliabilities.indexOf(grade as (typeof reliabilities)[number]) + 1)) : null,
    kinds: perspective.sourceKinds ?? null,
    excluded: perspective.excludeSources ?? [],
    only: perspective.onlySources ?? null,
  };
}

/** The operation's perspective, from its `@perspective` directive; null without one. */
export function perspectiveOf(schema: GraphQLSchema, operation: OperationDefinitionNode | null | undefined, variables: Record<string, unknown> | null | undefined): Perspective | null {
  const directive = schema.getDirective('perspective');
  if (!operation || !directive) return null;
  const values = getDirectiveValues(directive, operation, variables ?? undefined) as Perspective | undefined;
  if (!values) return null;
  for (const name of ['excludeSources', 'onlySources'] as const) {
    const keys = values[name];
    if (keys && keys.length > maxPerspectiveSources) {
      throw new ClientError(ErrorCode.BAD_USER_INPUT, `@perspective: ${name} takes at most ${maxPerspectiveSources} keys (got ${keys.length}).`, { extensions: { argument: name, maximum: maxPerspectiveSources } });
    }
  }
  return values;
}

/**
 * Applies an operation's `@perspective`: the request's gateway view gives its value to every
 * statement (and new loaders read through that view), and the response says which view it got.
 */
export const usePerspective: Plugin = {
  onExecute({ args, extendContext, setResultAndStopExecution }) {
    let perspective: Perspective | null;
    try {
      perspective = perspectiveOf(args.schema, getOperationAST(args.document, args.operationName), args.variableValues);
    } catch (error) {
      if (!(error instanceof ClientError)) throw error;
      setResultAndStopExecution({ errors: [error] });
      return;
    }
    if (!perspective) return;
    const context = args.contextValue as Context;
    const db = context.db.withParameters({ perspective: cypherValue(perspective) });
    extendContext({ db, loaders: new Loaders(db) } as Partial<Context>);
    const applied = perspective;
    return {
      onExecuteDone: ({ result, setResult }) => {
        if ('data' in result || 'errors' in result) setResult({ ...result, extensions: { ...result.extensions, perspective: applied } });
      },
    };
  },
};
