import "server-only";
import { ConflictError } from "../errors";
import { runJobNow } from "../runner";
import { importOutcome } from "./import-queries";
import { receiveImport } from "./import-start";
import type { ImportSource } from "./parsers";
import type { ImportFormat, ImportMode, ImportResult } from "./schemas";
import { releaseSpool } from "./spool-cleanup";

export type { ImportSource } from "./parsers";

export type ImportInput = {
  promptSetId: string;
  fileName: string;
  format: ImportFormat | "auto";
  mode: ImportMode;
  source: ImportSource;
  actorId: string | null;
};

/**
 * Imports a file into a prompt set and waits for the result, through the same road as an upload:
 * the source is spooled to a file, then a prompt-import job validates it (nothing is written if
 * it is refused) and publishes it in checkpointed batches; here that job runs in this process.
 * For the command line, the demo seed, benchmarks and tests. A row whose content hash is already
 * in the set (or earlier in the file) is skipped and counted as a duplicate; "all-or-nothing"
 * keeps nothing if any row is invalid and still reports every bad row; "skip-invalid" keeps the
 * valid rows.
 */
export async function importPrompts(input: ImportInput): Promise<ImportResult> {
  const { importId, jobId } = await receiveImport({ ...input, maxBytes: null });
  const status = await runJobNow(jobId);
  const result = await importOutcome(importId);
  await releaseSpool(importId);
  if (!result) throw new ConflictError(`The import job is ${status}; the server's worker will finish it.`);
  return result;
}
