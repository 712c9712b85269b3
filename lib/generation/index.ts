// The generation domain's public surface for other domains and for app/.
export { launchJob } from "./launch-traces";
export { launchSynthesis } from "./launch-synthesis";
export { estimateJob, type JobEstimate } from "./estimate";
export type { JobConfig, LaunchJobInput, LaunchSynthesisInput } from "./schemas";
export { tracesKind, synthesisKind } from "./kinds";
export { outcomeOf } from "./outcome";
