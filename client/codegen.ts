// GraphQL Code Generator's client preset over the committed SDL: `npm run client:generate`
// writes client/generated/ (typed documents and persisted-documents.json); `-- --check` fails
// when what is committed differs from what it would write.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: 'client/operations/*.graphql',
  ignoreNoDocuments: false,
  generates: {
    'client/generated/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        // Each document carries its sha256 (document.__meta__.hash): the same id the server's
        // PERSISTED_OPERATIONS_FILE keys it by, once `npm run persisted:build` has copied the list.
        persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Date: 'string', DateTime: 'string' },
      },
    },
  },
};

export default config;
