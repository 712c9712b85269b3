import { z } from "zod";

export const ExportFormatSchema = z.enum(["jsonl"]);

/** GET /api/export?jobId=&format=jsonl: no job (or a blank one) means everything approved. */
export const ExportQuerySchema = z.object({
  jobId: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().optional(),
  ),
  format: ExportFormatSchema.default("jsonl"),
});
export type ExportQuery = z.infer<typeof ExportQuerySchema>;

export type ExportFilter = { jobId?: string };
