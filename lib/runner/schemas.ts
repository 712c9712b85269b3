import { z } from "zod";

// The runner's own vocabulary: what any job and item of any kind can be.
// planning: its items are being written (on the runner); then queued, and running once leased.
export const JobStatusSchema = z.enum([
  "planning",
  "queued",
  "running",
  "paused",
  "completed",
  "failed",
  "cancelled",
]);
export type JobStatus = z.infer<typeof JobStatusSchema>;
export const ACTIVE_JOB_STATUSES = ["queued", "running"] as const satisfies readonly JobStatus[];

export const ItemStatusSchema = z.enum(["pending", "running", "done", "failed", "cancelled"]);
export type ItemStatus = z.infer<typeof ItemStatusSchema>;

export const JobRefSchema = z.object({
  jobId: z.string().trim().min(1, "Which job? The job id is missing."),
});
export type JobRef = z.infer<typeof JobRefSchema>;

export const JobIdParamsSchema = z.object({ id: z.string().trim().min(1) });
