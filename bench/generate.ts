// A deterministic, seeded generator of realistic graphs, as bundles (docs/bundle-format.md).
// npm run bench:generate -- --nodes 100000 [--seed 1] [--out bench/data/100k.ndjson]
//
// Proportions follow the VIINA event data of the war (about 410,000 de-duplicated events over
// 33,000 places from 580,000 reports): per 1,000 nodes about 55 places (country > region >
// district > settlement, each with a point and names in Latin and Cyrillic script), 6 units
// (brigades in armies), 2 organizations, 330 events, 330 sources and 277 claims. Events have a
// place, one to three participants and one or two reports; claims have a maker, subjects,
// a quoted source, and one in twelve contradicts another claim about the same event.
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const syllables = ['lo', 'zo', 'va', 'ru', 'dka', 'pol', 'ye', 'ne', 'kra', 'mat', 'or', 'sk', 'iv', 'ka', 'ber', 'di', 'an', 'sla', 'vy', 'hor', 'lyn', 'tsi', 'myr', 'gra'];
const cyrillic: Record<string, string> = { a: 'а', b: 'б', d: 'д', e: 'е', g: 'г', h: 'г', i: 'и', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', v: 'в', y: 'ы', z: 'з', c: 'ц' };
const eventTypes = [
  ['BATTLES', 'ARMED_CLASH'],
  ['EXPLOSIONS_REMOTE_VIOLENCE', 'SHELLING_ARTILLERY_MISSILE_ATTACK'],
  ['EXPLOSIONS_REMOTE_VIOLENCE', 'AIR_DRONE_STRIKE'],
  ['STRATEGIC_DEVELOPMENTS', 'NON_VIOLENT_TRANSFER_OF_TERRITORY'],
] as const;
const claimTypes = ['CONTROL', 'ATTACK', 'CASUALTIES', 'PRESENCE', 'WITHDRAWAL'] as const;

export interface GeneratedCounts {
  records: number;
  nodes: number;
  relationships: number;
}

/** Writes a generated bundle to a file, line by line as the stream drains, and says what it holds. */
export async function writeBundleFile(out: string, lines: Generator<string, GeneratedCounts>): Promise<void> {
  await mkdir(path.dirname(out), { recursive: true });
  const stream = createWriteStream(out);
  let next = lines.next();
  while (!next.done) {
    if (!stream.write(`${next.value}\n`)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
    next = lines.next();
  }
  await new Promise<void>((resolve) => stream.end(() => resolve()));
  console.log(`${out}: ${next.value.records} records for ${next.value.nodes} nodes and ${next.value.relationships} relationships`);
}

/** The bundle's lines for a graph of about `nodes` nodes. */
export function* generateBundle(nodes: number, seed = 1): Generator<string, GeneratedCounts> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const counts: GeneratedCounts = { records: 0, nodes: 0, relationships: 0 };
  const line = (record: object, nodesWritten: number, relationshipsWritten: number) => {
    counts.records += 1;
    counts.nodes += nodesWritten;
    counts.relationships += relationshipsWritten;
    return JSON.stringify(record);
  };
  const word = () => {
    let name = '';
    for (let index = between(2, 3); index > 0; index -= 1) name += pick(syllables);
    return name.charAt(0).toUpperCase() + name.slice(1);
  };
  const toCyrillic = (latin: string) => [...latin.toLowerCase()].map((letter) => cyrillic[letter] ?? letter).join('');
  const day = (offset: number) => new Date(Date.UTC(2022, 1, 24) + offset * 86_400_000).toISOString().slice(0, 10);

  yield JSON.stringify({ format: 'conflict-graph/bundle', version: 1, name: `generated-${nodes}-seed-${seed}` });

  const per = (share: number) => Math.max(1, Math.round((nodes * share) / 1_000));
  const placeCount = per(55);
  const unitCount = per(6);
  const organizationCount = per(2);
  const eventCount = per(330);
  const sourceCount = per(330);
  const claimCount = Math.max(1, nodes - placeCount - unitCount - organizationCount - eventCount - sourceCount);

  // Places: two countries, regions, districts, settlements; keys unique by index.
  const places: { key: string; parent?: string }[] = [{ key: 'place:ua' }, { key: 'place:ru' }];
  for (const [key, name, countryCode] of [['place:ua', 'Ukraine', 'UA'], ['place:ru', 'Russia', 'RU']] as const) {
    yield line({ record: 'entity', type: 'Place', key, properties: { name, type: 'COUNTRY', countryCode } }, 1, 0);
  }
  const regions = Math.max(1, Math.round(placeCount * 0.01));
  const districts = Math.max(1, Math.round(placeCount * 0.08));
  for (let index = 0; index < placeCount; index += 1) {
    const country = index % 5 === 0 ? 'ru' : 'ua';
    const name = `${word()} ${index}`;
    const [type, parent] =
      index < regions
        ? ['REGION', `place:${country}`]
        : index < regions + districts
          ? ['DISTRICT', places[2 + (index % regions)]!.key]
          : ['VILLAGE', places[2 + regions + (index % districts)]!.key];
    const key = `place:${country}:gen-${index}`;
    places.push({ key, parent });
    yield line(
      {
        record: 'entity',
        type: 'Place',
        key,
        properties: {
          name,
          names: [name, toCyrillic(name), name.replace(/v/g, 'w')],
          type,
          countryCode: country.toUpperCase(),
          location: { latitude: 44.5 + random() * 8, longitude: 30 + random() * 10 },
          locationPrecision: 'SETTLEMENT',
        },
      },
      1,
      0,
    );
    yield line({ record: 'relationship', type: 'LOCATED_IN', from: key, to: parent, properties: { confidence: 'HIGH' } }, 0, 1);
  }
  const settlements = places.slice(2 + regions + districts);

  const organizations: string[] = [];
  for (let index = 0; index < organizationCount; index += 1) {
    const key = `org:gen-${index}`;
    organizations.push(key);
    yield line({ record: 'entity', type: 'Organization', key, properties: { name: `${word()} Media ${index}`, type: 'MEDIA' } }, 1, 0);
  }
  const units: string[] = [];
  for (let index = 0; index < unitCount; index += 1) {
    const key = `unit:gen-${index}`;
    const side = index % 2 === 0 ? 'UKRAINE' : 'RUSSIA';
    units.push(key);
    yield line({ record: 'entity', type: 'Unit', key, properties: { name: `${index + 1}th ${word()} Brigade`, aliases: [`${index + 1} Bde`, toCyrillic(word())], side } }, 1, 0);
    if (index >= 10) yield line({ record: 'relationship', type: 'PART_OF', from: key, to: units[index % 10]!, properties: { from: day(between(0, 300)) } }, 0, 1);
  }

  const sources: string[] = [];
  for (let index = 0; index < sourceCount; index += 1) {
    const key = `source:gen:${index}`;
    sources.push(key);
    yield line(
      { record: 'entity', type: 'Source', key, properties: { kind: pick(['NEWS_ARTICLE', 'SOCIAL_POST', 'OFFICIAL_STATEMENT'] as const), title: `Report ${index} on ${word()}`, publishedAt: day(index % 1_000), reliability: pick(['B', 'C', 'D', 'F'] as const) } },
      1,
      0,
    );
    yield line({ record: 'relationship', type: 'PUBLISHED_BY', from: key, to: pick(organizations), properties: { attribution: 'EXPLICIT' } }, 0, 1);
  }

  const events: { key: string; place: string; actors: string[] }[] = [];
  for (let index = 0; index < eventCount; index += 1) {
    const date = day(index % 1_000);
    const key = `event:${date}-gen-${index}`;
    const place = pick(settlements).key;
    const [type, subType] = pick(eventTypes);
    const actors = [...new Set(Array.from({ length: between(1, 3) }, () => pick(units)))];
    events.push({ key, place, actors });
    yield line({ record: 'entity', type: 'Event', key, properties: { name: `${subType.toLowerCase().replaceAll('_', ' ')} near ${word()}`, category: 'CONFLICT', type, subType, startDate: date } }, 1, 0);
    yield line({ record: 'relationship', type: 'OCCURRED_AT', from: key, to: place, properties: { precision: 'PLACE' } }, 0, 1);
    for (const [position, actor] of actors.entries()) {
      yield line({ record: 'relationship', type: 'PARTICIPATED_IN', from: actor, to: key, properties: { role: position === 0 ? 'ATTACKER' : 'DEFENDER' } }, 0, 1);
    }
    for (let report = between(1, 2); report > 0; report -= 1) {
      yield line({ record: 'relationship', type: 'REPORTED_IN', from: key, to: pick(sources), properties: {} }, 0, 1);
    }
  }

  const claimsByEvent = new Map<string, string>();
  for (let index = 0; index < claimCount; index += 1) {
    const event = pick(events);
    const key = `claim:gen:${index}`;
    const earlier = claimsByEvent.get(event.key);
    const contradicts = earlier && index % 12 === 0 ? [{ key: earlier, note: 'Generated contradiction.' }] : [];
    claimsByEvent.set(event.key, key);
    const text = `${pick(claimTypes).toLowerCase()} claim ${index} about ${word()}`;
    yield line(
      {
        record: 'claim',
        key,
        properties: { text, type: pick(claimTypes), stance: random() < 0.85 ? 'ASSERTS' : 'DENIES', basis: pick(['CLAIMED_BY_PARTY', 'REPORTED_BY_MEDIA'] as const), madeAt: event.key.slice(6, 16) },
        madeBy: [{ key: pick(event.actors), attribution: 'EXPLICIT' }],
        about: [{ key: event.key, role: 'EVENT' }, { key: event.place, role: 'PLACE' }],
        sources: [{ key: pick(sources), quote: text, first: true }],
        contradicts,
      },
      1,
      4 + contradicts.length,
    );
  }
  return counts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { nodes: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } } });
  const nodes = Number(values.nodes?.replace(/k$/i, '000').replace(/m$/i, '000000'));
  if (!Number.isSafeInteger(nodes) || nodes < 100) {
    console.error('usage: npm run bench:generate -- --nodes <count, e.g. 10k, 100k, 1m> [--seed N] [--out FILE]');
    process.exit(64);
  }
  const out = values.out ?? `bench/data/${values.nodes}-seed-${values.seed ?? 1}.ndjson`;
  await writeBundleFile(out, generateBundle(nodes, Number(values.seed ?? 1)));
}
