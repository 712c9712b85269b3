import Link from "next/link";
import type { JudgeRunView } from "@/lib/quality/judge";
import { JobStatusBadge } from "../../jobs/job-status-badge";
import { formatCount, formatUtc } from "../../ui/format";
import { EmptyRow, Table, Td, Th } from "../../ui/table";

/** The latest judge runs, each linking to its job page (progress, errors, cost). */
export function JudgeRuns({ runs }: { runs: JudgeRunView[] }) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>Run</Th>
          <Th>Status</Th>
          <Th className="text-right">Judged</Th>
          <Th className="text-right">Failed</Th>
          <Th>Started</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {runs.length === 0 && <EmptyRow colSpan={5}>No judge runs yet.</EmptyRow>}
        {runs.map((run) => (
          <tr key={run.id}>
            <Td>
              <Link href={`/jobs/${run.id}`} className="text-indigo-700 hover:underline">
                {run.name}
              </Link>
            </Td>
            <Td>
              <JobStatusBadge status={run.status} />
            </Td>
            <Td className="text-right tabular-nums">
              {formatCount(run.done)} of {formatCount(run.items)}
            </Td>
            <Td className="text-right tabular-nums">{formatCount(run.failed)}</Td>
            <Td>{formatUtc(run.createdAt.toISOString())}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
