"use client";

import type { HistoryEntry } from "@/lib/review/keyboard-queue";
import type { QueueTrace } from "@/lib/review/queue";
import type { RejectReasonView } from "@/lib/review/reason-schemas";
import { Badge } from "../../ui/badge";
import { Card, CardBody, CardHeader } from "../../ui/card";
import { describeReason } from "./decision-card";

const SHOWN = 8;

/** The last decisions made here, newest first: open one to change it (u undoes the newest). */
export function RecentDecisions(props: {
  history: readonly HistoryEntry[];
  traces: readonly QueueTrace[];
  reasons: readonly RejectReasonView[];
  onOpen: (traceId: string) => void;
}) {
  if (!props.history.length) return null;
  const prompts = new Map(props.traces.map((t) => [t.id, t.prompt.text]));
  return (
    <Card>
      <CardHeader title="Your last decisions" description="Open one to change it; u undoes the newest." />
      <CardBody>
        <ol className="space-y-1.5 text-sm" data-testid="recent-decisions">
          {props.history.slice(0, SHOWN).map((entry, i) => (
            <li key={`${entry.traceId}-${i}`}>
              <button
                type="button"
                className="w-full truncate text-left text-slate-700 hover:text-indigo-700"
                onClick={() => props.onOpen(entry.traceId)}
                title={describeReason(entry.after, props.reasons).slice(2)}
              >
                <Badge tone={entry.after.decision === "approved" ? "green" : "red"} className="mr-1">
                  {entry.after.decision}
                </Badge>
                {(prompts.get(entry.traceId) ?? entry.traceId).slice(0, 80)}
              </button>
            </li>
          ))}
        </ol>
      </CardBody>
    </Card>
  );
}
