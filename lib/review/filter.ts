import { ReviewFilterSchema, type ReviewFilter } from "./schemas";

type SearchParams = Record<string, string | string[] | undefined>;

/** The filter's fields as they appear in a URL (dates as YYYY-MM-DD or ISO). */
const FIELDS = Object.keys(ReviewFilterSchema.shape) as Array<keyof ReviewFilter>;

/** The review filter from a page's search params; blanks and invalid values fall back to defaults. */
export function parseReviewFilter(searchParams: SearchParams): ReviewFilter {
  const raw: Record<string, string | undefined> = {};
  for (const key of FIELDS) {
    const value = searchParams[key];
    const first = Array.isArray(value) ? value[0] : value;
    raw[key] = first?.trim() ? first.trim() : undefined;
  }
  const parsed = ReviewFilterSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  // Keep the parts that are valid (a bad page number should not drop the job filter).
  const kept: Record<string, unknown> = {};
  for (const key of FIELDS) {
    const field = ReviewFilterSchema.shape[key].safeParse(raw[key]);
    if (field.success) kept[key] = field.data;
  }
  return ReviewFilterSchema.parse(kept);
}

/** The query string that carries a filter between pages ("?status=...&jobId=..."); defaults left out. */
export function reviewFilterQuery(filter: Partial<ReviewFilter>, extra: { page?: number } = {}): string {
  const params = new URLSearchParams();
  for (const key of FIELDS) {
    if (key === "page") continue;
    const value = filter[key];
    if (value === undefined || value === null || value === "") continue;
    if (value instanceof Date) params.set(key, value.toISOString());
    else if (typeof value === "boolean") params.set(key, value ? "1" : "0");
    else params.set(key, String(value));
  }
  const page = extra.page ?? filter.page;
  if (page && page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `?${query}` : "";
}
