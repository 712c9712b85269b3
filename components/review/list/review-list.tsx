"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import type { ReviewFilterChoices, ReviewPage } from "@/lib/review/queries";
import { reviewFilterQuery } from "@/lib/review/filter";
import type { ReviewFilter } from "@/lib/review/schemas";
import { Card } from "../../ui/card";
import { StatusTabs, countLabel } from "../status-tabs";
import { BulkActions } from "./bulk-actions";
import { FiltersBar } from "./filters-bar";
import { ReviewRows } from "./review-rows";
import { useReviewCounts } from "./use-review-list";

/** The review list: filters (in the URL), status tabs with counts, the rows, bulk actions. */
export function ReviewList({
  filter,
  choices,
  initial,
  canBulk,
}: {
  filter: ReviewFilter;
  choices: ReviewFilterChoices;
  initial: { query: string; page: ReviewPage };
  canBulk: boolean;
}) {
  const router = useRouter();
  const [navigating, startNavigation] = useTransition();
  const counts = useReviewCounts(filter);
  const change = (next: Partial<ReviewFilter>) =>
    startNavigation(() =>
      router.push(`/review${reviewFilterQuery({ ...filter, ...next, page: undefined })}`),
    );
  return (
    <div className="space-y-4">
      <Card className="px-5 py-4">
        <FiltersBar filter={filter} choices={choices} onChange={change} />
      </Card>
      <Card>
        <div className="flex flex-wrap items-end justify-between gap-3 px-5 pt-2">
          <StatusTabs filter={filter} counts={counts.data} />
          {canBulk && <BulkActions filter={filter} reasons={choices.reasons} />}
        </div>
        <p className="px-5 pt-2 text-xs text-slate-500" aria-live="polite">
          {navigating
            ? "Updating…"
            : counts.isError
              ? "Counts unavailable."
              : `${countLabel(counts.data?.[filter.status])} traces · newest first`}
        </p>
        <div className={navigating ? "opacity-60" : undefined}>
          <ReviewRows filter={filter} initial={initial} />
        </div>
      </Card>
    </div>
  );
}
