import { ReviewFilterSchema, type ReviewFilter } from "./schemas";

type SearchParams = Record<string, string | string[] | undefined>;

/** The review filter from a page's search params; blanks and unknown values fall back to defaults. */
export function parseReviewFilter(searchParams: SearchParams): ReviewFilter {
  const pick = (key: string) => {
    const value = searchParams[key];
    const first = Array.isArray(value) ? value[0] : value;
    return first?.trim() ? first.trim() : undefined;
  };
  const raw = { status: pick("status"), jobId: pick("jobId"), page: pick("page") };
  const parsed = ReviewFilterSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  // Keep the parts that are valid (a bad page number should not drop the job filter).
  return ReviewFilterSchema.parse({
    status: ReviewFilterSchema.shape.status.safeParse(raw.status).data,
    jobId: raw.jobId,
  });
}

/** The query string that carries a filter between the list and the trace pages ("?status=...&jobId=..."). */
export function reviewFilterQuery(filter: Partial<ReviewFilter>, extra: { page?: number } = {}): string {
  const params = new URLSearchParams();
  if (filter.status) params.set("status", filter.status);
  if (filter.jobId) params.set("jobId", filter.jobId);
  const page = extra.page ?? filter.page;
  if (page && page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `?${query}` : "";
}
