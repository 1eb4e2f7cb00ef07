import {
  GraphQLError,
  Kind,
  getNamedType,
  isListType,
  getNullableType,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type GraphQLCompositeType,
  type SelectionSetNode,
  type ValidationContext,
  isCompositeType,
  valueFromASTUntyped,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from './config';
import { ErrorCode } from './errors';
import { maxPageSize } from './graphql/pagination';

export type LimitsConfig = Pick<Config, 'MAX_DEPTH' | 'MAX_COST' | 'MAX_ALIASES' | 'MAX_TOKENS' | 'MAX_DIRECTIVES'>;

/** Fan-out assumed for a list field that takes no page size (a claim's sources, an event's participants). */
export const assumedListSize = 10;
const defaultPageSize = 20;

const limitError = (code: ErrorCode, message: string, limit: number, found: number) =>
  new GraphQLError(message, { extensions: { code, limit, found, http: { status: 400 } } });

/**
 * Limits checked before any Cypher runs: tokens while parsing, depth, aliases and directives while
 * validating, and cost when the variables are known. Each rejection has its own code and says
 * which limit it hit and by how much.
 */
export function useOperationLimits(limits: LimitsConfig): Plugin {
  return {
    onParse({ setParseFn, parseFn }) {
      setParseFn((source, options) => {
        try {
          return parseFn(source, { ...options, maxTokens: limits.MAX_TOKENS });
        } catch (error) {
          if (error instanceof GraphQLError && /contains more th\w+ \d+ tokens/.test(error.message)) {
            throw limitError(ErrorCode.TOO_MANY_TOKENS, `The document has more than ${limits.MAX_TOKENS} tokens, the limit.`, limits.MAX_TOKENS, limits.MAX_TOKENS + 1);
          }
          throw error;
        }
      });
    },
    onValidate({ addValidationRule }) {
      addValidationRule((context: ValidationContext) => depthAliasDirectiveRule(context, limits));
    },
    onExecute({ args, setResultAndStopExecution }) {
      const cost = operationCost(args.schema, args.document, args.variableValues ?? {}, args.operationName ?? undefined);
      if (cost > limits.MAX_COST) {
        setResultAndStopExecution({
          errors: [
            limitError(
              ErrorCode.QUERY_TOO_COSTLY,
              `The operation would cost ${cost}, over the limit of ${limits.MAX_COST} by ${cost - limits.MAX_COST}: lists cost their page size (or ${assumedListSize}) times what they select. Ask for smaller pages or fewer nested lists.`,
              limits.MAX_COST,
              cost,
            ),
          ],
        });
      }
    },
  };
}

/** The document's fragments by name, to follow spreads. */
function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(
    document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
}

/** Depth, aliases and directives of each operation, fragments followed. */
function depthAliasDirectiveRule(context: ValidationContext, limits: LimitsConfig): ASTVisitor {
  const fragments = fragmentsOf(context.getDocument());
  return {
    OperationDefinition(operation) {
      let aliases = 0;
      let directives = operation.directives?.length ?? 0;
      const walk = (selectionSet: SelectionSetNode | undefined, depth: number, seen: Set<string>): number => {
        if (!selectionSet) return depth;
        let deepest = depth;
        for (const selection of selectionSet.selections) {
          directives += selection.directives?.length ?? 0;
          if (selection.kind === Kind.FIELD) {
            if (selection.alias) aliases += 1;
            deepest = Math.max(deepest, walk(selection.selectionSet, selection.name.value.startsWith('__') ? depth : depth + 1, seen));
          } else if (selection.kind === Kind.INLINE_FRAGMENT) {
            deepest = Math.max(deepest, walk(selection.selectionSet, depth, seen));
          } else if (!seen.has(selection.name.value)) {
            const fragment = fragments.get(selection.name.value);
            deepest = Math.max(deepest, walk(fragment?.selectionSet, depth, new Set([...seen, selection.name.value])));
          }
        }
        return deepest;
      };
      const depth = walk(operation.selectionSet, 0, new Set());
      const name = operation.name ? `"${operation.name.value}"` : 'The operation';
      if (depth > limits.MAX_DEPTH) {
        context.reportError(limitError(ErrorCode.QUERY_TOO_DEEP, `${name} is ${depth} fields deep, over the limit of ${limits.MAX_DEPTH} by ${depth - limits.MAX_DEPTH}.`, limits.MAX_DEPTH, depth));
      }
      if (aliases > limits.MAX_ALIASES) {
        context.reportError(limitError(ErrorCode.TOO_MANY_ALIASES, `${name} uses ${aliases} aliases, over the limit of ${limits.MAX_ALIASES} by ${aliases - limits.MAX_ALIASES}.`, limits.MAX_ALIASES, aliases));
      }
      if (directives > limits.MAX_DIRECTIVES) {
        context.reportError(
          limitError(ErrorCode.TOO_MANY_DIRECTIVES, `${name} uses ${directives} directives, over the limit of ${limits.MAX_DIRECTIVES} by ${directives - limits.MAX_DIRECTIVES}.`, limits.MAX_DIRECTIVES, directives),
        );
      }
      return false;
    },
  };
}

/**
 * The cost of the operation to run: one per field, and a list field multiplies what it selects
 * by its page size (the larger of `first` and `last`, 20 by default), the number of `ids`, or,
 * without either, `assumedListSize`.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string): number {
  const operation = document.definitions.find(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName),
  );
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return 0;
  const fragments = fragmentsOf(document);
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return 0;

  const costOf = (selectionSet: SelectionSetNode | undefined, parent: GraphQLCompositeType, seen: Set<string>): number => {
    if (!selectionSet) return 0;
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += costOf(selection.selectionSet, condition && isCompositeType(condition) ? condition : parent, seen);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        const condition = schema.getType(fragment.typeCondition.name.value);
        total += costOf(fragment.selectionSet, condition && isCompositeType(condition) ? condition : parent, new Set([...seen, fragment.name.value]));
      } else {
        total += fieldCost(selection, parent, seen);
      }
    }
    return total;
  };

  const fieldCost = (field: FieldNode, parent: GraphQLCompositeType, seen: Set<string>): number => {
    if (field.name.value.startsWith('__') || !('getFields' in parent)) return 1;
    const definition = parent.getFields()[field.name.value];
    if (!definition) return 1;
    const named = getNamedType(definition.type);
    const childCost = isCompositeType(named) ? costOf(field.selectionSet, named, seen) : 0;
    const argument = (name: string) => {
      const node = field.arguments?.find((candidate) => candidate.name.value === name);
      return node ? valueFromASTUntyped(node.value, variables) : undefined;
    };
    // Variables are not coerced yet: a page size is priced as the largest page it could be.
    const pageSizes = [argument('first'), argument('last')]
      .filter((value) => value !== undefined && value !== null)
      .map((value) => (typeof value === 'number' && Number.isFinite(value) ? Math.min(Math.max(value, 0), maxPageSize) : maxPageSize));
    const takesPageSize = definition.args.some((arg) => arg.name === 'first' || arg.name === 'last');
    if (takesPageSize) return 1 + (pageSizes.length > 0 ? Math.max(...pageSizes) : defaultPageSize) * childCost;
    const ids = argument('ids');
    if (Array.isArray(ids)) return 1 + ids.length * childCost;
    // A connection's edges are its page: the page size above already counts them.
    const isPageOfConnection = parent.name.endsWith('Connection') && field.name.value === 'edges';
    if (isListType(getNullableType(definition.type)) && !isPageOfConnection) return 1 + assumedListSize * childCost;
    return 1 + childCost;
  };

  return costOf(operation.selectionSet, root, new Set());
}
