import "server-only";
import { recordAudit } from "../audit";
import type { Tx } from "../db";
import { scanAfterImport } from "../quality";
import type { Done } from "../runner";
import type { ImportJobConfig, ImportRowError } from "./schemas";
import { isFinalImport } from "./schemas";
import { releaseSpool, releaseSpoolSoon } from "./spool-cleanup";

/** What an import's one item comes to: published, or refused with what validation found. */
export type ImportOutcome =
  | { status: "imported" }
  | {
      status: "rejected";
      rowsRead: number;
      validRows: number;
      invalid: number;
      duplicates: number;
      errors: ImportRowError[];
      fileError: string | null;
      bytesRead: number;
    };

export const PUBLISHING_REFUSAL =
  "This import is already writing its prompts into the set: stopping now would leave it half " +
  "imported, and its rows were all checked, so it will finish on its own shortly.";

/**
 * The item's result, in the transaction that marks it done (exactly once, under its lease): the
 * import becomes imported (its counts are the last checkpoint's) or rejected (nothing was written).
 */
export async function recordOutcome(
  tx: Tx,
  done: Array<Done<ImportOutcome>>,
  config: ImportJobConfig,
  now: Date,
) {
  for (const { result } of done) {
    const moved =
      result.status === "imported"
        ? await tx.promptImport.updateMany({
            where: { id: config.importId, status: "publishing" },
            data: { status: "imported", finishedAt: now },
          })
        : await tx.promptImport.updateMany({
            where: { id: config.importId, status: { in: ["queued", "validating"] } },
            data: {
              status: "rejected",
              rowsRead: result.rowsRead,
              validRows: result.validRows,
              invalid: result.invalid,
              duplicates: result.duplicates,
              inserted: 0,
              bytesRead: result.bytesRead,
              errors: result.errors,
              error: result.fileError,
              finishedAt: now,
            },
          });
    if (moved.count === 1) {
      await auditEnd(tx, config.importId, result.status);
      // New prompts are checked against the benchmarks at once: a curator hears of a
      // contaminated prompt before any teacher is paid to answer it.
      if (result.status === "imported") await scanImportedPrompts(tx, config.importId);
    }
  }
}

async function scanImportedPrompts(tx: Tx, importId: string): Promise<void> {
  const row = await tx.promptImport.findUniqueOrThrow({
    where: { id: importId },
    select: { promptSetId: true, createdById: true, inserted: true },
  });
  if (row.inserted > 0) await scanAfterImport(tx, row.promptSetId, row.createdById);
}

/** Refuses a cancel once publishing started. Runs in the cancel's transaction. */
export async function refuseCancelImport(
  tx: Tx,
  jobId: string,
  config: ImportJobConfig,
): Promise<string | null> {
  // The item's row first, as the worker's fenced switch to publishing locks it: one waits for the other.
  await tx.jobItem.updateMany({ where: { jobId }, data: { updatedAt: new Date() } });
  const row = await tx.promptImport.findUnique({ where: { id: config.importId }, select: { status: true } });
  return row?.status === "publishing" ? PUBLISHING_REFUSAL : null;
}

/**
 * The job ended (in the transaction giving it its final status). An import it did not finish
 * becomes cancelled or failed. Before publishing that means nothing was written. A publish can
 * only fail after every attempt failed (a worker dies on it again and again, the disk is gone):
 * the rows of its committed batches are then kept and said so, since deleting them row by row
 * would hold SQLite's one writer for as long as the import took, and importing the same file
 * again completes the set (the rows already in it are skipped as duplicates). The spooled file
 * goes once the import's final status is committed.
 */
export async function endImport(
  tx: Tx,
  job: { id: string; status: string; error: string | null },
  config: ImportJobConfig,
): Promise<void> {
  const row = await tx.promptImport.findUnique({
    where: { id: config.importId },
    select: { status: true, inserted: true, validRows: true },
  });
  if (!row) return;
  // Made final by the item's write, committed before this: no retry can need the file.
  if (isFinalImport(row.status)) return releaseSpool(config.importId, tx);
  const status = job.status === "cancelled" ? "cancelled" : "failed";
  const published = row.status === "publishing" && row.inserted > 0;
  const item = await tx.jobItem.findFirst({ where: { jobId: job.id }, select: { lastError: true } });
  const reason = item?.lastError ?? job.error ?? "see the server log";
  const error =
    status === "cancelled"
      ? "Cancelled before any prompt was written: nothing was imported."
      : published
        ? `The import failed after writing ${count(row.inserted)} of ${count(row.validRows)} prompts, which are ` +
          `kept; import the same file again to add the rest (those already in the set are skipped). ${reason}`
        : `The import failed and nothing was imported: ${reason}`;
  await tx.promptImport.update({
    where: { id: config.importId },
    data: { status, error, finishedAt: new Date(), ...(published ? {} : { inserted: 0, publishedRows: 0 }) },
  });
  await auditEnd(tx, config.importId, status);
  releaseSpoolSoon(config.importId);
}

const count = (n: number) => n.toLocaleString("en-US");

async function auditEnd(
  tx: Tx,
  importId: string,
  status: "imported" | "rejected" | "failed" | "cancelled",
): Promise<void> {
  const row = await tx.promptImport.findUniqueOrThrow({ where: { id: importId } });
  const counts = {
    rowsRead: row.rowsRead,
    inserted: row.inserted,
    duplicates: row.duplicates,
    invalid: row.invalid,
  };
  await recordAudit(
    {
      actorId: row.createdById,
      action: `prompts.import-${status}`,
      entityId: row.promptSetId,
      data: { importId, fileName: row.fileName, mode: row.mode, ...counts },
    },
    tx,
  );
}
