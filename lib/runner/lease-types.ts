import type { ActiveJob } from "./active-job";
import type { ItemRow, LeasedItem } from "./kind";
import type { Estimate } from "./limits/budget";

/** A leased item with what was read along with it, and its share of the provider's budget. */
export type Grant = {
  item: LeasedItem;
  /** The item's row, read in the lease transaction so the kind's run need not query it. */
  row: ItemRow;
  estimate: Estimate;
  /** The reservation row this attempt's budget was taken in (refunds go there); null: no teacher. */
  reservationId: string | null;
};

export type JobLeaseRequest = {
  job: ActiveJob;
  workerId: string;
  /** Free slots on this worker for the job. */
  want: number;
  leaseMs: number;
  now: () => Date;
  /**
   * This worker's items of the provider's jobs whose calls have ended but whose outcome is not
   * written yet: still "running" in the database, no longer in flight at the provider.
   */
  settling?: Array<{ id: string; jobId: string }>;
};

/**
 * Leased grants. `drained`: the job had nothing runnable (or is no longer active); `blocked`:
 * why the job can never run under the provider's limits as they are; `rateLimitedUntil`: the
 * provider asked for a pause (Retry-After) that has not ended.
 */
export type JobLease = { grants: Grant[]; drained?: boolean; blocked?: string; rateLimitedUntil?: Date };
