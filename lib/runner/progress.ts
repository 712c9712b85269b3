import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { ItemStatus } from "./schemas";

export type ItemCounts = Record<ItemStatus, number>;

/** An item whose last attempt failed: given up on ("failed"), or waiting for a retry. */
export type ItemError = {
  ordinal: number;
  promptPreview: string;
  lastError: string | null;
  attempts: number;
  state: "failed" | "retrying";
  at: string;
};

/** What the job page polls: JSON-safe (dates as ISO strings). */
export type JobProgress = {
  id: string;
  status: string;
  /** Why the job is paused (the circuit breaker's words, or who paused it); null otherwise. */
  pauseReason: string | null;
  counts: ItemCounts;
  total: number;
  /** While the job is planning: the items written so far (of `total` expected); null after. */
  planned: number | null;
  /** Settled items (done, failed, cancelled) as a share of all items, 0..100. */
  percent: number;
  tokens: { input: number; output: number };
  costUsd: number;
  /** Traces stored per second: over the last minute while the job runs, over the run once over. */
  tracesPerSecond: number;
  /** Seconds until every open item is settled at the current rate; null when unknown or over. */
  etaSeconds: number | null;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  recentErrors: ItemError[];
};

const PREVIEW = 120;
const RATE_WINDOW_MS = 60_000;
const OPEN = new Set(["queued", "running", "paused"]);

export function emptyCounts(): ItemCounts {
  return { pending: 0, running: 0, done: 0, failed: 0, cancelled: 0 };
}

export function percentSettled(counts: ItemCounts, total: number): number {
  if (total === 0) return 100;
  const settled = counts.done + counts.failed + counts.cancelled;
  return Math.floor((settled / total) * 1000) / 10;
}

/** Item counts per status for several jobs at once (one grouped query). */
export async function itemCountsByJob(jobIds: string[]): Promise<Map<string, ItemCounts>> {
  const result = new Map(jobIds.map((id) => [id, emptyCounts()]));
  if (jobIds.length === 0) return result;
  const rows = await db().jobItem.groupBy({
    by: ["jobId", "status"],
    where: { jobId: { in: jobIds } },
    _count: { _all: true },
  });
  for (const row of rows) {
    const counts = result.get(row.jobId);
    if (counts && row.status in counts) counts[row.status as ItemStatus] = row._count._all;
  }
  return result;
}

export async function jobProgress(jobId: string, now = new Date()): Promise<JobProgress> {
  const client = db();
  const job = await client.job.findUnique({
    where: { id: jobId },
    select: {
      id: true,
      status: true,
      pauseReason: true,
      itemCount: true,
      plannedCount: true,
      startedAt: true,
      finishedAt: true,
      error: true,
    },
  });
  if (!job) throw new NotFoundError("Job", jobId);
  const since = new Date(now.getTime() - RATE_WINDOW_MS);
  const planning = job.status === "planning";
  const [countsByJob, sums, recent, errors] = await Promise.all([
    // While planning, every item so far is pending: the count is the planner's checkpoint.
    planning ? new Map([[jobId, { ...emptyCounts(), pending: job.plannedCount }]]) : itemCountsByJob([jobId]),
    // From the items, so synthesis jobs (which write prompts, not traces) count too.
    client.jobItem.aggregate({
      where: { jobId, status: "done" },
      _sum: { inputTokens: true, outputTokens: true, costUsd: true },
    }),
    client.jobItem.count({ where: { jobId, status: "done", completedAt: { gte: since } } }),
    client.jobItem.findMany({
      where: { jobId, status: { in: ["pending", "failed"] }, lastError: { not: null } },
      orderBy: [{ updatedAt: "desc" }, { ordinal: "desc" }],
      take: 10,
      select: {
        ordinal: true,
        status: true,
        lastError: true,
        attempts: true,
        updatedAt: true,
        payload: true,
        prompt: { select: { text: true } },
      },
    }),
  ]);
  const counts = countsByJob.get(jobId) ?? emptyCounts();
  // While planning, the items so far are only part of the job: the expected count is its size.
  const total = planning ? job.itemCount : Object.values(counts).reduce((a, b) => a + b, 0) || job.itemCount;
  const open = OPEN.has(job.status);
  const tracesPerSecond = rate(open, recent, counts.done, job.startedAt, job.finishedAt, now);
  const left = counts.pending + counts.running;
  return {
    id: job.id,
    status: job.status,
    pauseReason: job.status === "paused" ? job.pauseReason : null,
    counts,
    total,
    planned: planning ? job.plannedCount : null,
    percent: percentSettled(counts, total),
    tokens: { input: sums._sum.inputTokens ?? 0, output: sums._sum.outputTokens ?? 0 },
    costUsd: sums._sum.costUsd ?? 0,
    tracesPerSecond,
    etaSeconds:
      open && job.status !== "paused" && tracesPerSecond > 0 ? Math.ceil(left / tracesPerSecond) : null,
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    error: job.error,
    recentErrors: errors.map((e) => ({
      ordinal: e.ordinal,
      promptPreview: preview(e.prompt?.text ?? topicOf(e.payload)),
      lastError: e.lastError,
      attempts: e.attempts,
      state: e.status === "failed" ? "failed" : "retrying",
      at: e.updatedAt.toISOString(),
    })),
  };
}

/** Last minute's traces per second while running (since the start if that is more recent). */
function rate(
  open: boolean,
  recent: number,
  done: number,
  started: Date | null,
  finished: Date | null,
  now: Date,
) {
  if (!started) return 0;
  const round = (n: number) => Math.round(n * 10) / 10;
  if (!open) {
    const seconds = ((finished ?? now).getTime() - started.getTime()) / 1000;
    return seconds > 0 ? round(done / seconds) : 0;
  }
  const seconds = Math.min(RATE_WINDOW_MS, now.getTime() - started.getTime()) / 1000;
  return seconds > 0 ? round(recent / seconds) : 0;
}

function topicOf(payload: unknown): string {
  const topic = (payload as { topic?: unknown } | null)?.topic;
  return typeof topic === "string" ? topic : "";
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > PREVIEW ? `${flat.slice(0, PREVIEW - 1)}…` : flat;
}
