import "server-only";
import { recordAudit } from "../audit";
import type { Tx } from "../db";
import { statusFromDecisions, type ReviewStatus } from "../review";
import { reviewStatusOf, setReviewStatus } from "../traces";
import type { SessionSettings } from "./access";
import { updateItem, type ItemRow, type SlotRow } from "./rows";
import { ruleOutcome, verdictReasonOf } from "./rules";

/** What the item's state means for its trace's status; null: back to the trace's own decisions. */
function statusFor(item: Pick<ItemRow, "state" | "verdict">): ReviewStatus | null {
  if ((item.state === "agreed" || item.state === "resolved") && item.verdict)
    return item.verdict === "approved" ? "approved" : "rejected";
  if (item.state === "disputed") return "conflict";
  return null;
}

/**
 * Brings an item in line with its decided slots after a decision or an undo (its `decided`
 * count is the slots', under the item's lock): fewer than k
 * decided re-opens it (an adjudication included: its verdict is cleared); k decided applies the
 * session's rule, except to an item an adjudicator resolved, whose verdict stands. The trace's
 * status follows (agreed or resolved: the verdict; disputed: conflict; re-opened: what its own,
 * non-session decisions say), audited on the trace. Returns the item as it now is.
 */
export async function settleItem(
  tx: Tx,
  session: SessionSettings,
  item: ItemRow,
  slots: readonly SlotRow[],
  actorId: string,
): Promise<ItemRow> {
  const decided = slots
    .filter((s) => s.state === "decided" && s.decision)
    .map((s) => ({ ...s, decision: s.decision! }));
  let next: Pick<ItemRow, "state" | "verdict" | "verdictReason" | "resolvedById" | "resolvedAt">;
  if (decided.length < session.overlap) {
    next = { state: "open", verdict: null, verdictReason: null, resolvedById: null, resolvedAt: null };
  } else if (item.state === "resolved") {
    next = item;
  } else {
    const outcome = ruleOutcome(session.rule, decided);
    const rejected = outcome.verdict === "rejected";
    const labels = rejected
      ? await reasonLabels(
          tx,
          decided.map((d) => d.reasonId),
        )
      : new Map<string, string>();
    const verdictReason = verdictReasonOf(outcome.verdict, decided, labels);
    next = { ...outcome, verdictReason, resolvedById: null, resolvedAt: null };
  }
  const after: ItemRow = { ...item, ...next, decided: decided.length };
  const changed =
    after.decided !== item.decided ||
    after.state !== item.state ||
    after.verdict !== item.verdict ||
    after.verdictReason !== item.verdictReason;
  if (changed) await updateItem(tx, after);
  await followVerdict(tx, session.id, item, after, actorId);
  return after;
}

/** The trace's status after its item changed state or verdict, audited on the trace. */
export async function followVerdict(
  tx: Tx,
  sessionId: string,
  before: ItemRow,
  after: ItemRow,
  actorId: string,
): Promise<void> {
  if (before.state === after.state && before.verdict === after.verdict) return;
  const current = (await reviewStatusOf(tx, after.traceId)) ?? "pending";
  const status = statusFor(after) ?? (await ownStatus(tx, after.traceId));
  if (status !== current) await setReviewStatus(tx, after.traceId, status);
  await recordAudit(
    {
      actorId,
      action: "session.verdict",
      entityId: after.traceId,
      data: {
        sessionId,
        itemId: after.id,
        before: { state: before.state, verdict: before.verdict, status: current },
        after: { state: after.state, verdict: after.verdict, status },
      },
    },
    tx,
  );
}

/** What the trace's non-session decisions say (the review list's own decisions). */
async function ownStatus(tx: Tx, traceId: string): Promise<ReviewStatus> {
  return statusFromDecisions(
    await tx.reviewDecision.findMany({ where: { traceId }, select: { decision: true } }),
  );
}

export async function reasonLabels(
  tx: Pick<Tx, "rejectReason">,
  ids: ReadonlyArray<string | null>,
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await tx.rejectReason.findMany({
    where: { id: { in: wanted } },
    select: { id: true, label: true },
  });
  return new Map(rows.map((r) => [r.id, r.label]));
}
