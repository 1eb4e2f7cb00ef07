import {
  coerceInputValue,
  getOperationAST,
  GraphQLError,
  isInputType,
  isNonNullType,
  Kind,
  typeFromAST,
  ValuesOfCorrectTypeRule,
  visitInParallel,
  type ASTNode,
  type ASTVisitor,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode } from './errors';

/**
 * Wrong values (an unknown enum value, a string for an Int, an unknown input field) are the
 * client's input errors, recognised by where graphql-js finds them, never by their wording:
 * written in the document, by the validation rule that checks literals; sent as variables, while
 * coercing them, which fails the request before execution begins, so its result has no `data`
 * (GraphQL spec, "Response"; operation-name errors there carry their own code). An error that
 * already has a code keeps it; one that wraps an unexpected error is still masked.
 */
const withCode = (error: GraphQLError, field?: string) =>
  error.extensions.code
    ? error
    : new GraphQLError(error.message, {
        nodes: error.nodes,
        source: error.source,
        positions: error.positions,
        path: error.path,
        originalError: error.originalError,
        extensions: { ...error.extensions, code: ErrorCode.BAD_USER_INPUT, ...(field === undefined ? {} : { field }) },
      });

/**
 * The rule, with the errors it reports given BAD_USER_INPUT and the place of the value in
 * `extensions.field` (`input.type`, `ids[2]`), tracked as the rule walks arguments, input fields
 * and list items.
 */
const reportingInputErrors =
  (rule: ValidationRule): ValidationRule =>
  (context) => {
    const place: string[] = [];
    const report = (error: GraphQLError) => context.reportError(withCode(error, place.length > 0 ? place.join('').replace(/^\./, '') : undefined));
    const ruleVisitor = rule(Object.create(context, { reportError: { value: report } }) as ValidationContext);
    const step = (node: ASTNode, key: string | number | undefined, within: unknown): string | undefined =>
      node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD
        ? `.${node.name.value}`
        : typeof key === 'number' && (within as ASTNode | undefined)?.kind === Kind.LIST
          ? `[${key}]`
          : undefined;
    const steps: (string | undefined)[] = [];
    const tracker: ASTVisitor = {
      enter(node, key, _parent, _path, ancestors) {
        const next = step(node, key, ancestors.at(-1));
        steps.push(next);
        if (next !== undefined) place.push(next);
      },
      leave() {
        if (steps.pop() !== undefined) place.pop();
      },
    };
    return visitInParallel([tracker, ruleVisitor]);
  };

/**
 * Where each wrong variable value lies (`input.status`, `filter.near.withinKm`, `ids[2]`), in the
 * order graphql-js reports them: the same walk as its coercion of variables, variable by variable,
 * so a client reads the place from `extensions.field` rather than from the message's words.
 */
function variableErrorFields(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: unknown): string[] {
  const operation = getOperationAST(document, operationName);
  const given = (typeof variables === 'object' && variables !== null ? variables : {}) as Record<string, unknown>;
  const fields: string[] = [];
  for (const definition of operation?.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    if (!type || !isInputType(type)) {
      fields.push(name);
      continue;
    }
    if (!Object.hasOwn(given, name) || given[name] === null) {
      if (isNonNullType(type) && !(definition.defaultValue && !Object.hasOwn(given, name))) fields.push(name);
      continue;
    }
    coerceInputValue(given[name], type, (path) => fields.push(name + path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('')));
  }
  return fields;
}

export const inputErrorCodes: Plugin = {
  onValidate({ validateFn, setValidationFn }) {
    setValidationFn((schema, document, rules, ...rest) =>
      validateFn(schema, document, rules?.map((rule: ValidationRule) => (rule === ValuesOfCorrectTypeRule ? reportingInputErrors(rule) : rule)), ...rest),
    );
  },
  onExecute: ({ args }) => ({
    onExecuteDone: ({ result, setResult }) => {
      if ('data' in result || !('errors' in result) || !result.errors) return;
      const found = variableErrorFields(args.schema, args.document, args.operationName, args.variableValues);
      // Named only when the walk found the errors graphql-js did; past 50 it stops with one error more, which names none.
      const fields = found.length === result.errors.length ? found : result.errors.length === 51 && found.length > 50 ? found.slice(0, 50) : [];
      setResult({ ...result, errors: result.errors.map((error, index) => withCode(error, fields[index])) });
    },
  }),
};
