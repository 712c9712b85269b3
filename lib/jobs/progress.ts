import "server-only";
import { db } from "../db/client";
import { NotFoundError } from "../errors";
import type { ItemStatus } from "./schemas";

export type ItemCounts = Record<ItemStatus, number>;

export type FailedItem = {
  ordinal: number;
  promptPreview: string;
  lastError: string | null;
  attempts: number;
};

/** What the job page polls: JSON-safe (dates as ISO strings). */
export type JobProgress = {
  id: string;
  status: string;
  counts: ItemCounts;
  total: number;
  /** Settled items (done, failed, cancelled) as a share of all items, 0..100. */
  percent: number;
  tokens: { input: number; output: number };
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  recentFailures: FailedItem[];
};

const PREVIEW = 120;

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

export async function jobProgress(jobId: string): Promise<JobProgress> {
  const client = db();
  const job = await client.job.findUnique({
    where: { id: jobId },
    select: { id: true, status: true, itemCount: true, startedAt: true, finishedAt: true, error: true },
  });
  if (!job) throw new NotFoundError("Job", jobId);
  const [countsByJob, tokens, failures] = await Promise.all([
    itemCountsByJob([jobId]),
    client.trace.aggregate({ where: { jobId }, _sum: { inputTokens: true, outputTokens: true } }),
    client.jobItem.findMany({
      where: { jobId, status: "failed" },
      orderBy: [{ updatedAt: "desc" }, { ordinal: "desc" }],
      take: 20,
      select: { ordinal: true, lastError: true, attempts: true, prompt: { select: { text: true } } },
    }),
  ]);
  const counts = countsByJob.get(jobId) ?? emptyCounts();
  const total = Object.values(counts).reduce((a, b) => a + b, 0) || job.itemCount;
  return {
    id: job.id,
    status: job.status,
    counts,
    total,
    percent: percentSettled(counts, total),
    tokens: { input: tokens._sum.inputTokens ?? 0, output: tokens._sum.outputTokens ?? 0 },
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    error: job.error,
    recentFailures: failures.map((f) => ({
      ordinal: f.ordinal,
      promptPreview: preview(f.prompt?.text ?? ""),
      lastError: f.lastError,
      attempts: f.attempts,
    })),
  };
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > PREVIEW ? `${flat.slice(0, PREVIEW - 1)}…` : flat;
}
