import "server-only";
import { listUsers } from "../auth";
import { getMessage, listMessages } from "../bank";
import { countTracesByStatus, jobsWithTraces } from "../traces";
import { filterWhere } from "./order";
import { ReviewStatusSchema, type ReviewFilterStatus, type TraceSelection } from "./schemas";
import { listRejectReasons } from "./reasons";
import { countUpTo } from "./select";

export {
  listReviewPage,
  listRows,
  REVIEW_PAGE_SIZE,
  type PageOptions,
  type ReviewListRow,
  type ReviewPage,
} from "./list";
export { countExactly } from "./select";

/** Past this a tab says "10,000+": an exact count of a million rows costs more than the page. */
export const COUNT_CAP = 10_000;
/** How long the tab counts may take, all four together. */
const COUNTS_BUDGET_MS = 400;

/** A tab's count: exact, or a lower bound (`exact` false: capped at COUNT_CAP, or out of time). */
export type TabCount = { count: number; exact: boolean };
export type ReviewCounts = Record<ReviewFilterStatus, TabCount>;

const STATUSES = ReviewStatusSchema.options;

/**
 * How many traces each status tab holds under the rest of the selection. A job (or nothing) is
 * counted exactly from the index; any other filter is counted up to COUNT_CAP per tab, within a
 * time budget. Asked for apart from the list, so the list never waits for it.
 */
export async function reviewCounts(selection: Omit<TraceSelection, "status">): Promise<ReviewCounts> {
  const { jobId, ...rest } = selection;
  const filtered = Object.values(rest).some((v) => v !== undefined);
  const counts = {} as ReviewCounts;
  if (!filtered) {
    const byStatus = await countTracesByStatus(filterWhere({ status: "all", jobId }));
    for (const status of STATUSES) counts[status] = { count: byStatus.get(status) ?? 0, exact: true };
  } else {
    const slice = COUNTS_BUDGET_MS / STATUSES.length;
    for (const status of STATUSES) {
      counts[status] = await countUpTo({ ...selection, status }, COUNT_CAP, Date.now() + slice);
    }
  }
  counts.all = {
    count: STATUSES.reduce((sum, s) => sum + counts[s].count, 0),
    exact: STATUSES.every((s) => counts[s].exact),
  };
  return counts;
}

/** Jobs that have produced traces, newest first: the job filter's choices. */
export function listReviewJobs(): Promise<Array<{ id: string; name: string }>> {
  return jobsWithTraces();
}

type Choice = { id: string; name: string };

/** What the list's filters offer: the selected system message's versions among them. */
export type ReviewFilterChoices = {
  jobs: Choice[];
  messages: Choice[];
  versions: Array<{ id: string; version: number }>;
  reasons: Array<{ id: string; label: string }>;
  reviewers: Choice[];
};

export async function reviewFilterChoices(selection: {
  systemMessageId?: string;
}): Promise<ReviewFilterChoices> {
  const [jobs, messages, reasons, users] = await Promise.all([
    jobsWithTraces(),
    listMessages(),
    listRejectReasons(),
    listUsers(),
  ]);
  const message = selection.systemMessageId
    ? await getMessage(selection.systemMessageId).catch(() => null)
    : null;
  return {
    jobs,
    messages: messages.map(({ id, name }) => ({ id, name })),
    versions: message?.versions.map(({ id, version }) => ({ id, version })) ?? [],
    reasons: reasons.map(({ id, label }) => ({ id, label })),
    reviewers: users.map(({ id, name }) => ({ id, name })),
  };
}
