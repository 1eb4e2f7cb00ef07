import { builder } from './builder';

interface DatabaseInfo {
  name: string;
  version: string;
  edition: string;
}

const DatabaseInfoType = builder.objectRef<DatabaseInfo>('DatabaseInfo').implement({
  description: 'The Neo4j database that serves this graph.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name of the database the service reads and writes.' }),
    version: t.exposeString('version', { description: 'Neo4j server version, for example "5.26.0".' }),
    edition: t.exposeString('edition', { description: 'Neo4j edition: "community" or "enterprise".' }),
  }),
});

builder.queryField('database', (t) =>
  t.field({
    type: DatabaseInfoType,
    description: 'The database behind the service; asking for it checks that Neo4j answers.',
    resolve: async (_root, _args, context) => {
      const [row] = await context.db.read<{ version: string; edition: string }>(
        'database-info',
        'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition',
      );
      return { name: context.db.database, version: row?.version ?? 'unknown', edition: row?.edition ?? 'unknown' };
    },
  }),
);
