// What the dashboard's GROUP BY queries hand back, numbers already read as numbers: a few rows per
// job, version, model and status, never one per trace. shape.ts turns these into panels.

export type ReviewCounts = { approved: number; rejected: number; conflict: number; pending: number };

/**
 * Traces of one (job, system-message version, model, review status, verification outcome), with
 * their sums. `verified`: the verification verdict's outcome, null for traces without one.
 */
export type TraceGroupRow = {
  jobId: string;
  versionId: string;
  model: string;
  status: string;
  verified: string | null;
  traces: number;
  checked: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** Traces per output-length bucket (LENGTH_BUCKETS order). */
  lengths: number[];
};

/** Traces one check said `outcome` of. */
export type FlagRow = { check: string; outcome: string; traces: number };

/** Duplicate clusters a check's verdicts on the traces name. */
export type ClusterRow = { check: string; clusters: number };

export type ReasonRow = { reasonId: string | null; count: number };

export type JudgeRow = { rubricVersionId: string; score: number; count: number };

export type ContaminationCounts = { traces: number; prompts: number };

export type DashboardRows = {
  traces: TraceGroupRow[];
  flags: FlagRow[];
  clusters: ClusterRow[];
  reasons: ReasonRow[];
  judge: JudgeRow[];
  contamination: ContaminationCounts;
};

/** How the ids in the rows are named to people. */
export type DashboardNames = {
  jobs: Map<string, string>;
  /** "Step by step v2" */
  versions: Map<string, string>;
  reasons: Map<string, string>;
  rubricVersions: Map<string, { label: string; scale: number }>;
};
