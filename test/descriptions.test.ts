import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLEnumType,
  type GraphQLInputField,
  type GraphQLInputObjectType,
  type GraphQLNamedType,
} from 'graphql';
import { schema } from '../src/graphql/schema';
import { defaultPageSize, maxPageSize } from '../src/graphql/pagination';
import { entitySpecs, entityTypes, relationshipSpecs, relationshipTypes, type EntityType, type PropertySpec } from '../src/model';
import type { ExposedSpecs } from '../src/model/properties';
import { createTestService, testKeys } from './support/service';

// Issue #24, item 2: descriptions that say what null does, what a default is, or which
// relationship a field follows are checked against the schema and, where a write can show it,
// against behaviour.

const service = createTestService();
const writer = { 'x-api-key': testKeys.writer };
const marker = 'test-descriptions';
const sourceKey = `source:${marker}:source`;

beforeAll(async () => {
  await removeTestData();
  const response = await service.graphql(`mutation { upsertSource(key: "${sourceKey}", input: { kind: NEWS_ARTICLE }) { status } }`, {}, writer);
  expect(response.body.errors).toBeUndefined();
});
afterAll(async () => {
  await removeTestData();
  await service.close();
});

async function removeTestData() {
  await service.gateway.write('test.descriptions.cleanup', `MATCH (n) WHERE n.key CONTAINS '${marker}' OPTIONAL MATCH (n)<-[:REVISES]-(revision) DETACH DELETE n, revision`);
}

/** Every argument and input field of the schema, with where it is. */
function everyInput(): { where: string; input: GraphQLArgument | GraphQLInputField }[] {
  const found: { where: string; input: GraphQLArgument | GraphQLInputField }[] = [];
  for (const type of Object.values(schema.getTypeMap()) as GraphQLNamedType[]) {
    if (type.name.startsWith('__')) continue;
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) found.push({ where: `${type.name}.${field.name}`, input: field });
    if (isObjectType(type) || isInterfaceType(type))
      for (const field of Object.values(type.getFields())) for (const arg of field.args) found.push({ where: `${type.name}.${field.name}(${arg.name})`, input: arg });
  }
  return found;
}

describe('descriptions that name a default', () => {
  it('an enum value described as "the default" is the default of every argument and input field of its type', () => {
    const wrong: string[] = [];
    for (const { where, input } of everyInput()) {
      const type = getNamedType(input.type);
      if (!isEnumType(type)) continue;
      const marked = (type as GraphQLEnumType).getValues().filter((value) => /\bthe default\b/.test(value.description ?? ''));
      if (marked.length > 1) wrong.push(`${type.name} marks ${marked.length} values as the default`);
      if (marked.length === 1 && input.defaultValue !== marked[0]!.value) wrong.push(`${where} defaults to ${String(input.defaultValue)}, ${type.name} says ${marked[0]!.name}`);
    }
    expect(wrong).toEqual([]);
  });

  /** Inputs whose description names a default the schema cannot carry, since the option is refused where it does not apply: each is checked by behaviour below. */
  const appliedByResolver = ['ClaimGrouping.date', 'ClaimGrouping.interval', 'EventGrouping.interval'];

  it('"N by default", "X by default" and "at most M" in an input\'s description are its default and its maximum', () => {
    const wrong: string[] = [];
    const unset: string[] = [];
    for (const { where, input } of everyInput()) {
      const number = /\b(\d+) by default\b/.exec(input.description ?? '');
      const value = /\b([A-Z][A-Z_]+) by default\b/.exec(input.description ?? '');
      if (number) {
        // A connection's `first` carries no default in the SDL: the list applies defaultPageSize.
        const actual = input.defaultValue ?? (input.name === 'first' ? defaultPageSize : undefined);
        if (actual !== Number(number[1])) wrong.push(`${where} says ${number[1]} by default, is ${String(actual)}`);
      }
      if (value && isEnumType(getNamedType(input.type))) {
        if (input.defaultValue === undefined) unset.push(where);
        else if (input.defaultValue !== value[1]) wrong.push(`${where} says ${value[1]} by default, is ${String(input.defaultValue)}`);
      }
      const most = /\bat most (\d[\d,]*)\b/.exec(input.description ?? '');
      if (most && ['first', 'last'].includes(input.name) && Number(most[1]!.replace(/,/g, '')) !== maxPageSize) wrong.push(`${where} says at most ${most[1]}, the maximum is ${maxPageSize}`);
    }
    expect(wrong).toEqual([]);
    expect(unset.sort()).toEqual([...appliedByResolver].sort());
  });

  it('a TIME grouping without interval or date counts by MONTH of the VALID date, as its options say', async () => {
    type Aggregate = { bucketCount: number; buckets: { keys: { value: string | null }[]; count: number }[] };
    const answer = await service.graphql<{ bare: Aggregate; named: Aggregate; events: Aggregate; eventsNamed: Aggregate }>(
      `{ bare: claimAggregate(groupBy: [{ dimension: TIME }]) { bucketCount buckets(limit: 1000) { keys { value } count } }
         named: claimAggregate(groupBy: [{ dimension: TIME, interval: MONTH, date: VALID }]) { bucketCount buckets(limit: 1000) { keys { value } count } }
         events: eventAggregate(groupBy: [{ dimension: TIME }]) { bucketCount buckets(limit: 1000) { keys { value } count } }
         eventsNamed: eventAggregate(groupBy: [{ dimension: TIME, interval: MONTH }]) { bucketCount buckets(limit: 1000) { keys { value } count } } }`,
    );
    expect(answer.body.errors).toBeUndefined();
    const { bare, named, events, eventsNamed } = answer.body.data!;
    expect(bare.bucketCount).toBeGreaterThan(1);
    expect(bare).toEqual(named);
    expect(events).toEqual(eventsNamed);
    // Month buckets are named by their first day.
    expect(bare.buckets.map((bucket) => bucket.keys[0]!.value).filter((value): value is string => value !== null).every((value) => /^\d{4}-\d{2}-01$/.test(value))).toBe(true);
  });

  it('a page size described as at most 100 refuses 101 and answers 100, as its description says', async () => {
    const over = await service.graphql(`{ places(first: ${maxPageSize + 1}) { totalCount } }`);
    expect(over.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(over.body.errors?.[0]?.message).toMatch(new RegExp(`\\b${maxPageSize}, the maximum page size`));
    const most = await service.graphql<{ places: { edges: unknown[]; totalCount: number } }>(`{ places(first: ${maxPageSize}) { totalCount edges { cursor } } }`);
    expect(most.body.errors).toBeUndefined();
    expect(most.body.data!.places.edges.length).toBe(Math.min(maxPageSize, most.body.data!.places.totalCount));
  });
});

describe('descriptions that name a relationship or a kind of value', () => {
  const inputFields = () =>
    (Object.values(schema.getTypeMap()) as GraphQLNamedType[])
      .filter((type): type is GraphQLInputObjectType => !type.name.startsWith('__') && isInputObjectType(type))
      .flatMap((type) => Object.values(type.getFields()).map((field) => ({ where: `${type.name}.${field.name}`, field })));

  it('"The X relationship\'s `p`" names relationships the model declares, each with that property', () => {
    const wrong: string[] = [];
    let named = 0;
    for (const { where, field } of inputFields()) {
      const said = /The ([A-Z_]+(?: or [A-Z_]+)*) relationship's `(\w+)`/.exec(field.description ?? '');
      if (!said) continue;
      named += 1;
      for (const relationship of said[1]!.split(' or ')) {
        if (!(relationshipTypes as readonly string[]).includes(relationship)) wrong.push(`${where}: no relationship ${relationship}`);
        else if (!(said[2]! in relationshipSpecs[relationship as keyof typeof relationshipSpecs].properties)) wrong.push(`${where}: ${relationship} has no ${said[2]}`);
      }
    }
    expect(named).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });

  it('an input described as text is a String', () => {
    const wrong = inputFields()
      .filter(({ field }) => /\bText\./.test(field.description ?? '') && getNamedType(field.type).name !== 'String')
      .map(({ where, field }) => `${where} is ${getNamedType(field.type).name}, described as text`);
    expect(wrong).toEqual([]);
  });
});

/** A valid value of a property for a write, from its catalogue declaration. */
function valueOf(type: EntityType, property: string, spec: PropertySpec): unknown {
  switch (spec.kind) {
    case 'string':
      if (spec.values) return spec.values[0];
      if (spec.patternHint) return /such as "?([A-Za-z0-9_-]+)"?/.exec(spec.patternHint)![1];
      return `${type} ${property}`;
    case 'strings':
      return [`${type} ${property}`];
    case 'int':
    case 'float':
      return spec.min !== undefined && spec.min > 0 ? spec.min : 1;
    case 'boolean':
      return true;
    case 'date':
      return '2024-03-11';
    case 'point':
      return { latitude: 50.1, longitude: 36.2 };
    case 'url':
      return 'https://example.org/description-test';
    case 'key':
      return sourceKey;
    default:
      return undefined;
  }
}

describe('"Null removes it"', () => {
  const writable = entityTypes.filter((type) => schema.getMutationType()?.getFields()[`update${type}`] && isInputObjectType(schema.getType(`${type}Input`)));

  it('covers every entity type that has an update mutation', () => {
    expect(writable.length).toBeGreaterThanOrEqual(7);
  });

  for (const type of writable) {
    it(`${type}: every input field that says "Null removes it" is set by a value and removed by null`, async () => {
      const input = schema.getType(`${type}Input`);
      if (!isInputObjectType(input)) throw new Error(`${type}Input is missing`);
      const properties = entitySpecs[type].properties as ExposedSpecs;
      const removable = Object.entries(input.getFields())
        .filter(([name, field]) => /Null removes it/.test(field.description ?? '') && properties[name] && valueOf(type, name, properties[name]) !== undefined)
        .map(([name]) => name);
      expect(removable.length, `${type}Input says "Null removes it" of no property`).toBeGreaterThan(0);
      const key = `${entitySpecs[type].prefix}:${marker}-${type.toLowerCase()}`;
      const required = Object.fromEntries((entitySpecs[type].required as readonly string[]).map((name) => [name, valueOf(type, name, properties[name]!)]));
      const set = Object.fromEntries(removable.map((name) => [name, valueOf(type, name, properties[name]!)]));
      const fieldOf = (name: string) => properties[name]!.field ?? name;
      const selection = removable.map((name) => (properties[name]!.kind === 'point' ? `${fieldOf(name)} { latitude }` : fieldOf(name))).join(' ');
      const lookup = type.charAt(0).toLowerCase() + type.slice(1);
      const write = async (mutation: string, values: Record<string, unknown>) => {
        const response = await service.graphql(`mutation ($key: String!, $input: ${type}Input!) { ${mutation}(key: $key, input: $input) { status } }`, { key, input: values }, writer);
        expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
      };
      const read = async () => {
        const response = await service.graphql<Record<string, Record<string, unknown>>>(`query ($key: String!) { ${lookup}(key: $key) { ${selection} } }`, { key });
        expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
        return response.body.data![lookup]!;
      };

      await write(`upsert${type}`, { ...required, ...set });
      const written = await read();
      const empty = (value: unknown) => value === null || (Array.isArray(value) && value.length === 0);
      expect(removable.filter((name) => empty(written[fieldOf(name)]))).toEqual([]);

      await write(`update${type}`, Object.fromEntries(removable.map((name) => [name, null])));
      const removed = await read();
      expect(removable.filter((name) => !empty(removed[fieldOf(name)]))).toEqual([]);
    });
  }
});
