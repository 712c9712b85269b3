import "server-only";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import { env } from "../env";
import { DomainError, InvalidInputError } from "../errors";
import type { ImportSource } from "./parsers";

/** An upload past the size limit (HTTP 413). */
export class UploadTooLargeError extends DomainError {
  override readonly status = 413;
  constructor(maxBytes: number) {
    super(
      `The file is larger than the upload limit of ${formatMb(maxBytes)} (TRACEBANK_MAX_UPLOAD_MB): ` +
        "split it into smaller files, or ask an admin to raise the limit. Nothing was imported.",
    );
  }
}

const INTERRUPTED_MESSAGE = "The upload stopped before the end of the file; nothing was imported.";
const INTERRUPTED = new Set(["ECONNRESET", "ABORT_ERR", "ERR_STREAM_PREMATURE_CLOSE", "UND_ERR_ABORTED"]);
const isInterrupted = (error: unknown) =>
  error instanceof Error &&
  (error.name === "AbortError" ||
    error.message === "terminated" ||
    INTERRUPTED.has((error as { code?: string }).code ?? ""));

export type Spooled = { path: string; bytes: number };

/** Where uploads wait for their import job, under the data directory. */
export function uploadsDir(): string {
  return join(resolve(/* turbopackIgnore: true */ env().TRACEBANK_DATA_DIR), "uploads");
}

/** The configured upload limit in bytes. */
export function maxUploadBytes(): number {
  return env().TRACEBANK_MAX_UPLOAD_MB * 1024 * 1024;
}

/**
 * Writes an upload to a new file under the data directory as it arrives, touching no database:
 * the import job reads it later. Past `maxBytes` (null: no limit, for local files), or when the
 * stream breaks or ends short of `expectedBytes` (the request's Content-Length), the partial file
 * is deleted and the error says why.
 */
export async function spoolUpload(
  source: ImportSource,
  options: { maxBytes: number | null; expectedBytes?: number | null },
): Promise<Spooled> {
  const { maxBytes, expectedBytes } = options;
  if (maxBytes !== null && expectedBytes != null && expectedBytes > maxBytes)
    throw new UploadTooLargeError(maxBytes);
  const dir = uploadsDir();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, `${Date.now().toString(36)}-${randomBytes(12).toString("hex")}.upload`);
  let bytes = 0;
  try {
    await pipeline(
      source,
      async function* (chunks: AsyncIterable<Uint8Array | string>) {
        for await (const chunk of chunks) {
          const buffer = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
          bytes += buffer.length;
          if (maxBytes !== null && bytes > maxBytes) throw new UploadTooLargeError(maxBytes);
          yield buffer;
        }
      },
      createWriteStream(path, { flags: "wx", mode: 0o600 }),
    );
    if (expectedBytes != null && bytes !== expectedBytes) throw new InvalidInputError(INTERRUPTED_MESSAGE);
    return { path, bytes };
  } catch (error) {
    await rm(path, { force: true });
    if (error instanceof DomainError) throw error;
    if (isInterrupted(error)) throw new InvalidInputError(INTERRUPTED_MESSAGE);
    throw error;
  }
}

function formatMb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024).toLocaleString("en-US")} MB`;
}
