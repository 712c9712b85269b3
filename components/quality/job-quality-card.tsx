"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { startScanAction } from "@/lib/actions/quality";
import type { JobQuality } from "@/lib/quality/job-quality";
import { checkLabel } from "@/lib/quality/labels";
import { fetchJson } from "../fetch-json";
import { isOpenStatus } from "../jobs/format";
import { toastActionError } from "../ui/action-result";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader } from "../ui/card";
import { Notice } from "../ui/notice";

const percent = (n: number, of: number) => (of ? `${Math.round((n / of) * 100)}%` : "–");

/** What the checks found in this job's traces, and the alarm when its outputs collapse onto templates. */
export function JobQualityCard(props: { jobId: string; canScan: boolean }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  // Refreshed while the job runs (its live progress, polled by JobLive), and once more as it ends.
  const status = () =>
    queryClient.getQueryData<{ status: string }>(["job-progress", props.jobId])?.status ?? "completed";
  const { data } = useQuery({
    queryKey: ["job-quality", props.jobId],
    queryFn: () => fetchJson<JobQuality>(`/api/quality/jobs/${props.jobId}`),
    refetchInterval: (query) => {
      const active = isOpenStatus(status());
      const stale =
        query.state.dataUpdatedAt <
        (queryClient.getQueryState(["job-progress", props.jobId])?.dataUpdatedAt ?? 0);
      return active || stale ? 5_000 : false;
    },
  });
  const scan = useAction(startScanAction, {
    onSuccess: ({ data: started }) => {
      if (started) router.push(`/jobs/${started.jobId}`);
    },
    onError: toastActionError("The scan did not start; try again."),
  });
  if (!data) return null;
  const { verification, diversity } = data;
  const verified = verification.pass + verification.fail + verification.warn;
  const review = (check: string) => `/review?status=all&jobId=${props.jobId}&check=${check}`;
  return (
    <Card>
      <CardHeader title="Quality" />
      <CardBody>
        <div className="space-y-3 text-sm" data-testid="job-quality">
          {diversity.alarm.level !== "ok" && (
            <Notice tone={diversity.alarm.level === "alarm" ? "error" : "warning"}>
              <span data-testid="diversity-alarm">
                {diversity.alarm.level === "alarm" ? "Diversity collapse: " : "Diversity is falling: "}
                {diversity.alarm.reasons.join("; ")} (newest {diversity.sampled.toLocaleString("en-US")}{" "}
                traces).
              </span>
            </Notice>
          )}
          <p className="text-slate-600">
            {data.checked.toLocaleString("en-US")} traces checked
            {verified > 0 &&
              ` · answers verified against the reference: ${percent(verification.pass, verified)} right (${verification.fail.toLocaleString("en-US")} wrong)`}
          </p>
          {data.found.length > 0 ? (
            <ul className="space-y-1" data-testid="job-quality-found">
              {data.found.map((c) => (
                <li key={c.check}>
                  <Link href={review(c.check)} className="text-indigo-700 hover:underline">
                    {checkLabel(c.check)}
                  </Link>
                  : {c.fail.toLocaleString("en-US")} failed
                  {c.warn > 0 && `, ${c.warn.toLocaleString("en-US")} to look at`}
                </li>
              ))}
            </ul>
          ) : (
            data.checked > 0 && <p className="text-slate-500">No check found a problem so far.</p>
          )}
          {props.canScan && (
            <Button
              size="sm"
              variant="secondary"
              disabled={scan.isPending}
              onClick={() => scan.execute({ scope: { jobId: props.jobId } })}
            >
              Run every check again
            </Button>
          )}
        </div>
      </CardBody>
    </Card>
  );
}
