"use client";

import { Activity, useDeferredValue } from "react";
import type { QueueTrace } from "@/lib/review/queue";
import { TraceDetails } from "../trace-details";

/**
 * The trace on screen, with the traces a key would move to next already rendered out of sight
 * (React's Activity, hidden: rendered at idle priority, kept mounted). A decision then only
 * reveals a finished tree instead of parsing and highlighting Markdown between key and paint.
 * The one left behind is unmounted in that deferred render too, off the key's path.
 */
export function TraceStage(props: {
  traces: readonly QueueTrace[];
  currentId: string;
  upcomingIds: readonly string[];
  canEdit: boolean;
  onEdited: (traceId: string) => void;
}) {
  // Which traces are staged changes after the key's paint (deferred): the urgent render only
  // reveals the trace already staged, and mounting the next ones (and removing the old) waits.
  const staging = useDeferredValue([props.currentId, ...props.upcomingIds].join(" "));
  const shown = new Set([props.currentId, ...staging.split(" ")]);
  // In queue order, so a trace keeps its place among its siblings as it becomes the current one.
  const staged = props.traces.filter((t) => shown.has(t.id));
  return staged.map((view) => (
    <Activity key={view.id} mode={view.id === props.currentId ? "visible" : "hidden"}>
      {/* Tests look inside the shown one: the staged ones carry the same test ids. */}
      <div
        className="review-cards space-y-6"
        data-testid={view.id === props.currentId ? "review-shown" : "review-staged"}
      >
        <TraceDetails view={view} canEdit={props.canEdit} onEdited={() => props.onEdited(view.id)} />
      </div>
    </Activity>
  ));
}
