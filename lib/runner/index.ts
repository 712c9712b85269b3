// The runner's public surface for other domains and for app/.
export { cancelJob, retryFailedItems } from "./cancel";
export { pauseJob, resumeJob } from "./pause";
export { jobProgress, type JobProgress } from "./progress";
export { getJob, listJobs, type JobDetail, type JobSummary } from "./queries";
export type { JobStatus, ItemStatus } from "./schemas";
