"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { JobSummary } from "@/lib/runner/queries";
import { fetchJson } from "../fetch-json";
import { Card } from "../ui/card";
import { formatCount, formatUtc } from "../ui/format";
import { EmptyRow, Table, Td, Th } from "../ui/table";
import { isActiveStatus } from "./format";
import { JobStatusBadge } from "./job-status-badge";
import { ProgressBar } from "./progress-bar";

/** The jobs table; refreshes every two seconds while any job is queued or running. */
export function JobList({ initial }: { initial: JobSummary[] }) {
  const { data: jobs } = useQuery({
    queryKey: ["jobs"],
    queryFn: () => fetchJson<JobSummary[]>("/api/jobs"),
    initialData: initial,
    refetchInterval: (query) => (query.state.data?.some((j) => isActiveStatus(j.status)) ? 2_000 : false),
  });
  return (
    <Card>
      <Table>
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Status</Th>
            <Th className="w-56">Progress</Th>
            <Th>Teacher</Th>
            <Th>Prompt set</Th>
            <Th>Created</Th>
            <Th className="text-right">Items</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {jobs.length === 0 && <EmptyRow colSpan={7}>No jobs yet. Launch one to generate traces.</EmptyRow>}
          {jobs.map((job) => (
            <tr key={job.id}>
              <Td>
                <Link href={`/jobs/${job.id}`} className="font-medium text-indigo-700 hover:underline">
                  {job.name}
                </Link>
                {job.error && <p className="mt-0.5 text-xs text-rose-600">{job.error}</p>}
              </Td>
              <Td>
                <JobStatusBadge status={job.status} />
              </Td>
              <Td>
                <ProgressBar
                  label={`Progress of ${job.name}`}
                  percent={job.percent}
                  done={job.counts.done}
                  failed={job.counts.failed}
                  cancelled={job.counts.cancelled}
                  total={job.itemCount}
                />
                <p className="mt-1 text-xs text-slate-500">
                  {formatCount(job.counts.done)} done
                  {job.counts.failed > 0 && `, ${formatCount(job.counts.failed)} failed`} · {job.percent}%
                </p>
              </Td>
              <Td>
                {job.providerName}
                <span className="block text-xs text-slate-500">{job.model}</span>
              </Td>
              <Td>{job.promptSetName}</Td>
              <Td className="whitespace-nowrap">{formatUtc(job.createdAt)}</Td>
              <Td className="text-right tabular-nums">{formatCount(job.itemCount)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
