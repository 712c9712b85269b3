import "server-only";
import { db } from "../../db";
import { DomainError } from "../../errors";
import { logError } from "../../log";
import { failJob } from "../completion";
import type { AnyKind } from "../kind";
import { insertItems } from "./insert-items";
import { advancePlan, finishPlan, LostPlanError, releasePlan, type PlanLease } from "./plan-lease";

// Each batch is its own short transaction, so other work (and requests, on SQLite) goes between.
const TX = { maxWait: 30_000, timeout: 60_000 };
/** Attempts at planning a job before it fails (a planner that keeps crashing the process). */
export const MAX_PLAN_ATTEMPTS = 5;
const RETRY_MS = 5_000;

export type PlanRun = {
  lease: PlanLease;
  kind: AnyKind;
  config: { kind: string };
  leaseMs: number;
  now: () => Date;
  /** Stops between batches (the worker is stopping); the next planner resumes from the checkpoint. */
  signal?: AbortSignal;
};

/**
 * Writes a job's items as its kind plans them, from the lease's checkpoint: each batch of items
 * and the cursor after it commit together, fenced by the planning lease, so a planner that dies
 * (or is overtaken) leaves a job that the next one resumes exactly where the last batch ended.
 * When the plan is complete the job is queued with its exact item count. A planning error that
 * is the job's (a DomainError: prompts gone, say) fails the job with its message; anything else
 * is retried, up to MAX_PLAN_ATTEMPTS.
 */
export async function planJob(run: PlanRun): Promise<"planned" | "stopped" | "lost" | "failed"> {
  const { lease, kind, config, leaseMs, now } = run;
  if (lease.attempts > MAX_PLAN_ATTEMPTS) {
    await failJob(
      lease.jobId,
      "Planning this job failed too many times; see the server log. Launch it again.",
    );
    return "failed";
  }
  try {
    for await (const step of kind.plan(config, { cursor: lease.cursor, planned: lease.planned })) {
      if (run.signal?.aborted) {
        await releasePlan(lease, now(), "");
        return "stopped";
      }
      await db().$transaction(async (tx) => {
        const at = now();
        await insertItems(tx, lease.jobId, lease.planned, step.items, at);
        await advancePlan(tx, lease, step.items.length, step.cursor, new Date(at.getTime() + leaseMs));
      }, TX);
      // SQLite's driver is synchronous: without a turn of the event loop between batches, a web
      // process planning a big job would answer no request until it is done.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await db().$transaction((tx) => finishPlan(tx, lease), TX);
    return "planned";
  } catch (error) {
    if (error instanceof LostPlanError) return "lost";
    if (error instanceof DomainError) {
      await failJob(lease.jobId, `Planning failed: ${error.message}`);
      return "failed";
    }
    logError(`planning job ${lease.jobId} (attempt ${lease.attempts})`, error);
    const message = error instanceof Error ? error.message : String(error);
    await releasePlan(
      lease,
      new Date(now().getTime() + RETRY_MS),
      `Planning will be tried again: ${message}`,
    ).catch((releaseError: unknown) =>
      logError(`releasing the planning of job ${lease.jobId}`, releaseError),
    );
    return "stopped";
  }
}
