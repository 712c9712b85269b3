import "server-only";
import { can, userNames } from "../auth";
import { db } from "../db";
import { ForbiddenError } from "../errors";
import { tracePreviews } from "../traces";
import { viewableSession } from "./access";
import { itemVersion, mayAdjudicate } from "./adjudicate";
import type { SessionDecisionView } from "./blind";
import { AdjudicationQuerySchema, type AdjudicationQuery } from "./schemas";
import { reasonLabels } from "./verdict";

export type AdjudicationRow = {
  itemId: string;
  traceId: string;
  position: number;
  state: string;
  verdict: string | null;
  verdictReason: string | null;
  itemVersion: number;
  prompt: string;
  model: string;
  decisions: SessionDecisionView[];
};

export type AdjudicationPage = { rows: AdjudicationRow[]; nextAfter: number | null; canAdjudicate: boolean };

/**
 * The session's disputed traces (or its resolved ones) in position order, a page after the
 * position `after`, each with every reviewer's decision: the adjudication queue. Keyset paged on
 * (sessionId, state, position). For whoever may adjudicate, and admins and curators.
 */
export async function listAdjudicationQueue(
  sessionId: string,
  viewer: { id: string; role: string },
  query: AdjudicationQuery = {},
): Promise<AdjudicationPage> {
  const { state, after, limit } = AdjudicationQuerySchema.parse(query);
  const session = await viewableSession(sessionId, viewer);
  const canAdjudicate = mayAdjudicate(session, viewer);
  if (!canAdjudicate && !can(viewer.role, "sessions:manage"))
    throw new ForbiddenError(
      "The adjudication queue shows every reviewer's decision: it is for adjudicators.",
    );
  const items = await db().reviewSessionItem.findMany({
    where: { sessionId, state, position: { gt: after ?? -1 } },
    orderBy: { position: "asc" },
    take: limit + 1,
    select: {
      id: true,
      traceId: true,
      position: true,
      state: true,
      verdict: true,
      verdictReason: true,
      slots: {
        orderBy: { decidedAt: "asc" },
        select: {
          reviewerId: true,
          state: true,
          decision: true,
          reasonId: true,
          reason: true,
          version: true,
          decidedAt: true,
        },
      },
    },
  });
  const page = items.slice(0, limit);
  const slots = page.flatMap((i) => i.slots);
  const [names, labels, previews] = await Promise.all([
    userNames(slots.map((s) => s.reviewerId)),
    reasonLabels(
      db(),
      slots.map((s) => s.reasonId),
    ),
    tracePreviews(page.map((i) => i.traceId)),
  ]);
  const rows = page.map(({ id, slots: itemSlots, ...item }) => ({
    itemId: id,
    ...item,
    itemVersion: itemVersion(item, itemSlots),
    prompt: previews.get(item.traceId)?.prompt ?? "",
    model: previews.get(item.traceId)?.model ?? "",
    decisions: itemSlots
      .filter((s) => s.state === "decided" && s.decision)
      .map((s) => ({
        reviewerId: s.reviewerId,
        reviewerName: names.get(s.reviewerId) ?? s.reviewerId,
        decision: s.decision!,
        reasonId: s.reasonId,
        reasonLabel: s.reasonId ? (labels.get(s.reasonId) ?? null) : null,
        reason: s.reason,
        version: s.version,
        decidedAt: s.decidedAt?.toISOString() ?? null,
      })),
  }));
  return { rows, nextAfter: items.length > limit ? page[page.length - 1]!.position : null, canAdjudicate };
}
