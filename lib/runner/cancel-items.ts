import "server-only";
import { db } from "../db";
import { logError } from "../log";

// Items per statement: each batch is one short write, whatever the job's size.
export const CANCEL_BATCH = 5_000;
const OPEN = ["running", "pending"] as const;

/**
 * Cancels the open items of a job that has already ended (cancelled or failed: no worker leases
 * its items any more), in batches of short writes, running ones first (their calls are the ones
 * that could still store a result). Stops at `deadline` (performance.now() ms) when given.
 * Returns how many it cancelled and whether none is left open.
 */
export async function cancelOpenItems(
  jobId: string,
  deadline = Infinity,
): Promise<{ cancelled: number; done: boolean }> {
  let cancelled = 0;
  for (;;) {
    for (const status of OPEN) {
      let after = -1;
      for (;;) {
        if (performance.now() >= deadline) return { cancelled, done: false };
        // Keyset on (jobId, status, ordinal): each page costs the same at any job size.
        const page = await db().jobItem.findMany({
          where: { jobId, status, ordinal: { gt: after } },
          orderBy: { ordinal: "asc" },
          take: CANCEL_BATCH,
          select: { id: true, ordinal: true },
        });
        if (page.length === 0) break;
        after = page.at(-1)!.ordinal;
        // By id (the primary key), still open: an item that ended meanwhile keeps its outcome.
        const result = await db().jobItem.updateMany({
          where: { id: { in: page.map((i) => i.id) }, status: { in: [...OPEN] } },
          data: { status: "cancelled", leaseExpiresAt: null },
        });
        cancelled += result.count;
      }
    }
    // A worker may have handed a running item back to pending behind the cursor: go round again.
    const left = await db().jobItem.findFirst({
      where: { jobId, status: { in: [...OPEN] } },
      select: { id: true },
    });
    if (!left) return { cancelled, done: true };
  }
}

// Jobs whose items this process is cancelling now (kept across dev hot reloads).
const holder = globalThis as unknown as { __tracebankCancelling?: Map<string, Promise<void>> };
const running = (holder.__tracebankCancelling ??= new Map());

/** Cancels the rest of a job's open items in the background, once per job in this process. */
export function cancelRestInBackground(jobId: string): Promise<void> {
  const existing = running.get(jobId);
  if (existing) return existing;
  const task = cancelOpenItems(jobId)
    .then(() => undefined)
    .catch((error: unknown) => logError(`cancelling the items of job ${jobId}`, error))
    .finally(() => running.delete(jobId));
  running.set(jobId, task);
  return task;
}

/** Resolves when every background cancellation of this process has ended (tests, shutdown). */
export async function backgroundCancellationsIdle(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running.values()]);
}

/**
 * Ended jobs that still have open items: a process that stopped while cancelling them left the
 * rest. Cheap at any size: per ended job, one probe of the (jobId, status, ordinal) index.
 */
export async function jobsWithItemsLeftOpen(limit = 20): Promise<string[]> {
  const rows = await db().$queryRaw<Array<{ id: string }>>`
    SELECT j."id" FROM "Job" j
    WHERE j."status" IN ('cancelled', 'failed')
      AND EXISTS (SELECT 1 FROM "JobItem" i
                  WHERE i."jobId" = j."id" AND i."status" IN ('pending', 'running'))
    LIMIT ${limit}`;
  return rows.map((r) => r.id);
}
