import "server-only";
import { rm } from "node:fs/promises";
import { db, type Tx } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import { logError } from "../log";
import { createJob, launchOnce } from "../runner";
import { importKind } from "./import-kind";
import { resolveFormat, type ImportSource } from "./parsers";
import type { ImportFormat, ImportJobConfig, ImportMode } from "./schemas";
import { BEING_DELETED, deletionOf } from "./set-deletion";
import { sweepSpool } from "./spool-cleanup";
import { spoolUpload, type Spooled } from "./spool";

export type ImportRequest = {
  promptSetId: string;
  fileName: string;
  format: ImportFormat | "auto";
  mode: ImportMode;
  source: ImportSource;
  actorId: string | null;
  /** The upload's Content-Length, when it sent one: a body that ends short of it was cut off. */
  expectedBytes?: number | null;
  /** Bytes accepted at most; null for local files (the command line, the demo seed). */
  maxBytes: number | null;
  /** The request's Idempotency-Key: a repeat with it returns the first import, its body unread. */
  idempotencyKey?: string | null;
};

export type StartedImport = { importId: string; jobId: string; status: "queued" };

/**
 * Takes an upload: the file is spooled to disk first, with no transaction open while it arrives
 * (however slowly); then one short transaction writes the import and the job that will run it.
 * A refused or broken upload leaves no file and no import. A repeat of a request with the same
 * Idempotency-Key (a client retrying after a lost answer) returns the first import, its body unread.
 */
export async function receiveImport(request: ImportRequest): Promise<StartedImport> {
  const format = resolveFormat(request.format, request.fileName);
  await findSet(request.promptSetId);
  // The import's job carries the key (namespaced apart from launch forms' keys).
  const key = request.idempotencyKey ? `import:${request.idempotencyKey}` : null;
  const jobId = await launchOnce(key, request.actorId, async (launchKey) => {
    const spooled = await spoolUpload(request.source, {
      maxBytes: request.maxBytes,
      expectedBytes: request.expectedBytes,
    });
    try {
      const started = await startImport({ ...request, format }, spooled, launchKey);
      sweepSpool().catch((error: unknown) => logError("sweeping spooled uploads", error));
      return started.jobId;
    } catch (error) {
      await rm(spooled.path, { force: true });
      throw error;
    }
  });
  const row = await db().promptImport.findFirstOrThrow({
    where: { promptSetId: request.promptSetId, jobId },
    select: { id: true },
  });
  return { importId: row.id, jobId, status: "queued" };
}

/** The set to import into: not one being deleted. */
async function findSet(id: string, client: Pick<Tx, "promptSet" | "job"> = db()) {
  const set = await client.promptSet.findUnique({ where: { id }, select: { id: true, name: true } });
  if (!set) throw new NotFoundError("Prompt set", id);
  if (await deletionOf(id, client)) throw new ConflictError(BEING_DELETED);
  return set;
}

/** The import's row and its job, in one transaction: a worker takes it from there. */
async function startImport(
  request: Omit<ImportRequest, "format" | "source"> & { format: ImportFormat },
  spooled: Spooled,
  launchKey: string | null,
): Promise<StartedImport> {
  const { fileName, format, mode, actorId } = request;
  return db().$transaction(async (tx) => {
    const set = await findSet(request.promptSetId, tx);
    const row = await tx.promptImport.create({
      data: {
        promptSetId: set.id,
        fileName,
        format,
        mode,
        status: "queued",
        spoolPath: spooled.path,
        bytesTotal: BigInt(spooled.bytes),
        rowsRead: 0,
        inserted: 0,
        duplicates: 0,
        invalid: 0,
        errors: [],
        createdById: actorId,
      },
      select: { id: true },
    });
    const config: ImportJobConfig = {
      kind: "prompt-import",
      importId: row.id,
      promptSet: set,
      fileName,
      format,
      mode,
    };
    const jobId = await createJob(
      {
        kind: importKind,
        name: `Import ${fileName} into ${set.name}`,
        config,
        expectedItems: 1,
        // Not the job's prompt set: a set with imports can still be deleted, as before.
        promptSetId: null,
        actorId,
        launchKey,
        audit: {
          name: `Import ${fileName} into ${set.name}`,
          itemCount: 1,
          importId: row.id,
          promptSetId: set.id,
          fileName,
          mode,
          bytes: spooled.bytes,
        },
      },
      tx,
    );
    await tx.promptImport.update({ where: { id: row.id }, data: { jobId } });
    return { importId: row.id, jobId, status: "queued" as const };
  });
}
