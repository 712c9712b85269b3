import type { Effect, QueueItem } from "@/lib/review/keyboard-queue";
import type { OutboxOp } from "@/lib/review/outbox";
import type { QueueTrace } from "@/lib/review/queue";

// Between the queue's loaded traces, its state machine and its outbox.

/** What the keyboard queue needs of a loaded trace. */
export function toItem(trace: QueueTrace): QueueItem {
  const mine = trace.myDecision;
  return {
    id: trace.id,
    status: trace.status,
    mine: mine && { decision: mine.decision, reasonId: mine.reasonId, reason: mine.reason },
    others: trace.decisions.filter((d) => d.reviewerId !== mine?.reviewerId),
    flagged: trace.flagged,
  };
}

/** The write an effect stands for. */
export function toOp(effect: Extract<Effect, { type: "decide" | "undo" | "flag" }>): OutboxOp {
  switch (effect.type) {
    case "decide":
      return { kind: "decide", traceId: effect.traceId, decision: effect.decision };
    case "undo":
      return { kind: "undo", traceId: effect.traceId, restore: effect.restore };
    case "flag":
      return { kind: "flag", traceId: effect.traceId, flagged: effect.flagged };
  }
}
