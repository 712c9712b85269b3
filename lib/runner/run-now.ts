import "server-only";
import { db } from "../db";
import { createWorker } from "./worker";

const FINAL = new Set(["completed", "failed", "cancelled"]);

/**
 * Runs one job in this process until it is over (planned, every item settled), with a worker
 * that takes nothing else: for the command line and tests. Returns the job's final status, or
 * its status when it stops moving (paused, say).
 */
export async function runJobNow(jobId: string, owner = `run-now-${process.pid}`): Promise<string> {
  const worker = createWorker({ workerId: owner, jobIds: [jobId] });
  for (;;) {
    const { leased } = await worker.runOnce();
    const job = await db().job.findUniqueOrThrow({ where: { id: jobId }, select: { status: true } });
    if (FINAL.has(job.status) || (leased === 0 && job.status === "paused")) return job.status;
    // Nothing due yet (a retry waiting out its delay): look again shortly.
    if (leased === 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
