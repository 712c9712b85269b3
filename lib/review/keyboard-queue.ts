// The keyboard review queue as a pure state machine: every key becomes a command, commands apply
// strictly in order, and a command that needs a trace not loaded yet waits (with the ones after
// it) instead of being dropped. Server writes come out as effects; the component sends them.
import type { Decision, ReviewStatus } from "./schemas";

export type MyDecision = { decision: Decision; reasonId: string | null; reason: string | null };

/** What the queue needs to know of each loaded trace, in review order. */
export type QueueItem = {
  id: string;
  /** The status as the server last said (before anything done here). */
  status: ReviewStatus;
  /** My decision as the server last said. */
  mine: MyDecision | null;
  /** Everyone else's decisions, for the optimistic status. */
  others: ReadonlyArray<{ decision: Decision }>;
  flagged: boolean;
};

export type QueueView = {
  items: readonly QueueItem[];
  /** Nothing more to load after the last item / before the first. */
  forwardDone: boolean;
  backwardDone: boolean;
  /** In a "pending" queue, moving on passes over traces I have decided here. */
  advanceSkipsDecided: boolean;
};

export type Command =
  | { type: "approve" }
  | { type: "reject"; reasonId: string | null; reason: string | null }
  | { type: "next" }
  | { type: "prev" }
  | { type: "nextUnreviewed" }
  | { type: "skip" }
  | { type: "flag" }
  | { type: "undo" }
  | { type: "goto"; traceId: string }
  /** Internal: the move after a decision. */
  | { type: "advance" };

export type Effect =
  | { type: "decide"; traceId: string; decision: MyDecision }
  | { type: "undo"; traceId: string; restore: MyDecision | null }
  | { type: "flag"; traceId: string; flagged: boolean }
  | { type: "release"; traceId: string }
  | { type: "load"; direction: "forward" | "backward" }
  | { type: "notice"; message: string };

export type HistoryEntry = { traceId: string; before: MyDecision | null; after: MyDecision };

/** What has been done here and not yet reflected in the loaded items. */
export type LocalTrace = { mine?: MyDecision | null; status?: ReviewStatus; flagged?: boolean };

export type QueueState = {
  currentId: string | null;
  local: Readonly<Record<string, LocalTrace>>;
  /** Newest first. */
  history: readonly HistoryEntry[];
  /** Commands waiting for traces to load, in the order they were given. */
  waiting: readonly Command[];
};

export const HISTORY_KEPT = 20;

export function initialQueueState(currentId: string | null): QueueState {
  return { currentId, local: {}, history: [], waiting: [] };
}

/** My decision on a trace as it stands here (local first, then the server's). */
export function mineOf(state: QueueState, item: QueueItem): MyDecision | null {
  const local = state.local[item.id];
  return local && "mine" in local ? (local.mine ?? null) : item.mine;
}

export function statusOf(state: QueueState, item: QueueItem): ReviewStatus {
  return state.local[item.id]?.status ?? item.status;
}

export function flaggedOf(state: QueueState, item: QueueItem): boolean {
  return state.local[item.id]?.flagged ?? item.flagged;
}

type Result = { state: QueueState; effects: Effect[] };

/** Applies commands in order; once one must wait for a load, it and all later ones wait. */
export function apply(state: QueueState, view: QueueView, commands: readonly Command[]): Result {
  let current = state;
  const effects: Effect[] = [];
  const queue = [...state.waiting, ...commands];
  current = { ...current, waiting: [] };
  for (let i = 0; i < queue.length; i++) {
    const outcome = step(current, view, queue[i]!);
    effects.push(...outcome.effects);
    if (outcome.wait) {
      current = { ...outcome.state, waiting: [outcome.retry ?? queue[i]!, ...queue.slice(i + 1)] };
      // One load request per wait, however many keys pile up behind it (resume asks again).
      if (!state.waiting.length) effects.push({ type: "load", direction: outcome.wait });
      return { state: current, effects };
    }
    current = outcome.state;
  }
  return { state: current, effects };
}

/** Re-runs the waiting commands after a load (or gives up on them at the end of the queue). */
export function resume(state: QueueState, view: QueueView): Result {
  if (!state.waiting.length) return { state, effects: [] };
  return apply({ ...state, waiting: [] }, view, state.waiting);
}

/** `wait`: the traces needed are not loaded yet; `retry` is what to run again then (default: the same command). */
type Step = { state: QueueState; effects: Effect[]; wait?: "forward" | "backward"; retry?: Command };

function step(state: QueueState, view: QueueView, command: Command): Step {
  const index = view.items.findIndex((item) => item.id === state.currentId);
  const item = index >= 0 ? view.items[index] : undefined;
  switch (command.type) {
    case "approve":
    case "reject": {
      if (!item) return none(state);
      const decision: MyDecision =
        command.type === "approve"
          ? { decision: "approved", reasonId: null, reason: null }
          : { decision: "rejected", reasonId: command.reasonId, reason: command.reason };
      const before = mineOf(state, item);
      const decided = withLocal(state, item.id, {
        mine: decision,
        status: optimisticStatus(item, decision),
      });
      const history = [{ traceId: item.id, before, after: decision }, ...decided.history].slice(
        0,
        HISTORY_KEPT,
      );
      const moved = step({ ...decided, history }, view, { type: "advance" });
      // Decided now; only the move waits (if the next trace is still loading).
      return {
        ...moved,
        effects: [{ type: "decide", traceId: item.id, decision }, ...moved.effects],
        retry: moved.wait ? { type: "advance" } : undefined,
      };
    }
    case "advance":
      return move(state, view, index, "forward", (next) =>
        view.advanceSkipsDecided ? mineOf(state, next) === null : true,
      );
    case "next":
      return move(state, view, index, "forward", () => true);
    case "skip": {
      const moved = move(state, view, index, "forward", (next) =>
        view.advanceSkipsDecided ? mineOf(state, next) === null : true,
      );
      return item && !moved.wait
        ? { ...moved, effects: [{ type: "release", traceId: item.id }, ...moved.effects] }
        : moved;
    }
    case "nextUnreviewed":
      return move(
        state,
        view,
        index,
        "forward",
        (next) => mineOf(state, next) === null && statusOf(state, next) === "pending",
      );
    case "prev":
      return move(state, view, index, "backward", () => true);
    case "goto":
      return view.items.some((i) => i.id === command.traceId)
        ? none({ ...state, currentId: command.traceId })
        : none(state);
    case "flag": {
      if (!item) return none(state);
      const flagged = !flaggedOf(state, item);
      return {
        state: withLocal(state, item.id, { flagged }),
        effects: [{ type: "flag", traceId: item.id, flagged }],
      };
    }
    case "undo": {
      const [last, ...rest] = state.history;
      if (!last) return { state, effects: [{ type: "notice", message: "Nothing to undo." }] };
      const target = view.items.find((i) => i.id === last.traceId);
      const restored = withLocal(state, last.traceId, {
        mine: last.before,
        status: target ? optimisticStatus(target, last.before) : undefined,
      });
      return {
        state: { ...restored, history: rest, currentId: last.traceId },
        effects: [{ type: "undo", traceId: last.traceId, restore: last.before }],
      };
    }
  }
}

function move(
  state: QueueState,
  view: QueueView,
  index: number,
  direction: "forward" | "backward",
  wanted: (item: QueueItem) => boolean,
): Step {
  const delta = direction === "forward" ? 1 : -1;
  for (let i = index + delta; i >= 0 && i < view.items.length; i += delta) {
    if (wanted(view.items[i]!)) return none({ ...state, currentId: view.items[i]!.id });
  }
  const done = direction === "forward" ? view.forwardDone : view.backwardDone;
  if (!done) return { state, effects: [], wait: direction };
  return {
    state,
    effects: [
      {
        type: "notice",
        message:
          direction === "forward"
            ? "That was the last trace in this queue."
            : "This is the first trace in this queue.",
      },
    ],
  };
}

function none(state: QueueState): Step {
  return { state, effects: [] };
}

function withLocal(state: QueueState, traceId: string, change: LocalTrace): QueueState {
  return { ...state, local: { ...state.local, [traceId]: { ...state.local[traceId], ...change } } };
}

/** The status the server will compute (lib/review/decide.ts statusFromDecisions), ahead of it. */
function optimisticStatus(item: QueueItem, mine: MyDecision | null): ReviewStatus {
  const all = [...item.others, ...(mine ? [mine] : [])];
  const approves = all.some((d) => d.decision === "approved");
  const rejects = all.some((d) => d.decision === "rejected");
  if (approves && rejects) return "conflict";
  return approves ? "approved" : rejects ? "rejected" : "pending";
}
