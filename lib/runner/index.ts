// The runner's public surface for other domains and for app/.
export { cancelJob, retryFailedItems } from "./cancel";
export { pauseJob, resumeJob } from "./pause";
export { jobProgress, type JobProgress } from "./progress";
export { getJob, listJobs, type JobDetail, type JobSummary } from "./queries";
export type { JobStatus, ItemStatus } from "./schemas";
export { createJob, launchOnce, type NewJob } from "./create-job";
export { planJobNow } from "./plan/plan-now";
export { registerKind, kindNamed } from "./registry";
export type { AnyKind, Attempt, Done, JobKind, Outcome, PlannedItem, PlanStep, RunSettings } from "./kind";
export { NO_USAGE } from "./kind";
export { RetryableError } from "./failure";
export { LostLeaseError } from "./item-outcome";
export { runJobNow } from "./run-now";
export { type Estimate, type EstimateInput } from "./limits/budget";
export { type ItemRow, type LeasedItem, type PlanFrom } from "./kind";
export { createWorker, defaultWorkerId, startWorker, type Worker } from "./worker/index";
export { stopOnSignals } from "./worker/shutdown";
