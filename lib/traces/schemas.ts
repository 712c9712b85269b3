import { z } from "zod";

// Teachers may write up to 32k tokens; this leaves room for that and stays well under the
// server actions' 1 MB body limit.
export const TRACE_EDIT_MAX = 200_000;
export const EDIT_NOTE_MAX = 500;

/**
 * A reviewer's correction of a trace. `expectedEditId` is the newest edit the editor saw (null:
 * none), so an edit made meanwhile in another tab or by someone else is not silently replaced.
 */
export const EditTraceSchema = z.object({
  traceId: z.string().trim().min(1, "Which trace? The trace id is missing."),
  content: z
    .string()
    .trim()
    .min(1, "The trace cannot be empty.")
    .max(TRACE_EDIT_MAX, `Keep the trace under ${TRACE_EDIT_MAX.toLocaleString("en-US")} characters.`),
  note: z.string().trim().max(EDIT_NOTE_MAX, `Keep the note under ${EDIT_NOTE_MAX} characters.`).optional(),
  expectedEditId: z.string().min(1).nullable().optional(),
});
export type EditTraceInput = z.input<typeof EditTraceSchema>;

/** The cautious-reasoning choice as the trace stored it; read leniently. */
export const StoredStrategySchema = z
  .object({
    name: z.string(),
    version: z.number(),
    reply: z.string().catch(""),
    chosenBy: z.enum(["number", "name", "fuzzy", "fallback"]).catch("number"),
  })
  .nullable()
  .catch(null);
export type StrategyView = z.infer<typeof StoredStrategySchema>;
