"use client";

import { useAction } from "next-safe-action/hooks";
import { cancelImportAction } from "@/lib/actions/prompts";
import type { ImportView } from "@/lib/prompts/import-view";
import { toastActionError } from "../ui/action-result";
import { Button } from "../ui/button";
import { toast } from "../ui/toast";
import { formatBytes, formatCount, type UploadProgress } from "./upload";

export type Phase =
  { phase: "uploading"; upload: UploadProgress } | { phase: "import"; view: ImportView | undefined };

/** What the import stands at: the upload's bytes, then the job's validation and publishing. */
export function ImportProgress({ state, onChanged }: { state: Phase; onChanged: () => void }) {
  const { label, detail, percent } = describe(state);
  const view = state.phase === "import" ? state.view : undefined;
  const cancel = useAction(cancelImportAction, {
    onSuccess: () => {
      toast.success("Import cancelled: nothing was imported.");
      onChanged();
    },
    onError: toastActionError("The import could not be cancelled."),
  });
  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-3 text-sm" data-testid="import-progress">
      <div className="flex items-center justify-between gap-2">
        <p className="font-medium text-slate-800" data-testid="import-phase">
          {label}
        </p>
        {view?.cancellable && (
          <Button
            variant="secondary"
            size="sm"
            disabled={cancel.isPending}
            onClick={() => cancel.execute({ importId: view.id })}
          >
            Cancel import
          </Button>
        )}
      </div>
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-100"
      >
        <div className="h-full bg-indigo-500 transition-all" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-xs text-slate-600 tabular-nums" data-testid="import-detail">
        {detail}
      </p>
    </div>
  );
}

const share = (part: number, whole: number) =>
  whole > 0 ? Math.min(100, Math.floor((part / whole) * 100)) : 0;

function describe(state: Phase): { label: string; detail: string; percent: number } {
  if (state.phase === "uploading") {
    const { loaded, total } = state.upload;
    const percent = share(loaded, total);
    return {
      label: `Uploading… ${percent}%`,
      detail: `${formatBytes(loaded)} of ${formatBytes(total)} sent. Nothing is imported until the whole file is here.`,
      percent,
    };
  }
  const view = state.view;
  if (!view || view.status === "queued")
    return {
      label: "Queued",
      detail: "The file is uploaded; a worker will check it, then import it.",
      percent: 0,
    };
  if (view.status === "validating") {
    const percent = share(view.bytesRead, view.bytesTotal);
    return {
      label: `Checking every row… ${percent}%`,
      detail:
        `${formatBytes(view.bytesRead)} of ${formatBytes(view.bytesTotal)} read: ${formatCount(view.rowsRead, "row")}, ` +
        `${formatCount(view.invalid, "invalid")}. Nothing is written yet.`,
      percent,
    };
  }
  if (view.status === "publishing") {
    const percent = share(view.publishedRows, view.validRows);
    return {
      label: `Writing prompts… ${percent}%`,
      detail:
        `${formatCount(view.publishedRows, "row")} of ${view.validRows.toLocaleString("en-US")} written: ` +
        `${formatCount(view.inserted, "new prompt")}, ${formatCount(view.duplicates, "duplicate")} skipped.`,
      percent,
    };
  }
  return { label: "Finished", detail: "", percent: 100 };
}
