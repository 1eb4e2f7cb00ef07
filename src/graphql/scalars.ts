import { GraphQLError, Kind } from 'graphql';
import { ClientError, ErrorCode } from '../errors';
import { builder } from './builder';

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const dateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function parseWith(pattern: RegExp, name: string, example: string) {
  return (value: unknown): string => {
    if (typeof value !== 'string' || !pattern.test(value) || Number.isNaN(Date.parse(value))) {
      throw new ClientError(ErrorCode.BAD_USER_INPUT, `${name} must be ISO 8601, like "${example}" (got ${JSON.stringify(value)}).`);
    }
    return value;
  };
}

function scalar(name: 'Date' | 'DateTime', description: string, pattern: RegExp, example: string) {
  const parse = parseWith(pattern, name, example);
  builder.scalarType(name, {
    description,
    serialize: (value) => String(value),
    parseValue: parse,
    parseLiteral: (node) => {
      if (node.kind !== Kind.STRING) throw new GraphQLError(`${name} must be a string like "${example}".`);
      return parse(node.value);
    },
  });
}

scalar('Date', 'A calendar date, ISO 8601: "2024-03-12". Its precision, where it matters, is in a sibling field.', datePattern, '2024-03-12');
scalar('DateTime', 'An instant, ISO 8601 with a time zone: "2024-03-12T09:30:00Z".', dateTimePattern, '2024-03-12T09:30:00Z');
