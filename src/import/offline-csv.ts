import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { dateSiblings, entitySpecs, entityTypes, labelsOf, relationshipSpecs, relationshipTypes, type EntityType, type PropertySpec, type PropertySpecs, type RelationshipType } from '../model';
import type { PropertyMap } from '../write/writer';

/** The CSV files of `neo4j-admin database import full` for the offline import: one group per label set and relationship type. */

/** Neo4j's array delimiter: a control character validation refuses in every string. */
const arrayDelimiter = '\u001F';
const arrayDelimiterOption = 'U+001F';

// Row fields of the id columns: property names never contain a colon, so these cannot clash with one.
export const nodeId = ':ID';
export const startId = ':START_ID';
export const endId = ':END_ID';

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

/** A property's columns: a date has its siblings beside it. */
const dateColumns = (name: string) => {
  const siblings = dateSiblings(name);
  return [column(name, 'date'), column(siblings.precision, 'string'), column(siblings.earliest, 'date'), column(siblings.latest, 'date')];
};
const propertyColumns = (specs: PropertySpecs): Column[] =>
  Object.entries(specs)
    .flatMap(([name, spec]) => (spec.kind === 'date' ? dateColumns(name) : [column(name, csvTypes[spec.kind])]))
    .map((property) => ({ ...property, property: true }));

const recorded = [column('recordedAt', 'datetime'), column('recordedBy', 'string')];
const supersedable: readonly EntityType[] = relationshipSpecs.SUPERSEDES.to;
const deprecation = [column('rank', 'string'), column('rankReason', 'string'), column('rankedAt', 'datetime'), column('updatedAt', 'datetime'), column('updatedBy', 'string')];

/** One CSV file group per node label set and relationship type, each with a file for rows that span lines. */
export class CsvWriter {
  private readonly groups = new Map<string, CsvGroup>();

  constructor(directory: string) {
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
