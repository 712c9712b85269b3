import "server-only";
import { type Tx } from "../db";
import { NotFoundError } from "../errors";
import { requireActive, reviewerSession, type SessionSettings } from "./access";
import { beginWrite } from "./lock";
import { selectItem, selectSlots, type ItemRow, type SlotRow } from "./rows";

export type { ItemRow, SlotRow } from "./rows";

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
  await beginWrite(tx);
  const item = await selectItem(tx, sessionId, traceId, { forUpdate: true });
  if (!item) throw new NotFoundError("This trace in the session");
  return item;
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
  await beginWrite(tx);
  const session = await reviewerSession(tx, sessionId, reviewerId);
  requireActive(session);
  const item = await lockedItem(tx, sessionId, traceId);
  const slots = await selectSlots(tx, item.id);
  return { session, item, mine: slots.find((s) => s.reviewerId === reviewerId) ?? null, slots };
}
