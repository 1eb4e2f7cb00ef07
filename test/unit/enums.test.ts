import { describe, expect, it } from 'vitest';
import { getNamedType, isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLField, type GraphQLInputField } from 'graphql';
import { schema } from '../../src/graphql/schema';
import { datePrecisions, entitySpecs, entityTypes, relationshipSpecs, relationshipTypes, type PropertySpec } from '../../src/model';
import { allPropertiesOf } from '../../src/model/entities';

/** Every enumeration the catalogue declares, by where: `Type.property` or `RELATIONSHIP.property`. */
function catalogueEnumerations(): Map<string, { enum?: string; values: readonly string[] }> {
  const found = new Map<string, { enum?: string; values: readonly string[] }>();
  const add = (where: string, spec: PropertySpec | { kind: 'datetime' }) => {
    if (spec.kind === 'string' && spec.values) found.set(where, { enum: spec.enum, values: spec.values });
    if (spec.kind === 'date') found.set(`${where}Precision`, { enum: 'DatePrecision', values: datePrecisions });
  };
  for (const type of entityTypes) for (const [property, spec] of Object.entries(allPropertiesOf(type))) add(`${type}.${property}`, spec);
  for (const type of relationshipTypes) for (const [property, spec] of Object.entries(relationshipSpecs[type].properties as Record<string, PropertySpec>)) add(`${type}.${property}`, spec);
  return found;
}

const vocabularies = [...new Set([...catalogueEnumerations().values()].map((vocabulary) => vocabulary.values))];
/** The values of a vocabulary that a description names as words ("EXPLICIT, IMPLICIT or AMBIGUOUS"). */
const namedValues = (description: string, values: readonly string[]) => values.filter((value) => new RegExp(`\\b${value}\\b`).test(description));

describe('enumerations, from the catalogue to the schema', () => {
  it('every enumeration of the catalogue names a GraphQL enum with exactly its values', () => {
    for (const [where, vocabulary] of catalogueEnumerations()) {
      expect(vocabulary.enum, `${where} has no enum name`).toBeTruthy();
      const type = schema.getType(vocabulary.enum!);
      expect(isEnumType(type), `${where}: ${vocabulary.enum} is not an enum of the schema`).toBe(true);
      if (isEnumType(type)) expect(type.getValues().map((value) => value.name).sort(), where).toEqual([...vocabulary.values].sort());
    }
  });

  it('no output field whose values form a known set is a String', () => {
    const loose: string[] = [];
    const enumerations = catalogueEnumerations();
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
        if (getNamedType(field.type).name !== 'String') continue;
        const where = `${type.name}.${field.name}`;
        const extensions = field.extensions as { property?: string; relationshipProperty?: string };
        // A field of an entity names its property; one of a relationship's row its relationship's.
        const declared = extensions.relationshipProperty ?? (extensions.property && entityTypes.includes(type.name as never) ? `${type.name}.${extensions.property}` : undefined);
        if (declared && enumerations.has(declared)) loose.push(`${where} reads ${declared}`);
        else if (field.name.endsWith('Precision')) loose.push(`${where} is a precision`);
        else {
          // Fields not tied to the catalogue: a description that lists two values of a vocabulary gives the set away.
          const listed = vocabularies.map((values) => namedValues(field.description ?? '', values)).find((values) => values.length >= 2);
          if (listed) loose.push(`${where} describes ${listed.join(', ')}`);
        }
      }
    }
    expect(loose).toEqual([]);
  });

  it('inputs take the same enums, and say "null removes it" only of what null removes', () => {
    const enumerations = catalogueEnumerations();
    const mismatched: string[] = [];
    for (const type of entityTypes) {
      const input = schema.getType(`${type}Input`);
      if (!isInputObjectType(input)) throw new Error(`${type}Input is missing`);
      for (const [name, field] of Object.entries(input.getFields()) as [string, GraphQLInputField][]) {
        const vocabulary = enumerations.get(`${type}.${name}`);
        if (vocabulary && getNamedType(field.type).name !== vocabulary.enum) mismatched.push(`${type}Input.${name} is ${getNamedType(field.type).name}`);
        if (!(name in entitySpecs[type].properties)) continue;
        const required = (entitySpecs[type].required as readonly string[]).includes(name);
        if (required === /Null removes it/.test(field.description ?? '')) mismatched.push(`${type}Input.${name}: ${field.description}`);
      }
    }
    expect(mismatched).toEqual([]);
  });
});
