import "server-only";
import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { db, type Tx } from "../db";
import { preparedPath } from "./prepared-file";
import { isFinalImport } from "./schemas";
import { uploadsDir } from "./spool";

/**
 * Deletes an import's spooled file once the import is final, as committed (a retry of a running
 * one may still need it). Safe to call at any time and more than once; `client` may be the
 * transaction of a hook that runs after the import became final.
 */
export async function releaseSpool(importId: string, client: Pick<Tx, "promptImport"> = db()): Promise<void> {
  const row = await client.promptImport.findUnique({
    where: { id: importId },
    select: { status: true, spoolPath: true },
  });
  if (!row?.spoolPath || !isFinalImport(row.status)) return;
  await rm(row.spoolPath, { force: true });
  await rm(preparedPath(row.spoolPath), { force: true });
  await client.promptImport.updateMany({
    where: { id: importId, spoolPath: row.spoolPath },
    data: { spoolPath: null },
  });
}

/**
 * Releases the file once the transaction that is making the import final has committed. Best
 * effort: if this fails (the process stops, say), the sweep below deletes the file later.
 */
export function releaseSpoolSoon(importId: string): void {
  setTimeout(() => void releaseSpool(importId).catch(() => {}), 1_000).unref();
}

// An upload still being written is young; a file older than this with no running import is left over.
const ORPHAN_AGE_MS = 60 * 60_000;
const SWEEP_EVERY_MS = 10 * 60_000;
let lastSweep = 0;

/**
 * Deletes spooled files no running import needs: those of final imports whose release was missed
 * (a crash between commit and delete), and uploads that never became an import (a crash while
 * spooling). At most every ten minutes per process.
 */
export async function sweepSpool(now = Date.now()): Promise<number> {
  if (now - lastSweep < SWEEP_EVERY_MS) return 0;
  lastSweep = now;
  const dir = uploadsDir();
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  // An upload, and the prepared rows validation wrote beside it, go together.
  const spools = new Set(names.map((n) => n.replace(/\.rows$/, "")).filter((n) => n.endsWith(".upload")));
  for (const name of spools) {
    const path = join(dir, name);
    const row = await db().promptImport.findFirst({
      where: { spoolPath: path },
      select: { id: true, status: true },
    });
    if (row && isFinalImport(row.status)) {
      await releaseSpool(row.id);
      removed++;
    } else if (!row) {
      const touched = await stat(path)
        .catch(() => stat(preparedPath(path)))
        .catch(() => ({ mtimeMs: 0 }));
      const age = now - touched.mtimeMs;
      if (age < ORPHAN_AGE_MS) continue;
      await rm(path, { force: true });
      await rm(preparedPath(path), { force: true });
      removed++;
    }
  }
  return removed;
}

/** Tests sweep on demand. */
export function resetSweepForTests(): void {
  lastSweep = 0;
}
