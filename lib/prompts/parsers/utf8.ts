/** Bytes (or text) of an uploaded file, read one chunk at a time: a Node Readable qualifies. */
export type ImportSource = AsyncIterable<Uint8Array | string>;

export class NotUtf8Error extends Error {
  constructor() {
    super("the file is not UTF-8 text (save it as UTF-8 and upload it again)");
  }
}

// Decoded pieces stay well under V8's large-object size (128 KB), so they die young.
const PIECE = 16 * 1024;

/**
 * Decodes UTF-8 across chunk boundaries; drops a leading byte-order mark. On a byte that is not
 * UTF-8 it first yields the text before it, then throws NotUtf8Error: a parser that counts lines
 * in what it was given then knows the exact line of the bad byte.
 */
export async function* decodeUtf8(source: ImportSource): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let first = true;
  let carry: Uint8Array | null = null;
  const out = (text: string) => {
    if (first && text) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) return text.slice(1);
    }
    return text;
  };
  for await (const chunk of source) {
    for (let start = 0; start < chunk.length; start += PIECE) {
      if (typeof chunk === "string") {
        const text = out(chunk.slice(start, start + PIECE));
        if (text) yield text;
        continue;
      }
      const piece = chunk.subarray(start, start + PIECE);
      const bytes: Uint8Array = carry ? concat(carry, piece) : piece;
      const cut = completeLength(bytes);
      carry = cut < bytes.length ? bytes.slice(cut) : null;
      let text: string;
      try {
        text = decoder.decode(bytes.subarray(0, cut));
      } catch {
        const valid = out(decoder.decode(bytes.subarray(0, firstInvalid(bytes.subarray(0, cut)))));
        if (valid) yield valid;
        throw new NotUtf8Error();
      }
      text = out(text);
      if (text) yield text;
    }
  }
  // A sequence cut off by the end of the file.
  if (carry) throw new NotUtf8Error();
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/** Sequence length announced by a lead byte (1 for ASCII and for bytes no sequence starts with). */
function sequenceLength(lead: number): number {
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  return 1;
}

/** How many bytes end on a sequence boundary: the rest waits for the next piece. */
function completeLength(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i--) {
    if ((bytes[i]! & 0xc0) === 0x80) continue; // a continuation byte: look further back
    return i + sequenceLength(bytes[i]!) > bytes.length ? i : bytes.length;
  }
  return bytes.length;
}

/** Where the first ill-formed sequence starts (RFC 3629: no overlongs, surrogates, or > U+10FFFF). */
export function firstInvalid(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(lead);
    if (length === 1 || i + length > bytes.length) return i;
    const second = bytes[i + 1]!;
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return bytes.length;
}
