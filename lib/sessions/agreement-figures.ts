import "server-only";
import { userNames } from "../auth";
import { db } from "../db";
import type { Decision } from "../review/schemas";
import { sessionSettings } from "./access";
import {
  notDefinedMessage,
  summarize,
  type LabelAgreement,
  type NotDefinedReason,
  type PairwiseKappa,
  type SessionItemRatings,
} from "./agreement";

/** One trace's ratings in a session: who decided what (and why, for rejections). */
export type ItemRatings = {
  traceId: string;
  position: number;
  /** reviewerId → decision */
  decisions: Record<string, Decision>;
  /** reviewerId → taxonomy reason of a rejection (null: a note only) */
  reasons: Record<string, string | null>;
};

export type SessionRatings = {
  sessionId: string;
  overlap: number;
  reviewerIds: string[];
  items: ItemRatings[];
  /** traceId → reviewerId → that reviewer's latest edit of the trace made during the session. */
  edits: Record<string, Record<string, string>>;
};

const PAGE = 5_000;
const STATES = ["agreed", "disputed", "resolved", "open"] as const;

/**
 * Every decision of the session, item by item, and the reviewers' latest edit texts of its
 * traces made between the session's start and its close (or now). Read page by page, each read
 * along an index: the items by (sessionId, state, position), each reviewer's decided slots by
 * (sessionId, reviewerId, state, position). (Slots fetched per page of items by their ids had
 * PostgreSQL scan the whole slot table for each page: about 4 s at 100k items, now about 1 s.)
 */
export async function sessionRatings(sessionId: string): Promise<SessionRatings> {
  const session = await sessionSettings(db(), sessionId);
  const reviewerIds = (
    await db().reviewSessionReviewer.findMany({ where: { sessionId }, select: { userId: true } })
  ).map((r) => r.userId);

  const places = new Map<string, { traceId: string; position: number }>();
  for (const state of STATES) {
    for (let after = -1; ;) {
      const page = await db().reviewSessionItem.findMany({
        where: { sessionId, state, position: { gt: after } },
        orderBy: { position: "asc" },
        take: PAGE,
        select: { id: true, traceId: true, position: true },
      });
      for (const item of page) places.set(item.id, { traceId: item.traceId, position: item.position });
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.position;
    }
  }

  const rated = new Map<string, ItemRatings>();
  for (const reviewerId of reviewerIds) {
    for (let after = -1; ;) {
      const page = await db().reviewSessionSlot.findMany({
        where: { sessionId, reviewerId, state: "decided", position: { gt: after } },
        orderBy: { position: "asc" },
        take: PAGE,
        select: { itemId: true, position: true, decision: true, reasonId: true },
      });
      for (const slot of page) {
        const place = places.get(slot.itemId);
        if (!place) continue;
        let item = rated.get(slot.itemId);
        if (!item) rated.set(slot.itemId, (item = { ...place, decisions: {}, reasons: {} }));
        item.decisions[reviewerId] = slot.decision === "rejected" ? "rejected" : "approved";
        if (slot.decision === "rejected") item.reasons[reviewerId] = slot.reasonId;
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.position;
    }
  }
  const items = [...rated.values()].sort((a, b) => a.position - b.position);
  const edits = await latestEdits(sessionId, reviewerIds, session.createdAt, session.closedAt ?? new Date());
  return { sessionId, overlap: session.overlap, reviewerIds, items, edits };
}

const EDITS_PAGE = 500;

/** The reviewers' latest edit of each of the session's traces made in [from, until], newest first. */
async function latestEdits(
  sessionId: string,
  reviewerIds: string[],
  from: Date,
  until: Date,
): Promise<SessionRatings["edits"]> {
  const into: SessionRatings["edits"] = {};
  if (reviewerIds.length === 0) return into;
  // The reviewers are matched here, not in SQL: a session may have more of them than SQLite binds
  // in one statement, and edits by anyone else on a session's traces are few.
  const reviewers = new Set(reviewerIds);
  for (let cursor: string | undefined; ;) {
    const page = await db().traceEdit.findMany({
      where: { createdAt: { gte: from, lte: until }, trace: { sessionItems: { some: { sessionId } } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: EDITS_PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true, traceId: true, editorId: true, content: true },
    });
    for (const row of page) {
      if (!reviewers.has(row.editorId)) continue;
      const byEditor = (into[row.traceId] ??= {});
      byEditor[row.editorId] ??= row.content;
    }
    if (page.length < EDITS_PAGE) break;
    cursor = page[page.length - 1]!.id;
  }
  return into;
}

/** One figure as the session page shows it: its value, the items it rests on, why it has none. */
export type Figure = {
  /** null when the figure is not defined (never NaN). */
  value: number | null;
  /** Items it rests on. */
  n: number;
  /** notDefinedMessage(reason) when value is null. */
  notDefined: string | null;
};

/** Raw and chance-corrected agreement on one kind of label (approve/reject, or reject reasons). */
export type LabelFigures = {
  /** Share of items on which every rating is the same label. */
  unanimous: Figure & { items: number };
  /** Mean share of agreeing rating pairs per item (Fleiss' P̄). */
  pairwise: Figure;
  /** Fleiss' κ over items with exactly `ratingsPerItem` ratings; `excluded` items had another count. */
  fleiss: Figure & { ratingsPerItem: number | null; excluded: number };
  /** Krippendorff's α, nominal: every item with two ratings or more. */
  alpha: Figure;
};

export type ReviewerRef = { id: string; name: string };

/** Cohen's κ of one pair of reviewers, on the items both decided (and both rejected with a reason). */
export type PairFigures = {
  a: ReviewerRef;
  b: ReviewerRef;
  decisions: Figure & { observed: number | null };
  /** null when the two never both rejected one trace with a taxonomy reason. */
  reasons: (Figure & { observed: number | null }) | null;
};

export type AgreementFigures = {
  /** The session's k: the decisions each trace gets. */
  overlap: number;
  /** Items with two decisions or more: the ones agreement is measured on. */
  rated: number;
  decisions: LabelFigures;
  reasons: LabelFigures;
  pairs: PairFigures[];
  edits: {
    /** Mean over traces of the mean word distance between the reviewers' edited texts, 0..1. */
    meanDistance: number | null;
    /** Traces two or more reviewers edited. */
    n: number;
    /** Some pairs were too far apart to measure exactly: the mean is a lower bound ("≥"). */
    lowerBound: boolean;
    notDefined: string | null;
  };
};

const figure = (value: number | null, n: number, reason: NotDefinedReason | null): Figure => ({
  value,
  n,
  notDefined: value === null ? notDefinedMessage(reason ?? "no-items") : null,
});

function labelFigures(agreement: LabelAgreement): LabelFigures {
  const { percent, fleiss, krippendorff } = agreement;
  return {
    unanimous: {
      ...figure(percent.unanimous, percent.n, percent.reason),
      // unanimous is a count over n: rounding gives that count back exactly.
      items: percent.unanimous === null ? 0 : Math.round(percent.unanimous * percent.n),
    },
    pairwise: figure(percent.pairwise, percent.n, percent.reason),
    fleiss: {
      ...figure(fleiss.kappa, fleiss.n, fleiss.reason),
      ratingsPerItem: fleiss.ratingsPerItem,
      excluded: fleiss.excluded,
    },
    alpha: figure(krippendorff.alpha, krippendorff.n, krippendorff.reason),
  };
}

const pairKey = (p: Pick<PairwiseKappa, "raterA" | "raterB">) => JSON.stringify([p.raterA, p.raterB]);

const kappaFigure = (p: PairwiseKappa) => ({ ...figure(p.kappa, p.n, p.reason), observed: p.observed });

/** The ratings as summarize() takes them: each trace's decisions, rejection reasons and edited texts. */
export function summaryInput(ratings: SessionRatings): SessionItemRatings[] {
  return ratings.items.map((item) => ({
    itemId: item.traceId,
    decisions: Object.entries(item.decisions).map(([reviewerId, decision]) => ({
      reviewerId,
      decision,
      reasonId: decision === "rejected" ? (item.reasons[reviewerId] ?? null) : null,
    })),
    edits: Object.values(ratings.edits[item.traceId] ?? {}),
  }));
}

/**
 * Every agreement figure of the session: percent agreement, Fleiss' κ (over items with the
 * session's k decisions), Krippendorff's α and Cohen's κ per pair of reviewers, for approve/reject
 * and for reject reasons, and how far apart the reviewers' edits of one trace are. Edits count on
 * the traces that have decisions. Reads every decision of the session (page by page); the page
 * asks for it on demand past AGREEMENT_ON_DEMAND items.
 */
export async function sessionAgreement(sessionId: string): Promise<AgreementFigures> {
  const ratings = await sessionRatings(sessionId);
  const summary = summarize(summaryInput(ratings), { ratingsPerItem: ratings.overlap });
  const reasonPairs = new Map(summary.reasons.pairwiseCohens.map((p) => [pairKey(p), p]));
  const names = await userNames(summary.decisions.pairwiseCohens.flatMap((p) => [p.raterA, p.raterB]));
  const ref = (id: string): ReviewerRef => ({ id, name: names.get(id) ?? id });
  const pairs = summary.decisions.pairwiseCohens
    .map((p): PairFigures => {
      const reasons = reasonPairs.get(pairKey(p));
      // κ is symmetric: each pair reads in name order, as the pairs do.
      const [a, b] = [ref(p.raterA), ref(p.raterB)].sort((x, y) => x.name.localeCompare(y.name));
      return {
        a: a!,
        b: b!,
        decisions: kappaFigure(p),
        reasons: reasons ? kappaFigure(reasons) : null,
      };
    })
    .sort((x, y) => x.a.name.localeCompare(y.a.name) || x.b.name.localeCompare(y.b.name));
  const { edits } = summary;
  return {
    overlap: ratings.overlap,
    rated: summary.decisions.percent.n,
    decisions: labelFigures(summary.decisions),
    reasons: labelFigures(summary.reasons),
    pairs,
    edits: {
      meanDistance: edits.meanDistance,
      n: edits.n,
      lowerBound: edits.approximatePairs > 0,
      notDefined: edits.meanDistance === null ? notDefinedMessage(edits.reason ?? "too-few-texts") : null,
    },
  };
}

/** Past this many items the session page computes agreement only when asked: it reads every decision. */
export const AGREEMENT_ON_DEMAND = 200_000;
