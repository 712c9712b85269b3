import "server-only";
import { countTraces, countTracesByStatus, jobsWithTraces, listTracePage } from "../traces";
import { ReviewStatusSchema, type ReviewFilter, type ReviewFilterStatus, type ReviewStatus } from "./schemas";
import { filterWhere, ordered } from "./order";

export const REVIEW_PAGE_SIZE = 50;
const PREVIEW_CHARS = 160;

export type ReviewListRow = {
  id: string;
  promptPreview: string;
  systemMessageName: string;
  systemMessageVersion: number;
  jobId: string;
  jobName: string;
  model: string;
  finishReason: string;
  truncated: boolean;
  status: ReviewStatus;
  createdAt: string;
};

export type ReviewList = { rows: ReviewListRow[]; total: number; page: number; pageCount: number };

/** One page of traces under the filter, in the review order. */
export async function listReviewTraces(
  filter: ReviewFilter,
  pageSize = REVIEW_PAGE_SIZE,
): Promise<ReviewList> {
  const where = filterWhere(filter);
  const [total, traces] = await Promise.all([
    countTraces(where),
    listTracePage({ where, orderBy: ordered("forward"), skip: (filter.page - 1) * pageSize, take: pageSize }),
  ]);
  const rows = traces.map((t) => ({
    id: t.id,
    promptPreview: preview(t.prompt.text),
    systemMessageName: t.systemMessageVersion.message.name,
    systemMessageVersion: t.systemMessageVersion.version,
    jobId: t.jobId,
    jobName: t.job.name,
    model: t.model,
    finishReason: t.finishReason,
    truncated: t.truncated,
    status: ReviewStatusSchema.catch("pending").parse(t.reviewStatus),
    createdAt: t.createdAt.toISOString(),
  }));
  return { rows, total, page: filter.page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** How many traces each status tab holds (within the job filter, if any). */
export async function reviewCounts(filter: { jobId?: string }): Promise<Record<ReviewFilterStatus, number>> {
  const byStatus = await countTracesByStatus(filterWhere({ status: "all", jobId: filter.jobId }));
  const counts: Record<ReviewFilterStatus, number> = {
    pending: 0,
    approved: 0,
    rejected: 0,
    conflict: 0,
    all: 0,
  };
  for (const [stored, count] of byStatus) {
    const status = ReviewStatusSchema.safeParse(stored);
    if (status.success) counts[status.data] += count;
    counts.all += count;
  }
  return counts;
}

/** Jobs that have produced traces, newest first: the job filter's choices. */
export function listReviewJobs(): Promise<Array<{ id: string; name: string }>> {
  return jobsWithTraces();
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > PREVIEW_CHARS ? `${flat.slice(0, PREVIEW_CHARS - 1)}…` : flat;
}
