import "server-only";
import { access } from "node:fs/promises";
import { db } from "../db";
import { ConflictError, DomainError, InvalidInputError } from "../errors";
import { logError } from "../log";
import { LostLeaseError, NO_USAGE, RetryableError, type Attempt, type Outcome } from "../runner";
import { countSetDuplicates } from "./import-duplicates";
import type { ImportOutcome } from "./import-end";
import { publishImport } from "./import-publish";
import { preparedPath } from "./prepared-file";
import { startPublishing, validateImport, type ImportRow } from "./import-validate";
import { ImportFormatSchema, ImportModeSchema, isFinalImport, type ImportJobConfig } from "./schemas";
import { sweepSpool } from "./spool-cleanup";

/**
 * One attempt at an import, from wherever the last one stopped: validation again from the start
 * (it wrote nothing), publishing from its checkpoint. Errors that are not the file's (the
 * database, the disk) are retried by the runner; the file's problems are the import's result.
 */
export async function runImport(attempt: Attempt<ImportJobConfig>): Promise<Outcome<ImportOutcome>> {
  sweepSpool().catch((error: unknown) => logError("sweeping spooled uploads", error));
  const { importId } = attempt.config;
  try {
    const row = await loadImport(importId);
    if (row.status !== "publishing") {
      const checked = await validateImport(attempt, row);
      if (checked.rejected) {
        const inSet = await countSetDuplicates(preparedPath(row.spoolPath), row.promptSetId);
        const { rejected: _rejected, ...counts } = checked;
        return {
          result: { status: "rejected", ...counts, duplicates: counts.duplicates + inSet },
          usage: NO_USAGE,
        };
      }
      await startPublishing(attempt, row, checked);
    }
    const at = await db().promptImport.findUniqueOrThrow({
      where: { id: importId },
      select: { publishedRows: true, inserted: true, duplicates: true, validRows: true, createdAt: true },
    });
    await publishImport(attempt, { ...row, ...at });
    return { result: { status: "imported" }, usage: NO_USAGE };
  } catch (error) {
    if (error instanceof DomainError || error instanceof LostLeaseError || attempt.signal.aborted)
      throw error;
    logError(`import ${importId} (attempt ${attempt.item.attempts})`, error);
    const detail = error instanceof Error ? error.message : String(error);
    throw new RetryableError(`The import was interrupted (${detail}); it goes on from where it stopped.`);
  }
}

async function loadImport(importId: string): Promise<ImportRow & { status: string }> {
  const row = await db().promptImport.findUnique({ where: { id: importId } });
  if (!row) throw new InvalidInputError("This import is gone: its prompt set was deleted.");
  if (isFinalImport(row.status))
    throw new ConflictError(
      `This import has already ended (${row.status}); upload the file again to import it.`,
    );
  const spoolPath = row.spoolPath;
  // Publishing reads the prepared rows validation wrote beside the upload; validation the upload.
  const needed = spoolPath && (row.status === "publishing" ? preparedPath(spoolPath) : spoolPath);
  const present = needed
    ? await access(needed).then(
        () => true,
        () => false,
      )
    : false;
  if (!spoolPath || !present)
    throw new InvalidInputError("The uploaded file is no longer in the data directory: upload it again.");
  return {
    id: row.id,
    promptSetId: row.promptSetId,
    fileName: row.fileName,
    spoolPath,
    format: ImportFormatSchema.parse(row.format),
    mode: ImportModeSchema.parse(row.mode),
    status: row.status,
  };
}
