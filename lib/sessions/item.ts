import "server-only";
import { type Tx } from "../db";
import { NotFoundError } from "../errors";
import { requireActive, requireReviewer, sessionSettings, type SessionSettings } from "./access";
import { lockItems } from "./lock";

export type ItemRow = {
  id: string;
  sessionId: string;
  traceId: string;
  position: number;
  decided: number;
  state: string;
  verdict: string | null;
  verdictReason: string | null;
  resolvedById: string | null;
  resolvedAt: Date | null;
};

export type SlotRow = {
  id: string;
  reviewerId: string;
  state: string;
  reservedUntil: Date | null;
  decision: string | null;
  reasonId: string | null;
  reason: string | null;
  version: number;
  decidedAt: Date | null;
};

export const SLOT_COLUMNS = {
  id: true,
  reviewerId: true,
  state: true,
  reservedUntil: true,
  decision: true,
  reasonId: true,
  reason: true,
  version: true,
  decidedAt: true,
} as const;

export const itemSnapshot = (item: ItemRow) => ({
  state: item.state,
  verdict: item.verdict,
  verdictReason: item.verdictReason,
  decided: item.decided,
});

export const slotSnapshot = (
  slot: Pick<SlotRow, "state" | "decision" | "reasonId" | "reason" | "version">,
) => ({
  state: slot.state,
  decision: slot.decision,
  reasonId: slot.reasonId,
  reason: slot.reason,
  version: slot.version,
});

/** A slot holds its item's place: decided, dealt, or reserved and not yet expired. */
export const holdsPlace = (slot: Pick<SlotRow, "state" | "reservedUntil">, now: Date) =>
  slot.state !== "reserved" || (slot.reservedUntil !== null && slot.reservedUntil > now);

/** The session's trace as one item, its row locked for this transaction; NotFoundError if absent. */
export async function lockedItem(tx: Tx, sessionId: string, traceId: string): Promise<ItemRow> {
  const found = await tx.reviewSessionItem.findUnique({
    where: { sessionId_traceId: { sessionId, traceId } },
    select: { id: true },
  });
  if (!found) throw new NotFoundError("This trace in the session");
  await lockItems(tx, [found.id]);
  // Read after the lock: what the previous holder committed.
  return tx.reviewSessionItem.findUniqueOrThrow({ where: { id: found.id } });
}

export type ReviewerItem = {
  session: SessionSettings;
  item: ItemRow;
  mine: SlotRow | null;
  slots: SlotRow[];
};

/**
 * What a reviewer's decision or undo works on, in its transaction: the active session they
 * review, the item (locked) and every slot of it, theirs picked out.
 */
export async function reviewerItem(
  tx: Tx,
  sessionId: string,
  traceId: string,
  reviewerId: string,
): Promise<ReviewerItem> {
  const session = await sessionSettings(tx, sessionId);
  await requireReviewer(tx, sessionId, reviewerId);
  requireActive(session);
  const item = await lockedItem(tx, sessionId, traceId);
  const slots = await tx.reviewSessionSlot.findMany({ where: { itemId: item.id }, select: SLOT_COLUMNS });
  return { session, item, mine: slots.find((s) => s.reviewerId === reviewerId) ?? null, slots };
}
