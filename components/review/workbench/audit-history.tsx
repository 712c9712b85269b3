"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { HistoryEntry } from "@/lib/review/history";
import { fetchJson } from "../../fetch-json";
import { Card } from "../../ui/card";
import { formatUtc } from "../../ui/format";

const LABELS: Record<string, string> = {
  "review.decided": "decided",
  "review.retracted": "took back a decision",
  "review.bulk-decided": "bulk decision",
  "trace.edited": "edited the trace",
  "trace.flagged": "flag",
  "trace.commented": "commented",
};

/** The trace's audit trail, fetched when opened. */
export function AuditHistory({ traceId }: { traceId: string }) {
  const [open, setOpen] = useState(false);
  const history = useQuery({
    queryKey: ["trace-history", traceId],
    queryFn: () => fetchJson<HistoryEntry[]>(`/api/review/traces/${traceId}/history`),
    enabled: open,
  });
  return (
    <Card>
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="cursor-pointer px-5 py-3 text-sm font-semibold text-slate-900">History</summary>
        <div className="border-t border-slate-100 px-5 py-3 text-sm" data-testid="trace-history">
          {history.isPending ? (
            <p className="text-slate-500">Loading…</p>
          ) : !history.data?.length ? (
            <p className="text-slate-500">Nothing recorded yet.</p>
          ) : (
            <ol className="space-y-1.5">
              {history.data.map((entry) => (
                <li key={entry.id} className="text-slate-700">
                  <span className="text-xs text-slate-500">{formatUtc(entry.at)}</span> ·{" "}
                  <span className="font-medium">{entry.actorName ?? "system"}</span>{" "}
                  {LABELS[entry.action] ?? entry.action}
                  <span className="text-slate-500"> {summary(entry.data)}</span>
                </li>
              ))}
            </ol>
          )}
        </div>
      </details>
    </Card>
  );
}

function summary(data: unknown): string {
  if (!data || typeof data !== "object") return "";
  const d = data as Record<string, unknown>;
  const before = d.before as { decision?: string } | null | undefined;
  if (typeof d.decision === "string")
    return `${before?.decision ? `${before.decision} → ` : ""}${d.decision}`;
  if (typeof d.flagged === "boolean") return d.flagged ? "on" : "off";
  if (typeof d.count === "number") return `${d.count} traces`;
  if (before?.decision) return `(was ${before.decision})`;
  return "";
}
