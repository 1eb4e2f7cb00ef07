import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Neo4jGateway } from '../db/gateway';
import { addRejection, emptyReport, readBundle, type ImportReport } from './bundle';
import { cycle, resolveEndpoints, resolveReferences, standingClaims, type ClaimRecord, type ClaimReference, type RelationshipRecord } from './records';
import { entitySpecs, entityTypeOfKey, entityTypes, labelsOf, relationshipSpecs, relationshipTypes, type EntityType, type PropertySpec, type PropertySpecs, type RelationshipType } from '../model';
import { ValidationError } from './validate';
import { Hierarchy, hierarchyTypes, revisionValues, type Author, type PropertyMap } from './writer';

/**
 * The offline import (`npm run import -- <file> --offline`): a bundle turned into the CSV files
 * of `neo4j-admin database import full`, for the first load of an empty local database. The
 * graph is the one `writeRecords` makes of the whole bundle in one batch, checked with the same
 * functions, except that a key or a relationship given twice is rejected instead of updated.
 * Two passes over the file keep only keys in memory: the first validates every record and
 * learns every key, so the second can decide each record the way one batch would, and write it.
 */

export interface OfflineImport {
  report: ImportReport;
  /** The neo4j-admin arguments that read the CSV files (after the database name). */
  adminArguments: string[];
  nodes: number;
  relationships: number;
  /** Of which Revision nodes, and as many REVISES relationships. */
  revisions: number;
  /** Empty string lists, which CSV cannot carry (an empty field is no value): set once the server runs. */
  emptyLists: EmptyLists[];
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

/** Neo4j's array delimiter: a control character validation refuses in every string. */
const arrayDelimiter = '\u001F';
const arrayDelimiterOption = 'U+001F';

/**
 * Reads the bundle twice (`open` starts a pass) and writes the CSV files into `directory`.
 * Rejections carry the lines and reasons the online import would give.
 */
export async function writeOfflineImport(
  open: (pass: 1 | 2) => AsyncIterable<string> | Iterable<string>,
  directory: string,
  author: Author,
  onProgress?: (progress: OfflineProgress) => void,
): Promise<OfflineImport> {
  const report = emptyReport();
  // Pass 1: the line that writes each key, and what one batch decides only once it has every record.
  const entityLines = new Map<string, number>();
  const claimLines = new Map<string, number>();
  /** Claims that relationship records start from: only their references can be given again by a record. */
  const claimsLinked = new Set<string>();
  const linkedClaims: { line: number; key: string; references: ClaimReference[] }[] = [];
  const pending: { line: number; key: string; references: ClaimReference[]; sources: Set<string> }[] = [];
  /** Claims that name claims: they stand only if those do, known once every claim is decided. */
  const namingClaims: { line: number; key: string; references: ClaimReference[]; sources: Set<string> }[] = [];
  const supersedingClaims: { from: string; to: string }[] = [];
  const supersedingRecords: RelationshipRecord[] = [];
  /** Sources that accepted claims create, with the line of the last such claim (whose properties one batch keeps). */
  const offeredSources = new Map<string, number>();
  const offer = (line: number, keys: Iterable<string>) => {
    for (const key of keys) if ((offeredSources.get(key) ?? 0) < line) offeredSources.set(key, line);
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
    const first = entityLines.get(record.key) ?? claimLines.get(record.key);
    if (first !== undefined) {
      addRejection(report, line, new ValidationError(`line ${line}.key`, `"${record.key}" is given twice (first on line ${first}); an offline import creates each entity once: import the later records online afterwards.`));
      continue;
    }
    if (record.record === 'entity') {
      entityLines.set(record.key, line);
      continue;
    }
    const repeated = repeatedReference(record);
    if (repeated) {
      addRejection(report, line, repeated);
      continue;
    }
    claimLines.set(record.key, line);
    // A record before this claim starts from it: the claim's relationships must be known before pass 2 reaches that record.
    if (claimsLinked.has(record.key)) linkedClaims.push({ line, key: record.key, references: record.references });
    for (const reference of record.references) {
      if (reference.type === 'SUPERSEDES') supersedingClaims.push({ from: record.key, to: reference.key });
    }
    const claim = { line, key: record.key, references: record.references, sources: new Set(record.newSources.keys()) };
    if (namesAClaim(claim)) namingClaims.push(claim);
    // Keys only accumulate: a claim that resolves now resolves at the end; the others wait for the whole bundle.
    if (resolveReferences(record.references, (key) => resolveForClaim(key, record.newSources)) instanceof ValidationError) pending.push(claim);
    else if (!namesAClaim(claim)) offer(line, claim.sources);
  }
  tell(1);

  const rejectedClaims = new Set<string>();
  for (const claim of pending) {
    const resolved = resolveReferences(claim.references, (key) => resolveForClaim(key, claim.sources));
    if (resolved instanceof ValidationError) {
      addRejection(report, claim.line, resolved);
      rejectedClaims.add(claim.key);
    } else if (!namesAClaim(claim)) {
      offer(claim.line, claim.sources);
    }
  }
  pending.length = 0;
  // As in one batch, a claim naming a claim the bundle rejects falls too, and creates no source.
  const standing = standingClaims(
    namingClaims.filter(({ key }) => !rejectedClaims.has(key)),
    (claim) => claim,
    (key) => rejectedClaims.has(key),
    (claim, error) => {
      addRejection(report, claim.line, error);
      rejectedClaims.add(claim.key);
    },
  );
  for (const claim of standing) offer(claim.line, claim.sources);
  namingClaims.length = 0;
  const accepted = (key: string) => claimLines.has(key) && !rejectedClaims.has(key);
  // The nodes of the graph: entities, accepted claims, and the sources they create (which relationships may name).
  const exists = (key: string) => entityLines.has(key) || accepted(key) || offeredSources.has(key);
  const resolveWritten = (key: string) => (exists(key) ? key : undefined);
  // A SUPERSEDES deprecates the claim it reaches (see `supersede` in writer.ts).
  const superseded = new Set<string>();
  for (const { from, to } of supersedingClaims) if (accepted(from) && exists(to)) superseded.add(to);
  for (const record of supersedingRecords) {
    const endpoints = resolveEndpoints(record, resolveWritten);
    if (!(endpoints instanceof ValidationError)) superseded.add(endpoints.to);
  }

  // A relationship given twice is found by number: the node ids are the lines of their records, and past the last line, the sources claims create.
  const sourceIds = new Map<string, number>();
  let span = lastLine + 1;
  for (const key of offeredSources.keys()) if (!entityLines.has(key)) sourceIds.set(key, span++);
  if (relationshipTypes.length * span * span > Number.MAX_SAFE_INTEGER) throw new Error(`A bundle of ${lastLine} lines is too large for an offline import; import it online.`);
  const idOf = (key: string) => {
    const id = entityLines.get(key) ?? claimLines.get(key) ?? sourceIds.get(key);
    if (id === undefined) throw new Error(`"${key}" names no node`);
    return id;
  };
  const pairOf = (type: RelationshipType, from: string, to: string) => (relationshipTypes.indexOf(type) * span + idOf(from)) * span + idOf(to);
  /** The line that gives each relationship: claims' references first, as one batch writes claims before relationships. */
  const pairLines = new Map<number, number>();
  const claimGives = ({ line, key, references }: { line: number; key: string; references: ClaimReference[] }) => {
    for (const reference of references) pairLines.set(pairOf(reference.type, key, reference.key), line);
  };
  for (const claim of linkedClaims) if (accepted(claim.key)) claimGives(claim);
  linkedClaims.length = 0;

  // Pass 2: write what one batch would, in CSV.
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
        if (claimLines.get(record.key) !== line || rejectedClaims.has(record.key)) continue;
        if (claimsLinked.has(record.key)) claimGives({ line, key: record.key, references: record.references });
        writeEntity('Claim', record.key, record.properties);
        // A source given as an entity is never altered; one that several claims create gets the last one's properties.
        for (const [key, properties] of record.newSources) {
          if (!entityLines.has(key) && offeredSources.get(key) === line) writeEntity('Source', key, properties);
        }
        for (const reference of record.references) writeLink(reference.type, record.key, reference.key, reference.properties);
      } else {
        const endpoints = resolveEndpoints(record, resolveWritten);
        if (endpoints instanceof ValidationError) {
          addRejection(report, line, endpoints);
          continue;
        }
        const pair = pairOf(record.type, endpoints.from, endpoints.to);
        const given = pairLines.get(pair);
        if (given !== undefined) {
          addRejection(
            report,
            line,
            new ValidationError(`line ${line}`, `this ${record.type} from "${endpoints.from}" to "${endpoints.to}" is also given on line ${given}; an offline import writes each relationship once: import the later records online afterwards.`),
          );
          continue;
        }
        const hierarchy = hierarchies.get(record.type);
        if (hierarchy && !hierarchy.accept(endpoints.from, endpoints.to)) {
          addRejection(report, line, cycle(`${record.field}.to`, record.type, endpoints));
          continue;
        }
        pairLines.set(pair, line);
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
  };
}

/** Sets the empty string lists of `writeOfflineImport` on the imported graph, as the online import stores them. */
export async function setEmptyLists(gateway: Neo4jGateway, emptyLists: EmptyLists[]): Promise<void> {
  for (const type of entityTypes) {
    const rows = emptyLists.filter((item) => item.type === type).map(({ key, properties }) => ({ key, properties }));
    for (let start = 0; start < rows.length; start += 10_000) {
      await gateway.write('import.offline.empty-lists', `UNWIND $rows AS row MATCH (n:${type} {key: row.key}) SET n += row.properties`, { rows: rows.slice(start, start + 10_000) });
    }
  }
}

const namesAClaim = ({ references }: { references: readonly ClaimReference[] }) => references.some((reference) => entityTypeOfKey(reference.key) === 'Claim');

/** A claim that names the same entity twice for one relationship type (one batch would update the relationship). */
function repeatedReference(record: ClaimRecord): ValidationError | undefined {
  const seen = new Set<string>();
  for (const reference of record.references) {
    const pair = `${reference.type} ${reference.key}`;
    if (seen.has(pair)) {
      return new ValidationError(reference.field, `"${reference.key}" is named twice as ${reference.type}; an offline import writes each relationship once: name it once, or import online.`);
    }
    seen.add(pair);
  }
  return undefined;
}

// Row fields of the id columns: property names never contain a colon, so these cannot clash with one.
const nodeId = ':ID';
const startId = ':START_ID';
const endId = ':END_ID';

type CsvType = 'id' | 'string' | 'string[]' | 'long' | 'double' | 'boolean' | 'date' | 'datetime' | 'point';

interface Column {
  field: string;
  header: string;
  type: CsvType;
  /** Read from the written properties, not from the fields the import adds. */
  property?: boolean;
}

const csvTypes: Record<PropertySpec['kind'], CsvType> = {
  string: 'string',
  strings: 'string[]',
  int: 'long',
  float: 'double',
  boolean: 'boolean',
  date: 'date',
  point: 'point',
  url: 'string',
  key: 'string',
};

const column = (field: string, type: CsvType, header?: string): Column => ({
  field,
  type,
  header: header ?? (type === 'string' ? field : type === 'point' ? `${field}:point{crs:WGS-84}` : `${field}:${type}`),
});

/** A property's columns: a date has its precision beside it. */
const propertyColumns = (specs: PropertySpecs): Column[] =>
  Object.entries(specs)
    .flatMap(([name, spec]) => (spec.kind === 'date' ? [column(name, 'date'), column(`${name}Precision`, 'string')] : [column(name, csvTypes[spec.kind])]))
    .map((property) => ({ ...property, property: true }));

const recorded = [column('recordedAt', 'datetime'), column('recordedBy', 'string')];
const supersedable: readonly EntityType[] = relationshipSpecs.SUPERSEDES.to;
const deprecation = [column('rank', 'string'), column('rankReason', 'string'), column('rankedAt', 'datetime'), column('updatedAt', 'datetime'), column('updatedBy', 'string')];

/** One CSV file group per node label set and relationship type, each with a file for rows that span lines. */
class CsvWriter {
  private readonly groups = new Map<string, CsvGroup>();

  constructor(private readonly directory: string) {
    for (const type of entityTypes) {
      const columns = [column('key', 'id', 'key:ID'), ...propertyColumns(entitySpecs[type].properties), ...recorded, ...(supersedable.includes(type) ? deprecation : [])];
      this.groups.set(type, new CsvGroup(directory, type, '--nodes', labelsOf[type], columns));
    }
    const revision = [column(nodeId, 'id', ':ID(Revision)'), column('at', 'datetime'), column('by', 'string'), column('operation', 'string'), column('changed', 'string[]'), column('values', 'string')];
    this.groups.set('Revision', new CsvGroup(directory, 'Revision', '--nodes', 'Revision', revision));
    this.groups.set('REVISES', new CsvGroup(directory, 'REVISES', '--relationships', 'REVISES', [column(startId, 'id', ':START_ID(Revision)'), column(endId, 'id', ':END_ID')]));
    for (const type of relationshipTypes) {
      const columns = [column(startId, 'id', ':START_ID'), column(endId, 'id', ':END_ID'), ...recorded, ...propertyColumns(relationshipSpecs[type].properties)];
      this.groups.set(type, new CsvGroup(directory, type, '--relationships', type, columns));
    }
  }

  entity(type: EntityType, fields: Record<string, unknown>, properties: PropertyMap) {
    this.group(type).write(fields, properties);
  }

  /** The entity's revision, joined to it by REVISES; the revision's id is the entity's key, in an id space of its own. */
  revision(fields: Record<string, unknown> & { [nodeId]: string }) {
    this.group('Revision').write(fields);
    this.group('REVISES').write({ [startId]: fields[nodeId], [endId]: fields[nodeId] });
  }

  relationship(type: RelationshipType, fields: Record<string, unknown>, properties: PropertyMap) {
    this.group(type).write(fields, properties);
  }

  rowsOf(name: string): number {
    return this.group(name).rows;
  }

  close() {
    for (const group of this.groups.values()) group.close();
  }

  adminArguments(): string[] {
    const used = [...this.groups.values()].filter((group) => group.rows > 0);
    const multiline = used.flatMap((group) => group.multilineFiles());
    return [
      ...used.map((group) => group.argument()),
      `--array-delimiter=${arrayDelimiterOption}`,
      // Only the files that hold line breaks are parsed the slow way.
      ...(multiline.length > 0 ? ['--multiline-fields-format=v2', `--multiline-fields=${multiline.join(',')}`] : []),
    ];
  }

  private group(name: string): CsvGroup {
    const group = this.groups.get(name);
    if (!group) throw new Error(`no CSV group ${name}`);
    return group;
  }
}

class CsvGroup {
  rows = 0;
  private readonly header: string;
  private readonly plain: CsvFile;
  private readonly multiline: CsvFile;

  constructor(
    directory: string,
    name: string,
    private readonly option: '--nodes' | '--relationships',
    private readonly labels: string,
    private readonly columns: Column[],
  ) {
    this.header = path.join(directory, `${name}.header.csv`);
    this.plain = new CsvFile(path.join(directory, `${name}.csv`));
    this.multiline = new CsvFile(path.join(directory, `${name}.multiline.csv`));
  }

  write(fields: Record<string, unknown>, properties: PropertyMap = {}) {
    let line = '';
    let separator = '';
    for (const { field, type, property } of this.columns) {
      line += separator + formatValue(type, property ? properties[field] : fields[field]);
      separator = ',';
    }
    (/[\n\r]/.test(line) ? this.multiline : this.plain).write(line);
    this.rows += 1;
  }

  close() {
    this.plain.close();
    this.multiline.close();
    if (this.rows > 0) {
      const header = new CsvFile(this.header);
      header.write(this.columns.map((column) => column.header).join(','));
      header.close();
    }
  }

  multilineFiles(): string[] {
    return this.multiline.rows > 0 ? [this.multiline.path] : [];
  }

  argument(): string {
    const files = [this.header, ...[this.plain, this.multiline].filter((file) => file.rows > 0).map((file) => file.path)];
    return `${this.option}=${this.labels}=${files.join(',')}`;
  }
}

/** Lines appended to a file through a buffer, created on the first line. */
class CsvFile {
  rows = 0;
  private fd: number | undefined;
  private buffer = '';

  constructor(readonly path: string) {}

  write(line: string) {
    this.buffer += `${line}\n`;
    this.rows += 1;
    if (this.buffer.length >= 1 << 20) this.flush();
  }

  close() {
    this.flush();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private flush() {
    if (this.buffer === '') return;
    this.fd ??= openSync(this.path, 'w');
    writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
}

/** A value as neo4j-admin reads it in a column of this type; absent (null) is an empty field. */
function formatValue(type: CsvType, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (type) {
    case 'id':
    case 'datetime':
      return value as string;
    case 'string':
      return quote(value as string);
    case 'string[]':
      return (value as string[]).length === 0 ? '' : quote((value as string[]).join(arrayDelimiter));
    case 'double':
      return formatNumber(value as number);
    case 'point': {
      const { x, y } = value as { x: number; y: number };
      return `"{latitude:${formatNumber(y)},longitude:${formatNumber(x)}}"`;
    }
    // Neo4j Integers, Dates and booleans print as neo4j-admin reads them.
    case 'long':
    case 'date':
    case 'boolean':
      return String(value);
  }
}

const quote = (text: string) => `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;

/** JavaScript prints -0 as "0"; Neo4j keeps the sign the driver would have sent. */
const formatNumber = (value: number) => (Object.is(value, -0) ? '-0.0' : String(value));
