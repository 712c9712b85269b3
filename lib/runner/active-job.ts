import type { AnyKind, RunSettings } from "./kind";

/** A job the worker may lease from: its kind, its frozen config and how it runs. */
export type ActiveJob = {
  id: string;
  kind: AnyKind;
  config: { kind: string };
  settings: RunSettings;
  /** The teacher's provider row (limits, rate-limit pause); null for kinds that call none. */
  providerId: string | null;
};

/** One request's share of the budget for kinds that give no estimate. */
export const ONE_REQUEST = { requests: 1, tokens: 0 };

export function estimateFor(job: ActiveJob, input: Parameters<NonNullable<AnyKind["estimate"]>>[1]) {
  return job.kind.estimate ? job.kind.estimate(job.config, input) : ONE_REQUEST;
}
