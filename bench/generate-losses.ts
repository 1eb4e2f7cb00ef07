// A deterministic, seeded generator of per-item materiel loss bundles (docs/bundle-format.md,
// "Materiel losses"), shaped like the public datasets of documented losses: one LOSSES claim per
// item with its side (ABOUT role OWNER), its model (role EQUIPMENT), a status, a date and one to
// three photos, videos or satellite images as evidence; the captor (role CAPTOR) of a captured
// item; some items listed twice (damaged, then captured), the later listing linked to the earlier
// by SAME_ITEM. The catalogue holds families and models with Latin and Cyrillic spellings,
// spellings with Cyrillic look-alike letters, and a few names over 100 characters. Dates span
// three years, with gaps in the recording and the backlogs that follow them.
//
// npm run bench:generate-losses -- --records 100k [--seed 1] [--out bench/data/losses-100k-seed-1.ndjson]
import { parseArgs } from 'node:util';
import { seededRandom, writeBundleFile, type GeneratedCounts } from './generate';

type Side = 'russia' | 'ukraine';

interface Model {
  slug: string;
  name: string;
  aliases: string[];
  category: string;
  countryCode: string;
  /** The slug of the model or family it is a variant of. */
  parent?: string;
  /** Sides that field it: whose losses it appears in. */
  users: readonly Side[];
}

const both: readonly Side[] = ['russia', 'ukraine'];
const ru: readonly Side[] = ['russia'];
const ua: readonly Side[] = ['ukraine'];

/** Families first, then their models; a model's `parent` is declared before it. */
export const lossCatalogue: readonly Model[] = [
  { slug: 't-72', name: 'T-72', aliases: ['Т-72'], category: 'TANK', countryCode: 'RU', users: both },
  { slug: 't-72a', name: 'T-72A', aliases: ['Т-72А'], category: 'TANK', countryCode: 'RU', parent: 't-72', users: both },
  { slug: 't-72b', name: 'T-72B', aliases: ['Т-72Б'], category: 'TANK', countryCode: 'RU', parent: 't-72', users: both },
  { slug: 't-72b3', name: 'T-72B3', aliases: ['Т-72Б3'], category: 'TANK', countryCode: 'RU', parent: 't-72b', users: ru },
  {
    slug: 't-72b3m',
    name: 'T-72B3M obr. 2016 with Kontakt-5 explosive reactive armour, an improvised anti-drone cage and slat armour (field modification)',
    aliases: ['Т-72Б3М обр. 2016', 'T-72B3M'],
    category: 'TANK',
    countryCode: 'RU',
    parent: 't-72b3',
    users: ru,
  },
  { slug: 't-80', name: 'T-80', aliases: ['Т-80'], category: 'TANK', countryCode: 'RU', users: both },
  { slug: 't-80bv', name: 'T-80BV', aliases: ['Т-80БВ'], category: 'TANK', countryCode: 'RU', parent: 't-80', users: both },
  { slug: 't-80bvm', name: 'T-80BVM', aliases: ['Т-80БВМ'], category: 'TANK', countryCode: 'RU', parent: 't-80', users: ru },
  { slug: 't-90', name: 'T-90', aliases: ['Т-90'], category: 'TANK', countryCode: 'RU', users: ru },
  { slug: 't-90a', name: 'T-90A', aliases: ['Т-90А'], category: 'TANK', countryCode: 'RU', parent: 't-90', users: ru },
  // The last alias is "T-90M" typed with a Cyrillic Т, as found in reports.
  { slug: 't-90m', name: 'T-90M Proryv', aliases: ['Т-90М', 'Т-90М «Прорыв»', 'Т-90M'], category: 'TANK', countryCode: 'RU', parent: 't-90', users: ru },
  { slug: 't-64', name: 'T-64', aliases: ['Т-64'], category: 'TANK', countryCode: 'UA', users: ua },
  { slug: 't-64bv', name: 'T-64BV', aliases: ['Т-64БВ'], category: 'TANK', countryCode: 'UA', parent: 't-64', users: ua },
  { slug: 't-64bm', name: 'T-64BM Bulat', aliases: ['Т-64БМ «Булат»'], category: 'TANK', countryCode: 'UA', parent: 't-64', users: ua },
  { slug: 'leopard-2', name: 'Leopard 2', aliases: ['Леопард 2'], category: 'TANK', countryCode: 'DE', users: ua },
  { slug: 'leopard-2a6', name: 'Leopard 2A6', aliases: ['Леопард 2А6'], category: 'TANK', countryCode: 'DE', parent: 'leopard-2', users: ua },
  { slug: 'bmp-2', name: 'BMP-2', aliases: ['БМП-2', 'ВМР-2'], category: 'INFANTRY_FIGHTING_VEHICLE', countryCode: 'RU', users: both },
  { slug: 'bmp-2k', name: 'BMP-2K', aliases: ['БМП-2К'], category: 'INFANTRY_FIGHTING_VEHICLE', countryCode: 'RU', parent: 'bmp-2', users: both },
  { slug: 'bmp-3', name: 'BMP-3', aliases: ['БМП-3'], category: 'INFANTRY_FIGHTING_VEHICLE', countryCode: 'RU', users: ru },
  { slug: 'm2-bradley', name: 'M2 Bradley', aliases: ['Брэдли', 'M2A2 ODS'], category: 'INFANTRY_FIGHTING_VEHICLE', countryCode: 'US', users: ua },
  { slug: 'btr-82', name: 'BTR-82', aliases: ['БТР-82'], category: 'ARMOURED_PERSONNEL_CARRIER', countryCode: 'RU', users: ru },
  { slug: 'btr-82a', name: 'BTR-82A', aliases: ['БТР-82А'], category: 'ARMOURED_PERSONNEL_CARRIER', countryCode: 'RU', parent: 'btr-82', users: ru },
  { slug: 'mt-lb', name: 'MT-LB', aliases: ['МТ-ЛБ'], category: 'ARMOURED_PERSONNEL_CARRIER', countryCode: 'RU', users: both },
  { slug: '2s19-msta-s', name: '2S19 Msta-S', aliases: ['2С19 «Мста-С»', 'Msta-S'], category: 'ARTILLERY', countryCode: 'RU', users: ru },
  { slug: '2s19m2', name: '2S19M2 Msta-SM2', aliases: ['2С19М2'], category: 'ARTILLERY', countryCode: 'RU', parent: '2s19-msta-s', users: ru },
  { slug: '2s3-akatsiya', name: '2S3 Akatsiya', aliases: ['2С3 «Акация»'], category: 'ARTILLERY', countryCode: 'RU', users: both },
  { slug: 'm777', name: 'M777 howitzer', aliases: ['М777'], category: 'ARTILLERY', countryCode: 'US', users: ua },
  { slug: 'bm-21-grad', name: 'BM-21 Grad', aliases: ['БМ-21 «Град»'], category: 'MULTIPLE_ROCKET_LAUNCHER', countryCode: 'RU', users: both },
  { slug: 'tos-1a', name: 'TOS-1A Solntsepyok', aliases: ['ТОС-1А «Солнцепёк»'], category: 'MULTIPLE_ROCKET_LAUNCHER', countryCode: 'RU', users: ru },
  { slug: 'm142-himars', name: 'M142 HIMARS', aliases: ['ХИМАРС'], category: 'MULTIPLE_ROCKET_LAUNCHER', countryCode: 'US', users: ua },
  { slug: 'tor', name: 'Tor', aliases: ['Тор'], category: 'AIR_DEFENCE', countryCode: 'RU', users: both },
  { slug: 'tor-m2', name: '9K332 Tor-M2', aliases: ['9К332 «Тор-М2»'], category: 'AIR_DEFENCE', countryCode: 'RU', parent: 'tor', users: ru },
  { slug: 'pantsir-s1', name: 'Pantsir-S1', aliases: ['Панцирь-С1'], category: 'AIR_DEFENCE', countryCode: 'RU', users: ru },
  { slug: 'su-34', name: 'Su-34', aliases: ['Су-34'], category: 'AIRCRAFT', countryCode: 'RU', users: ru },
  { slug: 'su-25', name: 'Su-25', aliases: ['Су-25'], category: 'AIRCRAFT', countryCode: 'RU', users: both },
  { slug: 'ka-52', name: 'Ka-52 Alligator', aliases: ['Ка-52 «Аллигатор»'], category: 'HELICOPTER', countryCode: 'RU', users: ru },
  { slug: 'mi-8', name: 'Mi-8', aliases: ['Ми-8'], category: 'HELICOPTER', countryCode: 'RU', users: both },
  { slug: 'orlan-10', name: 'Orlan-10', aliases: ['Орлан-10'], category: 'DRONE', countryCode: 'RU', users: ru },
  { slug: 'bayraktar-tb2', name: 'Bayraktar TB2', aliases: ['Байрактар TB2'], category: 'DRONE', countryCode: 'TR', users: ua },
  { slug: 'kamaz-4310', name: 'KamAZ-4310', aliases: ['КамАЗ-4310'], category: 'VEHICLE', countryCode: 'RU', users: both },
  { slug: 'raptor-boat', name: 'Raptor-class patrol boat', aliases: ['Раптор'], category: 'SHIP', countryCode: 'RU', users: ru },
];

const sideNames: Record<Side, { name: string; aliases: string[]; countryCode: string }> = {
  russia: { name: 'Armed Forces of the Russian Federation', aliases: ['Russia', 'Вооружённые силы Российской Федерации'], countryCode: 'RU' },
  ukraine: { name: 'Armed Forces of Ukraine', aliases: ['Ukraine', 'Збройні сили України'], countryCode: 'UA' },
};

const statuses = ['DESTROYED', 'DAMAGED', 'ABANDONED', 'CAPTURED'] as const;
/** Shares of each status, about as documented losses show them. */
const statusWeights = [0.62, 0.1, 0.08, 0.2];
const evidenceKinds = [
  ['PHOTO', 'jpg'],
  ['VIDEO', 'mp4'],
  ['SATELLITE_IMAGE', 'png'],
] as const;
const warStart = Date.UTC(2022, 1, 24);
const days = 3 * 365;
/** Stretches of days (from, length) in which nothing was recorded: their losses appear at the end, a backlog. */
const gaps: readonly [number, number][] = [
  [120, 21],
  [400, 14],
  [700, 30],
  [950, 10],
];

export type LossBundleCounts = GeneratedCounts;

export const lossKeys = (namespace: string) => ({
  maker: `org:${namespace}:tracker`,
  dataset: `source:${namespace}:dataset`,
  side: (side: Side) => `org:${namespace}:${side}`,
  equipment: (slug: string) => `equipment:${namespace}:${slug}`,
  claim: (item: number, listing: number) => `claim:${namespace}:loss-${item}${listing > 0 ? `-${listing}` : ''}`,
  evidence: (item: number, listing: number, index: number) => `source:${namespace}:loss-${item}-${listing}-${index}`,
});

const isoDay = (offset: number) => new Date(warStart + offset * 86_400_000).toISOString().slice(0, 10);

/** The bundle's lines: `records` loss claims (listings) and the entities and links they need. */
export function* generateLossBundle(records: number, seed = 1, namespace = 'gl'): Generator<string, LossBundleCounts> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const keys = lossKeys(namespace);
  const counts: LossBundleCounts = { records: 0, nodes: 0, relationships: 0 };
  const line = (record: object, nodes: number, relationships: number) => {
    counts.records += 1;
    counts.nodes += nodes;
    counts.relationships += relationships;
    return JSON.stringify(record);
  };

  yield JSON.stringify({ format: 'conflict-graph/bundle', version: 1, name: `generated-losses-${records}-seed-${seed}` });
  yield line(
    { record: 'entity', type: 'Organization', key: keys.maker, properties: { name: 'Loss tracker (generated)', type: 'ANALYST', description: 'Compiles visually confirmed losses, one record per item.' } },
    1,
    0,
  );
  yield line({ record: 'entity', type: 'Source', key: keys.dataset, properties: { kind: 'DATASET', title: 'List of visually confirmed equipment losses (generated)', url: 'https://losses.example/list', reliability: 'B' } }, 1, 0);
  for (const side of ['russia', 'ukraine'] as const) {
    yield line({ record: 'entity', type: 'Organization', key: keys.side(side), properties: { ...sideNames[side], type: 'STATE' } }, 1, 0);
  }
  for (const model of lossCatalogue) {
    const { name, aliases, category, countryCode } = model;
    yield line({ record: 'entity', type: 'Equipment', key: keys.equipment(model.slug), properties: { name, aliases, category, countryCode } }, 1, 0);
  }
  for (const model of lossCatalogue) {
    if (model.parent) yield line({ record: 'relationship', type: 'VARIANT_OF', from: keys.equipment(model.slug), to: keys.equipment(model.parent), properties: {} }, 0, 1);
  }
  const fielded: Record<Side, Model[]> = { russia: lossCatalogue.filter((model) => model.users.includes('russia')), ukraine: lossCatalogue.filter((model) => model.users.includes('ukraine')) };

  const statusOf = () => {
    let draw = random();
    for (const [index, weight] of statusWeights.entries()) if ((draw -= weight) < 0) return statuses[index]!;
    return statuses[0];
  };
  /** The day a loss on `day` is recorded: soon after, or after the gap it falls in, or, for a few, much later. */
  const recordedOn = (day: number) => {
    const gap = gaps.find(([from, length]) => day >= from && day < from + length);
    if (gap) return gap[0] + gap[1] + between(0, 2);
    return random() < 0.04 ? day + between(30, 200) : day + between(0, 3);
  };

  const listing = (item: number, index: number, side: Side, model: Model, status: (typeof statuses)[number], day: number, monthOnly: boolean) => {
    const captor = status === 'CAPTURED' ? (side === 'russia' ? 'ukraine' : 'russia') : undefined;
    const evidence = Array.from({ length: between(1, 3) }, (_, position) => {
      const [kind, extension] = pick(evidenceKinds);
      return { key: keys.evidence(item, index, position + 1), source: { kind, url: `https://evidence.example/${namespace}/${item}/${index}-${position + 1}.${extension}` } };
    });
    const date = isoDay(day);
    const about = [
      { key: keys.equipment(model.slug), role: 'EQUIPMENT' },
      { key: keys.side(side), role: 'OWNER' },
      ...(captor ? [{ key: keys.side(captor), role: 'CAPTOR' }] : []),
    ];
    const claim = {
      record: 'claim',
      key: keys.claim(item, index),
      properties: {
        text: `${sideNames[side].aliases[0]} lost a ${model.name}: ${status.toLowerCase()}${captor ? ` by ${sideNames[captor].aliases[0]}` : ''} (item ${item})`,
        language: 'en',
        type: 'LOSSES',
        stance: 'ASSERTS',
        basis: 'CONFIRMED_BY_EVIDENCE',
        lossStatus: status,
        equipmentCategory: model.category,
        amount: 1,
        madeAt: isoDay(recordedOn(day)),
        // A backlog entry known only to the month is stored as the month's first day.
        ...(monthOnly ? { validFrom: date.slice(0, 7) } : { validFrom: date, validTo: date }),
      },
      madeBy: [{ key: keys.maker, attribution: 'EXPLICIT' }],
      about,
      sources: [{ key: keys.dataset, first: true }],
      evidence,
    };
    return line(claim, 1 + evidence.length, 2 + about.length + evidence.length);
  };

  let written = 0;
  for (let item = 1; written < records; item += 1) {
    const side: Side = random() < 0.76 ? 'russia' : 'ukraine';
    const model = pick(fielded[side]);
    const day = between(0, days - 1);
    const monthOnly = random() < 0.03;
    // About one item in thirty is listed twice: damaged or abandoned, later captured or destroyed.
    if (written + 1 < records && random() < 0.034) {
      const later = Math.min(days - 1, day + between(1, 60));
      yield listing(item, 0, side, model, pick(['DAMAGED', 'ABANDONED'] as const), day, false);
      yield listing(item, 1, side, model, pick(['CAPTURED', 'DESTROYED'] as const), later, false);
      yield line(
        { record: 'relationship', type: 'SAME_ITEM', from: keys.claim(item, 1), to: keys.claim(item, 0), properties: { note: 'The same hull, identified by its markings.' } },
        0,
        1,
      );
      written += 2;
    } else {
      yield listing(item, 0, side, model, statusOf(), day, monthOnly);
      written += 1;
    }
  }
  return counts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { records: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } } });
  const records = Number(values.records?.replace(/k$/i, '000').replace(/m$/i, '000000'));
  if (!Number.isSafeInteger(records) || records < 1) {
    console.error('usage: npm run bench:generate-losses -- --records <count, e.g. 10k, 100k, 1m> [--seed N] [--out FILE]');
    process.exit(64);
  }
  const out = values.out ?? `bench/data/losses-${values.records}-seed-${values.seed ?? 1}.ndjson`;
  await writeBundleFile(out, generateLossBundle(records, Number(values.seed ?? 1)));
}
