import "server-only";
import { cuid, defineTable, insertRows, type ColumnType, type NewRow, type Prisma, type Tx } from "../db";
import { dealReviewers } from "./deal";
import type { SessionPlanConfig } from "./schemas";

type NewItem = NewRow<Prisma.ReviewSessionItemUncheckedCreateInput, Prisma.ReviewSessionItemScalarFieldEnum>;
type NewSlot = NewRow<Prisma.ReviewSessionSlotUncheckedCreateInput, Prisma.ReviewSessionSlotScalarFieldEnum>;

const ITEMS = defineTable<NewItem>({
  table: "ReviewSessionItem",
  columns: {
    id: "text",
    sessionId: "text",
    traceId: "text",
    position: "int",
    decided: "int",
    state: "text",
    verdict: "text",
    verdictReason: "text",
    resolvedById: "text",
    resolvedAt: "date",
  } satisfies Record<Prisma.ReviewSessionItemScalarFieldEnum, ColumnType>,
  // As prisma/schema.prisma's @default for ReviewSessionItem.
  defaults: { id: cuid, decided: () => 0, state: () => "open" },
});

const SLOTS = defineTable<NewSlot>({
  table: "ReviewSessionSlot",
  columns: {
    id: "text",
    sessionId: "text",
    itemId: "text",
    reviewerId: "text",
    position: "int",
    state: "text",
    reservedUntil: "date",
    decision: "text",
    reasonId: "text",
    reason: "text",
    version: "int",
    decidedAt: "date",
  } satisfies Record<Prisma.ReviewSessionSlotScalarFieldEnum, ColumnType>,
  defaults: { id: cuid, version: () => 0 },
});

/** One planned batch: its traces in review order, the first at `first`. */
export type PlannedBatch = { first: number; traceIds: string[] };

/**
 * Writes a batch's items (and, for assigned access, their k dealt slots) in the transaction that
 * completes its runner item. Traces already in the session are skipped, so a batch written twice
 * adds nothing; the unique (sessionId, traceId) key refuses a second row for a trace regardless.
 */
export async function writePlannedBatch(
  tx: Tx,
  config: SessionPlanConfig,
  batch: PlannedBatch,
): Promise<number> {
  const { sessionId } = config;
  if (batch.traceIds.length === 0) return 0;
  const existing = await tx.reviewSessionItem.findMany({
    where: { sessionId, traceId: { in: batch.traceIds } },
    select: { traceId: true },
  });
  const skip = new Set(existing.map((e) => e.traceId));
  const items: NewItem[] = [];
  batch.traceIds.forEach((traceId, i) => {
    if (!skip.has(traceId)) items.push({ id: cuid(), sessionId, traceId, position: batch.first + i });
  });
  const inserted = await insertRows(tx, ITEMS, items, { onConflict: "ignore" });
  if (config.access === "assigned" && items.length > 0) {
    const slots = items.flatMap((item) =>
      dealReviewers(item.position, config.overlap, config.reviewerIds.length).map((r): NewSlot => ({
        sessionId,
        itemId: item.id!,
        reviewerId: config.reviewerIds[r]!,
        position: item.position,
        state: "assigned",
      })),
    );
    await insertRows(tx, SLOTS, slots, { onConflict: "ignore" });
  }
  return inserted;
}
