"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useAction } from "next-safe-action/hooks";
import Link from "next/link";
import { useState } from "react";
import { adjudicateAction } from "@/lib/actions/sessions";
import type { AdjudicationPage, AdjudicationRow } from "@/lib/sessions";
import { fetchJson } from "../fetch-json";
import { toastActionError } from "../ui/action-result";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader } from "../ui/card";
import { Select } from "../ui/field";
import { toast } from "../ui/toast";

const PAGE = 20;

/**
 * The session's disputed traces with every reviewer's decision; the adjudicator approves or
 * rejects each (with a taxonomy reason). Pages forward by position (keyset).
 */
export function AdjudicationQueue({
  sessionId,
  canAdjudicate,
  reasons,
}: {
  sessionId: string;
  canAdjudicate: boolean;
  reasons: Array<{ id: string; label: string }>;
}) {
  const queryClient = useQueryClient();
  const [cursors, setCursors] = useState<number[]>([-1]);
  const after = cursors[cursors.length - 1]!;
  const queryKey = ["session-adjudication", sessionId, after];
  const { data, isLoading } = useQuery({
    queryKey,
    queryFn: () =>
      fetchJson<AdjudicationPage>(`/api/sessions/${sessionId}/adjudication?after=${after}&limit=${PAGE}`),
    refetchInterval: 10_000,
  });
  const settled = () => {
    void queryClient.invalidateQueries({ queryKey: ["session-adjudication", sessionId] });
    void queryClient.invalidateQueries({ queryKey: ["session-progress", sessionId] });
  };
  const rows = data?.rows ?? [];
  return (
    <Card>
      <CardHeader
        title="Adjudication"
        description={
          canAdjudicate
            ? "Traces whose reviewers disagreed: your verdict is final, and the trace's status follows it."
            : "Traces whose reviewers disagreed, waiting for the adjudicator."
        }
      />
      <CardBody className="space-y-3">
        {isLoading && <p className="text-sm text-slate-500">Loading…</p>}
        {!isLoading && rows.length === 0 && (
          <p className="text-sm text-slate-500" data-testid="adjudication-empty">
            Nothing disputed{cursors.length > 1 ? " further on" : ""}.
          </p>
        )}
        <ul className="divide-y divide-slate-100" aria-label="Disputed traces">
          {rows.map((row) => (
            <DisputedTrace
              key={row.itemId}
              sessionId={sessionId}
              row={row}
              reasons={reasons}
              canAdjudicate={canAdjudicate}
              onDone={settled}
            />
          ))}
        </ul>
        <div className="flex gap-2">
          {cursors.length > 1 && (
            <Button variant="ghost" size="sm" onClick={() => setCursors(cursors.slice(0, -1))}>
              Previous
            </Button>
          )}
          {data?.nextAfter != null && (
            <Button variant="ghost" size="sm" onClick={() => setCursors([...cursors, data.nextAfter!])}>
              Next
            </Button>
          )}
        </div>
      </CardBody>
    </Card>
  );
}

function DisputedTrace({
  sessionId,
  row,
  reasons,
  canAdjudicate,
  onDone,
}: {
  sessionId: string;
  row: AdjudicationRow;
  reasons: Array<{ id: string; label: string }>;
  canAdjudicate: boolean;
  onDone: () => void;
}) {
  const [reasonId, setReasonId] = useState(reasons[0]?.id ?? "");
  const settle = useAction(adjudicateAction, {
    onSuccess: ({ data }) => {
      toast.success(`Trace ${data?.verdict ?? "settled"}.`);
      onDone();
    },
    onError: (result) => {
      toastActionError("The verdict could not be saved.")(result);
      onDone();
    },
  });
  const verdict = (v: "approved" | "rejected") =>
    settle.execute({
      sessionId,
      traceId: row.traceId,
      verdict: v,
      reasonId: v === "rejected" ? reasonId || undefined : undefined,
      expectedItemVersion: row.itemVersion,
    });
  return (
    <li className="space-y-2 py-3" data-testid="disputed-trace">
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0">
          <Link
            href={`/review/${row.traceId}`}
            className="text-sm font-medium text-indigo-700 hover:underline"
          >
            #{row.position + 1} · {row.prompt || row.traceId}
          </Link>
          <p className="text-xs text-slate-500">{row.model}</p>
        </div>
        {canAdjudicate && (
          <div className="flex shrink-0 items-center gap-2">
            <Button
              variant="success"
              size="sm"
              disabled={settle.isPending}
              onClick={() => verdict("approved")}
            >
              Approve
            </Button>
            <Select
              aria-label="Reject reason"
              value={reasonId}
              onChange={(e) => setReasonId(e.target.value)}
              className="w-44 py-1 text-xs"
            >
              {reasons.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </Select>
            <Button
              variant="danger"
              size="sm"
              disabled={settle.isPending}
              onClick={() => verdict("rejected")}
            >
              Reject
            </Button>
          </div>
        )}
      </div>
      <ul className="flex flex-wrap gap-2 text-xs">
        {row.decisions.map((d) => (
          <li key={d.reviewerId} className="rounded border border-slate-200 px-2 py-1">
            <span className="font-medium text-slate-800">{d.reviewerName}</span>{" "}
            <Badge tone={d.decision === "approved" ? "green" : "red"}>{d.decision}</Badge>
            {(d.reasonLabel || d.reason) && (
              <span className="ml-1 text-slate-600">
                {[d.reasonLabel, d.reason].filter(Boolean).join(": ")}
              </span>
            )}
          </li>
        ))}
      </ul>
    </li>
  );
}
