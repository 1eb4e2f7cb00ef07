import type { Neo4jGateway } from '../db/gateway';
import { addRejection, defaultBatchSize, readBundle } from './bundle';
import type { OfflineImport, EmptyLists } from './offline';
import { GraphWrites } from '../write/facade';
import type { GraphRecord } from '../write/records';
import { entityTypes } from '../model';
import type { ValidationError } from '../write/validate';
import type { Author } from '../write/writer';

/** What the offline import's CSV files leave to the imported database once it runs. */

/** Sets the empty string lists of `writeOfflineImport` on the imported graph, as the online import stores them. */
export async function setEmptyLists(gateway: Neo4jGateway, emptyLists: EmptyLists[]): Promise<void> {
  for (const type of entityTypes) {
    const rows = emptyLists.filter((item) => item.type === type).map(({ key, properties }) => ({ key, properties }));
    for (let start = 0; start < rows.length; start += 10_000) {
      await gateway.write('import.offline.empty-lists', `UNWIND $rows AS row MATCH (n:${type} {key: row.key}) SET n += row.properties`, { rows: rows.slice(start, start + 10_000) });
    }
  }
}

/**
 * Writes the repeats of `writeOfflineImport` with the online writer, once the imported graph
 * runs (after `setEmptyLists`), and counts their outcomes in its report: entity records, then
 * claims, then relationships, each kind in the order of the bundle, as one batch takes them.
 * Each kind is a read of the bundle (`open`), keeping no more than a batch in memory.
 */
export async function writeRepeats(gateway: Neo4jGateway, open: () => AsyncIterable<string | ValidationError> | Iterable<string | ValidationError>, prepared: OfflineImport, author: Author): Promise<void> {
  const { report, repeats, createdRepeats } = prepared;
  const writes = new GraphWrites(gateway, author);
  for (const kind of ['entity', 'claim', 'relationship'] as const) {
    if (![...repeats.values()].includes(kind)) continue;
    let batch: { line: number; record: GraphRecord }[] = [];
    const flush = async () => {
      const records = batch;
      batch = [];
      const outcomes = await writes.records(
        'import.offline.repeats',
        records.map(({ record }) => record),
        { relationshipRevisions: false },
      );
      report.transactions += 1;
      outcomes.forEach((outcome, index) => {
        const { line } = records[index]!;
        if (createdRepeats.has(line)) return;
        if (outcome.status === 'rejected') addRejection(report, line, outcome.error);
        else report[outcome.status] += 1;
      });
    };
    for await (const item of readBundle(open())) {
      if ('record' in item && repeats.get(item.line) === kind) batch.push(item);
      if (batch.length >= defaultBatchSize) await flush();
    }
    if (batch.length > 0) await flush();
  }
  report.rejections.sort((a, b) => a.line - b.line);
}
