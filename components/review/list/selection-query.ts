import { reviewFilterQuery } from "@/lib/review/filter";
import type { ReviewFilter } from "@/lib/review/schemas";

/** The selection as the list's route handlers take it (no page: the list pages by cursor). */
export function selectionQuery(filter: Partial<ReviewFilter>): string {
  return reviewFilterQuery({ ...filter, page: undefined });
}
