import "server-only";
import { logError } from "../../log";
import type { Teacher } from "../../teacher";
import type { ActiveJob } from "../active-job";
import { finishJobIfDone } from "../completion";
import { leaseForJob, type Grant } from "../lease-job";
import { ABORT_STOPPING, runItem, type AttemptOutcome } from "../run-item";
import type { Call } from "./calls";
import type { WorkerState } from "./state";

/** One lease per job with free slots, each filling all of them at once; returns how many it leased. */
export async function fill(state: WorkerState): Promise<number> {
  let leased = 0;
  for (const job of state.jobs) {
    if (state.stopping) break;
    if (job.settings.mode !== "live" || state.outages.holds(job.id) || state.drained.has(job.id)) continue;
    const want = room(state, job);
    if (want <= 0) continue;
    try {
      const lease = await leaseForJob({
        job,
        workerId: state.workerId,
        want,
        leaseMs: state.leaseMs,
        now: state.now,
        // Our items whose call has ended still count as running in the database until stored.
        settling: state.calls.settlingFor(job.providerId),
      });
      if (lease.blocked) await state.outages.trip(job.id, lease.blocked);
      if (lease.rateLimitedUntil && job.providerId)
        state.throttle.notePause(job.providerId, lease.rateLimitedUntil);
      if (lease.grants.length === 0) {
        if (lease.drained) state.drained.add(job.id);
        if (lease.drained && !state.calls.hasJob(job.id)) await finishJobIfDone(job.id, state.now());
        continue;
      }
      leased += lease.grants.length;
      launchCalls(state, job, lease.grants);
    } catch (error) {
      logError(`worker ${state.workerId}: leasing for job ${job.id}`, error);
    }
  }
  return leased;
}

/** Free slots for the job here: its concurrency, the worker's, and the provider's throttle. */
function room(state: WorkerState, job: ActiveJob): number {
  const { calls, throttle } = state;
  const want = Math.min(
    job.settings.concurrency - calls.running({ jobId: job.id }),
    state.maxInFlight - calls.running(),
  );
  if (!job.providerId) return want;
  if (throttle.pausedUntil(job.providerId) > state.now().getTime()) return 0;
  const cap = throttle.cap(job.providerId);
  return cap === null ? want : Math.min(want, cap - calls.running({ providerId: job.providerId }));
}

/** Starts the calls of leased items; each registers at once, so stop() waits for it. */
function launchCalls(state: WorkerState, job: ActiveJob, grants: Grant[]): void {
  const teacher = job.settings.teacher ? state.teachers.get(job.settings.teacher) : Promise.resolve(null);
  for (const grant of grants) {
    const controller = new AbortController();
    if (state.stopping) controller.abort(ABORT_STOPPING);
    const call: Call = { item: grant.item, job, controller, done: Promise.resolve(), settling: false };
    const remove = state.calls.add(call);
    call.done = (async () => {
      try {
        const outcome = await attempt(state, call, grant, await teacher);
        await afterAttempt(state, job, grant, outcome);
      } finally {
        remove();
        state.sleeper.wake();
      }
    })();
  }
}

function attempt(
  state: WorkerState,
  call: Call,
  grant: Grant,
  teacher: Teacher | null | { error: unknown },
): Promise<AttemptOutcome> {
  const { job, item } = call;
  const providerId = job.providerId;
  return runItem({
    item,
    row: grant.row,
    job,
    teacher: providerId ? gated(state, providerId, teacher, call) : teacher,
    signal: call.controller.signal,
    now: state.now,
    ended: () => {
      call.settling = true;
      state.sleeper.wake();
    },
    complete: (leased, outcome) => {
      // Give back what the estimate took beyond the real usage (written on the next poll).
      const used = outcome.usage.inputTokens + outcome.usage.outputTokens;
      if (grant.reservationId)
        state.refunds.add(
          grant.reservationId,
          grant.estimate.requests - outcome.usage.requests,
          grant.estimate.tokens - used,
        );
      return state.completer.complete(leased, outcome, job);
    },
    judge: providerId
      ? (failure) => state.outages.judge(job.id, { itemId: item.id, attempts: item.attempts }, failure)
      : undefined,
    rateLimited: providerId
      ? (failure) =>
          state.throttle.rateLimited(
            providerId,
            state.calls.running({ providerId }) + 1,
            failure.retryAfterMs,
            call.sentAt,
          )
      : undefined,
  });
}

/** Every request waits out the provider's rate-limit pause before it is sent. */
function gated(
  state: WorkerState,
  providerId: string,
  teacher: Teacher | null | { error: unknown },
  call: Call,
): Teacher | null | { error: unknown } {
  if (!teacher || "error" in teacher) return teacher;
  return {
    async complete(request) {
      await state.throttle.wait(providerId, request.signal);
      call.sentAt = state.now().getTime();
      return teacher.complete(request);
    },
  };
}

async function afterAttempt(state: WorkerState, job: ActiveJob, grant: Grant, outcome: AttemptOutcome) {
  const { reservationId, estimate } = grant;
  // A provider that answered with an error status did not count the request's tokens.
  if (
    reservationId &&
    outcome.kind === "failed" &&
    outcome.failure.status !== undefined &&
    estimate.requests === 1
  )
    state.refunds.add(reservationId, 0, estimate.tokens);
  if (outcome.kind === "answered" && job.providerId)
    state.throttle.succeeded(job.providerId, ceiling(state, job.providerId));
  if (job.providerId) await state.outages.settled(job.id, grant.item.id, outcome.kind === "answered");
}

/** The most calls this worker would have on the provider without a cut. */
function ceiling(state: WorkerState, providerId: string): number {
  const concurrency = state.jobs
    .filter((j) => j.providerId === providerId)
    .reduce((n, j) => n + j.settings.concurrency, 0);
  return Math.min(state.maxInFlight, Math.max(1, concurrency));
}
