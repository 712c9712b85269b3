import Link from "next/link";
import { reviewFilterQuery } from "@/lib/review/filter";
import { ReviewFilterStatusSchema, type ReviewFilterStatus } from "@/lib/review/schemas";
import { cn } from "../ui/cn";
import { STATUS_LABELS } from "./status-badge";

/** Pending · Approved · Rejected · Conflict · All, with counts; switching keeps the job filter. */
export function StatusTabs({
  current,
  jobId,
  counts,
}: {
  current: ReviewFilterStatus;
  jobId?: string;
  counts: Record<ReviewFilterStatus, number>;
}) {
  return (
    <nav aria-label="Review status" className="flex flex-wrap gap-1 border-b border-slate-200">
      {ReviewFilterStatusSchema.options.map((status) => (
        <Link
          key={status}
          href={`/review${reviewFilterQuery({ status, jobId })}`}
          aria-current={status === current ? "page" : undefined}
          className={cn(
            "-mb-px flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium",
            status === current
              ? "border-indigo-600 text-indigo-700"
              : "border-transparent text-slate-600 hover:text-slate-900",
          )}
        >
          {STATUS_LABELS[status]}
          <span
            className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600"
            data-testid={`count-${status}`}
          >
            {counts[status]}
          </span>
        </Link>
      ))}
    </nav>
  );
}
