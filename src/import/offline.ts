import { addRejection, emptyReport, readBundle, type ImportReport } from './bundle';
import { cycle, Hierarchy, hierarchyTypes, resolveEndpoints, resolveReferences, standingClaims, statedTypes, voidClaim } from '../write/decisions';
import { CsvWriter, endId, nodeId, startId } from './offline-csv';
import { type ClaimReference, type GraphRecord, type RelationshipRecord } from '../write/records';
import { entityTypeOfKey, entityTypes, relationshipTypes, type EntityType, type RelationshipType } from '../model';
import { ValidationError } from '../write/validate';
import { revisionValues, type Author, type PropertyMap } from '../write/writer';

/**
 * The offline import (`npm run import -- <file> --offline`): a bundle turned into the CSV files
 * of `neo4j-admin database import full`, for the first load of an empty local database, making
 * the graph `writeRecords` makes of the whole bundle in one batch. Records are accepted or
 * rejected by the same decisions (`decisions.ts`) over the keys of the whole bundle. The CSV
 * files hold what one batch creates; a key or relationship given again is left to `writeRepeats`,
 * which hands it to `writeRecords` once the database runs, to update it exactly as online. Two
 * passes keep only keys and line numbers in memory: one learns every key, so the other can
 * decide each record as one batch would.
 */

export interface OfflineImport {
  report: ImportReport;
  /** The neo4j-admin arguments that read the CSV files (after the database name). */
  adminArguments: string[];
  /** Written by neo4j-admin (Revision nodes and REVISES included). */
  nodes: number;
  relationships: number;
  /** Of which Revision nodes, and as many REVISES relationships. */
  revisions: number;
  /** Empty string lists, which CSV cannot carry (an empty field is no value): set once the server runs. */
  emptyLists: EmptyLists[];
  /** Lines of records given again (a key or a relationship), with their kind: `writeRepeats` writes them once the server runs. */
  repeats: Map<number, GraphRecord['record']>;
  /** Of the repeats, claims the CSV created, written again for a relationship they give twice: their outcome is counted already. */
  createdRepeats: Set<number>;
}

export interface EmptyLists {
  type: EntityType;
  key: string;
  properties: Record<string, never[]>;
}

export interface OfflineProgress {
  pass: 1 | 2;
  /** Records read in this pass. */
  records: number;
  rejected: number;
}

interface ClaimLine {
  line: number;
  key: string;
  references: ClaimReference[];
  sources: Set<string>;
}

/**
 * Reads the bundle twice (`open` starts a pass) and writes the CSV files into `directory`.
 * Rejections carry the lines and reasons the online import would give.
 */
export async function writeOfflineImport(
  open: (pass: 1 | 2) => AsyncIterable<string | ValidationError> | Iterable<string | ValidationError>,
  directory: string,
  author: Author,
  onProgress?: (progress: OfflineProgress) => void,
): Promise<OfflineImport> {
  const report = emptyReport();
  // Pass 1: the keys of the bundle, and what one batch decides only once it has every record.
  /** The first entity record of each key, which creates it (one batch writes entity records first). */
  const entityLines = new Map<string, number>();
  /** Every claim record of each key; the first accepted one creates the claim unless an entity record does. */
  const claimLines = new Map<string, number[]>();
  const repeats = new Map<number, GraphRecord['record']>();
  const createdRepeats = new Set<number>();
  /** Claims that relationship records start from: which relationships their records give must be known before pass 2 reaches those records. */
  const claimsLinked = new Set<string>();
  const linkedClaims: ClaimLine[] = [];
  const pending: ClaimLine[] = [];
  /** Claims that name claims: they stand only if those do, known once every claim is decided. */
  const namingClaims: ClaimLine[] = [];
  /** Claim keys with a record whose own references resolved. */
  const resolvedClaimKeys = new Set<string>();
  const supersedingClaims: { line: number; to: string }[] = [];
  const supersedingRecords: RelationshipRecord[] = [];
  /** Sources that accepted claims create, with the line of the last such claim (whose properties one batch keeps). */
  const offeredSources = new Map<string, number>();
  const offer = ({ line, sources }: ClaimLine) => {
    for (const key of sources) if ((offeredSources.get(key) ?? 0) < line) offeredSources.set(key, line);
  };
  // As writeRecords resolves a claim's references in one batch of an empty graph: entities and claims of the batch, and the claim's own new sources.
  const resolveForClaim = (key: string, sources: { has: (key: string) => boolean }) => (entityLines.has(key) || claimLines.has(key) || sources.has(key) ? key : undefined);

  let read = 0;
  let lastLine = 0;
  const tell = (pass: 1 | 2) => onProgress?.({ pass, records: read, rejected: report.rejected });
  for await (const item of readBundle(open(1))) {
    if (++read % 2_000 === 0) tell(1);
    report.records += 1;
    lastLine = item.line;
    if ('error' in item) {
      addRejection(report, item.line, item.error);
      continue;
    }
    const { record, line } = item;
    if (record.record === 'relationship') {
      if (entityTypeOfKey(record.from) === 'Claim') claimsLinked.add(record.from);
      if (record.type === 'SUPERSEDES') supersedingRecords.push(record);
      continue;
    }
    if (record.record === 'entity') {
      if (entityLines.has(record.key)) repeats.set(line, 'entity');
      else entityLines.set(record.key, line);
      continue;
    }
    claimLines.set(record.key, [...(claimLines.get(record.key) ?? []), line]);
    const claim = { line, key: record.key, references: record.references, sources: new Set(record.newSources.keys()) };
    if (claimsLinked.has(record.key)) linkedClaims.push(claim);
    for (const reference of record.references) if (reference.type === 'SUPERSEDES') supersedingClaims.push({ line, to: reference.key });
    // Keys only accumulate: a claim that resolves now resolves at the end; the others wait for the whole bundle.
    const resolves = !(resolveReferences(record.references, (key) => resolveForClaim(key, record.newSources)) instanceof ValidationError);
    if (resolves) resolvedClaimKeys.add(claim.key);
    else pending.push(claim);
    if (namesAClaim(claim)) namingClaims.push(claim);
    else if (resolves) offer(claim);
  }
  tell(1);

  const rejectedLines = new Set<number>();
  const rejectClaim = (claim: ClaimLine, error: ValidationError) => {
    addRejection(report, claim.line, error);
    rejectedLines.add(claim.line);
  };
  for (const claim of pending) {
    const resolved = resolveReferences(claim.references, (key) => resolveForClaim(key, claim.sources));
    if (resolved instanceof ValidationError) rejectClaim(claim, resolved);
    else {
      resolvedClaimKeys.add(claim.key);
      if (!namesAClaim(claim)) offer(claim);
    }
  }
  pending.length = 0;
  // As in one batch, a claim naming a claim the bundle rejects falls too, and creates no source.
  const fromEntity = (key: string) => entityLines.has(key);
  const naming = namingClaims.filter(({ line }) => !rejectedLines.has(line));
  for (const claim of standingClaims(naming, (claim) => claim, voidClaim(claimLines, resolvedClaimKeys, fromEntity), rejectClaim)) offer(claim);
  namingClaims.length = 0;
  const accepted = (line: number) => !rejectedLines.has(line);
  const acceptedKeys = { has: (key: string) => claimLines.get(key)?.some(accepted) ?? false };
  /** The record that creates a claim: its first accepted one, unless an entity record does. */
  const creates = (key: string, line: number) => !entityLines.has(key) && claimLines.get(key)?.find(accepted) === line;
  // As writeRecords resolves a relationship's ends once the claims are written.
  const unwritten = voidClaim(claimLines, acceptedKeys, fromEntity);
  const resolveWritten = (key: string) => (!unwritten(key) && (entityLines.has(key) || claimLines.has(key) || offeredSources.has(key)) ? key : undefined);
  // A SUPERSEDES deprecates the claim it reaches (see `supersede` in writer.ts).
  const superseded = new Set<string>();
  for (const { line, to } of supersedingClaims) if (accepted(line)) superseded.add(to);
  for (const record of supersedingRecords) {
    const endpoints = resolveEndpoints(record, resolveWritten);
    if (!(endpoints instanceof ValidationError)) superseded.add(endpoints.to);
  }

  // A relationship given again is found by number: the node ids are the lines of their records, and past the last line, the sources claims create.
  const sourceIds = new Map<string, number>();
  let span = lastLine + 1;
  for (const key of offeredSources.keys()) if (!entityLines.has(key)) sourceIds.set(key, span++);
  if (relationshipTypes.length * span * span > Number.MAX_SAFE_INTEGER) throw new Error(`A bundle of ${lastLine} lines is too large for an offline import; import it online.`);
  const idOf = (key: string) => {
    const id = entityLines.get(key) ?? claimLines.get(key)?.[0] ?? sourceIds.get(key);
    if (id === undefined) throw new Error(`"${key}" names no node`);
    return id;
  };
  const pairOf = (type: RelationshipType, from: string, to: string) => (relationshipTypes.indexOf(type) * span + idOf(from)) * span + idOf(to);
  /** The relationships given so far: claims' references first, as one batch writes claims before relationships. */
  const givenPairs = new Set<number>();
  const claimGives = ({ key, references }: ClaimLine) => {
    for (const reference of references) givenPairs.add(pairOf(reference.type, key, reference.key));
  };
  for (const claim of linkedClaims) if (accepted(claim.line)) claimGives(claim);
  linkedClaims.length = 0;

  // Pass 2: write in CSV what one batch creates.
  const csv = new CsvWriter(directory);
  const { now, principal } = author;
  const recorded = { recordedAt: now, recordedBy: principal };
  const deprecated = { rank: 'DEPRECATED', rankReason: 'SUPERSEDED', rankedAt: now, updatedAt: now, updatedBy: principal };
  const emptyLists: EmptyLists[] = [];
  const writeEntity = (type: EntityType, key: string, properties: PropertyMap) => {
    csv.entity(type, superseded.has(key) ? { key, ...recorded, ...deprecated } : { key, ...recorded }, properties);
    csv.revision({ [nodeId]: key, at: now, by: principal, operation: 'ENTITY_CREATED', changed: Object.keys(properties), values: revisionValues({ properties }) });
    const empty = Object.keys(properties).filter((name) => Array.isArray(properties[name]) && properties[name].length === 0);
    if (empty.length > 0) emptyLists.push({ type, key, properties: Object.fromEntries(empty.map((name) => [name, []])) });
  };
  const writeLink = (type: RelationshipType, from: string, to: string, properties: PropertyMap) =>
    csv.relationship(type, { [startId]: from, [endId]: to, ...recorded }, properties);

  // As in one batch, a hierarchy's relationships are taken in order, each refused if it closes a cycle.
  const hierarchies = new Map(hierarchyTypes.map((type) => [type, new Hierarchy()]));
  read = 0;
  try {
    for await (const item of readBundle(open(2))) {
      if (++read % 2_000 === 0) tell(2);
      if ('error' in item) continue;
      const { record, line } = item;
      if (record.record === 'entity') {
        if (entityLines.get(record.key) !== line) continue;
        writeEntity(record.type, record.key, record.properties);
      } else if (record.record === 'claim') {
        if (!accepted(line)) continue;
        const claim = { line, key: record.key, references: record.references, sources: new Set<string>() };
        if (claimsLinked.has(record.key)) claimGives(claim);
        if (!creates(record.key, line)) {
          repeats.set(line, 'claim');
          continue;
        }
        writeEntity('Claim', record.key, record.properties);
        // A source given as an entity is never altered; one that several claims create gets the last one's properties.
        for (const [key, properties] of record.newSources) {
          if (!entityLines.has(key) && offeredSources.get(key) === line) writeEntity('Source', key, properties);
        }
        const written = new Set<number>();
        // A later record of the claim states its makers, subjects and sources: written with it, as a repeat.
        const last = claimLines.get(record.key)?.filter(accepted).at(-1) === line;
        for (const reference of record.references) {
          if (!last && statedTypes.includes(reference.type)) continue;
          const pair = pairOf(reference.type, record.key, reference.key);
          if (written.has(pair)) {
            repeats.set(line, 'claim');
            createdRepeats.add(line);
          } else writeLink(reference.type, record.key, reference.key, reference.properties);
          written.add(pair);
        }
      } else {
        const endpoints = resolveEndpoints(record, resolveWritten);
        if (endpoints instanceof ValidationError) {
          addRejection(report, line, endpoints);
          continue;
        }
        const hierarchy = hierarchies.get(record.type);
        if (hierarchy && !hierarchy.accept(endpoints.from, endpoints.to)) {
          addRejection(report, line, cycle(`${record.field}.to`, record.type, endpoints));
          continue;
        }
        const pair = pairOf(record.type, endpoints.from, endpoints.to);
        if (givenPairs.has(pair)) {
          repeats.set(line, 'relationship');
          continue;
        }
        givenPairs.add(pair);
        writeLink(record.type, endpoints.from, endpoints.to, record.properties);
      }
      report.created += 1;
    }
    tell(2);
  } finally {
    csv.close();
  }
  report.rejections.sort((a, b) => a.line - b.line);
  const revisions = csv.rowsOf('Revision');
  return {
    report,
    adminArguments: csv.adminArguments(),
    nodes: entityTypes.reduce((sum, type) => sum + csv.rowsOf(type), revisions),
    relationships: relationshipTypes.reduce((sum, type) => sum + csv.rowsOf(type), revisions),
    revisions,
    emptyLists,
    repeats,
    createdRepeats,
  };
}

const namesAClaim = ({ references }: { references: readonly ClaimReference[] }) => references.some((reference) => entityTypeOfKey(reference.key) === 'Claim');
