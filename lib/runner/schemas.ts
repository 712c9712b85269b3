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

/**
 * A launch's idempotency key (a launch form makes one per launch; an upload sends it as
 * Idempotency-Key): a second launch with it, a double submit or a retried request, returns the
 * job the first one created.
 */
export const LaunchKeySchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{16,100}$/, "A launch key has 16 to 100 letters, digits, - or _.");
