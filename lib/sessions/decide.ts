import "server-only";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { ConflictError, ForbiddenError, InvalidInputError } from "../errors";
import {
  holdsPlace,
  itemSnapshot,
  reviewerItem,
  slotSnapshot,
  type ReviewerItem,
  type SlotRow,
} from "./item";
import { updateSlot } from "./rows";
import {
  SessionDecideSchema,
  SessionRetractSchema,
  type SessionDecideInput,
  type SessionRetractInput,
} from "./schemas";
import { settleItem } from "./verdict";

const TX = { maxWait: 30_000, timeout: 30_000 };

export type SessionDecideResult = {
  traceId: string;
  version: number;
  itemState: string;
  verdict: string | null;
};

export const EXPIRED_AND_TAKEN =
  "Your reservation expired and another reviewer took this trace: go on to the next one.";

/**
 * Records (or changes) a reviewer's decision on a session trace they hold: dealt to them,
 * reserved (an expired reservation still counts while its place is free) or already decided (a
 * change of mind, version + 1). The k-th decision applies the session's rule, and the trace's
 * status follows the verdict; a change of mind afterwards recomputes it. One transaction, the
 * item's row locked, audited with before and after.
 */
export async function decideInSession(
  input: SessionDecideInput,
  reviewerId: string,
): Promise<SessionDecideResult> {
  const { sessionId, traceId, decision, reasonId, reason, expectedVersion } =
    SessionDecideSchema.parse(input);
  return db().$transaction(async (tx) => {
    const now = new Date();
    const held = await reviewerItem(tx, sessionId, traceId, reviewerId);
    const mine = requireSlot(held, now);
    checkVersion(mine, expectedVersion);
    if (reasonId) await requireReason(tx, reasonId);
    const saved: SlotRow = {
      ...mine,
      state: "decided",
      decision,
      reasonId: reasonId ?? null,
      reason: reason ?? null,
      version: mine.version + 1,
      reservedUntil: null,
      decidedAt: now,
    };
    await updateSlot(tx, saved);
    return finish(tx, held, mine, saved, reviewerId, "session.decided");
  }, TX);
}

/**
 * Undo: the reviewer's decision goes; the slot is theirs again, undecided (dealt, or reserved
 * anew for the session's reservation time). An item that had its k decisions re-opens: its
 * verdict is cleared and the trace's status goes back to what its own decisions say.
 */
export async function retractInSession(
  input: SessionRetractInput,
  reviewerId: string,
): Promise<SessionDecideResult> {
  const { sessionId, traceId, expectedVersion } = SessionRetractSchema.parse(input);
  return db().$transaction(async (tx) => {
    const now = new Date();
    const held = await reviewerItem(tx, sessionId, traceId, reviewerId);
    const mine = held.mine;
    if (!mine || mine.state !== "decided")
      throw new ConflictError("You have not decided this trace in this session: there is nothing to undo.");
    checkVersion(mine, expectedVersion);
    const open = held.session.access === "open";
    const saved: SlotRow = {
      ...mine,
      state: open ? "reserved" : "assigned",
      reservedUntil: open ? new Date(now.getTime() + held.session.reservationMinutes * 60_000) : null,
      decision: null,
      reasonId: null,
      reason: null,
      version: mine.version + 1,
      decidedAt: null,
    };
    await updateSlot(tx, saved);
    return finish(tx, held, mine, saved, reviewerId, "session.retracted");
  }, TX);
}

/** My current decision on the trace in the session, or null when I have none (yet, or undone). */
export async function mySessionDecision(
  sessionId: string,
  traceId: string,
  reviewerId: string,
): Promise<{ decision: string; reasonId: string | null; reason: string | null; version: number } | null> {
  const slot = await db().reviewSessionSlot.findFirst({
    where: { reviewerId, state: "decided", item: { sessionId, traceId } },
    select: { decision: true, reasonId: true, reason: true, version: true },
  });
  return slot?.decision ? { ...slot, decision: slot.decision } : null;
}

/** The item's count and verdict after the slot changed, and the audit entry with before and after. */
async function finish(
  tx: Tx,
  held: ReviewerItem,
  before: SlotRow,
  after: SlotRow,
  reviewerId: string,
  action: "session.decided" | "session.retracted",
): Promise<SessionDecideResult> {
  const { session, item } = held;
  const slots = held.slots.map((s) => (s.id === after.id ? after : s));
  const delta = (after.state === "decided" ? 1 : 0) - (before.state === "decided" ? 1 : 0);
  if (delta !== 0)
    await tx.reviewSessionItem.update({ where: { id: item.id }, data: { decided: { increment: delta } } });
  const counted = { ...item, decided: item.decided + delta };
  const settled = await settleItem(tx, session, counted, slots, reviewerId);
  await recordAudit(
    {
      actorId: reviewerId,
      action,
      entityId: session.id,
      data: {
        traceId: item.traceId,
        itemId: item.id,
        reviewerId,
        before: slotSnapshot(before),
        after: slotSnapshot(after),
        item: { before: itemSnapshot(item), after: itemSnapshot(settled) },
      },
    },
    tx,
  );
  return {
    traceId: item.traceId,
    version: after.version,
    itemState: settled.state,
    verdict: settled.verdict,
  };
}

/** The reviewer's slot on the item, if it still entitles them to decide. */
function requireSlot({ session, mine, slots }: ReviewerItem, now: Date): SlotRow {
  const others = slots.filter((s) => s.id !== mine?.id && holdsPlace(s, now)).length;
  if (!mine) {
    if (session.access === "assigned")
      throw new ForbiddenError("This trace is not assigned to you in this session.");
    if (others >= session.overlap) throw new ConflictError(EXPIRED_AND_TAKEN);
    throw new ConflictError("This trace is not reserved for you: take it from the session's queue first.");
  }
  // An expired reservation still decides while nobody has taken its place.
  if (!holdsPlace(mine, now) && others >= session.overlap) throw new ConflictError(EXPIRED_AND_TAKEN);
  return mine;
}

function checkVersion(mine: SlotRow, expected: number | undefined): void {
  if (expected === undefined || expected === mine.version) return;
  const now =
    mine.state === "decided"
      ? `it is now ${mine.decision} (version ${mine.version})`
      : `it has been undone (version ${mine.version})`;
  throw new ConflictError(
    `Your decision on this trace changed since you loaded it (you saw version ${expected}; ${now}), ` +
      "in another tab or window: reload it and decide again.",
  );
}

async function requireReason(tx: Tx, reasonId: string): Promise<void> {
  const reason = await tx.rejectReason.findUnique({ where: { id: reasonId }, select: { retiredAt: true } });
  if (!reason) throw new InvalidInputError("That reject reason does not exist: pick one from the list.");
  if (reason.retiredAt) throw new InvalidInputError("That reject reason has been retired: pick another one.");
}
