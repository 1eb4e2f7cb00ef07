import { importBundle, maxRejectionsListed, type ImportReport, type Rejection } from '../import/bundle';
import { listBound } from './pagination';
import { ValidationError } from '../write/validate';
import { builder } from './builder';
import { authorOf } from './writes';

const maxLines = 1_000;
const maxCharacters = 1_000_000;

const RejectionRef = builder.objectRef<Rejection>('ImportRejection').implement({
  description: 'A record of a bundle that was not written, and why.',
  fields: (t) => ({
    line: t.exposeInt('line', { description: 'Its line in the bundle (the header is line 1).' }),
    field: t.exposeString('field', { nullable: true, description: 'The field at fault, where one is.' }),
    reason: t.exposeString('reason', { description: 'What is wrong.' }),
  }),
});

const ImportReportRef = builder.objectRef<ImportReport>('ImportReport').implement({
  description: 'What an import wrote.',
  fields: (t) => ({
    records: t.exposeInt('records', { description: 'Records read.' }),
    created: t.exposeInt('created', { description: 'Records that created something.' }),
    updated: t.exposeInt('updated', { description: 'Records that changed something that existed.' }),
    unchanged: t.exposeInt('unchanged', { description: 'Records already in the graph exactly as given.' }),
    rejected: t.exposeInt('rejected', { description: 'Records not written.' }),
    rejections: t.field({ type: [RejectionRef], description: `The rejected records (the first ${maxRejectionsListed}), by line.`, extensions: listBound(maxRejectionsListed), resolve: (report) => report.rejections }),
    transactions: t.exposeInt('transactions', { description: 'Transactions it took.' }),
  }),
});

builder.mutationField('importBundle', (t) =>
  t.field({
    type: ImportReportRef,
    description: `Imports a small bundle (docs/bundle-format.md; at most ${maxLines} lines): good records land, bad ones are reported with their line and reason. For larger bundles, use \`npm run import\`.`,
    args: { ndjson: t.arg.string({ required: true, description: 'The bundle: a header line, then one JSON record per line.' }) },
    resolve: async (_root, args, context) => {
      const author = authorOf(context);
      if (args.ndjson.length > maxCharacters) throw new ValidationError('ndjson', `at most ${maxCharacters} characters (got ${args.ndjson.length}); use npm run import.`);
      const lines = args.ndjson.split('\n');
      if (lines.length > maxLines) throw new ValidationError('ndjson', `at most ${maxLines} lines (got ${lines.length}); use npm run import.`);
      return importBundle(context.db, lines, { author, onCommitted: (keys) => context.live.published(keys) });
    },
  }),
);
