import "server-only";
import { decide, retractDecision, type DecideResult } from "./decide";
import { queueTrace } from "./queue";
import type { QueueDecisionInput, ReleaseInput, UndoInput } from "./queue-schemas";

/** A decision from the keyboard queue: a session's when it names one, else the reviewer's own. */
export async function decideFromQueue(input: QueueDecisionInput, reviewerId: string): Promise<DecideResult> {
  const { sessionId, ...decision } = input;
  if (sessionId) throw new Error("session decisions are not wired yet");
  return decide(decision, reviewerId);
}

/** Undo: the decision before put back as it was, or mine taken back when there was none. */
export async function undoFromQueue(input: UndoInput, reviewerId: string): Promise<DecideResult> {
  const { traceId, expectedVersion, restore, sessionId } = input;
  if (sessionId) throw new Error("session decisions are not wired yet");
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

/** One trace as the queue holds it; in a session, as this reviewer may see it. */
export async function queueTraceFor(traceId: string, reviewerId: string, sessionId?: string) {
  if (sessionId) throw new Error("session decisions are not wired yet");
  return queueTrace(traceId, reviewerId);
}

export async function releaseFromQueue(
  input: ReleaseInput,
  reviewerId: string,
): Promise<{ released: boolean }> {
  void input;
  void reviewerId;
  throw new Error("session decisions are not wired yet");
}
