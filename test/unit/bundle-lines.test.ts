import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { BundleError, readBundle } from '../../src/import/bundle';
import { bundleLines, type BundleLineText } from '../../src/import/lines';
import { ValidationError } from '../../src/write/validate';

const directory = mkdtempSync(path.join(tmpdir(), 'bundle-lines-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function read(chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>, maxLineBytes?: number) {
  const lines: (string | { error: string })[] = [];
  let size = 0;
  for await (const line of bundleLines(chunks, maxLineBytes)) {
    lines.push(line.text instanceof ValidationError ? { error: line.text.message } : line.text);
    size += line.size;
  }
  return { lines, size };
}

async function* textsOf(lines: AsyncIterable<BundleLineText>) {
  for await (const line of lines) yield line.text;
}

/** The bytes cut into chunks of `size` bytes, as a stream may deliver them. */
const chunked = (bytes: Uint8Array, size: number) => Array.from({ length: Math.ceil(bytes.length / size) }, (_, index) => bytes.subarray(index * size, (index + 1) * size));

describe('reading a bundle as bytes', () => {
  const text = Buffer.from('{"format": "conflict-graph/bundle"}\n{"name": "Мста-С"}\n\n{"last": true}');

  it('gives the same lines, and accounts for every byte, however the stream is cut', async () => {
    const whole = await read([text]);
    expect(whole).toEqual({ lines: ['{"format": "conflict-graph/bundle"}', '{"name": "Мста-С"}', '', '{"last": true}'], size: text.length });
    for (const size of [1, 2, 3, 7]) expect(await read(chunked(text, size))).toEqual(whole);
  });

  it('rejects a line of invalid UTF-8 with its line and byte offset, and reads on', async () => {
    const bad = Buffer.concat([Buffer.from('{"format": "conflict-graph/bundle"}\n{"name": "ok \uFFFD"}\n{"name": "T-'), Buffer.from([0xd0, 0x39, 0xff]), Buffer.from('"}\n{"next": 1}\n')]);
    const { lines } = await read(chunked(bad, 5));
    // Offset 12: the first byte after `{"name": "T-`; a U+FFFD written in a line is valid UTF-8.
    expect(lines).toEqual(['{"format": "conflict-graph/bundle"}', '{"name": "ok \uFFFD"}', { error: 'line 3: not valid UTF-8 at byte offset 12 of the line.' }, '{"next": 1}']);
  });

  it('refuses a bundle whose header is not valid UTF-8, naming the line and offset', async () => {
    const lines = readBundle(textsOf(bundleLines([Buffer.concat([Buffer.from('{"format": "conflict-'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')])])));
    const refusal = await (async () => {
      for await (const _item of lines);
    })().catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BundleError);
    expect((refusal as BundleError).message).toBe('line 1: not valid UTF-8 at byte offset 21 of the line.');
  });

  it('skips a leading byte order mark, even cut across chunks, and only at the start', async () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]);
    for (const size of [1, 2, 64]) expect((await read(chunked(withBom, size))).lines[0]).toBe('{"format": "conflict-graph/bundle"}');
    const later = Buffer.from('a\n\uFEFFb');
    expect((await read([later])).lines).toEqual(['a', '\uFEFFb']);
  });

  it('rejects a 50 MB line by its number without holding it, and reads the next line', async () => {
    const file = path.join(directory, 'long.ndjson');
    const fd = openSync(file, 'w');
    writeSync(fd, '{"format": "conflict-graph/bundle"}\n{"text": "');
    const block = Buffer.alloc(1_048_576, 'x');
    for (let index = 0; index < 50; index += 1) writeSync(fd, block);
    writeSync(fd, '"}\n{"after": true}\n');
    closeSync(fd);

    // What the process holds, not what it has yet to collect: RSS counts garbage the collector
    // has not reached, which under load grew past 48 MB here; live buffers after a collection do not.
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const live = () => {
      collect();
      const usage = process.memoryUsage();
      return usage.arrayBuffers + usage.heapUsed;
    };
    const before = live();
    let peak = before;
    let chunkCount = 0;
    // What the reader holds, measured every 16 chunks (1 MB of a 64 kB stream).
    async function* sampled(chunks: AsyncIterable<Uint8Array>) {
      for await (const chunk of chunks) {
        chunkCount += 1;
        if (chunkCount % 16 === 0) peak = Math.max(peak, live());
        yield chunk;
      }
    }
    const lines: BundleLineText[] = [];
    for await (const line of bundleLines(sampled(createReadStream(file)), 1_048_576)) lines.push(line);
    expect(lines.map((line) => (line.text instanceof ValidationError ? line.text.message : line.text))).toEqual([
      '{"format": "conflict-graph/bundle"}',
      'line 2: longer than 1048576 bytes (the maximum line length, --max-line-bytes); the line is skipped.',
      '{"after": true}',
    ]);
    expect((lines[1]!.text as ValidationError).field).toBe('line 2');
    expect(chunkCount).toBeGreaterThan(700);
    // Holding the line would take 50 MB; the reader holds at most one line of the limit (1 MB) and a chunk.
    expect(peak - before).toBeLessThan(8 * 1_048_576);
  });
});
