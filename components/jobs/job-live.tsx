"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { JobProgress } from "@/lib/runner/progress";
import { fetchJson } from "../fetch-json";
import { Card, CardBody, CardHeader } from "../ui/card";
import { formatCount, formatUtc } from "../ui/format";
import { Notice } from "../ui/notice";
import { isActiveStatus, isSettling } from "./format";
import { JobActions } from "./job-actions";
import { JobStats } from "./job-stats";
import { JobStatusBadge } from "./job-status-badge";
import { ProgressBar } from "./progress-bar";
import { RecentErrors } from "./recent-errors";

/** Live progress of one job: polls every second while it runs, every five while paused. */
export function JobLive({
  jobId,
  initial,
  canManage,
  kind,
  priced,
}: {
  jobId: string;
  initial: JobProgress;
  canManage: boolean;
  /** The job's kind: traces count traces, other kinds items. */
  kind: string;
  /** The job has prices: without them its cost is unknown, not zero. */
  priced: boolean;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const queryKey = ["job-progress", jobId];
  const { data: progress } = useQuery({
    queryKey,
    queryFn: () => fetchJson<JobProgress>(`/api/jobs/${jobId}/progress`),
    initialData: initial,
    refetchInterval: (query) => {
      const data = query.state.data;
      if (isActiveStatus(data?.status) || (data && isSettling(data))) return 1_000;
      return data?.status === "paused" ? 5_000 : false;
    },
  });
  const changed = () => {
    void queryClient.invalidateQueries({ queryKey });
    router.refresh();
  };

  const { counts } = progress;
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
            {canManage && <JobActions progress={progress} changed={changed} />}
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
        {progress.pauseReason && (
          <Notice tone="warning">
            <span data-testid="job-pause-reason">{progress.pauseReason}</span>
          </Notice>
        )}
        {isSettling(progress) && (
          <Notice tone="info">
            <span data-testid="job-settling">
              Cancelling: {formatCount(counts.pending + counts.running)} items still to mark cancelled. None
              of them will run.
            </span>
          </Notice>
        )}
        {progress.planned !== null && (
          <Notice tone="info">
            <span data-testid="job-planning">
              Planning: {formatCount(progress.planned)} of {formatCount(progress.total)} items written. The
              job starts once every item is planned.
            </span>
          </Notice>
        )}
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
        <JobStats progress={progress} kind={kind} priced={priced} />
        {progress.error && (
          <Notice tone={progress.status === "completed" ? "warning" : "error"}>{progress.error}</Notice>
        )}
        <RecentErrors errors={progress.recentErrors} />
      </CardBody>
    </Card>
  );
}
