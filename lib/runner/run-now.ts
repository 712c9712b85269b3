import "server-only";
import { db } from "../db";
import { env } from "../env";
import { logError } from "../log";
import { createWorker } from "./worker";

const FINAL = new Set(["completed", "failed", "cancelled"]);

/**
 * Runs one job in this process until it is over (planned, every item settled), with a worker
 * that takes nothing else: for the command line and tests. Returns the job's final status, or
 * its status when it stops moving (paused, say).
 */
export async function runJobNow(jobId: string, owner = `run-now-${process.pid}`): Promise<string> {
  const worker = createWorker({ workerId: owner, jobIds: [jobId] });
  // runOnce waits for its calls without renewing their leases: an item that runs for longer than
  // a lease (a big import) would otherwise be taken over by another worker half-way.
  const leaseMs = env().TRACEBANK_LEASE_MS;
  const renewing = setInterval(
    () => {
      renewOwnLeases(jobId, owner, leaseMs).catch((error: unknown) =>
        logError(`${owner}: renewing the leases of job ${jobId}`, error),
      );
    },
    Math.max(100, Math.floor(leaseMs / 3)),
  );
  try {
    for (;;) {
      const { leased } = await worker.runOnce();
      const job = await db().job.findUniqueOrThrow({ where: { id: jobId }, select: { status: true } });
      if (FINAL.has(job.status) || (leased === 0 && job.status === "paused")) return job.status;
      // Nothing due yet (a retry waiting out its delay): look again shortly.
      if (leased === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    clearInterval(renewing);
    // Releases what the worker holds in this process (its cancel listener).
    await worker.stop();
  }
}

async function renewOwnLeases(jobId: string, owner: string, leaseMs: number): Promise<void> {
  await db().jobItem.updateMany({
    where: { jobId, status: "running", leaseOwner: owner },
    data: { leaseExpiresAt: new Date(Date.now() + leaseMs) },
  });
}
