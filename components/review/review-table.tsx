import Link from "next/link";
import { reviewFilterQuery } from "@/lib/review/filter";
import type { ReviewListRow } from "@/lib/review/queries";
import type { ReviewFilter } from "@/lib/review/schemas";
import { Badge } from "../ui/badge";
import { EmptyRow, Table, Td, Th } from "../ui/table";
import { StatusBadge } from "./status-badge";

export function ReviewTable({ rows, filter }: { rows: ReviewListRow[]; filter: ReviewFilter }) {
  const query = reviewFilterQuery({ status: filter.status, jobId: filter.jobId });
  return (
    <Table>
      <thead>
        <tr>
          <Th>Prompt</Th>
          <Th>System message</Th>
          <Th>Job</Th>
          <Th>Model</Th>
          <Th>Finish</Th>
          <Th>Status</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.length === 0 && <EmptyRow colSpan={6}>No traces match this filter.</EmptyRow>}
        {rows.map((row) => (
          <tr key={row.id} className="hover:bg-slate-50" data-testid="review-row">
            <Td className="max-w-md">
              <Link
                href={`/review/${row.id}${query}`}
                className="text-slate-900 hover:text-indigo-700 hover:underline"
              >
                {row.promptPreview || "(empty prompt)"}
              </Link>
            </Td>
            <Td className="whitespace-nowrap">
              {row.systemMessageName} · v{row.systemMessageVersion}
            </Td>
            <Td className="whitespace-nowrap">{row.jobName}</Td>
            <Td className="whitespace-nowrap">{row.model}</Td>
            <Td className="whitespace-nowrap">
              {row.finishReason}
              {row.truncated && (
                <Badge tone="amber" className="ml-1">
                  truncated
                </Badge>
              )}
            </Td>
            <Td>
              <StatusBadge status={row.status} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
