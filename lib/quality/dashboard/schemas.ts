import { z } from "zod";

// An absent filter arrives from a form or a URL as "": the same as leaving it out.
const blankAsMissing = (value: unknown) => (value === "" ? undefined : value);

/** A calendar day in UTC, as a date input gives it ("2026-03-01"). */
const DaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Give the day as YYYY-MM-DD.")
  .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)), "That day does not exist.");

/**
 * What the quality dashboard counts: one job's traces or all, created from `from` (inclusive)
 * and before `to` (exclusive), as the review list's "Created from / before" filters read.
 */
export const DashboardFilterSchema = z
  .object({
    jobId: z.preprocess(blankAsMissing, z.string().trim().min(1).max(200).optional()),
    from: z.preprocess(blankAsMissing, DaySchema.optional()),
    to: z.preprocess(blankAsMissing, DaySchema.optional()),
  })
  .refine((f) => !f.from || !f.to || f.from < f.to, {
    message: "The end of the range must come after its start.",
    path: ["to"],
  });
export type DashboardFilter = z.infer<typeof DashboardFilterSchema>;

/** The filter as a query string ("?jobId=…&from=…"), "" when it holds nothing. */
export function dashboardQuery(filter: DashboardFilter): string {
  const params = new URLSearchParams();
  for (const key of ["jobId", "from", "to"] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** A filter from a page's searchParams; anything it cannot read is left out rather than refused. */
export function parseDashboardFilter(params: Record<string, string | string[] | undefined>): DashboardFilter {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const raw = { jobId: first(params.jobId), from: first(params.from), to: first(params.to) };
  const parsed = DashboardFilterSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  // Keep the parts that read on their own (a bad day should not drop the job).
  const kept: DashboardFilter = {};
  for (const key of ["jobId", "from", "to"] as const) {
    const one = DashboardFilterSchema.safeParse({ [key]: raw[key] });
    if (one.success && one.data[key]) kept[key] = one.data[key];
  }
  if (kept.from && kept.to && kept.from >= kept.to) delete kept.to;
  return kept;
}
