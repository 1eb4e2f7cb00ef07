import type { ObservedTransaction } from '../db/gateway';
import { ClientError, ErrorCode } from '../server/errors';
import { entitySpecs, entityTypeOfKey, entityTypes, relationshipSpecs, relationshipTypes, type EntityType, type RelationshipType } from '../model';
import { validateEntityKey, validateKey, validateProperties, ValidationError, type PropertyChanges } from './validate';
import { cycle, hierarchyTypes, resolveEndpoints, resolveReferences, selfLoop, standingClaims, statedTypes, voidClaim, type ResolvedReference } from './decisions';
import { closingCycles, createEntities, linkEntities, resolveKeys, staleClaimLinks, unlinkEntities, updateEntities, upsertEntities, type Author, type LinkRow, type PropertyMap, type WriteStatus } from './writer';

/**
 * The records of a write, as the bundle format (docs/bundle-format.md) and the mutations share
 * them: an entity, a relationship, or a claim with its makers, subjects, sources and links.
 */
export type GraphRecord = EntityRecord | RelationshipRecord | ClaimRecord;

export interface EntityRecord {
  record: 'entity';
  type: EntityType;
  key: string;
  properties: PropertyMap;
}

export interface RelationshipRecord {
  record: 'relationship';
  type: RelationshipType;
  from: string;
  to: string;
  properties: PropertyMap;
  /** Where the record was given, to name it in errors. */
  field: string;
}

/** A reference from a claim to another entity, with the properties of the relationship. */
export interface ClaimReference {
  type: RelationshipType;
  key: string;
  properties: PropertyMap;
  /** Where the reference was given, to name it in errors. */
  field: string;
}

export interface ClaimRecord {
  record: 'claim';
  key: string;
  properties: PropertyMap;
  references: ClaimReference[];
  /** Sources to create when they do not exist yet, by key. */
  newSources: Map<string, PropertyMap>;
}

const claimReferenceFields = {
  madeBy: 'MADE_BY',
  about: 'ABOUT',
  sources: 'STATED_IN',
  supports: 'SUPPORTS',
  contradicts: 'CONTRADICTS',
  supersedes: 'SUPERSEDES',
  evidence: 'EVIDENCED_BY',
} as const satisfies Record<string, RelationshipType>;

const asProperties = (changes: PropertyChanges): PropertyMap => ({
  ...changes.set,
  ...Object.fromEntries(changes.remove.map((name) => [name, null])),
});

function objectAt(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ValidationError(field, 'must be an object.');
  return value as Record<string, unknown>;
}

function listAt(value: unknown, field: string, max = 1_000): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ValidationError(field, 'must be a list.');
  if (value.length > max) throw new ValidationError(field, `at most ${max} items (got ${value.length}).`);
  return value;
}

function onlyFields(input: Record<string, unknown>, allowed: readonly string[], field: string) {
  const unknown = Object.keys(input).filter((name) => !allowed.includes(name));
  if (unknown.length > 0) throw new ValidationError(`${field}.${unknown[0]}`, `is not a field here; known fields: ${allowed.join(', ')}.`);
}

/** Validates an entity: its key (with the type's prefix) and its properties. */
export function validateEntityRecord(type: EntityType, key: unknown, properties: unknown, field: string, options: { requireAll: boolean }): EntityRecord {
  const spec = entitySpecs[type];
  const changes = validateProperties(spec.properties, objectAt(properties ?? {}, `${field}.properties`), `${field}.properties`, options.requireAll ? spec.required : [], spec.required);
  return { record: 'entity', type, key: validateEntityKey(key, `${field}.key`, type), properties: asProperties(changes) };
}

export function validateRelationshipRecord(type: unknown, from: unknown, to: unknown, properties: unknown, field: string): RelationshipRecord {
  if (!relationshipTypes.includes(type as RelationshipType)) {
    throw new ValidationError(`${field}.type`, `"${String(type).slice(0, 40)}" is not a relationship type; known types: ${relationshipTypes.join(', ')}.`);
  }
  const relationshipType = type as RelationshipType;
  const spec = relationshipSpecs[relationshipType];
  const fromKey = validateKey(from, `${field}.from`, spec.from);
  const toKey = validateKey(to, `${field}.to`, spec.to);
  if (fromKey === toKey) throw selfLoop(`${field}.to`, relationshipType, toKey);
  const changes = validateProperties(spec.properties, objectAt(properties ?? {}, `${field}.properties`), `${field}.properties`);
  return { record: 'relationship', type: relationshipType, from: fromKey, to: toKey, properties: asProperties(changes), field };
}

/** A claim's references of one kind, each `{key, ...relationship properties}`; a source or evidence may carry `source: {...}` to create it. */
function validateReferences(items: unknown, type: RelationshipType, at: string, claimKey: string | undefined, newSources: Map<string, PropertyMap>): ClaimReference[] {
  return listAt(items, at).map((item, index) => {
    const field = `${at}[${index}]`;
    const { key, source, ...relationProperties } = objectAt(item, field);
    const spec = relationshipSpecs[type];
    const checkedKey = validateKey(key, `${field}.key`, spec.to);
    if (checkedKey === claimKey) throw selfLoop(`${field}.key`, type, checkedKey);
    if (source !== undefined && source !== null) {
      if (type !== 'STATED_IN' && type !== 'EVIDENCED_BY') throw new ValidationError(`${field}.source`, 'only a source or evidence reference can create its source.');
      newSources.set(checkedKey, validateEntityRecord('Source', checkedKey, source, `${field}.source`, { requireAll: true }).properties);
    }
    const changes = validateProperties(spec.properties, relationProperties, field);
    return { type, key: checkedKey, properties: asProperties(changes), field: `${field}.key` };
  });
}

/**
 * Validates a claim: its properties, and each reference as `{key, ...relationship properties}`;
 * a source reference may carry `source: {...}` to create that source when it is new.
 */
export function validateClaimRecord(input: Record<string, unknown>, field: string): ClaimRecord {
  onlyFields(input, ['record', 'key', 'properties', ...Object.keys(claimReferenceFields)], field);
  const base = validateEntityRecord('Claim', input.key, input.properties, field, { requireAll: true });
  const newSources = new Map<string, PropertyMap>();
  const references = Object.entries(claimReferenceFields).flatMap(([name, type]) => validateReferences(input[name], type, `${field}.${name}`, base.key, newSources));
  if (!references.some((reference) => reference.type === 'MADE_BY')) throw new ValidationError(`${field}.madeBy`, 'a claim needs at least one maker.');
  if (!references.some((reference) => reference.type === 'STATED_IN')) throw new ValidationError(`${field}.sources`, 'a claim needs at least one source.');
  return { record: 'claim', key: base.key, properties: base.properties, references, newSources };
}

/**
 * An earlier record of a claim that a bundle gives again, stating what its `last` record states:
 * the last record's makers, subjects and sources (and the sources it creates), its own
 * properties and other links. Written so, the claim's batch leaves it as the whole bundle does,
 * whichever batches its records fall in, and writing the bundle again changes nothing.
 */
export function statingAsLast(record: ClaimRecord, last: ClaimRecord): ClaimRecord {
  const stated = (reference: ClaimReference) => statedTypes.includes(reference.type);
  return {
    ...record,
    references: [...record.references.filter((reference) => !stated(reference)), ...last.references.filter(stated)],
    newSources: new Map([...record.newSources, ...last.newSources]),
  };
}

/** Sources to add to a recorded claim (`addClaimSources`): at least one, as a claim record gives them. */
export function validateClaimSources(input: unknown[], field: string): { references: ClaimReference[]; newSources: Map<string, PropertyMap> } {
  const newSources = new Map<string, PropertyMap>();
  const references = validateReferences(input, 'STATED_IN', field, undefined, newSources);
  if (references.length === 0) throw new ValidationError(field, 'give at least one source.');
  return { references, newSources };
}

/** Validates one record of a bundle, as parsed JSON. */
export function validateRecord(input: unknown, field: string): GraphRecord {
  const record = objectAt(input, field);
  switch (record.record) {
    case 'entity': {
      onlyFields(record, ['record', 'type', 'key', 'properties'], field);
      if (!entityTypes.includes(record.type as EntityType)) {
        throw new ValidationError(`${field}.type`, `"${String(record.type).slice(0, 40)}" is not an entity type; known types: ${entityTypes.join(', ')}.`);
      }
      return validateEntityRecord(record.type as EntityType, record.key, record.properties, field, { requireAll: true });
    }
    case 'relationship':
      onlyFields(record, ['record', 'type', 'from', 'to', 'properties'], field);
      return validateRelationshipRecord(record.type, record.from, record.to, record.properties, field);
    case 'claim':
      return validateClaimRecord(record, field);
    default:
      throw new ValidationError(`${field}.record`, 'must be "entity", "relationship" or "claim".');
  }
}

export type RecordOutcome = { status: WriteStatus } | { status: 'rejected'; error: ValidationError };
/**
 * Writes records in one transaction, in order of dependency: entities, then claims (with the
 * sources they create), then relationships. A record whose references name nothing is rejected
 * and nothing of it is written (a record naming a claim the call rejects included); the others land. Entities and claims written by earlier records
 * of the same call count as existing. Bulk imports leave out the revisions of relationships
 * (each still records who wrote it and when): they would triple the writes.
 */
export async function writeRecords(
  tx: ObservedTransaction,
  records: GraphRecord[],
  author: Author,
  options: { relationshipRevisions: boolean } = { relationshipRevisions: true },
): Promise<RecordOutcome[]> {
  const outcomes: (RecordOutcome | undefined)[] = new Array(records.length);
  const entities = records.flatMap((record, index) => (record.record === 'entity' ? [{ record, index }] : []));
  const claims = records.flatMap((record, index) => (record.record === 'claim' ? [{ record, index }] : []));
  const relationships = records.flatMap((record, index) => (record.record === 'relationship' ? [{ record, index }] : []));
  // One lookup for every key the records write or name: which exist, and where retired keys lead.
  const written = new Set([...entities, ...claims].map(({ record }) => record.key));
  const named = [...claims.flatMap(({ record }) => record.references.map((reference) => reference.key)), ...relationships.flatMap(({ record }) => [record.from, record.to])];
  const current = await resolveKeys(tx, [...written, ...named], written);
  const existing = new Set([...current].filter(([key, to]) => key === to).map(([key]) => key));
  const created = new Set<string>();

  for (const type of entityTypes) {
    const ofType = entities.filter(({ record }) => record.type === type);
    const statuses = await upsertEntities(tx, type, ofType.map(({ record }) => record), author, existing, created);
    ofType.forEach(({ index }, position) => (outcomes[index] = { status: statuses[position]! }));
  }

  const claimKeys = new Set(claims.map(({ record }) => record.key));
  const resolve = (key: string, newSources: Map<string, PropertyMap>) =>
    existing.has(key) ? key : (current.get(key) ?? (claimKeys.has(key) || newSources.has(key) ? key : undefined));

  const resolvedClaims: { record: ClaimRecord; index: number; references: ResolvedReference[] }[] = [];
  for (const { record, index } of claims) {
    let resolved = resolveReferences(record.references, (key) => resolve(key, record.newSources));
    // A retired key may lead to the claim itself.
    const own = resolved instanceof ValidationError ? undefined : resolved.find(({ key }) => key === record.key);
    if (own) resolved = selfLoop(own.reference.field, own.reference.type, own.key);
    if (resolved instanceof ValidationError) outcomes[index] = { status: 'rejected', error: resolved };
    else resolvedClaims.push({ record, index, references: resolved });
  }
  const elsewhere = (key: string) => existing.has(key) || current.has(key);
  const accepted = standingClaims(
    resolvedClaims,
    ({ record }) => record,
    voidClaim(claimKeys, new Set(resolvedClaims.map(({ record }) => record.key)), elsewhere),
    ({ index }, error) => (outcomes[index] = { status: 'rejected', error }),
  );
  const newSources = new Map(accepted.flatMap(({ record }) => [...record.newSources]));
  // A relationship may name a claim of this call only if that claim was accepted (or an entity record of the call gave its key).
  const unwritten = voidClaim(claimKeys, new Set(accepted.map(({ record }) => record.key)), elsewhere);
  const resolveWritten = (key: string) => (unwritten(key) ? undefined : resolve(key, newSources));
  // Only sources whose key names nothing: an existing one is never altered, a retired one leads to its survivor.
  const sourcesToCreate = [...newSources].filter(([key]) => !existing.has(key) && !current.has(key)).map(([key, properties]) => ({ key, properties }));
  await upsertEntities(tx, 'Source', sourcesToCreate, author, existing, created);
  const claimStatuses = await upsertEntities(tx, 'Claim', accepted.map(({ record }) => record), author, existing, created);

  const links: { type: RelationshipType; row: LinkRow; owner: number }[] = [];
  // A claim's makers, subjects and sources are those of its last record (docs/bundle-format.md).
  const lastRecord = new Map(accepted.map(({ record, index }) => [record.key, index]));
  accepted.forEach(({ record, index, references }, position) => {
    outcomes[index] = { status: claimStatuses[position]! };
    for (const { reference, key } of references) {
      if (statedTypes.includes(reference.type) && lastRecord.get(record.key) !== index) continue;
      links.push({ type: reference.type, row: { from: record.key, to: key, properties: reference.properties }, owner: index });
    }
  });
  for (const { record, index } of relationships) {
    const endpoints = resolveEndpoints(record, resolveWritten);
    if (endpoints instanceof ValidationError) outcomes[index] = { status: 'rejected', error: endpoints };
    else links.push({ type: record.type, row: { ...endpoints, properties: record.properties }, owner: index });
  }
  for (const type of relationshipTypes) {
    let ofType = links.filter((link) => link.type === type);
    if (hierarchyTypes.includes(type)) {
      const closing = await closingCycles(tx, type, ofType.map((link) => link.row));
      ofType = ofType.filter(({ row, owner }, position) => {
        if (!closing[position]) return true;
        outcomes[owner] = { status: 'rejected', error: cycle(`${(records[owner] as RelationshipRecord).field}.to`, type, row) };
        return false;
      });
    }
    const statuses = await linkEntities(tx, type, ofType.map((link) => link.row), author, { revisions: options.relationshipRevisions, created });
    ofType.forEach(({ owner }, position) => {
      const outcome = outcomes[owner];
      const linkStatus = statuses[position];
      if (!linkStatus) return;
      if (!outcome) outcomes[owner] = { status: linkStatus };
      else if (outcome.status === 'unchanged' && linkStatus !== 'unchanged') outcomes[owner] = { status: 'updated' };
    });
  }
  // What a claim stated before and its last record no longer does; a relationship record of this write keeps its link.
  const keep = (claim: string) => Object.fromEntries(statedTypes.map((type) => [type, links.filter((link) => link.type === type && link.row.from === claim).map((link) => link.row.to)]));
  const stale = await staleClaimLinks(tx, [...lastRecord.keys()].filter((key) => !created.has(key)).map((claim) => ({ claim, keep: keep(claim) })));
  for (const type of statedTypes) await unlinkEntities(tx, type, stale.filter((link) => link.type === type), author);
  for (const { from } of stale) {
    const owner = lastRecord.get(from)!;
    if (outcomes[owner]?.status === 'unchanged') outcomes[owner] = { status: 'updated' };
  }
  return outcomes.map((outcome) => outcome ?? { status: 'unchanged' });
}

export type EntityWriteMode = 'create' | 'update' | 'upsert';

/**
 * One entity written by key in one transaction: `create` refuses a taken key (CONFLICT),
 * `update` a key that names nothing (NOT_FOUND), `upsert` does whichever applies. A key that a
 * merge retired writes to the survivor. Properties are checked before anything is written.
 */
export async function writeEntity(
  tx: ObservedTransaction,
  author: Author,
  type: EntityType,
  mode: EntityWriteMode,
  keyInput: unknown,
  input: Record<string, unknown>,
): Promise<{ status: WriteStatus; key: string }> {
  const key = validateEntityKey(keyInput, 'key', type);
  const spec = entitySpecs[type];
  const properties = asProperties(validateProperties(spec.properties, input, 'input', [], spec.required));
  const current = (await resolveKeys(tx, [key])).get(key);
  if (current && mode === 'create') throw new ClientError(ErrorCode.CONFLICT, `"${key}" is taken${current === key ? '' : ` (merged into "${current}")`}.`, { extensions: { field: 'key' } });
  if (!current && mode === 'update') throw new ClientError(ErrorCode.NOT_FOUND, `No ${type.toLowerCase()} has the key "${key}".`, { extensions: { field: 'key' } });
  if (current) {
    const [status] = await updateEntities(tx, type, [{ key: current, properties }], author);
    if (!status) throw new ClientError(ErrorCode.CONFLICT, `"${key}" names a ${entityTypeOfKey(current)}, not a ${type}.`, { extensions: { field: 'key' } });
    return { status, key: current };
  }
  const missing = spec.required.find((name) => properties[name] === undefined || properties[name] === null);
  if (missing) throw new ValidationError(`input.${missing}`, `is required to create a ${type.toLowerCase()}.`);
  const taken = await createEntities(tx, type, [{ key, properties }], author);
  if (taken.size === 0) return { status: 'created', key };
  // Another writer created the key since the lookup.
  if (mode === 'create') throw new ClientError(ErrorCode.CONFLICT, `"${key}" is taken.`, { extensions: { field: 'key' } });
  const [status] = await updateEntities(tx, type, [{ key, properties }], author);
  return { status: status!, key };
}
