import "server-only";
import { hostname } from "node:os";
import { env } from "../../env";
import { logError } from "../../log";
import { onJobCancelled } from "../cancel-signal";
import { finishJobIfDone } from "../completion";
import { renewLeases } from "../lease";
import { ABORT_STOPPING } from "../run-item";
import { fill } from "./fill";
import { flushRefunds, poll } from "./poll";
import { createWorkerState, type WorkerOptions, type WorkerState } from "./state";

export type { WorkerOptions } from "./state";

export type Worker = {
  readonly workerId: string;
  /** One poll (planning what waits for it first): leases what is due, runs it, resolves when settled. */
  runOnce(): Promise<{ leased: number }>;
  start(): void;
  /**
   * Stops leasing; calls in flight get up to `graceMs` (default 0) to finish and store their
   * results, then the rest are aborted and their items go back to pending. Resolves when idle.
   */
  stop(options?: StopOptions): Promise<void>;
};

export type StopOptions = { graceMs?: number };

const ERROR_PAUSE_MS = 5_000;

/**
 * The runner's loop, for jobs of every registered kind. A slot is refilled as soon as its call
 * ends, while the result is still being stored (calls that end together share one lease, and
 * their results one transaction); the job list is read again every pollMs, beside the refills.
 * Leases, limits, pauses and planning checkpoints live in the database, so any number of workers
 * in any number of processes can run side by side.
 */
export function createWorker(options: WorkerOptions): Worker {
  const state = createWorkerState(options);
  let loop: Promise<void> | undefined;
  let renewTimer: NodeJS.Timeout | undefined;
  let renewing: Promise<void> | undefined;
  let unsubscribe: (() => void) | undefined = onJobCancelled((jobId) => state.calls.abortJob(jobId));

  async function renew() {
    const ids = [...new Set(state.calls.all().map((c) => c.item.id))];
    renewing ??= renewLeases(ids, state.workerId, state.now(), state.leaseMs)
      .catch((error: unknown) => logError(`worker ${state.workerId}: renewing leases`, error))
      .finally(() => (renewing = undefined));
    await renewing;
  }

  async function settleAll() {
    await state.calls.settle();
    await state.completer.idle();
    await flushRefunds(state);
  }

  return {
    workerId: state.workerId,
    async runOnce() {
      await poll(state);
      if (await state.planners.idle()) await poll(state);
      await renew();
      const leased = await fill(state);
      await settleAll();
      for (const job of state.jobs)
        if (!state.calls.hasJob(job.id)) await finishJobIfDone(job.id, state.now());
      return { leased };
    },
    start() {
      if (loop) return;
      state.stopping = false;
      state.planners.restart();
      unsubscribe ??= onJobCancelled((jobId) => state.calls.abortJob(jobId));
      renewTimer = setInterval(() => void renew(), Math.max(100, Math.floor(state.leaseMs / 3)));
      renewTimer.unref();
      loop = run(state);
    },
    async stop(options = {}) {
      state.stopping = true;
      state.sleeper.interrupt();
      await loop;
      loop = undefined;
      await state.planners.stop();
      // Leases stay renewed during the grace: a call that takes longer than a lease still owns it.
      await withinGrace(state.calls.settle(), options.graceMs ?? 0);
      state.calls.abortAll(ABORT_STOPPING);
      await settleAll();
      if (renewTimer) clearInterval(renewTimer);
      renewTimer = undefined;
      await renewing;
      unsubscribe?.();
      unsubscribe = undefined;
    },
  };
}

/** Polls beside refills, so a slow poll never holds back a freed slot. */
async function run(state: WorkerState): Promise<void> {
  let polling: Promise<void> | undefined;
  let nextPoll = 0;
  while (!state.stopping) {
    if (!polling && performance.now() >= nextPoll) {
      nextPoll = performance.now() + state.pollMs;
      polling = poll(state)
        .catch((error: unknown) => {
          logError(`worker ${state.workerId}: poll`, error);
          nextPoll = performance.now() + ERROR_PAUSE_MS;
        })
        .finally(() => {
          polling = undefined;
          state.sleeper.wake();
        });
    }
    try {
      await fill(state);
    } catch (error) {
      logError(`worker ${state.workerId}: leasing`, error);
    }
    if (state.stopping) break;
    await state.sleeper.sleep(Math.max(0, nextPoll - performance.now()));
  }
  await polling;
}

/** Waits for `work`, or until `ms` have passed, whichever comes first. */
async function withinGrace(work: Promise<void>, ms: number): Promise<void> {
  if (ms <= 0) return;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  try {
    await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

export function defaultWorkerId(): string {
  return env().TRACEBANK_WORKER_ID ?? `${hostname()}-${process.pid}`;
}

// One worker per web-server process, kept across dev hot reloads.
const holder = globalThis as unknown as { __tracebankWorker?: Worker };

export function startWorker(): Worker {
  if (!holder.__tracebankWorker) {
    holder.__tracebankWorker = createWorker({ workerId: defaultWorkerId() });
    holder.__tracebankWorker.start();
  }
  return holder.__tracebankWorker;
}
