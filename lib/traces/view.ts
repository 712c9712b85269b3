import "server-only";
import { userNames } from "../auth";
import { db, type Prisma } from "../db";
import { NotFoundError } from "../errors";
import { newestEditFirst } from "./edit-order";
import { StoredStrategySchema, type StrategyView } from "./schemas";

export type TraceEditView = {
  id: string;
  content: string;
  note: string | null;
  editorId: string;
  editorName: string;
  createdAt: string;
  /** The edit put the teacher's original text back. */
  restoresOriginal: boolean;
};

/** A decision as stored; review reads its vocabulary (lib/review/trace-view.ts). */
export type StoredDecision = {
  reviewerId: string;
  reviewerName: string;
  decision: string;
  /** The taxonomy reason's id and label, when the rejection named one. */
  reasonId: string | null;
  reasonLabel: string | null;
  /** The reviewer's own words. */
  reason: string | null;
  version: number;
  updatedAt: string;
};

/** An automatic check's verdict, as review shows it (lib/quality). */
export type VerdictView = {
  check: string;
  outcome: "pass" | "fail" | "warn" | "skip";
  summary: string;
  score: number | null;
  evidence: Record<string, unknown> | null;
  spans: Array<{ field: "prompt" | "trace" | "reasoning"; start: number; end: number }>;
  /** Said of the trace's prompt (a benchmark item among the prompts), not of the trace. */
  ofPrompt: boolean;
};

export type TraceCommentView = { id: string; authorName: string; body: string; createdAt: string };

export type TraceView = {
  id: string;
  reviewStatus: string;
  prompt: {
    id: string;
    text: string;
    referenceAnswer: string | null;
    category: string | null;
    externalId: string | null;
  };
  systemMessage: { id: string; name: string; versionId: string; version: number; content: string };
  /** Set when the teacher chose the system message itself (cautious reasoning). */
  strategy: StrategyView;
  trace: {
    /** What the trace says now: the newest edit, or the teacher's text when nobody edited it. */
    content: string;
    /** The teacher's text, never changed by edits. */
    original: string;
    reasoning: string | null;
    reasoningTokens: number;
    systemPromptErasable: boolean;
    model: string;
    finishReason: string;
    truncated: boolean;
    inputTokens: number;
    outputTokens: number;
    latencyMs: number;
    createdAt: string;
  };
  /** Newest first; the first one's id is what an editor sends as expectedEditId. */
  edits: TraceEditView[];
  job: { id: string; name: string };
  decisions: StoredDecision[];
  flagged: boolean;
  /** Oldest first, the last COMMENTS_SHOWN. */
  comments: TraceCommentView[];
  /** When the per-trace checks ran (null: not yet), and what they (and the set-level ones) found. */
  quality: { checkedAt: string | null; verdicts: VerdictView[] };
};

const COMMENTS_SHOWN = 50;

const REMOVED_USER = "(removed user)";

/** One trace with what it was made from, its edits and its decisions, plain and serialisable. */
export async function getTraceView(traceId: string): Promise<TraceView> {
  const [view] = await getTraceViews([traceId]);
  if (!view) throw new NotFoundError("Trace", traceId);
  return view;
}

/** Several traces' views in a few queries (the review queue's prefetch), in the order asked; missing ids are left out. */
export async function getTraceViews(traceIds: readonly string[]): Promise<TraceView[]> {
  if (traceIds.length === 0) return [];
  const rows = await db().trace.findMany({ where: { id: { in: [...traceIds] } }, include: VIEW_INCLUDE });
  const people = rows.flatMap((t) => [
    ...t.decisions.map((d) => d.reviewerId),
    ...t.edits.map((e) => e.editorId),
    ...t.comments.map((c) => c.authorId),
  ]);
  const reasonIds = [...new Set(rows.flatMap((t) => t.decisions.map((d) => d.reasonId)))].filter(
    (id): id is string => id !== null,
  );
  const [names, reasons] = await Promise.all([
    userNames(people),
    reasonIds.length
      ? db().rejectReason.findMany({ where: { id: { in: reasonIds } }, select: { id: true, label: true } })
      : Promise.resolve([]),
  ]);
  const labels = new Map(reasons.map((r) => [r.id, r.label]));
  const byId = new Map(rows.map((t) => [t.id, t]));
  return traceIds.flatMap((id) => {
    const t = byId.get(id);
    return t ? [toView(t, names, labels)] : [];
  });
}

const VERDICT_SELECT = {
  check: true,
  outcome: true,
  summary: true,
  score: true,
  evidence: true,
  spans: true,
} satisfies Prisma.QualityVerdictSelect;

const VIEW_INCLUDE = {
  prompt: { include: { verdicts: { select: VERDICT_SELECT } } },
  verdicts: { select: VERDICT_SELECT, orderBy: { check: "asc" } },
  job: { select: { id: true, name: true } },
  systemMessageVersion: { include: { message: { select: { id: true, name: true } } } },
  decisions: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
  edits: { orderBy: newestEditFirst() },
  comments: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: COMMENTS_SHOWN },
} satisfies Prisma.TraceInclude;
type TraceRow = Prisma.TraceGetPayload<{ include: typeof VIEW_INCLUDE }>;

function toView(t: TraceRow, names: Map<string, string>, labels: Map<string, string>): TraceView {
  const v = t.systemMessageVersion;
  return {
    id: t.id,
    reviewStatus: t.reviewStatus,
    prompt: {
      id: t.prompt.id,
      text: t.prompt.text,
      referenceAnswer: t.prompt.referenceAnswer,
      category: t.prompt.category,
      externalId: t.prompt.externalId,
    },
    systemMessage: {
      id: v.message.id,
      name: v.message.name,
      versionId: v.id,
      version: v.version,
      content: v.content,
    },
    strategy: StoredStrategySchema.parse(t.strategy ?? null),
    trace: {
      content: t.edits[0]?.content ?? t.content,
      original: t.content,
      reasoning: t.reasoning,
      reasoningTokens: t.reasoningTokens,
      systemPromptErasable: t.systemPromptErasable,
      model: t.model,
      finishReason: t.finishReason,
      truncated: t.truncated,
      inputTokens: t.inputTokens,
      outputTokens: t.outputTokens,
      latencyMs: t.latencyMs,
      createdAt: t.createdAt.toISOString(),
    },
    edits: t.edits.map((e) => ({
      id: e.id,
      content: e.content,
      note: e.note,
      editorId: e.editorId,
      editorName: names.get(e.editorId) ?? REMOVED_USER,
      createdAt: e.createdAt.toISOString(),
      restoresOriginal: e.content === t.content,
    })),
    job: t.job,
    decisions: t.decisions.map((d) => ({
      reviewerId: d.reviewerId,
      reviewerName: names.get(d.reviewerId) ?? REMOVED_USER,
      decision: d.decision,
      reasonId: d.reasonId,
      reasonLabel: d.reasonId ? (labels.get(d.reasonId) ?? null) : null,
      reason: d.reason,
      version: d.version,
      updatedAt: d.updatedAt.toISOString(),
    })),
    flagged: t.flaggedAt !== null,
    comments: t.comments
      .map((c) => ({
        id: c.id,
        authorName: names.get(c.authorId) ?? REMOVED_USER,
        body: c.body,
        createdAt: c.createdAt.toISOString(),
      }))
      .reverse(),
    quality: {
      checkedAt: t.checkedAt?.toISOString() ?? null,
      verdicts: [
        ...t.verdicts.map((v) => verdictView(v, false)),
        ...t.prompt.verdicts.map((v) => verdictView(v, true)),
      ],
    },
  };
}

type VerdictRow = Prisma.QualityVerdictGetPayload<{ select: typeof VERDICT_SELECT }>;

function verdictView(v: VerdictRow, ofPrompt: boolean): VerdictView {
  return {
    check: v.check,
    outcome: v.outcome as VerdictView["outcome"],
    summary: v.summary,
    score: v.score,
    evidence: (v.evidence ?? null) as VerdictView["evidence"],
    spans: Array.isArray(v.spans) ? (v.spans as VerdictView["spans"]) : [],
    ofPrompt,
  };
}
