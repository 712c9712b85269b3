"use client";

import Link from "next/link";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import {
  apply,
  flaggedOf,
  initialQueueState,
  mineOf,
  resume,
  statusOf,
  type Command,
  type Effect,
  type QueueState,
  type QueueView,
} from "@/lib/review/keyboard-queue";
import { ReviewOutbox, type OutboxOp } from "@/lib/review/outbox";
import type { QueueTrace } from "@/lib/review/queue";
import type { RejectReasonView } from "@/lib/review/reason-schemas";
import type { ReviewFilterStatus } from "@/lib/review/schemas";
import { fetchJson } from "../../fetch-json";
import { Button } from "../../ui/button";
import { toast } from "../../ui/toast";
import { ShortcutsDialog } from "../shortcuts-dialog";
import { STATUS_LABELS } from "../status-badge";
import { VerdictPanel } from "../../quality/verdict-panel";
import { TraceSidebar } from "../trace-sidebar";
import { AuditHistory } from "./audit-history";
import { CommentsPanel } from "./comments-panel";
import { DecisionCard } from "./decision-card";
import { traceShown } from "./key-timings";
import { RecentDecisions } from "./recent-decisions";
import { postJson } from "./send";
import { toItem, toOp } from "./queue-items";
import { TraceStage } from "./trace-stage";
import { useWorkbenchKeys, type WorkbenchMode } from "./use-workbench-keys";
import { useQueuePages } from "./use-queue-pages";

const URL_SETTLE_MS = 250;

export type ReviewWorkbenchProps = {
  initial: QueueTrace;
  /** The filter as a query string ("?status=pending&jobId=…"), kept in every URL. */
  query: string;
  status: ReviewFilterStatus;
  sessionId?: string;
  /** Where the trace's URL lives: /review/<id> or /review/session/<sessionId>/<id>. */
  basePath: string;
  listHref: string;
  listLabel: string;
  reasons: readonly RejectReasonView[];
  canDecide: boolean;
};

const PREFETCH_AHEAD = 5;

/**
 * Keyboard review: the queue is prefetched, every key applies at once to the trace on screen
 * (optimistic), writes go out in the background in order, and a refusal brings the trace back.
 */
export function ReviewWorkbench(props: ReviewWorkbenchProps) {
  const { initial, query, sessionId, reasons, canDecide } = props;
  const queue = useQueuePages({ initial, query, sessionId });
  const [state, setState] = useState<QueueState>(() => initialQueueState(initial.id));
  const [mode, setMode] = useState<WorkbenchMode>("view");
  const [saving, setSaving] = useState(0);
  const stateRef = useRef(state);
  const queueRef = useRef(queue);
  queueRef.current = queue;

  const items = useMemo(() => queue.traces.map(toItem), [queue.traces]);
  const view: QueueView = useMemo(
    () => ({
      items,
      forwardDone: queue.forwardDone,
      backwardDone: queue.backwardDone,
      advanceSkipsDecided: props.status === "pending" || Boolean(sessionId),
    }),
    [items, queue.forwardDone, queue.backwardDone, props.status, sessionId],
  );
  const viewRef = useRef(view);
  viewRef.current = view;

  const refresh = useCallback(
    async (traceId: string) => {
      const fresh = await fetchJson<QueueTrace>(
        `/api/review/traces/${traceId}${sessionId ? `?sessionId=${sessionId}` : ""}`,
      ).catch(() => null);
      if (fresh) queueRef.current.replace(fresh);
      return fresh;
    },
    [sessionId],
  );

  const outbox = useMemo(
    () =>
      new ReviewOutbox(
        postJson,
        {
          onPending: setSaving,
          onSaved: (op, data) => onSaved(op, data),
          onRefused: (op, message) => onRefused(op, message),
        },
        sessionId,
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [sessionId],
  );

  const commit = (next: QueueState) => {
    stateRef.current = next;
    setState(next);
  };

  const run = useCallback(
    (...commands: Command[]) => {
      const { state: next, effects } = apply(stateRef.current, viewRef.current, commands);
      commit(next);
      effects.forEach(perform);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  function perform(effect: Effect) {
    switch (effect.type) {
      case "decide":
      case "undo":
      case "flag":
        return outbox.enqueue(toOp(effect));
      case "release":
        // Only a session holds traces for a reviewer; elsewhere a skip changes nothing on the server.
        if (sessionId) outbox.enqueue({ kind: "release", traceId: effect.traceId });
        return;
      case "load":
        return effect.direction === "forward"
          ? queueRef.current.loadForward()
          : queueRef.current.loadBackward();
      case "notice":
        return toast.info(effect.message);
    }
  }

  function onSaved(op: OutboxOp, data: unknown) {
    if (op.kind !== "decide" && op.kind !== "undo") return;
    // A session hides the others' decisions until mine is in: now it is, show them (on `k`).
    if (sessionId && op.kind === "decide" && queueRef.current.traces.find((t) => t.id === op.traceId)?.blind)
      void refresh(op.traceId);
    const status = (data as { status?: QueueState["local"][string]["status"] }).status;
    if (status) {
      const current = stateRef.current;
      commit({
        ...current,
        local: { ...current.local, [op.traceId]: { ...current.local[op.traceId], status } },
      });
    }
  }

  async function onRefused(op: OutboxOp, message: string) {
    toast.error(`${message} The trace is back on screen as it is now.`);
    const fresh = await refresh(op.traceId);
    const current = stateRef.current;
    const local = { ...current.local };
    delete local[op.traceId];
    commit({
      ...current,
      local,
      history: current.history.filter((h) => h.traceId !== op.traceId),
      currentId: fresh ? op.traceId : current.currentId,
    });
    if (fresh) outbox.knowVersion(fresh.id, fresh.myDecision?.version ?? 0);
  }

  // The server's versions of my decisions, for the writes' expectedVersion.
  useEffect(() => {
    for (const t of queue.traces) outbox.knowVersion(t.id, t.myDecision?.version ?? 0);
  }, [queue.traces, outbox]);

  // Keys that waited for traces to load apply now, in order.
  useEffect(() => {
    if (!stateRef.current.waiting.length) return;
    if (queue.fetchingForward || queue.fetchingBackward) return;
    const { state: next, effects } = resume(stateRef.current, view);
    commit(next);
    effects.forEach(perform);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view, queue.fetchingForward, queue.fetchingBackward]);

  // Keep the next few traces loaded before they are needed.
  const index = items.findIndex((i) => i.id === state.currentId);
  useEffect(() => {
    if (index < 0) return;
    // Ahead first: that is where decisions take the reviewer.
    if (items.length - index <= PREFETCH_AHEAD && !queue.forwardDone) queue.loadForward();
    else if (index < 2 && !queue.backwardDone) queue.loadBackward();
  }, [index, items.length, queue]);

  // The address follows the trace on screen, so a reload or a shared link opens it.
  const current = queue.traces.find((t) => t.id === state.currentId) ?? null;
  // Once the reviewer pauses: Next's router does work on every replaceState (~3 ms a key).
  useEffect(() => {
    if (!current) return;
    const url = `${props.basePath}/${current.id}${query}`;
    const timer = setTimeout(() => {
      if (window.location.pathname + window.location.search !== url)
        window.history.replaceState(window.history.state, "", url);
    }, URL_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [current, props.basePath, query]);
  useLayoutEffect(() => traceShown(state.currentId), [state.currentId]);

  useWorkbenchKeys({ mode, setMode, canDecide, reasons, run, current: () => stateRef.current });

  const item = items.find((i) => i.id === state.currentId);
  // Where approve and next would go from here: rendered ahead, out of sight (TraceStage).
  const upcoming = useMemo(
    () =>
      [
        ...new Set(
          [{ type: "approve" } as const, { type: "next" } as const].map(
            (c) => apply(state, view, [c]).state.currentId,
          ),
        ),
      ].filter((id): id is string => id !== null && id !== state.currentId),
    [state, view],
  );
  const decided = items.filter((i) => state.local[i.id]?.mine).length;
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center gap-3 text-sm text-slate-600">
        <Link href={props.listHref} className="text-indigo-700 hover:underline">
          ← {props.listLabel}
        </Link>
        <span data-testid="review-position">
          {index + 1} of {items.length}
          {queue.forwardDone ? "" : "+"} loaded · {decided} decided here
        </span>
        <span data-testid="review-saving" className={saving ? "text-amber-700" : "text-slate-400"}>
          {saving ? `saving ${saving}…` : "all saved"}
        </span>
        {state.waiting.length > 0 && <span className="text-slate-500">loading the next traces…</span>}
        <div className="ml-auto flex items-center gap-2">
          <Button variant="secondary" size="sm" onClick={() => run({ type: "prev" })}>
            ← Previous (k)
          </Button>
          <Button variant="secondary" size="sm" onClick={() => run({ type: "next" })}>
            Next (j) →
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setMode("help")} aria-label="Keyboard shortcuts">
            ?
          </Button>
        </div>
      </div>
      {current && item ? (
        <div className="grid gap-6 lg:grid-cols-3" data-trace-id={current.id} data-testid="review-current">
          <div className="lg:col-span-2">
            <TraceStage
              traces={queue.traces}
              currentId={current.id}
              upcomingIds={upcoming}
              canEdit={canDecide}
              onEdited={(traceId) => void refresh(traceId)}
            />
          </div>
          <div className="review-cards space-y-6">
            <DecisionCard
              status={statusOf(state, item)}
              mine={mineOf(state, item)}
              flagged={flaggedOf(state, item)}
              blind={current.blind}
              reasons={reasons}
              canDecide={canDecide}
              rejecting={mode === "rejecting"}
              onApprove={() => run({ type: "approve" })}
              onStartReject={() => setMode("rejecting")}
              onReject={(rejection) => {
                setMode("view");
                run({ type: "reject", ...rejection });
              }}
              onCancelReject={() => setMode("view")}
              advanceLabel={STATUS_LABELS[props.status]}
            />
            <RecentDecisions
              history={state.history}
              traces={queue.traces}
              reasons={reasons}
              onOpen={(traceId) => run({ type: "goto", traceId })}
            />
            <VerdictPanel
              checkedAt={current.quality.checkedAt}
              verdicts={current.quality.verdicts}
              texts={{
                prompt: current.prompt.text,
                trace: current.trace.content,
                reasoning: current.trace.reasoning,
              }}
            />
            <TraceSidebar view={current} />
            <CommentsPanel
              traceId={current.id}
              comments={current.comments}
              canComment={canDecide}
              onAdded={() => void refresh(current.id)}
            />
            <AuditHistory traceId={current.id} />
          </div>
        </div>
      ) : (
        <p className="text-sm text-slate-500">Loading…</p>
      )}
      {mode === "help" && <ShortcutsDialog onClose={() => setMode("view")} />}
    </>
  );
}
