"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type { SessionProgress } from "@/lib/sessions";
import { fetchJson } from "../fetch-json";
import { ProgressBar } from "../jobs/progress-bar";
import { Card, CardBody, CardHeader } from "../ui/card";
import { formatCount } from "../ui/format";
import { Notice } from "../ui/notice";
import { EmptyRow, Table, Td, Th } from "../ui/table";
import { percent } from "./format";
import { SessionStatusBadge } from "./session-status-badge";

const POLL_MS = 3_000;

/** Live progress: polls while the session is planned or reviewed; refreshes the page once planned. */
export function SessionLive({ sessionId, initial }: { sessionId: string; initial: SessionProgress }) {
  const router = useRouter();
  const { data: progress } = useQuery({
    queryKey: ["session-progress", sessionId],
    queryFn: () => fetchJson<SessionProgress>(`/api/sessions/${sessionId}/progress`),
    initialData: initial,
    refetchInterval: (query) =>
      ["planning", "active"].includes(query.state.data?.status ?? "") ? POLL_MS : false,
  });
  // Planning done: the rest of the page (start button, agreement, adjudication) can show.
  const planned = useRef(initial.status);
  useEffect(() => {
    if (planned.current === "planning" && progress.status !== "planning") router.refresh();
    planned.current = progress.status;
  }, [progress.status, router]);

  const { items } = progress;
  return (
    <Card>
      <CardHeader
        title={
          <span className="flex items-center gap-2">
            Progress <SessionStatusBadge status={progress.status} testId="session-status" />
          </span>
        }
        description={`${formatCount(progress.decisions)} of ${formatCount(progress.itemCount * progress.overlap)} decisions made (${progress.percent}%)`}
      />
      <CardBody className="space-y-4">
        {progress.planning && (
          <Notice tone="info">
            <span data-testid="session-planning">
              Planning: {formatCount(progress.planning.written)} of about {formatCount(progress.itemCount)}{" "}
              traces written
              {progress.planning.jobStatus && ` (job ${progress.planning.jobStatus})`}. Reviewing starts once
              every trace is planned.
            </span>{" "}
            {progress.planning.jobId && (
              <Link href={`/jobs/${progress.planning.jobId}`} className="font-medium underline">
                Planning job
              </Link>
            )}
          </Notice>
        )}
        {progress.planning?.error && <Notice tone="error">{progress.planning.error}</Notice>}
        <div>
          <ProgressBar
            label="Traces complete"
            percent={percent(items.complete, progress.itemCount)}
            done={items.agreed + items.resolved}
            failed={0}
            cancelled={items.disputed}
            total={progress.itemCount}
            className="h-3"
          />
          <dl className="mt-2 grid grid-cols-2 gap-2 text-sm sm:grid-cols-5" data-testid="session-counts">
            {(
              [
                ["Traces", progress.itemCount],
                ["Open", items.open],
                ["Agreed", items.agreed],
                ["Disputed", items.disputed],
                ["Resolved", items.resolved],
              ] as const
            ).map(([label, n]) => (
              <div key={label}>
                <dt className="text-xs text-slate-500">{label}</dt>
                <dd
                  className="font-medium text-slate-900"
                  data-testid={`session-count-${label.toLowerCase()}`}
                >
                  {formatCount(n)}
                </dd>
              </div>
            ))}
          </dl>
        </div>
        <Table>
          <thead>
            <tr>
              <Th>Reviewer</Th>
              <Th className="w-48">Done</Th>
              <Th className="text-right">Decided</Th>
              <Th className="text-right">{progress.access === "assigned" ? "Assigned" : "Share"}</Th>
              {progress.access === "open" && <Th className="text-right">Reserved now</Th>}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {progress.reviewers.length === 0 && <EmptyRow colSpan={5}>No reviewers.</EmptyRow>}
            {progress.reviewers.map((r) => (
              <tr key={r.reviewerId} data-testid="reviewer-progress">
                <Td>{r.name}</Td>
                <Td>
                  <ProgressBar
                    label={`Progress of ${r.name}`}
                    percent={percent(r.decided, r.expected)}
                    done={r.decided}
                    failed={0}
                    total={Math.max(r.expected, r.decided)}
                  />
                </Td>
                <Td className="text-right">{formatCount(r.decided)}</Td>
                <Td className="text-right">{formatCount(r.expected)}</Td>
                {progress.access === "open" && <Td className="text-right">{formatCount(r.reserved)}</Td>}
              </tr>
            ))}
          </tbody>
        </Table>
      </CardBody>
    </Card>
  );
}
