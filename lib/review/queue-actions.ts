import "server-only";
import { decide, retractDecision, type DecideResult } from "./decide";
import type { QueueDecisionInput, UndoInput } from "./queue-schemas";

/** A decision from the keyboard queue outside a session (sessions: lib/sessions/review-queue.ts). */
export async function decideFromQueue(input: QueueDecisionInput, reviewerId: string): Promise<DecideResult> {
  const { sessionId: _session, ...decision } = input;
  return decide(decision, reviewerId);
}

/** Undo: the decision before put back as it was, or mine taken back when there was none. */
export async function undoFromQueue(input: UndoInput, reviewerId: string): Promise<DecideResult> {
  const { traceId, expectedVersion, restore } = input;
  if (!restore) return retractDecision({ traceId, expectedVersion }, reviewerId);
  return decide(
    {
      traceId,
      decision: restore.decision,
      reasonId: restore.reasonId ?? undefined,
      reason: restore.reason ?? undefined,
      expectedVersion,
    },
    reviewerId,
  );
}
