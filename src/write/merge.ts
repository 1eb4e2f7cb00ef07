import type { ObservedTransaction } from '../db/gateway';
import { toPlain } from '../db/values';
import { ClientError, ErrorCode } from '../server/errors';
import { entityTypeOfKey, relationshipTypes } from '../model';
import { validateKey, ValidationError } from './validate';
import { hierarchyTypes } from './decisions';
import { hierarchyAbove, resolveKeys, type Author } from './writer';

/** Relationships a merge moves besides the model's own: history, spellings and earlier redirects. */
const bookkeepingTypes = ['REVISES', 'HAS_NAME', 'REDIRECTS_TO'] as const;
const systemProperties = new Set<string>(['key', 'recordedAt', 'recordedBy', 'updatedAt', 'updatedBy', 'formerKeys']);

export interface MergeResult {
  survivor: string;
  retired: string;
  moved: number;
}

/**
 * Merges two records of the same entity: every relationship of the duplicate moves to the
 * survivor (one already there is kept as it is), properties the survivor lacks are copied, the
 * duplicate's names become aliases, and its key keeps resolving through a Redirect. The
 * duplicate's properties are kept in the survivor's history.
 */
export async function mergeEntities(tx: ObservedTransaction, survivorInput: unknown, duplicateInput: unknown, author: Author): Promise<MergeResult> {
  const survivorKey = validateKey(survivorInput, 'survivor');
  const duplicateKey = validateKey(duplicateInput, 'duplicate');
  const current = await resolveKeys(tx, [survivorKey, duplicateKey]);
  const survivor = current.get(survivorKey);
  const duplicate = current.get(duplicateKey);
  if (!survivor) throw new ClientError(ErrorCode.NOT_FOUND, `Nothing has the key "${survivorKey}".`, { extensions: { field: 'survivor' } });
  if (!duplicate) throw new ClientError(ErrorCode.NOT_FOUND, `Nothing has the key "${duplicateKey}".`, { extensions: { field: 'duplicate' } });
  if (survivor === duplicate) throw new ValidationError('duplicate', `"${duplicateKey}" and "${survivorKey}" are already the same entity.`);
  const type = entityTypeOfKey(survivor)!;
  if (entityTypeOfKey(duplicate) !== type) throw new ValidationError('duplicate', `"${duplicate}" is not a ${type}, as "${survivor}" is; only records of the same kind merge.`);
  const label = type;
  const parameters = { survivor, duplicate, ...author };

  let moved = 0;
  for (const relationship of [...relationshipTypes, ...bookkeepingTypes]) {
    for (const pattern of [`(d)-[r:${relationship}]->(other)`, `(d)<-[r:${relationship}]-(other)`]) {
      const merged = pattern.replace('(d)', '(s)').replace('[r:', '[moved:');
      const result = await tx.run<{ count: number }>(
        `MATCH (d:${label} {key: $duplicate}), (s:${label} {key: $survivor})
         MATCH ${pattern}
         // A relationship between the two records would become a loop: it goes.
         CALL (s, r, other) {
           WITH * WHERE other <> s
           MERGE ${merged}
           ON CREATE SET moved = properties(r)
         }
         DELETE r
         RETURN count(r) AS count`,
        parameters,
      );
      moved += result.rows[0]?.count ?? 0;
    }
  }

  // Two records of one place can sit at two levels of its hierarchy: one record of both would be its own ancestor.
  for (const type of hierarchyTypes) {
    const hierarchy = await hierarchyAbove(tx, type, [survivor]);
    if (hierarchy.onCycle(survivor)) {
      throw new ValidationError('duplicate', `merging "${duplicate}" into "${survivor}" would make a cycle of ${type}: one is, through ${type}, in the other.`);
    }
  }

  const [records] = (
    await tx.run<{ survivorProperties: Record<string, unknown>; duplicateProperties: Record<string, unknown> }>(
      `MATCH (d:${label} {key: $duplicate}), (s:${label} {key: $survivor})
       RETURN properties(s) AS survivorProperties, properties(d) AS duplicateProperties`,
      parameters,
    )
  ).rows;
  const kept = records!.survivorProperties;
  const retired = records!.duplicateProperties;
  const copied = Object.keys(retired).filter((name) => !systemProperties.has(name) && kept[name] === undefined);
  const aliasProperty = type === 'Place' ? 'names' : 'aliases';
  const aliases = [...new Set([...list(kept[aliasProperty]), ...list(retired.name), ...list(retired[aliasProperty])])].filter((name) => name !== kept.name);
  const formerKeys = [...new Set([...list(kept.formerKeys), duplicate, ...list(retired.formerKeys)])];
  await tx.run(
    `MATCH (d:${label} {key: $duplicate}), (s:${label} {key: $survivor})
     FOREACH (name IN $copied | SET s[name] = d[name])
     SET s.${aliasProperty} = $aliases, s.formerKeys = $formerKeys, s.updatedAt = datetime($now), s.updatedBy = $principal
     CREATE (s)<-[:REVISES]-(:Revision {at: datetime($now), by: $principal, operation: 'MERGED', changed: $copied + ['${aliasProperty}', 'formerKeys'], values: $retiredJson})
     CREATE (:Redirect {key: $duplicate, recordedAt: datetime($now), recordedBy: $principal})-[:REDIRECTS_TO]->(s)
     DETACH DELETE d`,
    { ...parameters, copied, aliases, formerKeys, retiredJson: JSON.stringify(toPlain(retired)) },
  );
  return { survivor, retired: duplicate, moved };
}

function list(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
