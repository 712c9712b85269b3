import { z } from "zod";

export const ExportFormatSchema = z.enum(["jsonl"]);

/** answer: `trace` is the answer alone; reasoning-answer: the reasoning first, then the answer. */
export const ReasoningExportSchema = z.enum(["answer", "reasoning-answer"]);
export type ReasoningExport = z.infer<typeof ReasoningExportSchema>;

const flag = z
  .enum(["0", "1", "true", "false"])
  .optional()
  .transform((v) => v === "1" || v === "true");

/**
 * GET /api/export?jobId=&format=jsonl&erase=1&reasoning=reasoning-answer&reasoningTag=think:
 * no job (or a blank one) means everything approved. `reasoningTag` wraps the reasoning in
 * <tag>…</tag>; blank puts it before the answer with a blank line only.
 */
export const ExportQuerySchema = z
  .object({
    jobId: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      z.string().trim().optional(),
    ),
    format: ExportFormatSchema.default("jsonl"),
    erase: flag,
    reasoning: ReasoningExportSchema.default("answer"),
    reasoningTag: z
      .string()
      .trim()
      .regex(/^$|^[A-Za-z][A-Za-z0-9_-]{0,30}$/, "The reasoning tag must be a plain word, like think.")
      .default("think"),
    /**
     * Approved traces a contamination check failed (the trace or its prompt holds a benchmark
     * item) are left out unless the export says why they belong in (recorded in the audit log).
     */
    includeContaminated: flag,
    contaminationReason: z.string().trim().max(500).optional(),
  })
  .refine((q) => !q.includeContaminated || (q.contaminationReason?.length ?? 0) >= 10, {
    message: "Say why contaminated traces belong in this export (at least 10 characters): it is recorded.",
    path: ["contaminationReason"],
  });
export type ExportQuery = z.infer<typeof ExportQuerySchema>;

export type ExportFilter = { jobId?: string; includeContaminated?: boolean };

/** How each line is shaped; the defaults give the plain triple as before. */
export type ExportShape = Pick<ExportQuery, "erase" | "reasoning" | "reasoningTag">;
export const DEFAULT_SHAPE: ExportShape = { erase: false, reasoning: "answer", reasoningTag: "think" };
