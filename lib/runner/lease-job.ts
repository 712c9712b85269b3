import "server-only";
import { db, dbKind, type Tx } from "../db/client";
import {
  countFitting,
  estimateAttempt,
  leaseSnapshot,
  lockProvider,
  neverFits,
  providerLimits,
  reserve,
  type Estimate,
} from "./limits";
import type { PrefetchedItem } from "../generation/types";
import { claimItems, leasedFrom, runnableItems, type LeasedItem } from "./lease";
import { leaseOnPostgres } from "./lease-postgres";
import type { JobConfig } from "../generation/schemas";
import { ACTIVE_JOB_STATUSES } from "./schemas";

/** A leased item with what was read along with it, and its share of the provider's budget. */
export type Grant = {
  item: LeasedItem;
  /** The item's row, read in the lease transaction so executeItem need not query it. */
  prefetched: PrefetchedItem;
  estimate: Estimate;
  /** The reservation row this attempt's budget was taken in; refunds go there. */
  reservationId: string;
};

export type JobLeaseRequest = {
  job: { id: string; providerId: string; config: JobConfig };
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
 * why the job can never run under the provider's limits as they are.
 */
export type JobLease = { grants: Grant[]; drained?: boolean; blocked?: string };

const ACTIVE = new Set<string>(ACTIVE_JOB_STATUSES);
// Leases wait on each other's transactions (one per provider at a time); allow for a queue.
const TX = { maxWait: 30_000, timeout: 30_000 };

/**
 * Leases as many of a job's runnable items as fit, in one transaction: under a per-provider lock
 * it reads the job's and the provider's calls in flight and the provider's rolling request and
 * token sums, takes the items that fit (due pending items, and expired leases with attempts
 * left), and records one reservation for them. Every worker process goes through the same lock,
 * so the job's concurrency and the provider's limits hold across all of them.
 */
export function leaseForJob(request: JobLeaseRequest): Promise<JobLease> {
  return db().$transaction((tx) => leaseInTransaction(tx, request), TX);
}

/** leaseForJob's transaction. */
async function leaseInTransaction(tx: Tx, request: JobLeaseRequest): Promise<JobLease> {
  const { job, workerId, leaseMs } = request;
  const { config } = job;
  await lockProvider(tx, job.providerId, request.now());
  // Read after the lock: waiting for it must not make the reservation look older than it is.
  const now = request.now();
  const limits = await providerLimits(job.providerId, tx);
  if (dbKind() === "postgres" && limits.tokensPerMinute === null)
    return leaseOnPostgres(tx, request, limits, now);
  const snapshot = await leaseSnapshot(tx, { jobId: job.id, providerId: job.providerId }, now, {
    inFlight: limits.maxConcurrency !== null,
    window: limits.requestsPerMinute !== null || limits.tokensPerMinute !== null,
    settling: { owner: workerId, items: request.settling ?? [] },
  });
  if (!snapshot.jobStatus || !ACTIVE.has(snapshot.jobStatus)) return { grants: [], drained: true };
  let room = Math.min(request.want, config.concurrency - snapshot.jobInFlight);
  if (limits.maxConcurrency !== null) room = Math.min(room, limits.maxConcurrency - snapshot.inFlight);
  if (room <= 0) return { grants: [] };

  const candidates = await runnableItems(tx, {
    jobId: job.id,
    limit: room,
    maxAttempts: config.maxAttempts,
    now,
    serialised: true,
  });
  if (candidates.length === 0) return { grants: [], drained: true };
  for (const c of candidates) c.payload = parseJson(c.payload);
  const estimates = candidates.map((c) => estimateAttempt(config, c));
  const fitting = countFitting(estimates, limits, snapshot);
  if (fitting === 0) {
    const reason = neverFits(estimates[0]!, limits);
    return reason ? { grants: [], blocked: reason } : { grants: [] };
  }
  const chosen = new Map(candidates.slice(0, fitting).map((c, i) => [c.id, { c, e: estimates[i]! }]));
  const claimed = await claimItems(tx, [...chosen.keys()], workerId, config.maxAttempts, now, leaseMs);
  if (claimed.length === 0) return { grants: [] };
  const taken = claimed.map((row) => ({ ...chosen.get(row.id)!, attempts: Number(row.attempts) }));
  const reservationId = await reserve(tx, job.providerId, now, {
    requests: taken.reduce((sum, t) => sum + t.e.requests, 0),
    tokens: taken.reduce((sum, t) => sum + t.e.tokens, 0),
  });
  const grants = taken.map(({ c, e, attempts }) => ({
    ...leasedFrom(c, job.id, workerId, attempts),
    estimate: e,
    reservationId,
  }));
  return { grants: grants.sort((a, b) => a.item.ordinal - b.item.ordinal) };
}

/** SQLite hands JSON columns back as text from raw queries; PostgreSQL parses them. */
function parseJson(value: unknown): unknown {
  if (dbKind() === "postgres" || typeof value !== "string") return value ?? null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}
