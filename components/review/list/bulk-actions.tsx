"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useAction } from "next-safe-action/hooks";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { bulkDecideAction } from "@/lib/actions/review-bulk";
import type { ReviewFilter } from "@/lib/review/schemas";
import { BULK_INLINE_MAX, REASON_MAX, type Decision } from "@/lib/review/schemas";
import { fetchJson } from "../../fetch-json";
import { actionErrorMessage } from "../../ui/action-result";
import { Button } from "../../ui/button";
import { Field, Input, Select } from "../../ui/field";
import { formatCount } from "../../ui/format";
import { Notice } from "../../ui/notice";
import { toast } from "../../ui/toast";
import { selectionQuery } from "./selection-query";

type Confirming = { decision: Decision; count: number };
const plural = (n: number) => `${formatCount(n)} trace${n === 1 ? "" : "s"}`;

/**
 * Approve or reject everything the list's filters select. The exact count is fetched first and
 * shown for confirmation; the server counts again and refuses if the selection changed.
 */
export function BulkActions({
  filter,
  reasons,
}: {
  filter: ReviewFilter;
  reasons: Array<{ id: string; label: string }>;
}) {
  const router = useRouter();
  const queries = useQueryClient();
  const [counting, setCounting] = useState(false);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [reasonId, setReasonId] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string>();
  const [job, setJob] = useState<{ id: string; count: number } | null>(null);
  const action = useAction(bulkDecideAction, {
    onSuccess: ({ data }) => {
      if (!data) return;
      void queries.invalidateQueries({ queryKey: ["review-list"] });
      void queries.invalidateQueries({ queryKey: ["review-counts"] });
      router.refresh();
      setConfirming(null);
      if (data.jobId) setJob({ id: data.jobId, count: data.count });
      else
        toast.success(
          `${confirming?.decision === "rejected" ? "Rejected" : "Approved"} ${plural(data.count)}.`,
        );
    },
    onError: ({ error }) => setError(actionErrorMessage(error) ?? "The bulk action failed."),
  });

  const start = async (decision: Decision) => {
    setCounting(true);
    setError(undefined);
    setJob(null);
    try {
      const { count } = await fetchJson<{ count: number }>(`/api/review/list/count${selectionQuery(filter)}`);
      if (count === 0) toast.info("No traces match these filters.");
      else setConfirming({ decision, count });
    } catch (e) {
      toast.error(e instanceof Error ? e.message : "The traces could not be counted.");
    } finally {
      setCounting(false);
    }
  };
  const confirm = () => {
    if (!confirming) return;
    if (confirming.decision === "rejected" && !reasonId)
      return setError("Choose a reason to reject these traces.");
    setError(undefined);
    action.execute({
      selection: { ...filter },
      decision: confirming.decision,
      reasonId: confirming.decision === "rejected" ? reasonId : undefined,
      note: note.trim() || undefined,
      expectedCount: confirming.count,
    });
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        size="sm"
        disabled={counting || action.isPending}
        onClick={() => void start("approved")}
      >
        Approve all…
      </Button>
      <Button
        variant="secondary"
        size="sm"
        disabled={counting || action.isPending}
        onClick={() => void start("rejected")}
      >
        Reject all…
      </Button>
      {job && (
        <Notice tone="info">
          Deciding {plural(job.count)} in the background:{" "}
          <Link href={`/jobs/${job.id}`} className="font-medium underline">
            follow the job
          </Link>
          .
        </Notice>
      )}
      {confirming && (
        <div className="fixed inset-0 z-40 flex items-center justify-center bg-slate-900/30 p-4">
          <div
            role="dialog"
            aria-modal="true"
            aria-labelledby="bulk-title"
            className="w-full max-w-md space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-lg"
            onKeyDown={(e) => e.key === "Escape" && setConfirming(null)}
          >
            <h2 id="bulk-title" className="text-base font-semibold text-slate-900">
              {confirming.decision === "approved" ? "Approve" : "Reject"} {plural(confirming.count)}?
            </h2>
            <p className="text-sm text-slate-600">
              Every trace these filters select gets your decision; a decision you made on one before is
              replaced.
              {confirming.count > BULK_INLINE_MAX && " This many are decided in the background, as a job."}
            </p>
            {confirming.decision === "rejected" && (
              <>
                <Field label="Reason" htmlFor="bulk-reason">
                  <Select id="bulk-reason" value={reasonId} onChange={(e) => setReasonId(e.target.value)}>
                    <option value="">Choose a reason…</option>
                    {reasons.map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.label}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label="Note (optional)" htmlFor="bulk-note">
                  <Input
                    id="bulk-note"
                    maxLength={REASON_MAX}
                    value={note}
                    onChange={(e) => setNote(e.target.value)}
                  />
                </Field>
              </>
            )}
            {error && <Notice tone="error">{error}</Notice>}
            <div className="flex justify-end gap-2">
              <Button variant="ghost" onClick={() => setConfirming(null)}>
                Cancel
              </Button>
              <Button
                autoFocus
                variant={confirming.decision === "approved" ? "success" : "danger"}
                disabled={action.isPending}
                onClick={confirm}
              >
                {confirming.decision === "approved" ? "Approve" : "Reject"} {plural(confirming.count)}
              </Button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
