import "server-only";
import { db } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import { cancelJob } from "../runner";
import { isFinalImport } from "./schemas";
import { releaseSpool } from "./spool-cleanup";

/**
 * Cancels a running import through its job: refused once publishing started (the kind's
 * refuseCancel says why); the import becomes cancelled with the job (its finished hook).
 */
export async function cancelImport(importId: string, actorId: string | null): Promise<void> {
  const row = await db().promptImport.findUnique({
    where: { id: importId },
    select: { status: true, jobId: true, fileName: true },
  });
  if (!row) throw new NotFoundError("Import", importId);
  if (isFinalImport(row.status) || !row.jobId)
    throw new ConflictError(`The import of "${row.fileName}" has already ended (${row.status}).`);
  await cancelJob(row.jobId, actorId);
  await releaseSpool(importId);
}
