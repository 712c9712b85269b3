/** Bytes (or text) of an uploaded file, read one chunk at a time: a Node Readable qualifies. */
export type ImportSource = AsyncIterable<Uint8Array | string>;

/**
 * One record from a file: a value to map, or an error for that record (the file reads on), or a
 * fatal error (the file cannot be read past this point). `line` is where the record starts;
 * `item` is a 1-based position inside a JSON array.
 */
export type ParsedRow = {
  line: number;
  item?: number;
  value?: unknown;
  error?: string;
  fatal?: true;
};

/** "line 12" or "item 17 (line 230)": how messages point at a record. */
export function where(row: Pick<ParsedRow, "line" | "item">): string {
  return row.item === undefined ? `line ${row.line}` : `item ${row.item} (line ${row.line})`;
}

export class NotUtf8Error extends Error {
  constructor() {
    super("the file is not UTF-8 text (save it as UTF-8 and upload it again)");
  }
}

// Decoded pieces stay well under V8's large-object size (128 KB), so they die young.
const PIECE = 16 * 1024;

/** Decodes UTF-8 across chunk boundaries; drops a leading byte-order mark. */
export async function* decodeUtf8(source: ImportSource): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let first = true;
  try {
    for await (const chunk of source) {
      for (let start = 0; start < chunk.length; start += PIECE) {
        const end = start + PIECE;
        const piece = typeof chunk === "string" ? chunk.slice(start, end) : chunk.subarray(start, end);
        let text = typeof piece === "string" ? piece : decoder.decode(piece, { stream: true });
        if (first && text) {
          first = false;
          if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        }
        if (text) yield text;
      }
    }
    const tail = decoder.decode();
    if (tail) yield tail;
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_ENCODING_INVALID_ENCODED_DATA") throw new NotUtf8Error();
    throw error;
  }
}
