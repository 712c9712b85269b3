import "server-only";
import { hostname } from "node:os";
import { db } from "../db/client";
import { env } from "../env";
import { logError } from "../log";
import { advanceBatches } from "./batch";
import { onJobCancelled } from "./cancel-signal";
import { createCompleter } from "./completer";
import { finishJobIfDone } from "./completion";
import { failExhaustedLeases, renewLeases } from "./lease";
import { leaseForJob, type Grant } from "./lease-job";
import { applyRefunds, pruneReservations, RefundLedger } from "./limits";
import { ABORT_CANCELLED, ABORT_STOPPING, runItem, type AttemptOutcome } from "./run-item";
import type { JobConfig } from "../generation/schemas";
import { loadActiveJobs, type ActiveJob } from "./active-jobs";
import { OutageGuard } from "./outage-guard";
import { createTeacherCache, frozenTeacher, type TeacherFactory } from "./teacher-cache";

export type WorkerOptions = {
  workerId: string;
  /** Builds the client for a job's frozen provider (endpoint and model as launched). */
  teacherFor?: TeacherFactory;
  /** How often the job list is read again when nothing finishes (finishing calls refill at once). */
  pollMs?: number;
  leaseMs?: number;
  now?: () => Date;
  /** Calls this worker keeps in flight at most, across all jobs. */
  maxInFlight?: number;
  breakerStreak?: number;
};

export type Worker = {
  readonly workerId: string;
  /** One poll: leases what is due, runs it, and resolves when those items are settled. */
  runOnce(): Promise<{ leased: number }>;
  start(): void;
  /** Stops leasing, aborts calls in flight (their items go back to pending), resolves when idle. */
  stop(): Promise<void>;
};

type Call = {
  item: Grant["item"];
  job: ActiveJob;
  controller: AbortController;
  done: Promise<void>;
  /** The teacher call has ended; the outcome is being written. */
  settling: boolean;
};

const ERROR_PAUSE_MS = 5_000;

/**
 * The generation loop. A slot is refilled as soon as its call ends, while the result is still
 * being stored (calls that end together share one lease, and their results one transaction);
 * the job list is read again every pollMs. Provider limits, job concurrency and leases live in
 * the database, so any number of workers in any number of processes can run side by side.
 */
export function createWorker(options: WorkerOptions): Worker {
  const { workerId, pollMs = 250, maxInFlight = 512 } = options;
  const leaseMs = options.leaseMs ?? env().TRACEBANK_LEASE_MS;
  const now = options.now ?? (() => new Date());
  const teachers = createTeacherCache(options.teacherFor ?? frozenTeacher);
  const refunds = new RefundLedger();
  const completer = createCompleter({ now });
  // By "itemId:attempts": an item this worker re-leased while an old attempt lingers is another call.
  const calls = new Map<string, Call>();
  const configs = new Map<string, JobConfig | null>();
  let jobs: ActiveJob[] = [];
  // Jobs with nothing runnable at the last look: skipped by refills until the next poll.
  const drained = new Set<string>();
  const outages = new OutageGuard({
    workerId,
    now,
    streak: options.breakerStreak,
    callOf: (itemId) => callView(itemId),
    onTrip: (jobId) => {
      const providerId = jobs.find((j) => j.id === jobId)?.providerId;
      if (providerId) teachers.forget(providerId);
    },
  });
  let stopping = false;
  let loop: Promise<void> | undefined;
  let woken = false;
  let sleeper: (() => void) | undefined;
  let renewTimer: NodeJS.Timeout | undefined;
  let renewing: Promise<void> | undefined;
  let unsubscribe: (() => void) | undefined = onJobCancelled(abortJob);

  /** The newest call here for an item (the breaker asks which attempt is running). */
  function callView(itemId: string) {
    let newest: Call | undefined;
    for (const call of calls.values()) {
      if (call.item.id === itemId && (!newest || call.item.attempts > newest.item.attempts)) newest = call;
    }
    return newest && { attempts: newest.item.attempts, done: newest.done };
  }

  function abortJob(jobId: string) {
    for (const call of calls.values()) if (call.job.id === jobId) call.controller.abort(ABORT_CANCELLED);
  }

  const hasCalls = (jobId: string) => [...calls.values()].some((c) => c.job.id === jobId);

  /** Calls of a job (all jobs) whose teacher call is still running: what concurrency counts. */
  function running(jobId?: string): number {
    let n = 0;
    for (const call of calls.values()) if (!call.settling && (!jobId || call.job.id === jobId)) n++;
    return n;
  }

  function wake() {
    woken = true;
    const resume = sleeper;
    sleeper = undefined;
    // After the current turn, so calls that end together are refilled by one lease.
    if (resume) setImmediate(resume);
  }

  /** Waits ms, or until a call ends or a poll finishes (wake), or until stop(). */
  function sleep(ms: number): Promise<void> {
    if (woken) {
      woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const resume = () => {
        clearTimeout(timer);
        if (sleeper === resume) sleeper = undefined;
        woken = false;
        resolve();
      };
      const timer = setTimeout(resume, ms);
      sleeper = resume;
    });
  }

  async function renew() {
    const ids = [...new Set([...calls.values()].map((c) => c.item.id))];
    renewing ??= renewLeases(ids, workerId, now(), leaseMs)
      .catch((error: unknown) => logError(`worker ${workerId}: renewing leases`, error))
      .finally(() => (renewing = undefined));
    await renewing;
  }

  async function flushRefunds() {
    if (refunds.size === 0) return;
    const pending = refunds.take();
    try {
      await applyRefunds(db(), pending);
    } catch (error) {
      refunds.restore(pending);
      logError(`worker ${workerId}: rate-limit refunds`, error);
    }
  }

  async function poll() {
    const started = performance.now();
    jobs = await loadActiveJobs(configs, now());
    drained.clear();
    const active = new Set(jobs.map((j) => j.id));
    // Calls of jobs that stopped being active: paused ones finish, cancelled ones are aborted.
    const elsewhere = [...new Set([...calls.values()].map((c) => c.job.id))].filter((id) => !active.has(id));
    const paused = new Set<string>();
    if (elsewhere.length > 0) {
      const rows = await db().job.findMany({
        where: { id: { in: elsewhere } },
        select: { id: true, status: true },
      });
      for (const id of elsewhere) {
        const status = rows.find((r) => r.id === id)?.status;
        if (status === "paused") paused.add(id);
        // Resumed since the job list was read: its calls go on (aborting would cancel the items).
        else if (status !== "queued" && status !== "running") abortJob(id);
      }
    }
    outages.observe(active, started, paused);
    // Items whose worker died on them on their last attempt fail (leasing skips them).
    for (const job of jobs) await failExhaustedLeases(job.id, job.config.maxAttempts, now());
    for (const providerId of new Set(jobs.map((j) => j.providerId)))
      await pruneReservations(db(), providerId, now());
    await flushRefunds();
    try {
      await advanceBatches({ workerId, now: now() });
    } catch (error) {
      logError(`worker ${workerId}: batch jobs`, error);
    }
  }

  /** One lease per job with free slots, each filling all of them at once. */
  async function fill(): Promise<number> {
    let leased = 0;
    for (const job of jobs) {
      if (job.config.mode !== "live" || outages.holds(job.id) || drained.has(job.id) || stopping) continue;
      const here = running(job.id);
      const want = Math.min(job.config.concurrency - here, maxInFlight - running());
      if (want <= 0) continue;
      // Our items whose call has ended still count as running in the database until stored.
      const settling = [...calls.values()]
        .filter((c) => c.settling && c.job.providerId === job.providerId)
        .map((c) => ({ id: c.item.id, jobId: c.job.id }));
      try {
        const lease = await leaseForJob({ job, workerId, want, leaseMs, now, settling });
        if (lease.blocked) await outages.trip(job.id, lease.blocked);
        if (lease.grants.length === 0) {
          if (lease.drained) drained.add(job.id);
          if (lease.drained && !hasCalls(job.id)) await finishJobIfDone(job.id, now());
          continue;
        }
        leased += lease.grants.length;
        launch(job, lease.grants);
      } catch (error) {
        logError(`worker ${workerId}: leasing for job ${job.id}`, error);
      }
    }
    return leased;
  }

  /** Starts the calls of leased items; each registers at once, so stop() waits for it. */
  function launch(job: ActiveJob, grants: Grant[]) {
    const teacher = teachers.get(job.config);
    for (const grant of grants) {
      const { item, estimate, reservationId } = grant;
      const key = `${item.id}:${item.attempts}`;
      const controller = new AbortController();
      if (stopping) controller.abort(ABORT_STOPPING);
      const call: Call = { item, job, controller, done: Promise.resolve(), settling: false };
      calls.set(key, call);
      const ended = () => {
        call.settling = true;
        wake();
      };
      call.done = (async () => {
        try {
          const outcome = await runItem({
            item,
            config: job.config,
            teacher: await teacher,
            signal: controller.signal,
            now,
            prefetched: grant.prefetched,
            ended,
            complete: (leasedItem, result, config) => {
              // Give back what the estimate took beyond the real usage (written on the next poll).
              const used = result.usage.inputTokens + result.usage.outputTokens;
              refunds.add(reservationId, estimate.requests - result.usage.requests, estimate.tokens - used);
              return completer.complete(leasedItem, result, config);
            },
            judge: (failure) => outages.judge(job.id, { itemId: item.id, attempts: item.attempts }, failure),
          });
          await afterAttempt(job, grant, outcome);
        } finally {
          calls.delete(key);
          wake();
        }
      })();
    }
  }

  async function afterAttempt(job: ActiveJob, grant: Grant, outcome: AttemptOutcome) {
    // A provider that answered with an error status did not count the request's tokens.
    if (outcome.kind === "failed" && outcome.failure.status !== undefined && grant.estimate.requests === 1) {
      refunds.add(grant.reservationId, 0, grant.estimate.tokens);
    }
    await outages.settled(job.id, grant.item.id, outcome.kind === "answered");
  }

  /** Waits until no call is left. */
  async function settleAll() {
    while (calls.size > 0) await Promise.allSettled([...calls.values()].map((c) => c.done));
    await completer.idle();
    await flushRefunds();
  }

  return {
    workerId,
    async runOnce() {
      await poll();
      await renew();
      const leased = await fill();
      await settleAll();
      for (const job of jobs) if (!hasCalls(job.id)) await finishJobIfDone(job.id, now());
      return { leased };
    },
    start() {
      if (loop) return;
      stopping = false;
      unsubscribe ??= onJobCancelled(abortJob);
      renewTimer = setInterval(() => void renew(), Math.max(100, Math.floor(leaseMs / 3)));
      renewTimer.unref();
      loop = (async () => {
        let polling: Promise<void> | undefined;
        let nextPoll = 0;
        while (!stopping) {
          // Polls run beside refills, so a slow poll never holds back a freed slot.
          if (!polling && performance.now() >= nextPoll) {
            nextPoll = performance.now() + pollMs;
            polling = poll()
              .catch((error: unknown) => {
                logError(`worker ${workerId}: poll`, error);
                nextPoll = performance.now() + ERROR_PAUSE_MS;
              })
              .finally(() => {
                polling = undefined;
                wake();
              });
          }
          try {
            await fill();
          } catch (error) {
            logError(`worker ${workerId}: leasing`, error);
          }
          if (stopping) break;
          await sleep(Math.max(0, nextPoll - performance.now()));
        }
        await polling;
      })();
    },
    async stop() {
      stopping = true;
      sleeper?.();
      await loop;
      loop = undefined;
      if (renewTimer) clearInterval(renewTimer);
      renewTimer = undefined;
      for (const call of calls.values()) call.controller.abort(ABORT_STOPPING);
      await settleAll();
      await renewing;
      unsubscribe?.();
      unsubscribe = undefined;
    },
  };
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
