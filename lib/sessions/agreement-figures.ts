import "server-only";
import { db } from "../db";
import type { Decision } from "../review/schemas";
import { sessionSettings } from "./access";

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

export type AgreementFigures = {
  /** Items with two decisions or more: the ones agreement is measured on. */
  rated: number;
  /** Share of those items on which every decision is the same, 0..1; null with none. */
  percentAgreement: number | null;
  /** Mean share of agreeing reviewer pairs per item (Fleiss' observed agreement), 0..1; null with none. */
  pairwiseAgreement: number | null;
};

const PAGE = 2_000;
const STATES = ["agreed", "disputed", "resolved", "open"] as const;

/**
 * Every decision of the session, item by item, and the reviewers' latest edit texts of its
 * traces made between the session's start and its close (or now). Read page by page along
 * (sessionId, state, position).
 */
export async function sessionRatings(sessionId: string): Promise<SessionRatings> {
  const session = await sessionSettings(db(), sessionId);
  const reviewerIds = (
    await db().reviewSessionReviewer.findMany({ where: { sessionId }, select: { userId: true } })
  ).map((r) => r.userId);
  const items: ItemRatings[] = [];
  const edits: SessionRatings["edits"] = {};
  const until = session.closedAt ?? new Date();
  for (const state of STATES) {
    for (let after = -1; ;) {
      const page = await db().reviewSessionItem.findMany({
        where: { sessionId, state, position: { gt: after } },
        orderBy: { position: "asc" },
        take: PAGE,
        select: {
          traceId: true,
          position: true,
          slots: {
            where: { state: "decided" },
            select: { reviewerId: true, decision: true, reasonId: true },
          },
        },
      });
      if (page.length === 0) break;
      after = page[page.length - 1]!.position;
      for (const item of page) {
        if (item.slots.length === 0) continue;
        const rated: ItemRatings = {
          traceId: item.traceId,
          position: item.position,
          decisions: {},
          reasons: {},
        };
        for (const s of item.slots) {
          rated.decisions[s.reviewerId] = s.decision === "rejected" ? "rejected" : "approved";
          if (s.decision === "rejected") rated.reasons[s.reviewerId] = s.reasonId;
        }
        items.push(rated);
      }
      await latestEdits(
        page.map((i) => i.traceId),
        reviewerIds,
        session.createdAt,
        until,
        edits,
      );
      if (page.length < PAGE) break;
    }
  }
  items.sort((a, b) => a.position - b.position);
  return { sessionId, overlap: session.overlap, reviewerIds, items, edits };
}

async function latestEdits(
  traceIds: string[],
  reviewerIds: string[],
  from: Date,
  until: Date,
  into: SessionRatings["edits"],
): Promise<void> {
  if (traceIds.length === 0 || reviewerIds.length === 0) return;
  const rows = await db().traceEdit.findMany({
    where: { traceId: { in: traceIds }, editorId: { in: reviewerIds }, createdAt: { gte: from, lte: until } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { traceId: true, editorId: true, content: true },
  });
  for (const row of rows) {
    const byEditor = (into[row.traceId] ??= {});
    byEditor[row.editorId] ??= row.content;
  }
}

/** Agreement on the session's decisions. */
export async function sessionAgreement(sessionId: string): Promise<AgreementFigures> {
  const ratings = await sessionRatings(sessionId);
  // TODO(agreement): the full figures (kappa, alpha, per-reason) come from summarize() in ./agreement.
  return percentAgreement(ratings.items);
}

/** Observed agreement: all-alike share and mean pairwise agreement over items with 2+ decisions. */
export function percentAgreement(items: readonly ItemRatings[]): AgreementFigures {
  let rated = 0;
  let unanimous = 0;
  let pairShare = 0;
  for (const item of items) {
    const values = Object.values(item.decisions);
    if (values.length < 2) continue;
    rated++;
    const approved = values.filter((v) => v === "approved").length;
    const rejected = values.length - approved;
    if (approved === 0 || rejected === 0) unanimous++;
    const pairs = (values.length * (values.length - 1)) / 2;
    pairShare += ((approved * (approved - 1)) / 2 + (rejected * (rejected - 1)) / 2) / pairs;
  }
  return {
    rated,
    percentAgreement: rated > 0 ? unanimous / rated : null,
    pairwiseAgreement: rated > 0 ? pairShare / rated : null,
  };
}
