/**
 * The General Staff of the Armed Forces of Ukraine's daily figures of Russian losses, as collected
 * in PetroIvaniuk/2022-Ukraine-Russia-War-Dataset, turned into a bundle (docs/bundle-format.md):
 * one OFFICIAL_STATEMENT source a day, one LOSSES claim per day and category, one claim per
 * "greatest losses direction", and one superseding claim per non-zero correction.
 * docs/general-staff.md explains the mapping. Pure apart from reading the three files. Over 300
 * lines because the mapping of each category and correction is kept beside its reasoning.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { equipmentCategories } from '../model';

export const generalStaffFiles = {
  personnel: 'russia_losses_personnel.json',
  equipment: 'russia_losses_equipment.json',
  corrections: 'russia_losses_equipment_correction.json',
} as const;

export const generalStaffKeys = {
  maker: 'org:general-staff-afu',
  subject: 'unit:russian-armed-forces',
  dataset: 'source:dataset:petroivaniuk-2022-ukraine-russia-war-dataset',
  claimPrefix: 'claim:general-staff-afu:',
  daySourcePrefix: 'source:statement:general-staff-afu-losses-',
} as const;

/** The first day of the full-scale invasion: every cumulative figure counts from it. */
export const warStart = '2022-02-24';
/** The measure of the claim naming the front sector with the greatest losses that day. */
export const directionMeasure = 'greatest losses direction';

const datasetUrl = 'https://github.com/PetroIvaniuk/2022-Ukraine-Russia-War-Dataset';
const datasetCommit = '37655f8';
const datasetNotice = 'MIT licence, Copyright (c) 2022 Petro Ivaniuk';

/** One day's announcement: its cumulative figures in file order (personnel file first). */
export interface LossDay {
  date: string;
  day: number;
  figures: { category: string; amount: number; qualifier?: string }[];
  direction?: string;
}

export interface LossCorrection {
  date: string;
  day: number;
  /** Non-zero deltas only, in file order. */
  deltas: { category: string; delta: number }[];
  zeroDeltas: number;
}

export interface GeneralStaffData {
  days: LossDay[];
  corrections: LossCorrection[];
}

export interface SkippedCorrection {
  date: string;
  category: string;
  delta: number;
  reason: string;
}

export interface GeneralStaffSummary {
  days: number;
  /** One per day and category with a number. */
  figureClaims: number;
  directionClaims: number;
  correctionClaims: number;
  skippedCorrections: SkippedCorrection[];
  zeroDeltas: number;
  /** Records in the bundle (lines other than the header). */
  records: number;
}

const dateFormat = /^\d{4}-\d{2}-\d{2}$/;
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Lower case, every run of other characters than letters and digits one hyphen: "field artillery" → "field-artillery". */
export function categorySlug(category: string): string {
  return category
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export const figureClaimKey = (date: string, category: string) => `${generalStaffKeys.claimPrefix}losses-${date}-${categorySlug(category)}`;
export const correctionClaimKey = (date: string, category: string) => `${figureClaimKey(date, category)}-correction`;
export const directionClaimKey = (date: string) => `${generalStaffKeys.claimPrefix}greatest-losses-${date}`;
export const daySourceKey = (date: string) => `${generalStaffKeys.daySourcePrefix}${date}`;

/** 1234567 → "1,234,567"; -25 → "-25". */
export function formatNumber(value: number): string {
  const sign = value < 0 ? '-' : '';
  const [whole, fraction] = Math.abs(value).toString().split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

const signed = (value: number) => (value > 0 ? `+${formatNumber(value)}` : formatNumber(value));

/** "2022-02-25" → "25 February 2022". */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day} ${months[month! - 1]} ${year}`;
}

function qualified(amount: number, qualifier: string | undefined): string {
  if (qualifier === undefined) return formatNumber(amount);
  if (qualifier === 'more') return `more than ${formatNumber(amount)}`;
  return `${qualifier} ${formatNumber(amount)}`;
}

function whatIsCounted(category: string): string {
  return category === 'POW' ? 'Russian servicemen taken prisoner (POW)' : `Russian ${category} losses`;
}

// --- reading ------------------------------------------------------------------------------------

function readJsonList(dataDir: string, file: string): Record<string, unknown>[] {
  const filePath = path.join(dataDir, file);
  const parsed: unknown = JSON.parse(readFileSync(filePath, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${filePath}: expected a JSON list of records.`);
  return parsed.map((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new Error(`${filePath}[${index}]: expected an object.`);
    const record = item as Record<string, unknown>;
    if (typeof record.date !== 'string' || !dateFormat.test(record.date)) throw new Error(`${filePath}[${index}].date: expected YYYY-MM-DD.`);
    if (typeof record.day !== 'number' || !Number.isInteger(record.day)) throw new Error(`${filePath}[${index}].day: expected a whole number.`);
    return record;
  });
}

/**
 * The figures of one file's record, in file order: every numeric field but `day`; a field
 * `<name>*` qualifies `<name>` ("about", "more"); `greatest losses direction` is returned apart.
 */
function figuresOf(record: Record<string, unknown>, where: string) {
  const figures: LossDay['figures'] = [];
  let direction: string | undefined;
  for (const [name, value] of Object.entries(record)) {
    if (name === 'date' || name === 'day' || name.endsWith('*') || value === null) continue;
    if (name === directionMeasure) {
      if (typeof value !== 'string') throw new Error(`${where}.${name}: expected a string.`);
      if (value.trim() !== '') direction = value;
    } else if (typeof value === 'number' && Number.isFinite(value)) {
      const qualifier = record[`${name}*`];
      figures.push(typeof qualifier === 'string' && qualifier.trim() !== '' ? { category: name, amount: value, qualifier } : { category: name, amount: value });
    } else {
      throw new Error(`${where}.${name}: expected a number (got ${JSON.stringify(value)}).`);
    }
  }
  return { figures, direction };
}

/** Reads the three files; days are joined by date (personnel figures first) and sorted. */
export function readGeneralStaffData(dataDir: string): GeneralStaffData {
  const byDate = new Map<string, LossDay>();
  for (const file of [generalStaffFiles.personnel, generalStaffFiles.equipment]) {
    readJsonList(dataDir, file).forEach((record, index) => {
      const date = record.date as string;
      const { figures, direction } = figuresOf(record, `${file}[${index}]`);
      const day = byDate.get(date) ?? { date, day: record.day as number, figures: [] };
      for (const figure of figures) {
        if (day.figures.some((known) => known.category === figure.category)) throw new Error(`${file}[${index}]: ${date} gives "${figure.category}" twice.`);
        day.figures.push(figure);
      }
      if (direction !== undefined) day.direction = direction;
      byDate.set(date, day);
    });
  }
  const corrections = readJsonList(dataDir, generalStaffFiles.corrections).map((record, index): LossCorrection => {
    const { figures } = figuresOf(record, `${generalStaffFiles.corrections}[${index}]`);
    return {
      date: record.date as string,
      day: record.day as number,
      deltas: figures.filter((figure) => figure.amount !== 0).map((figure) => ({ category: figure.category, delta: figure.amount })),
      zeroDeltas: figures.filter((figure) => figure.amount === 0).length,
    };
  });
  const byOrder = <T extends { date: string }>(a: T, b: T) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  return { days: [...byDate.values()].sort(byOrder), corrections: corrections.sort(byOrder) };
}

// --- the bundle ---------------------------------------------------------------------------------

const datasetNote =
  `From the dataset PetroIvaniuk/2022-Ukraine-Russia-War-Dataset (${datasetUrl}, commit ${datasetCommit}; ${datasetNotice}), ` +
  'which records the General Staff of the Armed Forces of Ukraine\'s daily announcements; the announcement itself was not seen.';

const claimBase = { language: 'en', type: 'LOSSES', stance: 'ASSERTS', basis: 'CLAIMED_BY_PARTY' } as const;
const madeBy = [{ key: generalStaffKeys.maker, attribution: 'EXPLICIT' }];
/**
 * The dataset names another source for its prisoner-of-war figures (invaders-rf.com), so that
 * the General Staff announced them is presumed, not read.
 */
const powMadeBy = [
  {
    key: generalStaffKeys.maker,
    attribution: 'PRESUMED',
    note: 'The dataset lists POW among the General Staff\'s daily figures, but its README names invaders-rf.com as its source for prisoners of war; that the General Staff announced this figure is presumed.',
  },
];
const makersOf = (category: string) => (category === 'POW' ? powMadeBy : madeBy);
/**
 * The model's equipment category (src/model/vocabularies.ts) of each of the General Staff's
 * categories, so that its daily figures and per-item loss records filter alike. Its "APC" is
 * every armoured combat vehicle (infantry fighting vehicles and personnel carriers included).
 * Personnel, prisoners and the direction of greatest losses have none.
 */
export const equipmentCategoryOf: Readonly<Record<string, (typeof equipmentCategories)[number]>> = {
  tank: 'TANK',
  APC: 'ARMOURED_FIGHTING_VEHICLE',
  'field artillery': 'ARTILLERY',
  MRL: 'MULTIPLE_ROCKET_LAUNCHER',
  'anti-aircraft warfare': 'AIR_DEFENCE',
  aircraft: 'AIRCRAFT',
  helicopter: 'HELICOPTER',
  drone: 'DRONE',
  'cruise missiles': 'MISSILE',
  'mobile SRBM system': 'MISSILE_LAUNCHER',
  'naval ship': 'SHIP',
  submarines: 'SUBMARINE',
  'military auto': 'VEHICLE',
  'fuel tank': 'VEHICLE',
  'vehicles and fuel tanks': 'VEHICLE',
  'special equipment': 'SPECIAL_EQUIPMENT',
  'ground robotic systems': 'OTHER',
};
/** A figure of materiel is about the side that lost it (role OWNER, as per-item losses are); personnel and prisoners about their army (OBJECT). */
const aboutOf = (category: string) => [{ key: generalStaffKeys.subject, role: equipmentCategoryOf[category] ? 'OWNER' : 'OBJECT' }];
/** The claim's equipmentCategory, for a category of materiel. */
const categoryOf = (category: string) => {
  const equipmentCategory = equipmentCategoryOf[category];
  return equipmentCategory ? { equipmentCategory } : {};
};
const statedIn = (date: string) => [{ key: daySourceKey(date), first: true, paraphrased: true }];

function headerAndEntities(): object[] {
  return [
    {
      format: 'conflict-graph/bundle',
      version: 1,
      name: 'general-staff-losses',
      description: `Daily Russian losses as announced by the General Staff of the Armed Forces of Ukraine, from ${datasetUrl} (commit ${datasetCommit}; ${datasetNotice}).`,
    },
    {
      record: 'entity',
      type: 'Organization',
      key: generalStaffKeys.maker,
      properties: {
        name: 'General Staff of the Armed Forces of Ukraine',
        nameNative: 'Генеральний штаб Збройних Сил України',
        aliases: [
          'Генеральний штаб Збройних Сил України',
          'Генеральний штаб ЗСУ',
          'Генштаб ЗСУ',
          'General Staff of the AFU',
          'General Staff of the Ukrainian Armed Forces',
          'General Staff of Ukraine',
          'Ukrainian General Staff',
        ],
        type: 'STATE',
        countryCode: 'UA',
        description: 'The military command of the Armed Forces of Ukraine; announces Russian losses every day.',
      },
    },
    {
      record: 'entity',
      type: 'Source',
      key: generalStaffKeys.dataset,
      properties: {
        kind: 'DATASET',
        title: '2022 Ukraine Russia War Dataset (PetroIvaniuk/2022-Ukraine-Russia-War-Dataset)',
        url: datasetUrl,
        language: 'en',
        note:
          `Commit ${datasetCommit} ("day1627"). Licence: MIT; Copyright (c) 2022 Petro Ivaniuk; the copyright and permission notice ` +
          'must be kept with any copy of the files (LICENSE beside them). Files used: russia_losses_personnel.json, ' +
          'russia_losses_equipment.json, russia_losses_equipment_correction.json: daily cumulative figures of Russian losses announced ' +
          'by the General Staff of the Armed Forces of Ukraine, and the corrections it announced.',
      },
    },
  ];
}

function dayRecords(day: LossDay): object[] {
  const records: object[] = [
    {
      record: 'entity',
      type: 'Source',
      key: daySourceKey(day.date),
      properties: {
        kind: 'OFFICIAL_STATEMENT',
        title: `General Staff of the AFU: Russian losses as of ${formatDate(day.date)} (day ${day.day})`,
        publishedAt: day.date,
        language: 'uk',
        ...(day.direction === undefined ? {} : { frontSector: day.direction }),
        note: datasetNote,
      },
    },
    { record: 'relationship', type: 'PUBLISHED_BY', from: daySourceKey(day.date), to: generalStaffKeys.maker, properties: { attribution: 'EXPLICIT' } },
  ];
  for (const figure of day.figures) {
    records.push({
      record: 'claim',
      key: figureClaimKey(day.date, figure.category),
      properties: {
        text: `${whatIsCounted(figure.category)} since ${formatDate(warStart)}: ${qualified(figure.amount, figure.qualifier)}`,
        ...claimBase,
        madeAt: day.date,
        validFrom: warStart,
        validTo: day.date,
        measure: figure.category,
        amount: figure.amount,
        ...(figure.qualifier === undefined ? {} : { amountQualifier: figure.qualifier }),
        cumulative: true,
        ...categoryOf(figure.category),
      },
      madeBy: makersOf(figure.category),
      about: aboutOf(figure.category),
      sources: statedIn(day.date),
    });
  }
  if (day.direction !== undefined) {
    records.push({
      record: 'claim',
      key: directionClaimKey(day.date),
      properties: {
        text: `Greatest Russian losses on ${formatDate(day.date)} in the ${day.direction} direction`,
        ...claimBase,
        madeAt: day.date,
        validFrom: day.date,
        validTo: day.date,
        measure: directionMeasure,
        frontSector: day.direction,
      },
      madeBy,
      about: aboutOf(directionMeasure),
      sources: statedIn(day.date),
    });
  }
  return records;
}

/**
 * A correction announced on day D changes a cumulative count by a delta. The figure announced on
 * D already includes it (every fall in the series happens on a correction's date, by the
 * correction's amount), so the figure it corrects is the one announced before D: the correction
 * claim restates that figure plus the delta, and supersedes the claim that stated it.
 */
function correctionRecord(correction: LossCorrection, delta: LossCorrection['deltas'][number], day: LossDay, previous: LossDay, original: LossDay['figures'][number]) {
  const amount = original.amount + delta.delta;
  const announced = day.figures.find((figure) => figure.category === delta.category);
  const dayMismatch = correction.day !== day.day ? ` The correction file gives day ${correction.day} for it; the daily files give day ${day.day} for ${correction.date}.` : '';
  return {
    record: 'claim',
    key: correctionClaimKey(correction.date, delta.category),
    properties: {
      text:
        `Correction announced on ${formatDate(correction.date)}: ${whatIsCounted(delta.category)} since ${formatDate(warStart)} changed by ${signed(delta.delta)}, ` +
        `so the figure of ${formatDate(previous.date)}, ${qualified(original.amount, original.qualifier)}, becomes ${qualified(amount, original.qualifier)}` +
        (announced ? ` (the figure announced on ${formatDate(correction.date)}, ${qualified(announced.amount, announced.qualifier)}, includes the correction)` : ''),
      ...claimBase,
      madeAt: correction.date,
      validFrom: warStart,
      validTo: previous.date,
      dateDerivation: `validTo is the date of the last figure announced before the correction (${previous.date}).`,
      measure: delta.category,
      amount,
      ...(original.qualifier === undefined ? {} : { amountQualifier: original.qualifier }),
      cumulative: true,
      ...categoryOf(delta.category),
      note:
        `The correction file (${generalStaffFiles.corrections}) gives the delta, ${signed(delta.delta)}; the amount is the figure of ` +
        `${previous.date} plus that delta, because the figure announced on ${correction.date} already includes it.${dayMismatch}`,
    },
    madeBy: makersOf(delta.category),
    about: aboutOf(delta.category),
    sources: statedIn(correction.date),
    supersedes: [{ key: figureClaimKey(previous.date, delta.category), note: `Correction of ${signed(delta.delta)} announced for ${correction.date}` }],
  };
}

/** The bundle's lines, header first, and what they hold. Deterministic for the same data. */
export function buildGeneralStaffBundle(data: GeneralStaffData): { lines: string[]; summary: GeneralStaffSummary } {
  const summary: GeneralStaffSummary = { days: data.days.length, figureClaims: 0, directionClaims: 0, correctionClaims: 0, skippedCorrections: [], zeroDeltas: 0, records: 0 };
  const dayIndex = new Map(data.days.map((day, index) => [day.date, index]));
  const correctionsByDate = new Map<string, LossCorrection[]>();
  for (const correction of data.corrections) {
    summary.zeroDeltas += correction.zeroDeltas;
    correctionsByDate.set(correction.date, [...(correctionsByDate.get(correction.date) ?? []), correction]);
  }

  const records: object[] = headerAndEntities();
  const emitted = new Set<string>();
  for (const [index, day] of data.days.entries()) {
    records.push(...dayRecords(day));
    summary.figureClaims += day.figures.length;
    if (day.direction !== undefined) summary.directionClaims += 1;
    for (const correction of correctionsByDate.get(day.date) ?? []) {
      const previous = index > 0 ? data.days[index - 1] : undefined;
      for (const delta of correction.deltas) {
        const skip = (reason: string) => summary.skippedCorrections.push({ date: correction.date, category: delta.category, delta: delta.delta, reason });
        const original = previous?.figures.find((figure) => figure.category === delta.category);
        if (!previous || !original) skip(previous ? `no "${delta.category}" figure on ${previous.date}, the day before` : 'no earlier day in the data');
        else if (emitted.has(correctionClaimKey(correction.date, delta.category))) skip('a second correction of the same category on the same date');
        else {
          records.push(correctionRecord(correction, delta, day, previous, original));
          emitted.add(correctionClaimKey(correction.date, delta.category));
          summary.correctionClaims += 1;
        }
      }
    }
  }
  for (const correction of data.corrections) {
    if (!dayIndex.has(correction.date)) {
      for (const delta of correction.deltas) summary.skippedCorrections.push({ date: correction.date, category: delta.category, delta: delta.delta, reason: 'no announcement on that date in the data' });
    }
  }
  summary.records = records.length - 1;
  return { lines: records.map((record) => JSON.stringify(record)), summary };
}

/** The bundle's lines (header first) for the dataset in `dataDir`. */
export function generalStaffBundle(dataDir: string): string[] {
  return buildGeneralStaffBundle(readGeneralStaffData(dataDir)).lines;
}
