import "server-only";
import { db } from "../../db";
import { logError } from "../../log";
import { loadActiveJobs } from "../active-jobs";
import { advanceBatches } from "../batch";
import { cancelRestInBackground, jobsWithItemsLeftOpen } from "../cancel-items";
import { failExhaustedLeases } from "../lease";
import { applyRefunds, pruneReservations } from "../limits";
import type { WorkerState } from "./state";

/**
 * The worker's periodic look at the database: the active jobs (calls of jobs no longer active are
 * aborted or, when paused, left to finish), the breaker's view of pauses, items whose worker died
 * on their last attempt, old reservations, refunds, provider batches, jobs waiting to be planned,
 * and (now and then) ended jobs whose items are still to be cancelled.
 */
export async function poll(state: WorkerState): Promise<void> {
  const started = performance.now();
  const active = await loadActiveJobs(state.configs, state.now());
  state.jobs = state.only ? active.filter((j) => state.only!.has(j.id)) : active;
  state.drained.clear();
  const ids = new Set(state.jobs.map((j) => j.id));
  const paused = await settleInactive(state, ids);
  state.outages.observe(ids, started, paused);
  for (const job of state.jobs) await failExhaustedLeases(job.id, job.settings.maxAttempts, state.now());
  for (const providerId of new Set(state.jobs.flatMap((j) => (j.providerId ? [j.providerId] : []))))
    await pruneReservations(db(), providerId, state.now());
  await flushRefunds(state);
  try {
    // Provider batches are all jobs' business: a worker limited to some jobs leaves them alone.
    if (!state.only) await advanceBatches({ workerId: state.workerId, now: state.now() });
  } catch (error) {
    logError(`worker ${state.workerId}: batch jobs`, error);
  }
  if (!state.stopping) await state.planners.startDue();
  if (!state.only && !state.stopping) await sweepEndedJobs(state);
}

// How often a worker looks for ended jobs whose items were left open (by a process that stopped).
const SWEEP_MS = 30_000;

/** Finishes, in the background, cancelling the items of jobs that ended with some left open. */
async function sweepEndedJobs(state: WorkerState): Promise<void> {
  if (performance.now() < state.nextSweepAt) return;
  state.nextSweepAt = performance.now() + SWEEP_MS;
  try {
    for (const jobId of await jobsWithItemsLeftOpen()) void cancelRestInBackground(jobId);
  } catch (error) {
    logError(`worker ${state.workerId}: ended jobs with open items`, error);
  }
}

/** Calls of jobs that stopped being active: paused ones finish, cancelled ones are aborted. */
async function settleInactive(state: WorkerState, active: Set<string>): Promise<Set<string>> {
  const elsewhere = [...state.calls.jobIds()].filter((id) => !active.has(id));
  const paused = new Set<string>();
  if (elsewhere.length === 0) return paused;
  const rows = await db().job.findMany({
    where: { id: { in: elsewhere } },
    select: { id: true, status: true },
  });
  for (const id of elsewhere) {
    const status = rows.find((r) => r.id === id)?.status;
    if (status === "paused") paused.add(id);
    // Resumed since the job list was read: its calls go on (aborting would cancel the items).
    else if (status !== "queued" && status !== "running") state.calls.abortJob(id);
  }
  return paused;
}

/** Writes the rate-limit refunds of calls that ended (restored on failure, for the next try). */
export async function flushRefunds(state: WorkerState): Promise<void> {
  if (state.refunds.size === 0) return;
  const pending = state.refunds.take();
  try {
    await applyRefunds(db(), pending);
  } catch (error) {
    state.refunds.restore(pending);
    logError(`worker ${state.workerId}: rate-limit refunds`, error);
  }
}
