import "server-only";
import { db, dbKind, type Tx } from "../db";
import { estimateFor } from "./active-job";
import { claimItems, leasedFrom, runnableItems } from "./lease";
import { leaseOnPostgres } from "./lease-postgres";
import type { JobLease, JobLeaseRequest } from "./lease-types";
import {
  countFitting,
  leaseSnapshot,
  lockForLease,
  neverFits,
  providerLimits,
  reserve,
  UNLIMITED,
} from "./limits";
import { ACTIVE_JOB_STATUSES } from "./schemas";

export type { Grant, JobLease, JobLeaseRequest } from "./lease-types";

const ACTIVE = new Set<string>(ACTIVE_JOB_STATUSES);
// Leases wait on each other's transactions (one per provider at a time); allow for a queue.
const TX = { maxWait: 30_000, timeout: 30_000 };

/**
 * Leases as many of a job's runnable items as fit, in one transaction: under a per-provider lock
 * (per-job for kinds with no teacher) it reads the job's and the provider's calls in flight, the
 * provider's rolling request and token sums and any Retry-After pause, takes the items that fit
 * (due pending items, and expired leases with attempts left), and records one reservation for
 * them. Every worker process goes through the same lock, so the job's concurrency and the
 * provider's limits hold across all of them.
 */
export function leaseForJob(request: JobLeaseRequest): Promise<JobLease> {
  return db().$transaction((tx) => leaseInTransaction(tx, request), TX);
}

async function leaseInTransaction(tx: Tx, request: JobLeaseRequest): Promise<JobLease> {
  const { job, workerId, leaseMs } = request;
  const { settings } = job;
  const providerId = job.providerId;
  await lockForLease(tx, { providerId, jobId: job.id }, request.now());
  // Read after the lock: waiting for it must not make the reservation look older than it is.
  const now = request.now();
  const limits = providerId ? await providerLimits(providerId, tx) : UNLIMITED;
  if (providerId && dbKind() === "postgres" && limits.tokensPerMinute === null)
    return leaseOnPostgres(tx, request, providerId, limits, now);
  const snapshot = await leaseSnapshot(tx, { jobId: job.id, providerId }, now, {
    inFlight: limits.maxConcurrency !== null,
    window: limits.requestsPerMinute !== null || limits.tokensPerMinute !== null,
    settling: { owner: workerId, items: request.settling ?? [] },
  });
  if (!snapshot.jobStatus || !ACTIVE.has(snapshot.jobStatus)) return { grants: [], drained: true };
  if (snapshot.rateLimitedUntil && snapshot.rateLimitedUntil > now)
    return { grants: [], rateLimitedUntil: snapshot.rateLimitedUntil };
  let room = Math.min(request.want, settings.concurrency - snapshot.jobInFlight);
  if (limits.maxConcurrency !== null) room = Math.min(room, limits.maxConcurrency - snapshot.inFlight);
  if (room <= 0) return { grants: [] };

  const candidates = await runnableItems(tx, {
    jobId: job.id,
    limit: room,
    maxAttempts: settings.maxAttempts,
    now,
    serialised: true,
  });
  if (candidates.length === 0) return { grants: [], drained: true };
  const leased = candidates.map((c) => ({ c, ...leasedFrom(c, job.id, workerId, 0) }));
  const estimates = leased.map(({ c, row }) =>
    estimateFor(job, {
      systemMessageVersionId: c.systemMessageVersionId,
      promptText: c.promptText,
      payload: row.payload,
    }),
  );
  const fitting = countFitting(estimates, limits, snapshot);
  if (fitting === 0) {
    const reason = neverFits(estimates[0]!, limits);
    return reason ? { grants: [], blocked: reason } : { grants: [] };
  }
  const chosen = new Map(leased.slice(0, fitting).map((l, i) => [l.c.id, { ...l, estimate: estimates[i]! }]));
  const claimed = await claimItems(tx, [...chosen.keys()], workerId, settings.maxAttempts, now, leaseMs);
  if (claimed.length === 0) return { grants: [] };
  const taken = claimed.map((r) => ({ ...chosen.get(r.id)!, attempts: Number(r.attempts) }));
  const reservationId = providerId
    ? await reserve(tx, providerId, now, {
        requests: taken.reduce((sum, t) => sum + t.estimate.requests, 0),
        tokens: taken.reduce((sum, t) => sum + t.estimate.tokens, 0),
      })
    : null;
  const grants = taken.map(({ item, row, estimate, attempts }) => ({
    item: { ...item, attempts },
    row,
    estimate,
    reservationId,
  }));
  return { grants: grants.sort((a, b) => a.item.ordinal - b.item.ordinal) };
}
