"use client";

import { useAction } from "next-safe-action/hooks";
import { cancelJobAction, pauseJobAction, resumeJobAction, retryFailedItemsAction } from "@/lib/actions/jobs";
import type { JobProgress } from "@/lib/runner/progress";
import { toastActionError } from "../ui/action-result";
import { Button } from "../ui/button";
import { formatCount } from "../ui/format";
import { toast } from "../ui/toast";
import { isActiveStatus, isOpenStatus } from "./format";

const reportError = toastActionError("Failed.");

/** Pause, resume, cancel and retry, as the job's state allows; `changed` refreshes the page. */
export function JobActions({ progress, changed }: { progress: JobProgress; changed: () => void }) {
  const jobId = progress.id;
  const after = (message: string) => () => {
    toast.success(message);
    changed();
  };
  const pause = useAction(pauseJobAction, {
    onSuccess: after("Job paused: calls in flight finish, no new ones start."),
    onError: reportError,
  });
  const resume = useAction(resumeJobAction, { onSuccess: after("Job resumed."), onError: reportError });
  const cancel = useAction(cancelJobAction, {
    onSuccess: ({ data }) => {
      const items = `${formatCount(data?.cancelledItems ?? 0)} item${data?.cancelledItems === 1 ? "" : "s"}`;
      // A big job's items are marked in the background: the counts below follow.
      after(
        data?.finishing
          ? `Job cancelled: ${items} will not run (still marking them cancelled).`
          : `Job cancelled: cancelled ${items}.`,
      )();
    },
    onError: reportError,
  });
  const retry = useAction(retryFailedItemsAction, {
    onSuccess: ({ data }) => after(`${formatCount(data?.retried ?? 0)} failed items are queued again.`)(),
    onError: reportError,
  });
  const busy = pause.isPending || resume.isPending || cancel.isPending || retry.isPending;
  const { status } = progress;
  return (
    <>
      {isActiveStatus(status) && status !== "planning" && (
        <Button variant="secondary" size="sm" disabled={busy} onClick={() => pause.execute({ jobId })}>
          Pause
        </Button>
      )}
      {status === "paused" && (
        <Button variant="success" size="sm" disabled={busy} onClick={() => resume.execute({ jobId })}>
          Resume
        </Button>
      )}
      {isOpenStatus(status) && (
        <Button
          variant="danger"
          size="sm"
          disabled={busy}
          onClick={() => {
            if (confirm("Cancel this job? Items not yet done will not be run.")) cancel.execute({ jobId });
          }}
        >
          Cancel
        </Button>
      )}
      {progress.counts.failed > 0 && status !== "cancelled" && status !== "failed" && (
        <Button variant="secondary" size="sm" disabled={busy} onClick={() => retry.execute({ jobId })}>
          Retry failed items
        </Button>
      )}
    </>
  );
}
