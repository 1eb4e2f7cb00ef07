import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType, validateSchema } from 'graphql';
import { parse } from 'yaml';
import { configVariableNames, loadConfig } from '../src/server/config';
import { printSchemaFile, schemaFilePath } from '../src/graphql/print';
import { schema } from '../src/graphql/schema';
import { projectRoot } from '../src/project-root';

const read = (file: string) => readFileSync(path.join(projectRoot, file), 'utf8');

describe('the printed schema', () => {
  it('is a valid GraphQL schema', () => {
    expect(validateSchema(schema).map((error) => error.message)).toEqual([]);
  });

  it('describes every type, field, argument and enum value (the GraphiQL docs pane is the manual)', () => {
    const undescribed: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
      if (!type.description) undescribed.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undescribed.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) undescribed.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) undescribed.push(`${type.name}.${value.name}`);
      }
    }
    expect(undescribed).toEqual([]);
  });

  it('is current: schema/schema.graphql matches the Pothos builder (npm run schema:print)', () => {
    expect(readFileSync(schemaFilePath, 'utf8')).toBe(printSchemaFile());
  });
});

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml')) as {
    services: Record<string, { image?: string; environment?: Record<string, string>; ports?: string[]; volumes?: string[] }>;
  };
  const neo4j = compose.services.neo4j!;
  const service = compose.services.service!;
  const defaults = loadConfig({});

  it('runs the same Neo4j major and minor version as the local server', () => {
    const pinned = /<neo4j\.version>(\d+\.\d+)\.\d+<\/neo4j\.version>/.exec(read('neo4j-local/pom.xml'))?.[1];
    expect(pinned).toBe('5.26');
    expect(neo4j.image).toMatch(new RegExp(`^neo4j:${pinned!.replace('.', '\\.')}\\.\\d+-community$`));
  });

  it('gives the service only variables the service reads, pointing at the neo4j container', () => {
    const names = Object.keys(service.environment ?? {});
    expect(names.filter((name) => !configVariableNames.includes(name as never))).toEqual([]);
    expect(service.environment?.NEO4J_URI).toBe(`bolt://neo4j:${defaults.NEO4J_LOCAL_PORT}`);
    expect(() => loadConfig(service.environment ?? {})).not.toThrow();
  });

  it('publishes the same ports as the code uses', () => {
    expect(service.ports).toContain(`${defaults.PORT}:${service.environment?.PORT}`);
    expect(service.environment?.PORT).toBe(String(defaults.PORT));
    // Bolt on the host's loopback only.
    expect(neo4j.ports).toContain(`127.0.0.1:${defaults.NEO4J_LOCAL_PORT}:7687`);
    expect(read('Dockerfile')).toContain(`EXPOSE ${defaults.PORT}`);
  });

  it('mounts cypher/ into the Neo4j container for cypher-shell', () => {
    expect(neo4j.volumes).toContain('./cypher:/cypher:ro');
  });

  it('uses the password it gives Neo4j, read from .env (named in .env.example), never written in the file', () => {
    expect(neo4j.environment?.NEO4J_AUTH).toBe(`neo4j/${service.environment?.NEO4J_PASSWORD}`);
    expect(service.environment?.NEO4J_PASSWORD).toMatch(/^\$\{NEO4J_PASSWORD:\?.+\}$/);
    expect(read('.env.example')).toMatch(/^NEO4J_PASSWORD=$/m);
  });
});
