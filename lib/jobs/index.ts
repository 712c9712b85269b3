// The jobs the application runs: every kind registered with the runner, and the runner's job
// operations for app/ and scripts/. Importing this module registers the kinds, so any process
// that runs workers or reads job configs (the web server, `npm run worker`) imports it.
import { z } from "zod";
import { SynthesisConfigSchema, TracesConfigSchema } from "../generation/schemas";
import { ImportJobConfigSchema, SetDeletionConfigSchema } from "../prompts/schemas";
import { ReviewBulkConfigSchema } from "../review/schemas";
import { QualityScanConfigSchema } from "../quality/schemas";
import { QualityJudgeConfigSchema } from "../quality";
import { SessionPlanConfigSchema } from "../sessions/schemas";
import "../generation";
import "../prompts";
import "../review";
import "../sessions";
import "../quality";

export { launchJob, launchSynthesis, estimateJob, type JobEstimate } from "../generation";
export {
  cancelJob,
  getJob,
  jobProgress,
  listJobs,
  pauseJob,
  resumeJob,
  retryFailedItems,
  type JobDetail,
  type JobProgress,
  type JobSummary,
} from "../runner";
export { createWorker, defaultWorkerId, startWorker, stopOnSignals, type Worker } from "../runner";

/** Every job's frozen config, discriminated on `kind` (older trace jobs stored none). */
export const JobConfigSchema = z.discriminatedUnion("kind", [
  TracesConfigSchema,
  SynthesisConfigSchema,
  ImportJobConfigSchema,
  SetDeletionConfigSchema,
  ReviewBulkConfigSchema,
  SessionPlanConfigSchema,
  QualityScanConfigSchema,
  QualityJudgeConfigSchema,
]);
export type JobConfig = z.infer<typeof JobConfigSchema>;
