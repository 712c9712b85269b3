"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useAction } from "next-safe-action/hooks";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { cancelJobAction, retryFailedItemsAction } from "@/lib/actions/jobs";
import type { JobProgress } from "@/lib/jobs/progress";
import { fetchJson } from "../fetch-json";
import { actionErrorMessage } from "../ui/action-result";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader } from "../ui/card";
import { Notice } from "../ui/notice";
import { toast } from "../ui/toast";
import { formatCount, formatUtc, isActiveStatus } from "./format";
import { JobStatusBadge } from "./job-status-badge";
import { ProgressBar } from "./progress-bar";
import { RecentFailures } from "./recent-failures";

const reportError = ({ error }: { error: Parameters<typeof actionErrorMessage>[0] }) =>
  toast.error(actionErrorMessage(error) ?? "Failed.");

/** Live progress of one job: polls every second while it is queued or running. */
export function JobLive({
  jobId,
  initial,
  canManage,
}: {
  jobId: string;
  initial: JobProgress;
  canManage: boolean;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const queryKey = ["job-progress", jobId];
  const { data: progress } = useQuery({
    queryKey,
    queryFn: () => fetchJson<JobProgress>(`/api/jobs/${jobId}/progress`),
    initialData: initial,
    refetchInterval: (query) => (isActiveStatus(query.state.data?.status) ? 1_000 : false),
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey });
    router.refresh();
  };
  const cancel = useAction(cancelJobAction, {
    onSuccess: ({ data }) => {
      toast.success(`Job cancelled (${formatCount(data?.cancelledItems ?? 0)} items were not run).`);
      refresh();
    },
    onError: reportError,
  });
  const retry = useAction(retryFailedItemsAction, {
    onSuccess: ({ data }) => {
      toast.success(`${formatCount(data?.retried ?? 0)} failed items are queued again.`);
      refresh();
    },
    onError: reportError,
  });

  const { counts } = progress;
  const active = isActiveStatus(progress.status);
  const stats: Array<[string, number, string]> = [
    ["Done", counts.done, "text-emerald-700"],
    ["Failed", counts.failed, "text-rose-700"],
    ["Running", counts.running, "text-sky-700"],
    ["Pending", counts.pending, "text-slate-700"],
    ["Cancelled", counts.cancelled, "text-amber-700"],
  ];
  return (
    <Card>
      <CardHeader
        title={
          <span className="flex items-center gap-2">
            Progress <JobStatusBadge status={progress.status} testId="job-status" />
          </span>
        }
        description={`Started ${formatUtc(progress.startedAt)} · finished ${formatUtc(progress.finishedAt)}`}
        actions={
          <>
            {canManage && active && (
              <Button
                variant="danger"
                size="sm"
                disabled={cancel.isPending}
                onClick={() => {
                  if (confirm("Cancel this job? Items not yet done will not be run."))
                    cancel.execute({ jobId });
                }}
              >
                Cancel
              </Button>
            )}
            {canManage &&
              counts.failed > 0 &&
              progress.status !== "cancelled" &&
              progress.status !== "failed" && (
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={retry.isPending}
                  onClick={() => retry.execute({ jobId })}
                >
                  Retry failed items
                </Button>
              )}
            <Link
              href={`/review?jobId=${encodeURIComponent(jobId)}`}
              className="rounded-md px-2.5 py-1 text-xs font-medium text-indigo-700 hover:bg-indigo-50"
            >
              Review traces
            </Link>
          </>
        }
      />
      <CardBody className="space-y-4">
        <div>
          <ProgressBar
            label="Job progress"
            percent={progress.percent}
            done={counts.done}
            failed={counts.failed}
            cancelled={counts.cancelled}
            total={progress.total}
            className="h-3"
          />
          <p className="mt-1 text-sm text-slate-600" data-testid="job-percent">
            {progress.percent}% of {formatCount(progress.total)} items settled
          </p>
        </div>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-6">
          {stats.map(([label, value, tone]) => (
            <div key={label} className="rounded-md bg-slate-50 px-3 py-2">
              <dt className="text-xs text-slate-500">{label}</dt>
              <dd
                className={`text-lg font-semibold tabular-nums ${tone}`}
                data-testid={`count-${label.toLowerCase()}`}
              >
                {formatCount(value)}
              </dd>
            </div>
          ))}
          <div className="rounded-md bg-slate-50 px-3 py-2">
            <dt className="text-xs text-slate-500">Tokens in / out</dt>
            <dd className="text-sm font-semibold text-slate-700 tabular-nums">
              {formatCount(progress.tokens.input)} / {formatCount(progress.tokens.output)}
            </dd>
          </div>
        </dl>
        {progress.error && (
          <Notice tone={progress.status === "completed" ? "warning" : "error"}>{progress.error}</Notice>
        )}
        <RecentFailures failures={progress.recentFailures} />
      </CardBody>
    </Card>
  );
}
