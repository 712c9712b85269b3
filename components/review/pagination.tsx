import Link from "next/link";
import { reviewFilterQuery } from "@/lib/review/filter";
import type { ReviewFilter } from "@/lib/review/schemas";

export function Pagination({
  filter,
  pageCount,
  total,
}: {
  filter: ReviewFilter;
  pageCount: number;
  total: number;
}) {
  const href = (page: number) => `/review${reviewFilterQuery(filter, { page })}`;
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50";
  return (
    <div className="flex items-center justify-between px-5 py-3 text-sm text-slate-600">
      <span>
        {total} trace{total === 1 ? "" : "s"} · page {filter.page} of {pageCount}
      </span>
      <div className="flex gap-2">
        {filter.page > 1 && (
          <Link className={link} href={href(filter.page - 1)}>
            Previous page
          </Link>
        )}
        {filter.page < pageCount && (
          <Link className={link} href={href(filter.page + 1)}>
            Next page
          </Link>
        )}
      </div>
    </div>
  );
}
