import "server-only";
import { db } from "../db";
import { decodeCursor, encodeCursor, type ReviewPosition } from "./cursor";
import { ReviewStatusSchema, type ReviewStatus, type TraceSelection } from "./schemas";
import { selectPositions } from "./select";

export const REVIEW_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
/** How long a list page may look for matches before it answers with what it found. */
export const PAGE_BUDGET_MS = 100;
const PREVIEW_CHARS = 160;

export type ReviewListRow = {
  id: string;
  promptPreview: string;
  category: string | null;
  systemMessageName: string;
  systemMessageVersion: number;
  jobId: string;
  jobName: string;
  model: string;
  finishReason: string;
  truncated: boolean;
  outputTokens: number;
  flagged: boolean;
  status: ReviewStatus;
  createdAt: string;
};

export type ReviewPage = {
  rows: ReviewListRow[];
  /** The next (older) page starts here; null at the end. */
  nextCursor: string | null;
  /** The previous (newer) page ends here; null at the top. */
  prevCursor: string | null;
  /**
   * The page stopped looking to answer in time (a filter few traces pass): it may hold fewer rows
   * than asked although more follow from nextCursor (or prevCursor, when paging back).
   */
  partial: boolean;
  /** How far back (or forward) in time the page looked: where a partial page stopped. */
  reached: string | null;
};

export type PageOptions = {
  /** Rows after this cursor (older); the first page without it. */
  after?: string;
  /** Rows before this cursor (newer), still in the review order. */
  before?: string;
  limit?: number;
  /** Defaults to PAGE_BUDGET_MS; Infinity reads until the page is full. */
  budgetMs?: number;
};

/**
 * One page of a selection in the review order (createdAt desc, id desc), by keyset: opaque
 * cursors instead of offsets, no count. A page that needs to pass over many non-matching traces
 * stops after budgetMs and says so (`partial`): the list asks for the next one.
 */
export async function listReviewPage(
  selection: TraceSelection,
  options: PageOptions = {},
): Promise<ReviewPage> {
  const limit = Math.min(Math.max(1, Math.floor(options.limit ?? REVIEW_PAGE_SIZE)), MAX_PAGE_SIZE);
  const newer = options.before !== undefined;
  const from = newer ? decodeCursor(options.before!) : options.after ? decodeCursor(options.after) : null;
  const walked = await selectPositions(selection, {
    from,
    direction: newer ? "newer" : "older",
    want: limit + 1,
    deadline: Date.now() + (options.budgetMs ?? PAGE_BUDGET_MS),
  });
  const more = walked.hits.length > limit || walked.resume !== null;
  const hits = walked.hits.slice(0, limit);
  // Past the last row kept, or where the walk stopped when it kept none.
  const edge: ReviewPosition | null = walked.resume ?? hits.at(-1) ?? null;
  const ordered = newer ? [...hits].reverse() : hits;
  const rows = await listRows(ordered.map((h) => h.id));
  const cursorAt = (p: ReviewPosition | null | undefined) => (p ? encodeCursor(p) : null);
  const far = more ? cursorAt(edge) : null;
  // The other side: the position this page was read from, when there was one.
  const near = from ? cursorAt(ordered.at(newer ? -1 : 0) ?? from) : null;
  return {
    rows,
    nextCursor: newer ? near : far,
    prevCursor: newer ? far : near,
    partial: walked.resume !== null,
    reached: edge ? edge.createdAt.toISOString() : null,
  };
}

/** The list's columns for these traces, in the order given. */
export async function listRows(ids: string[]): Promise<ReviewListRow[]> {
  if (ids.length === 0) return [];
  const traces = await db().trace.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      jobId: true,
      model: true,
      finishReason: true,
      truncated: true,
      outputTokens: true,
      flaggedAt: true,
      reviewStatus: true,
      createdAt: true,
      prompt: { select: { text: true, category: true } },
      job: { select: { name: true } },
      systemMessageVersion: { select: { version: true, message: { select: { name: true } } } },
    },
  });
  const byId = new Map(traces.map((t) => [t.id, t]));
  return ids.flatMap((id) => {
    const t = byId.get(id);
    if (!t) return [];
    return [
      {
        id: t.id,
        promptPreview: preview(t.prompt.text),
        category: t.prompt.category,
        systemMessageName: t.systemMessageVersion.message.name,
        systemMessageVersion: t.systemMessageVersion.version,
        jobId: t.jobId,
        jobName: t.job.name,
        model: t.model,
        finishReason: t.finishReason,
        truncated: t.truncated,
        outputTokens: t.outputTokens,
        flagged: t.flaggedAt !== null,
        status: ReviewStatusSchema.catch("pending").parse(t.reviewStatus),
        createdAt: t.createdAt.toISOString(),
      },
    ];
  });
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > PREVIEW_CHARS ? `${flat.slice(0, PREVIEW_CHARS - 1)}…` : flat;
}
