import "server-only";
import { env } from "../../env";
import { parseJob } from "../active-jobs";
import { db } from "../../db";
import { planJob } from "./plan-job";
import { claimPlanning } from "./plan-lease";

/**
 * Plans a job in this process, to the end, as a worker would (for the command line and tests).
 * Returns false when it is not waiting to be planned or another planner holds it.
 */
export async function planJobNow(jobId: string, owner = `plan-now-${process.pid}`): Promise<boolean> {
  const row = await db().job.findUnique({ where: { id: jobId }, select: { kind: true, config: true } });
  const parsed = row ? parseJob(row) : null;
  if (!parsed) return false;
  const leaseMs = env().TRACEBANK_LEASE_MS;
  const lease = await claimPlanning(jobId, owner, new Date(), leaseMs);
  if (!lease) return false;
  return (await planJob({ lease, ...parsed, leaseMs, now: () => new Date() })) === "planned";
}
