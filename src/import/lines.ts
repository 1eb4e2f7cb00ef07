import { ValidationError } from '../write/validate';

/** The longest line a bundle may hold, in bytes (newline excluded), unless the reader is told otherwise. */
export const defaultMaxLineBytes = 1_048_576;

/** A line of a bundle: its text, or why it cannot be read; `size` is how many bytes of the input it took. */
export interface BundleLineText {
  text: string | ValidationError;
  size: number;
}

const newline = 0x0a;
const bom = [0xef, 0xbb, 0xbf];
// A BOM is skipped at the start of the bundle only (withoutBom), not at the start of every line.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The lines of a byte stream, split on LF and decoded as UTF-8 one by one: a line that is not
 * valid UTF-8 comes as an error naming its line and the byte offset of the first bad sequence;
 * one longer than `maxLineBytes` as an error naming its line, decided as soon as the limit is
 * passed, its further bytes dropped as they come (memory stays bounded by the limit). A leading
 * UTF-8 byte order mark is skipped. A trailing CR is kept (JSON parsing ignores it).
 */
export async function* bundleLines(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, maxLineBytes = defaultMaxLineBytes): AsyncGenerator<BundleLineText> {
  let parts: Uint8Array[] = [];
  let held = 0;
  /** Bytes of the current line, dropped ones included. */
  let size = 0;
  let tooLong = false;
  let line = 1;
  const finish = (withNewline: boolean): BundleLineText => {
    const item = { text: tooLong ? overLong(line, maxLineBytes) : decode(concat(parts, held), line), size: size + (withNewline ? 1 : 0) };
    parts = [];
    held = 0;
    size = 0;
    tooLong = false;
    line += 1;
    return item;
  };
  for await (const chunk of withoutBom(chunks)) {
    let start = 0;
    while (start <= chunk.length) {
      const end = chunk.indexOf(newline, start);
      const piece = chunk.subarray(start, end === -1 ? chunk.length : end);
      size += piece.length;
      if (!tooLong && held + piece.length > maxLineBytes) {
        tooLong = true;
        parts = [];
        held = 0;
      }
      if (!tooLong && piece.length > 0) {
        // A copy: the stream may reuse its buffer.
        parts.push(Uint8Array.prototype.slice.call(piece));
        held += piece.length;
      }
      if (end === -1) break;
      yield finish(true);
      start = end + 1;
    }
  }
  if (size > 0) yield finish(false);
}

/** The chunks, less a UTF-8 byte order mark at the start. */
async function* withoutBom(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let head: Uint8Array | undefined = new Uint8Array(0);
  for await (const chunk of chunks) {
    if (!head) {
      yield chunk;
      continue;
    }
    head = concat([head, chunk], head.length + chunk.length);
    if (head.length < bom.length) continue;
    yield bom.every((byte, index) => head![index] === byte) ? head.subarray(bom.length) : head;
    head = undefined;
  }
  if (head && head.length > 0) yield head;
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1 && parts[0]!.length === length) return parts[0]!;
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part.subarray(0, length - offset), offset);
    offset += Math.min(part.length, length - offset);
  }
  return bytes;
}

function overLong(line: number, maxLineBytes: number) {
  return new ValidationError(`line ${line}`, `longer than ${maxLineBytes} bytes (the maximum line length, --max-line-bytes); the line is skipped.`);
}

function decode(bytes: Uint8Array, line: number): string | ValidationError {
  try {
    return decoder.decode(bytes);
  } catch {
    return new ValidationError(`line ${line}`, `not valid UTF-8 at byte offset ${invalidOffset(bytes)} of the line.`);
  }
}

/**
 * The offset of the first invalid sequence: the byte length of what decodes before the first
 * replacement character that does not stand for one written in the line (EF BF BD).
 */
function invalidOffset(bytes: Uint8Array): number {
  const text = lenient.decode(bytes);
  let offset = 0;
  let from = 0;
  for (let index = text.indexOf('\uFFFD'); index !== -1; index = text.indexOf('\uFFFD', index + 1)) {
    offset += Buffer.byteLength(text.slice(from, index));
    from = index;
    if (bytes[offset] !== 0xef || bytes[offset + 1] !== 0xbf || bytes[offset + 2] !== 0xbd) return offset;
  }
  return offset;
}
