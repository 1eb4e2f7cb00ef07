/**
 * The limits every operation passes before any Cypher runs: size while parsing, depth, aliases
 * and directives while validating, and cost once the variables are known, in one memoised walk.
 * Over 300 lines because the cost model (lists, searches, introspection) is one walk and reads
 * best whole.
 */
import {
  GraphQLError,
  Kind,
  getNamedType,
  isListType,
  getNullableType,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  isInputObjectType,
  isEnumType,
  isUnionType,
  valueFromASTUntyped,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLSchema,
  type GraphQLCompositeType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from './config';
import { ClientError, ErrorCode } from './errors';
import { checkPageSize, defaultPageSize, maxPageSize, type ListBound } from '../graphql/pagination';

export type LimitsConfig = Pick<Config, 'MAX_DEPTH' | 'MAX_COST' | 'MAX_ALIASES' | 'MAX_TOKENS' | 'MAX_DIRECTIVES'>;

/**
 * What searching text costs: Lucene's fuzzy matching does work for each word, more for a longer
 * one, for every index searched, whatever the page size. Measured (bench/search-cost.ts), the
 * costliest admitted search (8 fuzzy words of 12 letters) took about 0.1 s of Neo4j: priced at
 * about 5,000, a budget of 50,000 holds an operation to about a second of searching.
 */
export const textCostPerWord = 500;
export const textCostPerCharacter = 10;

/**
 * Aggregates (src/graphql/aggregate.ts): dimensions at once, buckets returned (`limit`, priced
 * like a page of that size), and buckets a grouping may form before it is ordered and limited:
 * more is refused with TOO_MANY_BUCKETS rather than sent or held. An aggregate reads every node
 * its filter selects, whatever it returns: it costs `aggregateCost` besides its buckets, as
 * much as a full page of a hundred items with ten nested reads each.
 */
export const aggregateLimits = {
  maxDimensions: 3,
  defaultBuckets: 100,
  maxBuckets: 1_000,
  maxGroupedBuckets: 10_000,
  aggregateCost: 1_000,
  /** Facets of one list: dimensions, and values per dimension. Each dimension scans the list once. */
  maxFacets: 5,
  defaultFacetValues: 10,
  maxFacetValues: 100,
} as const;

const limitError = (code: ErrorCode, message: string, limit: number, found: number) =>
  new GraphQLError(message, { extensions: { code, limit, found, http: { status: 400 } } });

/**
 * How often the limits did their work, for tests: Yoga caches each document's parse and
 * validation (so `shapeChecks` counts validations run), and an operation whose cost reads no
 * variable is priced once per document (`costWalks`, and `costsReused` when that price served).
 */
export const limitsWork = { shapeChecks: 0, costWalks: 0, costsReused: 0 };

/**
 * Limits checked before any Cypher runs: tokens while parsing, depth, aliases and directives while
 * validating, and cost when the variables are known. Each rejection has its own code and says
 * which limit it hit and by how much. Both walks visit each fragment once per context, so any
 * document is measured in time linear in its size (a fragment bomb included).
 */
export function useOperationLimits(limits: LimitsConfig): Plugin {
  // Documents come from Yoga's parser cache, the same object for the same text.
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  const costOf = (args: { schema: GraphQLSchema; document: DocumentNode; variableValues?: Record<string, unknown> | null; operationName?: string | null }) => {
    const operationName = args.operationName ?? undefined;
    let byOperation = costs.get(args.document);
    const known = byOperation?.get(operationName ?? '');
    if (known !== undefined) {
      limitsWork.costsReused += 1;
      return known;
    }
    limitsWork.costWalks += 1;
    const { cost, readsVariables } = operationCost(args.schema, args.document, args.variableValues ?? {}, operationName);
    if (!readsVariables) {
      if (!byOperation) costs.set(args.document, (byOperation = new Map()));
      byOperation.set(operationName ?? '', cost);
    }
    return cost;
  };
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
      let cost: number;
      try {
        cost = costOf(args);
      } catch (error) {
        if (!(error instanceof ClientError)) throw error;
        setResultAndStopExecution({ errors: [error] });
        return;
      }
      if (cost > limits.MAX_COST) {
        setResultAndStopExecution({
          errors: [
            limitError(
              ErrorCode.QUERY_TOO_COSTLY,
              `The operation would cost ${cost}, over the limit of ${limits.MAX_COST} by ${cost - limits.MAX_COST}: each object read costs 1, lists multiply what they select by their page size (\`first\`), and searched text costs ${textCostPerWord} a word and ${textCostPerCharacter} a character. Ask for smaller pages or fewer nested lists.`,
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

/** Fields whose subtree is the schema describing itself: no data is read below them. */
const introspectionRoots = new Set(['__schema', '__type']);

export interface OperationShape {
  depth: number;
  aliases: number;
  directives: number;
  /** Selections looked at to measure it: at most the document's selections, each once. */
  visits: number;
}

/**
 * Depth, aliases and directives of an operation, fragments followed: a fragment's measures are
 * worked out once and added for each spread of it, so a fragment spread twice at each of thirty
 * levels costs thirty visits, not 2^30. Aliases and directives count every time a spread brings
 * them in, as execution would. Introspection adds no depth (the cost prices it).
 */
export function operationShape(document: DocumentNode, operation: OperationDefinitionNode): OperationShape {
  const fragments = fragmentsOf(document);
  const measured = new Map<string, Omit<OperationShape, 'visits'>>();
  let visits = 0;
  const measure = (selectionSet: SelectionSetNode | undefined, visiting: ReadonlySet<string>): Omit<OperationShape, 'visits'> => {
    const shape = { depth: 0, aliases: 0, directives: 0 };
    for (const selection of selectionSet?.selections ?? []) {
      visits += 1;
      shape.directives += selection.directives?.length ?? 0;
      let inner: Omit<OperationShape, 'visits'>;
      let depth: number;
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) shape.aliases += 1;
        inner = measure(selection.selectionSet, visiting);
        const name = selection.name.value;
        depth = introspectionRoots.has(name) ? 1 : name.startsWith('__') ? inner.depth : 1 + inner.depth;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = measure(selection.selectionSet, visiting);
        depth = inner.depth;
      } else {
        const name = selection.name.value;
        // A cycle of spreads is refused by graphql-js's own rule; here it only must not loop.
        if (visiting.has(name)) continue;
        let known = measured.get(name);
        if (!known) {
          known = measure(fragments.get(name)?.selectionSet, new Set([...visiting, name]));
          measured.set(name, known);
        }
        inner = known;
        depth = known.depth;
      }
      shape.depth = Math.max(shape.depth, depth);
      shape.aliases += inner.aliases;
      shape.directives += inner.directives;
    }
    return shape;
  };
  const shape = measure(operation.selectionSet, new Set());
  return { ...shape, directives: shape.directives + (operation.directives?.length ?? 0), visits };
}

/** Depth, aliases and directives of each operation. */
function depthAliasDirectiveRule(context: ValidationContext, limits: LimitsConfig): ASTVisitor {
  return {
    OperationDefinition(operation) {
      limitsWork.shapeChecks += 1;
      const { depth, aliases, directives } = operationShape(context.getDocument(), operation);
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
 * How many items each list of the introspection types holds, from the schema itself. Listed for
 * every type of the schema (`__Schema.types`), a type's fields and their arguments are priced at
 * the schema's average, so the whole listing costs what it returns; listed for one type, at the
 * largest.
 */
interface IntrospectionSizes {
  everyType: Record<string, number>;
  oneType: Record<string, number>;
}

/** Lists whose items, below `__Schema.types`, are every item of that kind in the schema. */
const enumeratingEveryItem = new Set(['__Schema.types', '__Type.fields']);

const introspectionSizesOf = new WeakMap<GraphQLSchema, IntrospectionSizes>();

function introspectionSizes(schema: GraphQLSchema): IntrospectionSizes {
  const known = introspectionSizesOf.get(schema);
  if (known) return known;
  const types = Object.values(schema.getTypeMap());
  const fieldsOf = (type: (typeof types)[number]) => (isObjectType(type) || isInterfaceType(type) ? Object.values(type.getFields()) : []);
  const counts = {
    fields: types.map((type) => fieldsOf(type).length),
    inputFields: types.map((type) => (isInputObjectType(type) ? Object.keys(type.getFields()).length : 0)),
    enumValues: types.map((type) => (isEnumType(type) ? type.getValues().length : 0)),
    interfaces: types.map((type) => (isObjectType(type) || isInterfaceType(type) ? type.getInterfaces().length : 0)),
    possibleTypes: types.map((type) => (isUnionType(type) || isInterfaceType(type) ? schema.getPossibleTypes(type).length : 0)),
    args: types.flatMap((type) => fieldsOf(type).map((field) => field.args.length)),
  };
  const average = (values: number[]) => (values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length);
  const largest = (values: number[]) => Math.max(0, ...values);
  const directiveArgs = largest(schema.getDirectives().map((directive) => directive.args.length));
  const sizes: IntrospectionSizes = {
    everyType: {
      '__Schema.types': types.length,
      '__Schema.directives': schema.getDirectives().length,
      '__Type.fields': average(counts.fields),
      '__Type.inputFields': average(counts.inputFields),
      '__Type.enumValues': average(counts.enumValues),
      '__Type.interfaces': average(counts.interfaces),
      '__Type.possibleTypes': average(counts.possibleTypes),
      '__Field.args': average(counts.args),
      '__Directive.args': directiveArgs,
    },
    oneType: {
      '__Type.fields': largest(counts.fields),
      '__Type.inputFields': largest(counts.inputFields),
      '__Type.enumValues': largest(counts.enumValues),
      '__Type.interfaces': largest(counts.interfaces),
      '__Type.possibleTypes': largest(counts.possibleTypes),
      '__Field.args': largest(counts.args),
      '__Directive.args': directiveArgs,
    },
  };
  introspectionSizesOf.set(schema, sizes);
  return sizes;
}

/** The words of a searched text and what matching them costs. */
export const textCost = (text: unknown) =>
  typeof text === 'string' ? text.split(/\s+/).filter(Boolean).reduce((sum, word) => sum + textCostPerWord + word.length * textCostPerCharacter, 0) : 0;

export interface OperationCost {
  cost: number;
  /** Selections priced: each fragment is priced once per type and context it is spread in. */
  visits: number;
  /** Whether an argument the price depends on is a variable: else the price holds for any variables. */
  readsVariables: boolean;
}

const holdsVariable = (value: ValueNode): boolean =>
  value.kind === Kind.VARIABLE ||
  (value.kind === Kind.LIST && value.values.some(holdsVariable)) ||
  (value.kind === Kind.OBJECT && value.fields.some((field) => holdsVariable(field.value)));

/**
 * The cost of the operation to run, priced on the work it causes: every object read costs 1
 * (scalars come with their object); a list multiplies what it selects by its page size (the
 * larger of `first` and `last`, else the field's default), the number of `ids`, or the bound it
 * declares; a searched text costs by its length; introspection costs what it returns.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string): OperationCost {
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName),
  );
  if (!operation) return { cost: 0, visits: 0, readsVariables: false };
  const fragments = fragmentsOf(document);
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return { cost: 0, visits: 0, readsVariables: false };
  const introspection = introspectionSizes(schema);
  const priced = new Map<string, number>();
  let visits = 0;
  let readsVariables = false;

  /** `everyType`: the selection is on every type (or every field) of the whole schema, below `__Schema.types`. */
  const costOf = (selectionSet: SelectionSetNode | undefined, parent: GraphQLCompositeType, everyType: boolean, visiting: ReadonlySet<string>): number => {
    let total = 0;
    for (const selection of selectionSet?.selections ?? []) {
      visits += 1;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += costOf(selection.selectionSet, condition && isCompositeType(condition) ? condition : parent, everyType, visiting);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || visiting.has(fragment.name.value)) continue;
        const condition = schema.getType(fragment.typeCondition.name.value);
        const on = condition && isCompositeType(condition) ? condition : parent;
        const key = `${fragment.name.value} ${on.name} ${everyType}`;
        let cost = priced.get(key);
        if (cost === undefined) {
          cost = costOf(fragment.selectionSet, on, everyType, new Set([...visiting, fragment.name.value]));
          priced.set(key, cost);
        }
        total += cost;
      } else {
        total += fieldCost(selection, parent, everyType, visiting);
      }
    }
    return total;
  };

  const fieldCost = (field: FieldNode, parent: GraphQLCompositeType, everyType: boolean, visiting: ReadonlySet<string>): number => {
    const name = field.name.value;
    if (name === '__typename') return 0;
    if (introspectionRoots.has(name)) {
      const type = schema.getType(name === '__schema' ? '__Schema' : '__Type');
      return type && isCompositeType(type) ? 1 + costOf(field.selectionSet, type, false, visiting) : 1;
    }
    if (!('getFields' in parent)) return 0;
    const definition: GraphQLField<unknown, unknown> | undefined = parent.getFields()[name];
    if (!definition) return 0;
    const named = getNamedType(definition.type);
    const argument = (argumentName: string) => {
      const node = field.arguments?.find((candidate) => candidate.name.value === argumentName);
      if (!node) return undefined;
      readsVariables ||= holdsVariable(node.value);
      return valueFromASTUntyped(node.value, variables);
    };
    const filter = argument('filter');
    const searched = textCost(argument('text')) + textCost(typeof filter === 'object' && filter !== null ? (filter as { text?: unknown }).text : undefined);
    if (!isCompositeType(named)) return searched;
    const fixed = typeof definition.extensions.fixedCost === 'number' ? definition.extensions.fixedCost : 0;
    const listed = `${parent.name}.${name}`;
    const itemCost = 1 + costOf(field.selectionSet, named, listed === '__Schema.types' || (everyType && enumeratingEveryItem.has(listed)), visiting);
    return searched + fixed + listSize(field, definition, parent, everyType, argument) * itemCost;
  };

  /** How many items a field's value holds, at most: 1 for a field of one value. */
  const listSize = (
    field: FieldNode,
    definition: GraphQLField<unknown, unknown>,
    parent: GraphQLCompositeType,
    everyType: boolean,
    argument: (name: string) => unknown,
  ): number => {
    const introspected = (everyType ? introspection.everyType : introspection.oneType)[`${parent.name}.${field.name.value}`] ?? introspection.everyType[`${parent.name}.${field.name.value}`];
    if (introspected !== undefined) return introspected;
    const pageArguments = definition.args.filter((arg) => arg.name === 'first' || arg.name === 'last');
    if (pageArguments.length > 0) {
      // Variables are not coerced yet: a page size that is not a number is priced as the largest page it could be.
      const asked = pageArguments.map((arg) => ({ name: arg.name as 'first' | 'last', value: argument(arg.name) })).filter(({ value }) => value !== undefined && value !== null);
      if (asked.length === 0) return Math.max(...pageArguments.map((arg) => (typeof arg.defaultValue === 'number' ? arg.defaultValue : defaultPageSize)));
      // A page over the maximum is the client's error (BAD_USER_INPUT naming the argument), whatever the cost of what it selects;
      // a value that is no Int at all is left to graphql-js's coercion, which refuses it in its own words.
      const isInt = (value: unknown): value is number => Number.isInteger(value) && Math.abs(value as number) < 2 ** 31;
      return Math.max(...asked.map(({ name, value }) => (isInt(value) ? checkPageSize(value, name) : maxPageSize)));
    }
    const ids = argument('ids');
    if (Array.isArray(ids)) return ids.length;
    // A subgraph's `_entities`: as `nodes(ids:)`, at most a page of representations, each an object read.
    const representations = argument('representations');
    if (Array.isArray(representations)) {
      if (representations.length > maxPageSize) {
        throw new ClientError(ErrorCode.BAD_USER_INPUT, `representations: at most ${maxPageSize} (got ${representations.length}).`, { extensions: { argument: 'representations', maximum: maxPageSize } });
      }
      return representations.length;
    }
    if (!isListType(getNullableType(definition.type))) return 1;
    // A connection's edges are its page: the page size above already counts them.
    if (parent.name.endsWith('Connection') && field.name.value === 'edges') return 1;
    const bound = definition.extensions.listBound as ListBound | undefined;
    if (bound?.sizeArgument) {
      const asked = argument(bound.sizeArgument);
      return typeof asked === 'number' && Number.isFinite(asked) ? Math.min(Math.max(asked, 0), bound.maxItems) : asked === undefined || asked === null ? (bound.pricedAs ?? bound.maxItems) : bound.maxItems;
    }
    return bound ? (bound.pricedAs ?? bound.maxItems) : maxPageSize;
  };

  // A perspective has every claim read also read its sources (`inPerspective`): twice the work, at most.
  const perspectiveFactor = operation.directives?.some((directive) => directive.name.value === 'perspective') ? 2 : 1;
  const cost = costOf(operation.selectionSet, root, false, new Set()) * perspectiveFactor;
  return { cost: Math.ceil(cost), visits, readsVariables };
}
