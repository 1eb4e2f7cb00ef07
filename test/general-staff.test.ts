import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generalStaffBundle } from '../src/import/general-staff';
import { defaultBatchSize, importBundle, type ImportReport } from '../src/import/bundle';
import { projectRoot } from '../src/project-root';
import { createTestService } from './support/service';

// The real dataset: the General Staff's daily figures, imported whole, then removed again so the
// other test files never see it.
const dataDir = path.resolve(projectRoot, '../shared/data/general-staff-losses');
const service = createTestService();
const author = () => ({ author: { principal: 'test:general-staff', now: new Date().toISOString() } });

type Row = Record<string, unknown>;
const readJson = (file: string) => JSON.parse(readFileSync(path.join(dataDir, file), 'utf8')) as Row[];
const personnel = readJson('russia_losses_personnel.json');
const equipment = readJson('russia_losses_equipment.json');
const corrections = readJson('russia_losses_equipment_correction.json');

// --- what the files imply, worked out here without the converter ----------------------------------

const direction = 'greatest losses direction';
const numericFields = (row: Row) => Object.entries(row).filter(([name, value]) => name !== 'day' && typeof value === 'number');
const byDate = (rows: Row[]) => new Map(rows.map((row) => [row.date as string, row]));
const personnelByDate = byDate(personnel);
const equipmentByDate = byDate(equipment);
/** The figure announced on a date for a category, from whichever file holds it. */
const figure = (date: string, category: string) => (personnelByDate.get(date)?.[category] ?? equipmentByDate.get(date)?.[category]) as number | undefined;
const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const slug = (category: string) => category.toLowerCase().replace(/[^a-z0-9]+/g, '-');

const days = new Set([...personnelByDate.keys(), ...equipmentByDate.keys()]).size;
const figures = personnel.reduce((sum, row) => sum + numericFields(row).length, 0) + equipment.reduce((sum, row) => sum + numericFields(row).length, 0);
const directionDays = equipment.filter((row) => typeof row[direction] === 'string').length;
/** Non-zero deltas whose category has a figure the day before: each corrects that figure. */
const appliedCorrections = corrections.flatMap((row) =>
  numericFields(row)
    .filter(([category, delta]) => delta !== 0 && figure(dayBefore(row.date as string), category) !== undefined)
    .map(([category, delta]) => ({ date: row.date as string, category, delta: delta as number })),
);
const claims = figures + directionDays + appliedCorrections.length;
// The organization and the dataset, then a source and its PUBLISHED_BY a day, then the claims.
const records = 2 + 2 * days + claims;

const claimPrefix = 'claim:general-staff-afu:';
const sourcePrefix = 'source:statement:general-staff-afu-';
const datasetKey = 'source:dataset:petroivaniuk-2022-ukraine-russia-war-dataset';
const makerKey = 'org:general-staff-afu';

async function graphCounts() {
  const [row] = await service.gateway.read<Record<string, number>>(
    'test.general-staff.counts',
    `CALL { MATCH (s:Source) WHERE s.key STARTS WITH $sourcePrefix RETURN count(s) AS sources }
     CALL { MATCH (c:Claim) WHERE c.key STARTS WITH $claimPrefix RETURN count(c) AS claims }
     CALL { MATCH (c:Claim) WHERE c.key STARTS WITH $claimPrefix AND c.rank = 'DEPRECATED' RETURN count(c) AS deprecated }
     CALL { MATCH (a:Claim)-[r:SUPERSEDES]->(:Claim) WHERE a.key STARTS WITH $claimPrefix RETURN count(r) AS supersedes }
     CALL { MATCH (c:Claim)-[r:STATED_IN]->(:Source) WHERE c.key STARTS WITH $claimPrefix RETURN count(r) AS statedIn }
     CALL { MATCH (:Source)-[r:PUBLISHED_BY]->(:Organization {key: $makerKey}) RETURN count(r) AS publishedBy }
     CALL { MATCH (:Revision)-[:REVISES]->(n) WHERE n.key STARTS WITH $claimPrefix OR n.key STARTS WITH $sourcePrefix RETURN count(*) AS revisions }
     RETURN sources, claims, deprecated, supersedes, statedIn, publishedBy, revisions`,
    { sourcePrefix, claimPrefix, makerKey },
  );
  return row!;
}

async function data<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await service.graphql<T>(query, variables);
  expect(response.body.errors).toBeUndefined();
  return response.body.data as T;
}

/** Removes the import in batches: its claims, sources and organization, with their revisions. */
async function removeImport() {
  const selections = [
    `MATCH (n:Claim) WHERE n.key STARTS WITH $claimPrefix`,
    `MATCH (n:Source) WHERE n.key STARTS WITH $sourcePrefix OR n.key = $datasetKey`,
    `MATCH (n:Organization {key: $makerKey})`,
  ];
  for (const selection of selections) {
    for (;;) {
      const [row] = await service.gateway.write<{ deleted: number }>(
        'test.general-staff.cleanup',
        `${selection} WITH n LIMIT 2000
         OPTIONAL MATCH (revision:Revision)-[:REVISES]->(n)
         WITH n, collect(revision) AS revisions
         FOREACH (revision IN revisions | DETACH DELETE revision)
         DETACH DELETE n
         RETURN count(n) AS deleted`,
        { claimPrefix, sourcePrefix, datasetKey, makerKey },
      );
      if (!row || row.deleted === 0) break;
    }
  }
}

let lines: string[];
let first: ImportReport;
let firstSeconds: number;
let countsAfterFirst: Record<string, number>;

beforeAll(async () => {
  lines = generalStaffBundle(dataDir);
  const started = performance.now();
  first = await importBundle(service.gateway, lines, author());
  firstSeconds = (performance.now() - started) / 1_000;
  console.log(`general staff: ${first.records} records imported in ${firstSeconds.toFixed(1)} s (${first.transactions} transactions)`);
  countsAfterFirst = await graphCounts();
});

afterAll(async () => {
  try {
    const started = performance.now();
    await removeImport();
    console.log(`general staff: removed in ${((performance.now() - started) / 1_000).toFixed(1)} s`);
    const [left] = await service.gateway.read<{ left: number }>(
      'test.general-staff.left',
      `MATCH (n) WHERE n.key STARTS WITH $claimPrefix OR n.key STARTS WITH $sourcePrefix OR n.key IN [$datasetKey, $makerKey] RETURN count(n) AS left`,
      { claimPrefix, sourcePrefix, datasetKey, makerKey },
    );
    expect(left!.left).toBe(0);
  } finally {
    await service.close();
  }
});

describe('importing the General Staff dataset', () => {
  it('the files hold what their README says', () => {
    expect(days).toBe(1626);
    expect(personnel.map((row) => row.date)).toEqual(equipment.map((row) => row.date));
    expect(corrections).toHaveLength(28);
  });

  it('reports every record created, none rejected, in transactions of the default size', () => {
    expect(first.rejections).toEqual([]);
    expect(first).toMatchObject({ records, created: records, updated: 0, unchanged: 0, rejected: 0 });
    expect(lines).toHaveLength(records + 1);
    // Work counted, not timed (the machine is shared): each transaction holds a full batch but the last.
    expect(first.transactions).toBe(Math.ceil(records / defaultBatchSize));
  });

  it('leaves one source a day, one claim per figure, direction and correction, and a SUPERSEDES per correction', () => {
    const superseded = new Set(appliedCorrections.map(({ date, category }) => `${dayBefore(date)}|${category}`));
    expect(countsAfterFirst).toMatchObject({
      sources: days,
      claims,
      supersedes: appliedCorrections.length,
      deprecated: superseded.size,
      statedIn: claims,
      publishedBy: days,
    });
  });

  it('changes nothing when imported again', { timeout: 120_000 }, async () => {
    const started = performance.now();
    const again = await importBundle(service.gateway, generalStaffBundle(dataDir), author());
    console.log(`general staff: imported again in ${((performance.now() - started) / 1_000).toFixed(1)} s`);
    expect(again).toMatchObject({ records, created: 0, updated: 0, unchanged: records, rejected: 0 });
    expect(await graphCounts()).toEqual(countsAfterFirst);
  });
});

describe('the questions a user asks of the figures', () => {
  it('personnel losses over ten days, in order, as the file gives them', async () => {
    const result = await data<{ claims: { totalCount: number; edges: { node: { madeAt: string; amount: number; amountQualifier: string | null } }[] } }>(
      `{ claims(filter: {measures: ["personnel"], madeFrom: "2024-03-01", madeTo: "2024-03-10"}, orderBy: MADE_AT_ASC, first: 100) {
           totalCount edges { node { madeAt amount amountQualifier } } } }`,
    );
    const expected = personnel.filter((row) => (row.date as string) >= '2024-03-01' && (row.date as string) <= '2024-03-10');
    expect(expected).toHaveLength(10);
    expect(result.claims.totalCount).toBe(10);
    expect(result.claims.edges.map(({ node }) => [node.madeAt, node.amount, node.amountQualifier])).toEqual(
      expected.map((row) => [row.date, row.personnel, row['personnel*']]),
    );
    const amounts = result.claims.edges.map(({ node }) => node.amount);
    for (let index = 1; index < amounts.length; index += 1) expect(amounts[index]).toBeGreaterThan(amounts[index - 1]!);
  });

  it('the tanks claimed on one day, who claimed them and where', async () => {
    const date = '2023-02-24';
    const result = await data<{
      claims: {
        totalCount: number;
        edges: { node: { key: string; amount: number; cumulative: boolean; validFrom: string; validTo: string; makers: { attribution: string; actor: { key: string } }[]; sources: { first: boolean; paraphrased: boolean; quote: string | null; source: { key: string; kind: string; publishedAt: string } }[] } }[];
      };
    }>(
      `query ($date: Date!) { claims(filter: {measures: ["tank"], madeFrom: $date, madeTo: $date}) { totalCount edges { node {
           key amount cumulative validFrom validTo makers { attribution actor { key } }
           sources { first paraphrased quote source { key kind publishedAt } } } } } }`,
      { date },
    );
    expect(result.claims.totalCount).toBe(1);
    const claim = result.claims.edges[0]!.node;
    expect(claim).toMatchObject({ key: `${claimPrefix}losses-${date}-tank`, amount: figure(date, 'tank'), cumulative: true, validFrom: '2022-02-24', validTo: date });
    expect(claim.makers).toEqual([{ attribution: 'EXPLICIT', actor: { key: makerKey } }]);
    expect(claim.sources).toEqual([
      { first: true, paraphrased: true, quote: null, source: { key: `${sourcePrefix}losses-${date}`, kind: 'OFFICIAL_STATEMENT', publishedAt: date } },
    ]);
  });

  it("filters its figures of materiel by the model's equipment categories, about the Russian forces as their owner", async () => {
    const date = '2023-02-24';
    const query = `query ($filter: ClaimFilter) { claims(filter: $filter) { totalCount edges { node { key equipmentCategory } } } }`;
    const owner = 'unit:russian-armed-forces';
    const tanks = await data<{ claims: { edges: { node: { key: string; equipmentCategory: string } }[] } }>(query, {
      filter: { equipmentCategories: ['TANK'], owner, madeFrom: date, madeTo: date },
    });
    expect(tanks.claims.edges.map(({ node }) => node)).toEqual([{ key: `${claimPrefix}losses-${date}-tank`, equipmentCategory: 'TANK' }]);
    // The General Staff's "APC" counts every armoured vehicle: a filter on the per-item categories finds it.
    const armoured = await data<{ claims: { edges: { node: { key: string } }[] } }>(query, {
      filter: { equipmentCategories: ['INFANTRY_FIGHTING_VEHICLE', 'ARMOURED_PERSONNEL_CARRIER', 'ARMOURED_FIGHTING_VEHICLE'], owner, madeFrom: date, madeTo: date },
    });
    expect(armoured.claims.edges.map(({ node }) => node.key)).toEqual([`${claimPrefix}losses-${date}-apc`]);
    // Personnel is no materiel: about the army as OBJECT, so not counted as owned losses.
    const personnelOwned = await data<{ claims: { totalCount: number } }>(query, { filter: { measures: ['personnel'], owner, madeFrom: date, madeTo: date } });
    expect(personnelOwned.claims.totalCount).toBe(0);
  });

  it('the front sector with the greatest losses, on the days it was named', async () => {
    const named = equipment.filter((row) => typeof row[direction] === 'string');
    const last = named.at(-1)!;
    const result = await data<{ all: { totalCount: number }; one: { edges: { node: { frontSector: string; amount: number | null } }[] } }>(
      `query ($date: Date!) {
         all: claims(filter: {measures: ["greatest losses direction"]}, first: 1) { totalCount }
         one: claims(filter: {measures: ["greatest losses direction"], madeFrom: $date, madeTo: $date}) { edges { node { frontSector amount } } } }`,
      { date: last.date },
    );
    expect(result.all.totalCount).toBe(directionDays);
    expect(result.one.edges.map(({ node }) => node)).toEqual([{ frontSector: last[direction], amount: null }]);
  });

  it('which figures were corrected: hidden by default, kept and pointing at their correction', async () => {
    const made = await data<{ current: { totalCount: number }; all: { totalCount: number } }>(
      `query ($maker: String!) { current: claims(filter: {madeBy: $maker}, first: 1) { totalCount }
         all: claims(filter: {madeBy: $maker}, first: 1, includeDeprecated: true) { totalCount } }`,
      { maker: makerKey },
    );
    expect(made.all.totalCount).toBe(claims);
    expect(made.all.totalCount - made.current.totalCount).toBe(new Set(appliedCorrections.map(({ date, category }) => `${date}|${category}`)).size);

    // The largest correction of cruise missiles: +80, announced on 15 December 2024.
    const correction = appliedCorrections.find(({ category, delta }) => category === 'cruise missiles' && delta === 80)!;
    expect(correction.date).toBe('2024-12-15');
    const before = dayBefore(correction.date);
    const originalKey = `${claimPrefix}losses-${before}-${slug(correction.category)}`;
    const correctionKey = `${claimPrefix}losses-${correction.date}-${slug(correction.category)}-correction`;
    const corrected = figure(before, correction.category)! + correction.delta;

    const query = `query ($from: Date!, $to: Date!, $all: Boolean!) {
      claims(filter: {measures: ["cruise missiles"], madeFrom: $from, madeTo: $to}, orderBy: MADE_AT_ASC, includeDeprecated: $all) {
        edges { node { key amount rank } } } }`;
    type Page = { claims: { edges: { node: { key: string; amount: number; rank: string } }[] } };
    const shown = await data<Page>(query, { from: before, to: correction.date, all: false });
    expect(shown.claims.edges.map(({ node }) => node.key).sort()).toEqual([`${claimPrefix}losses-${correction.date}-cruise-missiles`, correctionKey].sort());
    const everything = await data<Page>(query, { from: before, to: correction.date, all: true });
    expect(everything.claims.edges.map(({ node }) => [node.key, node.rank]).sort()).toEqual(
      [
        [originalKey, 'DEPRECATED'],
        [`${claimPrefix}losses-${correction.date}-cruise-missiles`, 'NORMAL'],
        [correctionKey, 'NORMAL'],
      ].sort(),
    );

    const result = await data<{
      original: { amount: number; rank: string; rankReason: string; supersededBy: { note: string; claim: { key: string; amount: number } }[] };
      correction: { amount: number; madeAt: string; validTo: string; text: string; supersedes: { note: string; claim: { key: string; amount: number; rank: string } }[] };
    }>(
      `query ($original: String!, $correction: String!) {
         original: claim(key: $original) { amount rank rankReason supersededBy { note claim { key amount } } }
         correction: claim(key: $correction) { amount madeAt validTo text supersedes(includeDeprecated: true) { note claim { key amount rank } } } }`,
      { original: originalKey, correction: correctionKey },
    );
    expect(result.original).toMatchObject({ amount: figure(before, correction.category), rank: 'DEPRECATED', rankReason: 'SUPERSEDED' });
    expect(result.original.supersededBy).toEqual([{ note: `Correction of +80 announced for ${correction.date}`, claim: { key: correctionKey, amount: corrected } }]);
    expect(result.correction).toMatchObject({ amount: corrected, madeAt: correction.date, validTo: before });
    expect(result.correction.text).toContain('+80');
    expect(result.correction.supersedes).toEqual([
      { note: `Correction of +80 announced for ${correction.date}`, claim: { key: originalKey, amount: figure(before, correction.category), rank: 'DEPRECATED' } },
    ]);
  });
});
