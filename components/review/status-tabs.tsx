"use client";

import Link from "next/link";
import type { TabCount } from "@/lib/review/queries";
import { reviewFilterQuery } from "@/lib/review/filter";
import { ReviewFilterStatusSchema, type ReviewFilter, type ReviewFilterStatus } from "@/lib/review/schemas";
import { cn } from "../ui/cn";
import { formatCount } from "../ui/format";
import { STATUS_LABELS } from "./status-badge";

/** "1,234", or "10,000+" past the cap, or "312+" when counting ran out of time. */
export function countLabel(count: TabCount | undefined): string {
  if (!count) return "…";
  return count.exact ? formatCount(count.count) : `${formatCount(count.count)}+`;
}

/** Pending · Approved · Rejected · Conflict · All, with counts; switching keeps the other filters. */
export function StatusTabs({
  filter,
  counts,
}: {
  filter: ReviewFilter;
  counts?: Record<ReviewFilterStatus, TabCount>;
}) {
  return (
    <nav aria-label="Review status" className="flex flex-wrap gap-1 border-b border-slate-200">
      {ReviewFilterStatusSchema.options.map((status) => (
        <Link
          key={status}
          href={`/review${reviewFilterQuery({ ...filter, status, page: undefined })}`}
          aria-current={status === filter.status ? "page" : undefined}
          className={cn(
            "-mb-px flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium",
            status === filter.status
              ? "border-indigo-600 text-indigo-700"
              : "border-transparent text-slate-600 hover:text-slate-900",
          )}
        >
          {STATUS_LABELS[status]}
          <span
            className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600 tabular-nums"
            data-testid={`count-${status}`}
          >
            {countLabel(counts?.[status])}
          </span>
        </Link>
      ))}
    </nav>
  );
}
