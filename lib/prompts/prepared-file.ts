import "server-only";
import { once } from "node:events";
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { open } from "node:fs/promises";

/**
 * Validation's output beside the spooled upload: each distinct valid row as one ASCII line of
 * JSON (see encodePrompt), in file order. Publishing reads it instead of parsing and checking
 * the upload again, and resumes by line.
 */
export const preparedPath = (spoolPath: string) => `${spoolPath}.rows`;

// Under V8's large-object size (128 KB), like every string a batch makes: they die young.
const CHUNK_CHARS = 64 * 1024;

/**
 * Writes the lines in chunks through a stream, so the disk works while validation reads on
 * (waiting is only for a full buffer); `close` makes them durable before publishing relies on them.
 */
export class PreparedWriter {
  private chunk: string[] = [];
  private chars = 0;
  /** A write that failed (disk full, say): the next step throws it; a stream error is never left unheard. */
  private failed: Error | undefined;

  private constructor(
    private readonly path: string,
    private readonly stream: WriteStream,
  ) {
    stream.on("error", (error) => (this.failed ??= error));
  }

  /** Starts the file afresh (a validation taken over after a crash writes it again). */
  static create(path: string): PreparedWriter {
    return new PreparedWriter(path, createWriteStream(path, { mode: 0o600, highWaterMark: 256 * 1024 }));
  }

  add(line: string): void {
    this.chunk.push(line, "\n");
    this.chars += line.length + 1;
  }

  /** Hands what was added to the stream once it is worth a write; waits only if the disk lags. */
  async flushIfFull(): Promise<void> {
    if (this.failed) throw this.failed;
    if (this.chars >= CHUNK_CHARS && !this.write()) await once(this.stream, "drain");
  }

  async close(): Promise<void> {
    this.write();
    this.stream.end();
    if (!this.stream.closed) await once(this.stream, "close");
    if (this.failed) throw this.failed;
    // fsync is the file's, whichever descriptor asks.
    const handle = await open(this.path, "r+");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /** Gives up on the file (a refused import, an aborted attempt). */
  discard(): void {
    this.stream.destroy();
  }

  private write(): boolean {
    if (this.chars === 0) return true;
    // ASCII only: latin1 is a plain copy.
    const bytes = Buffer.from(this.chunk.join(""), "latin1");
    [this.chunk, this.chars] = [[], 0];
    return this.stream.write(bytes);
  }
}

/** The file's lines after the first `skip`, in batches (one per chunk read). */
export async function* preparedLines(path: string, skip = 0): AsyncGenerator<string[]> {
  let rest = "";
  let toSkip = skip;
  // ASCII only, so latin1 decodes it exactly and fastest.
  for await (const text of createReadStream(path, { encoding: "latin1", highWaterMark: 64 * 1024 })) {
    const lines = (rest + (text as string)).split("\n");
    rest = lines.pop()!;
    if (toSkip >= lines.length) {
      toSkip -= lines.length;
      continue;
    }
    const batch = toSkip > 0 ? lines.slice(toSkip) : lines;
    toSkip = 0;
    yield batch;
  }
  if (rest) throw new Error(`${path} ends in the middle of a line`);
}
