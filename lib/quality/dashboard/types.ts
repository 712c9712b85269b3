import type { DashboardFilter } from "./schemas";

/** Review outcomes of a group of traces; rate = approved / (approved + rejected), null before any. */
export type Acceptance = {
  key: string;
  label: string;
  traces: number;
  approved: number;
  rejected: number;
  conflict: number;
  decided: number;
  rate: number | null;
};

export type OutcomeCounts = { pass: number; fail: number; warn: number; total: number; rate: number | null };

export type Usage = {
  key: string;
  label: string;
  traces: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
};

export type JudgeDistribution = {
  rubricVersionId: string;
  label: string;
  /** counts[i]: traces scored i + 1. */
  counts: number[];
  total: number;
  mean: number | null;
};

export type Headline = {
  traces: number;
  checked: number;
  decided: number;
  conflict: number;
  acceptanceRate: number | null;
  verificationPassRate: number | null;
  contaminated: number;
  nearDuplicates: number;
  costUsd: number;
};

export type Dashboard = {
  filter: DashboardFilter;
  headline: Headline;
  /** Per system-message version, best acceptance rate first (undecided last). */
  bySystemMessage: Acceptance[];
  byJob: Acceptance[];
  byModel: Acceptance[];
  rejectReasons: Array<{ label: string; count: number }>;
  verification: {
    overall: OutcomeCounts;
    bySystemMessage: Array<OutcomeCounts & { key: string; label: string }>;
  };
  judge: JudgeDistribution[];
  lengths: Array<{ label: string; count: number }>;
  duplicates: {
    exactDuplicates: number;
    nearDuplicates: number;
    contaminated: number;
    contaminatedPrompts: number;
    clusters: number;
    bestOfKNotSelected: number;
  };
  usage: { byJob: Usage[]; byModel: Usage[] };
};
