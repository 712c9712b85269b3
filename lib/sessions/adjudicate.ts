import "server-only";
import { recordAudit } from "../audit";
import { can } from "../auth";
import { db, type Tx } from "../db";
import { ConflictError, ForbiddenError, InvalidInputError } from "../errors";
import { sessionSettings, type SessionSettings } from "./access";
import { itemSnapshot, lockedItem } from "./item";
import { selectSlots, updateItem, type ItemRow, type SlotRow } from "./rows";
import { reasonText } from "./rules";
import { AdjudicateSchema, type AdjudicateInput } from "./schemas";
import { followVerdict, reasonLabels } from "./verdict";

const TX = { maxWait: 30_000, timeout: 30_000 };

export type AdjudicateResult = {
  traceId: string;
  itemState: string;
  verdict: string | null;
  itemVersion: number;
};

/**
 * An item's version for adjudication: it moves when any of its decisions changes (each slot's
 * version) and when it is resolved, so an adjudicator who saw an older one is told.
 */
export function itemVersion(
  item: Pick<ItemRow, "state">,
  slots: ReadonlyArray<Pick<SlotRow, "version">>,
): number {
  return slots.reduce((sum, s) => sum + s.version, 0) + (item.state === "resolved" ? 1 : 0);
}

/** Who settles disputes: the named adjudicator under the adjudicator rule, else any admin or curator. */
export function mayAdjudicate(
  session: Pick<SessionSettings, "rule" | "adjudicatorId">,
  user: { id: string; role: string },
): boolean {
  if (session.rule === "adjudicator") return session.adjudicatorId === user.id;
  return can(user.role, "sessions:manage");
}

/**
 * The final verdict on a disputed trace (or a new one on a resolved trace): the item is resolved
 * with it and the trace's status follows. Audited with the item before and after.
 */
export async function adjudicate(input: AdjudicateInput, userId: string): Promise<AdjudicateResult> {
  const { sessionId, traceId, verdict, reasonId, reason, expectedItemVersion } =
    AdjudicateSchema.parse(input);
  return db().$transaction(async (tx) => {
    const session = await sessionSettings(tx, sessionId);
    await requireAdjudicator(tx, session, userId);
    if (session.status !== "active" && session.status !== "closed")
      throw new ConflictError("This session has no traces to adjudicate yet.");
    const item = await lockedItem(tx, sessionId, traceId);
    if (item.state !== "disputed" && item.state !== "resolved")
      throw new ConflictError(
        item.state === "open"
          ? "This trace is no longer disputed: a decision was undone, and it waits for its reviewers again."
          : "This trace is not disputed: its reviewers agreed.",
      );
    const slots = await selectSlots(tx, item.id);
    const version = itemVersion(item, slots);
    if (expectedItemVersion !== undefined && expectedItemVersion !== version)
      throw new ConflictError(
        item.state === "resolved"
          ? "Someone resolved this trace since you loaded it: reload the queue to see their verdict."
          : "A reviewer changed a decision on this trace since you loaded it: reload the queue and look again.",
      );
    const label = reasonId ? await reasonLabel(tx, reasonId) : null;
    const now = new Date();
    const after: ItemRow = {
      ...item,
      state: "resolved",
      verdict,
      verdictReason: verdict === "rejected" ? reasonText(label, reason ?? null) : (reason ?? null),
      resolvedById: userId,
      resolvedAt: now,
    };
    await updateItem(tx, after);
    await followVerdict(tx, sessionId, item, after, userId);
    await recordAudit(
      {
        actorId: userId,
        action: "session.adjudicated",
        entityId: sessionId,
        data: {
          traceId,
          itemId: item.id,
          before: itemSnapshot(item),
          after: itemSnapshot(after),
          reasonId: reasonId ?? null,
          reason: reason ?? null,
        },
      },
      tx,
    );
    return { traceId, itemState: after.state, verdict, itemVersion: itemVersion(after, slots) };
  }, TX);
}

async function requireAdjudicator(tx: Tx, session: SessionSettings, userId: string): Promise<void> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { role: true, deactivatedAt: true },
  });
  if (user && !user.deactivatedAt && mayAdjudicate(session, { id: userId, role: user.role })) return;
  throw new ForbiddenError(
    session.rule === "adjudicator"
      ? "Only this session's adjudicator settles its disputes."
      : "Only admins and curators settle this session's disputes.",
  );
}

async function reasonLabel(tx: Tx, reasonId: string): Promise<string> {
  const label = (await reasonLabels(tx, [reasonId])).get(reasonId);
  if (!label) throw new InvalidInputError("That reject reason does not exist: pick one from the list.");
  return label;
}
