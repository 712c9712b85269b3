import "server-only";
import { env } from "../../env";
import type { ActiveJob } from "../active-job";
import type { ParsedJob } from "../active-jobs";
import { createCompleter } from "../completer";
import { RefundLedger } from "../limits";
import { OutageGuard } from "../outage-guard";
import { createTeacherCache, frozenTeacher, type TeacherFactory } from "../teacher-cache";
import { ProviderThrottle } from "../throttle";
import { CallTable } from "./calls";
import { Planners } from "./planners";
import { Sleeper } from "./sleeper";

export type WorkerOptions = {
  workerId: string;
  /** Builds the client for a job's frozen teacher (endpoint and model as launched). */
  teacherFor?: TeacherFactory;
  /** How often the job list is read again when nothing finishes (finishing calls refill at once). */
  pollMs?: number;
  leaseMs?: number;
  now?: () => Date;
  /** Calls this worker keeps in flight at most, across all jobs. */
  maxInFlight?: number;
  breakerStreak?: number;
  /** Only these jobs (a command-line run of one job); every active job when absent. */
  jobIds?: string[];
};

/** Everything one worker holds between its steps (poll, fill, calls). */
export type WorkerState = ReturnType<typeof createWorkerState>;

export function createWorkerState(options: WorkerOptions) {
  const now = options.now ?? (() => new Date());
  const leaseMs = options.leaseMs ?? env().TRACEBANK_LEASE_MS;
  const calls = new CallTable();
  const sleeper = new Sleeper();
  const teachers = createTeacherCache(options.teacherFor ?? frozenTeacher);
  const state = {
    workerId: options.workerId,
    pollMs: options.pollMs ?? 250,
    only: options.jobIds ? new Set(options.jobIds) : null,
    maxInFlight: options.maxInFlight ?? 512,
    leaseMs,
    now,
    calls,
    sleeper,
    teachers,
    refunds: new RefundLedger(),
    completer: createCompleter({ now }),
    throttle: new ProviderThrottle({ workerId: options.workerId, now: () => now().getTime() }),
    planners: new Planners({
      workerId: options.workerId,
      leaseMs,
      now,
      onPlanned: () => sleeper.wake(),
      only: options.jobIds,
    }),
    /** Frozen configs of active jobs, parsed once. */
    configs: new Map<string, ParsedJob>(),
    jobs: [] as ActiveJob[],
    /** Jobs with nothing runnable at the last look: skipped by refills until the next poll. */
    drained: new Set<string>(),
    stopping: false,
    /** When poll next looks for ended jobs with items left open (performance.now() ms). */
    nextSweepAt: 0,
    outages: undefined as unknown as OutageGuard,
  };
  state.outages = new OutageGuard({
    workerId: options.workerId,
    now,
    streak: options.breakerStreak,
    callOf: (itemId) => {
      const call = calls.newestFor(itemId);
      return call && { attempts: call.item.attempts, done: call.done };
    },
    onTrip: (jobId) => {
      const providerId = state.jobs.find((j) => j.id === jobId)?.providerId;
      if (providerId) teachers.forget(providerId);
    },
  });
  return state;
}
