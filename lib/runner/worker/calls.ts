import type { ActiveJob } from "../active-job";
import type { LeasedItem } from "../kind";
import { ABORT_CANCELLED } from "../run-item";

export type Call = {
  item: LeasedItem;
  job: ActiveJob;
  controller: AbortController;
  done: Promise<void>;
  /** The kind's work has ended; the outcome is being written. */
  settling: boolean;
  /** When the call last passed the rate-limit gate towards the teacher (epoch ms). */
  sentAt?: number;
};

/**
 * The calls a worker has in flight, by "itemId:attempts": an item this worker re-leased while an
 * old attempt lingers is another call.
 */
export class CallTable {
  private readonly calls = new Map<string, Call>();

  get size(): number {
    return this.calls.size;
  }

  add(call: Call): () => void {
    const key = `${call.item.id}:${call.item.attempts}`;
    this.calls.set(key, call);
    return () => this.calls.delete(key);
  }

  all(): Call[] {
    return [...this.calls.values()];
  }

  /** The newest call here for an item (the breaker asks which attempt is running). */
  newestFor(itemId: string): Call | undefined {
    let newest: Call | undefined;
    for (const call of this.calls.values()) {
      if (call.item.id === itemId && (!newest || call.item.attempts > newest.item.attempts)) newest = call;
    }
    return newest;
  }

  hasJob(jobId: string): boolean {
    return this.all().some((c) => c.job.id === jobId);
  }

  jobIds(): Set<string> {
    return new Set(this.all().map((c) => c.job.id));
  }

  /** Calls still running (not settling), of one job, one provider, or all. */
  running(filter: { jobId?: string; providerId?: string } = {}): number {
    let n = 0;
    for (const call of this.calls.values()) {
      if (call.settling) continue;
      if (filter.jobId && call.job.id !== filter.jobId) continue;
      if (filter.providerId && call.job.providerId !== filter.providerId) continue;
      n++;
    }
    return n;
  }

  /** This worker's items of a provider's jobs whose call ended but whose outcome is not written. */
  settlingFor(providerId: string | null): Array<{ id: string; jobId: string }> {
    return this.all()
      .filter((c) => c.settling && c.job.providerId === providerId)
      .map((c) => ({ id: c.item.id, jobId: c.job.id }));
  }

  abortJob(jobId: string, reason = ABORT_CANCELLED): void {
    for (const call of this.calls.values()) if (call.job.id === jobId) call.controller.abort(reason);
  }

  abortAll(reason: string): void {
    for (const call of this.calls.values()) call.controller.abort(reason);
  }

  /** Waits until no call is left. */
  async settle(): Promise<void> {
    while (this.calls.size > 0) await Promise.allSettled(this.all().map((c) => c.done));
  }
}
