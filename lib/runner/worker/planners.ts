import "server-only";
import { logError } from "../../log";
import { parseJob } from "../active-jobs";
import { failJob } from "../completion";
import { db } from "../../db";
import { planJob } from "../plan/plan-job";
import { claimPlanning, duePlanning } from "../plan/plan-lease";

const UNREADABLE =
  "This job's saved configuration cannot be read (it was written by another version). Launch it again.";

/**
 * The planning a worker does: jobs waiting to be planned are claimed one by one and planned in the
 * background, beside the calls, each in batches of short transactions.
 */
export class Planners {
  private readonly running = new Map<string, Promise<void>>();
  private controller = new AbortController();

  constructor(
    private readonly options: {
      workerId: string;
      leaseMs: number;
      now: () => Date;
      onPlanned: () => void;
      /** Only these jobs; all when absent. */
      only?: string[];
    },
  ) {}

  /** Starts planning the jobs that wait for it (at most `limit` at once on this worker). */
  async startDue(limit = 2): Promise<void> {
    if (this.controller.signal.aborted || this.running.size >= limit) return;
    const { workerId, leaseMs, now } = this.options;
    for (const job of await duePlanning(now(), this.options.only)) {
      if (this.running.size >= limit) break;
      if (this.running.has(job.id)) continue;
      const parsed = parseJob(await configOf(job.id));
      if (parsed === undefined) continue; // a kind this process does not know
      const lease = await claimPlanning(job.id, workerId, now(), leaseMs);
      if (!lease) continue;
      if (parsed === null) {
        await failJob(job.id, UNREADABLE);
        continue;
      }
      const task = planJob({ lease, ...parsed, leaseMs, now, signal: this.controller.signal })
        .then((result) => {
          if (result === "planned") this.options.onPlanned();
        })
        .catch((error: unknown) => logError(`worker ${workerId}: planning job ${job.id}`, error))
        .finally(() => this.running.delete(job.id));
      this.running.set(job.id, task);
    }
  }

  /** Resolves when every planning started so far has ended; true when there was any. */
  async idle(): Promise<boolean> {
    const any = this.running.size > 0;
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
    return any;
  }

  /** Stops between batches; each job resumes from its checkpoint with the next planner. */
  async stop(): Promise<void> {
    this.controller.abort();
    await this.idle();
  }

  /** After stop(): planning may start again. */
  restart(): void {
    if (this.controller.signal.aborted) this.controller = new AbortController();
  }
}

async function configOf(jobId: string): Promise<{ kind: string; config: unknown }> {
  return db().job.findUniqueOrThrow({ where: { id: jobId }, select: { kind: true, config: true } });
}
