/**
 * The schema change policy, as code: the printed SDL against the last release's
 * (`schema/released.graphql`), by graphql-js's `findBreakingChanges`. A breaking change passes
 * only when the CHANGELOG.md section of the coming release lists it, and a removal only when the
 * release had deprecated what it removes (`@deprecated(reason:)` first, removal later).
 */
import path from 'node:path';
import { BreakingChangeType, buildSchema, findBreakingChanges, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { projectRoot } from '../project-root';

export const releasedSchemaPath = path.join(projectRoot, 'schema/released.graphql');
export const changelogPath = path.join(projectRoot, 'CHANGELOG.md');

/** The heading of the CHANGELOG.md section whose bullets are the accepted breaking changes. */
export const acceptedHeading = '### Accepted breaking changes';

export interface SchemaVerdict {
  /** Every breaking change, as graphql-js describes it. */
  breaking: string[];
  /** The ones the changelog does not accept, each with why. */
  refused: string[];
}

/**
 * The accepted changes: the bullets under the first `acceptedHeading` (the coming release's),
 * each starting with graphql-js's description in backticks.
 */
export function acceptedChanges(changelog: string): Set<string> {
  const lines = changelog.split('\n');
  const start = lines.findIndex((line) => line.trim() === acceptedHeading);
  const accepted = new Set<string>();
  if (start < 0) return accepted;
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,3} /.test(line)) break;
    const described = line.match(/^- `([^`]+)`/);
    if (described) accepted.add(described[1]!);
  }
  return accepted;
}

/** Whether the released schema had deprecated the field a FIELD_REMOVED change removes ("Type.field was removed."). */
function wasDeprecated(released: GraphQLSchema, description: string): boolean {
  const [typeName, fieldName] = description.split(' ')[0]!.split('.');
  const type = released.getType(typeName ?? '');
  if (!type || !fieldName || !(isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))) return false;
  return Boolean(type.getFields()[fieldName]?.deprecationReason);
}

export function checkSchemaChanges(releasedSdl: string, currentSdl: string, changelog: string): SchemaVerdict {
  const released = buildSchema(releasedSdl);
  const changes = findBreakingChanges(released, buildSchema(currentSdl));
  const accepted = acceptedChanges(changelog);
  const refused: string[] = [];
  for (const change of changes) {
    if (!accepted.has(change.description)) refused.push(`${change.description} (not listed under "${acceptedHeading}" in CHANGELOG.md)`);
    else if (change.type === BreakingChangeType.FIELD_REMOVED && !wasDeprecated(released, change.description)) {
      refused.push(`${change.description} (the last release did not deprecate it: add @deprecated(reason:) first, remove it in a later release)`);
    }
  }
  return { breaking: changes.map((change) => change.description), refused };
}
