import "server-only";
import { hostname } from "node:os";
import { db } from "../db/client";
import { env } from "../env";
import { logError } from "../log";
import { teacherForProvider } from "../teacher";
import type { Teacher } from "../teacher/types";
import { onJobCancelled } from "./cancel-signal";
import { finishJobIfDone } from "./completion";
import { countInFlight, failExhaustedLeases, leaseItems, renewLeases, type LeasedItem } from "./lease";
import { ABORT_CANCELLED, ABORT_STOPPING, runItem } from "./run-item";
import { JobConfigSchema, type JobConfig } from "./schemas";

export type WorkerOptions = {
  workerId: string;
  /** Builds the client for a job's frozen provider (endpoint and model as launched). */
  teacherFor?: (provider: JobConfig["provider"]) => Promise<Teacher>;
  pollMs?: number;
  leaseMs?: number;
  now?: () => Date;
};

export type Worker = {
  readonly workerId: string;
  /** One poll: leases what is due, runs it, and resolves when those items are settled. */
  runOnce(): Promise<{ leased: number }>;
  start(): void;
  /** Stops leasing, aborts calls in flight (their items go back to pending), resolves when idle. */
  stop(): Promise<void>;
};

const ACTIVE = { in: ["queued", "running"] };
const TEACHER_TTL_MS = 30_000;
const ERROR_PAUSE_MS = 5_000;

type JobRow = { id: string; status: string; config: unknown; startedAt: Date | null };

export function createWorker(options: WorkerOptions): Worker {
  const { workerId, teacherFor = frozenTeacher, pollMs = 250, leaseMs = env().TRACEBANK_LEASE_MS } = options;
  const now = options.now ?? (() => new Date());
  const inFlight = new Map<string, { jobId: string; controller: AbortController }>();
  const batches = new Set<Promise<void>>();
  const teachers = new Map<string, { teacher: Teacher; at: number }>();
  let stopping = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let lastRenewal = 0;
  let unsubscribe: (() => void) | undefined = onJobCancelled(abortJob);

  function abortJob(jobId: string) {
    for (const call of inFlight.values()) if (call.jobId === jobId) call.controller.abort(ABORT_CANCELLED);
  }

  // Another process may have cancelled a job whose items we are running.
  async function abortCancelledJobs() {
    const jobIds = [...new Set([...inFlight.values()].map((c) => c.jobId))];
    if (jobIds.length === 0) return;
    const active = await db().job.findMany({
      where: { id: { in: jobIds }, status: ACTIVE },
      select: { id: true },
    });
    for (const id of jobIds) if (!active.some((j) => j.id === id)) abortJob(id);
  }

  async function renewIfDue() {
    const at = now().getTime();
    if (at - lastRenewal < leaseMs / 3) return;
    lastRenewal = at;
    await renewLeases([...inFlight.keys()], workerId, now(), leaseMs);
  }

  async function teacherOf(provider: JobConfig["provider"]): Promise<Teacher | { error: unknown }> {
    const key = JSON.stringify(provider);
    const cached = teachers.get(key);
    if (cached && Date.now() - cached.at < TEACHER_TTL_MS) return cached.teacher;
    try {
      const teacher = await teacherFor(provider);
      teachers.set(key, { teacher, at: Date.now() });
      return teacher;
    } catch (error) {
      return { error };
    }
  }

  async function poll(): Promise<{ leased: number; done: Promise<void>[] }> {
    await abortCancelledJobs();
    await renewIfDue();
    const jobs = await db().job.findMany({
      where: { status: ACTIVE },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, status: true, config: true, startedAt: true },
    });
    let leased = 0;
    const done: Promise<void>[] = [];
    for (const job of jobs) {
      if (stopping) break;
      try {
        const batch = await pollJob(job);
        if (batch) {
          leased += batch.count;
          done.push(batch.done);
        }
      } catch (error) {
        logError(`worker ${workerId}: polling job ${job.id}`, error);
      }
    }
    return { leased, done };
  }

  async function pollJob(job: JobRow): Promise<{ count: number; done: Promise<void> } | undefined> {
    const parsed = JobConfigSchema.safeParse(job.config);
    if (!parsed.success) {
      await db().job.updateMany({
        where: { id: job.id, status: ACTIVE },
        data: {
          status: "failed",
          finishedAt: now(),
          error:
            "This job's saved configuration cannot be read (it was written by another version). Launch it again.",
        },
      });
      return undefined;
    }
    const config = parsed.data;
    const at = now();
    if (job.status === "queued") {
      await db().job.updateMany({
        where: { id: job.id, status: "queued" },
        data: { status: "running", startedAt: job.startedAt ?? at },
      });
    }
    await failExhaustedLeases(job.id, config.maxAttempts, at);
    const slots = config.concurrency - (await countInFlight(job.id, at));
    const items = await leaseItems({
      jobId: job.id,
      workerId,
      limit: slots,
      maxAttempts: config.maxAttempts,
      now: at,
      leaseMs,
    });
    if (items.length === 0) {
      if (![...inFlight.values()].some((c) => c.jobId === job.id)) await finishJobIfDone(job.id, at);
      return undefined;
    }
    const done = runBatch(job, config, items);
    batches.add(done);
    void done.finally(() => batches.delete(done));
    return { count: items.length, done };
  }

  async function runBatch(job: JobRow, config: JobConfig, items: LeasedItem[]): Promise<void> {
    try {
      const teacher = await teacherOf(config.provider);
      await Promise.all(
        items.map(async (item) => {
          const controller = new AbortController();
          inFlight.set(item.id, { jobId: job.id, controller });
          if (stopping) controller.abort(ABORT_STOPPING);
          try {
            await runItem({ item, config, teacher, signal: controller.signal, now });
          } finally {
            inFlight.delete(item.id);
          }
        }),
      );
      await finishJobIfDone(job.id, now());
    } catch (error) {
      // Unsettled items keep their lease until it expires; then any worker takes them again.
      logError(`worker ${workerId}: batch of job ${job.id}`, error);
    }
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  return {
    workerId,
    async runOnce() {
      const { leased, done } = await poll();
      await Promise.all(done);
      return { leased };
    },
    start() {
      if (loop) return;
      stopping = false;
      unsubscribe ??= onJobCancelled(abortJob);
      loop = (async () => {
        while (!stopping) {
          let pause = pollMs;
          try {
            await poll();
          } catch (error) {
            logError(`worker ${workerId}: poll`, error);
            pause = Math.max(pollMs, ERROR_PAUSE_MS);
          }
          if (!stopping) await sleep(pause);
        }
      })();
    },
    async stop() {
      stopping = true;
      wake?.();
      await loop;
      loop = undefined;
      for (const call of inFlight.values()) call.controller.abort(ABORT_STOPPING);
      await Promise.allSettled([...batches]);
      unsubscribe?.();
      unsubscribe = undefined;
    },
  };
}

function frozenTeacher(provider: JobConfig["provider"]): Promise<Teacher> {
  return teacherForProvider(provider.id, {
    kind: provider.kind,
    baseUrl: provider.baseUrl,
    model: provider.model,
  });
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
