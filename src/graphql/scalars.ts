import { GraphQLError, Kind } from 'graphql';
import { ClientError, ErrorCode } from '../server/errors';
import { builder } from './builder';

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** Whether the fields a pattern matched name a real day and time: Date.parse is no check, it reads "2023-02-29" as 1 March. */
function inCalendar([, year, month, day, hour = '0', minute = '0', second = '0', offsetHours = '0', offsetMinutes = '0']: RegExpMatchArray): boolean {
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return (
    daysInMonth !== undefined && d >= 1 && d <= daysInMonth &&
    Number(hour) < 24 && Number(minute) < 60 && Number(second) < 60 &&
    // Neo4j, like Java, takes offsets up to 18 hours.
    Number(offsetMinutes) < 60 && Number(offsetHours) * 60 + Number(offsetMinutes) <= 18 * 60
  );
}

function parseWith(pattern: RegExp, name: string, example: string) {
  return (value: unknown): string => {
    const match = typeof value === 'string' ? value.match(pattern) : null;
    if (!match) throw new ClientError(ErrorCode.BAD_USER_INPUT, `${name} must be ISO 8601, like "${example}" (got ${JSON.stringify(value)}).`);
    if (!inCalendar(match)) throw new ClientError(ErrorCode.BAD_USER_INPUT, `${name} ${JSON.stringify(value)} is well-formed but not in the calendar.`);
    return value as string;
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
      try {
        return parse(node.value);
      } catch (error) {
        // With the literal's location, so the client sees which argument it was.
        throw error instanceof GraphQLError ? new GraphQLError(error.message, { nodes: node, extensions: error.extensions }) : error;
      }
    },
  });
}

scalar('Date', 'A calendar date, ISO 8601: "2024-03-12". Its precision, where it matters, is in a sibling field.', datePattern, '2024-03-12');
scalar('DateTime', 'An instant, ISO 8601 with a time zone: "2024-03-12T09:30:00Z". Read back in UTC to the millisecond: "2024-03-12T09:30:00.000Z".', dateTimePattern, '2024-03-12T09:30:00Z');
