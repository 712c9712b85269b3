import "server-only";
import { filterWhere } from "../review";
import { countTraces, countTracesByJob, jobsWithTraces, type TraceWhere } from "../traces";
import type { ExportFilter } from "./schemas";

const CONTAMINATED = { some: { check: "contamination", outcome: "fail" } } as const;

/**
 * The traces an export holds: the approved ones, of one job or of all, without those a
 * contamination check failed (the trace or its prompt) unless the export overrides.
 */
export const approvedWhere = (filter: ExportFilter): TraceWhere => {
  const approved = filterWhere({ status: "approved", jobId: filter.jobId });
  if (filter.includeContaminated) return approved;
  return {
    AND: [approved, { NOT: { verdicts: CONTAMINATED } }, { NOT: { prompt: { verdicts: CONTAMINATED } } }],
  };
};

export type ExportJobOption = { id: string; name: string; approvedCount: number };

/** Jobs that produced traces, newest first, with how many of their traces are approved. */
export async function listExportJobs(): Promise<ExportJobOption[]> {
  const [jobs, byJob] = await Promise.all([jobsWithTraces(), countTracesByJob(approvedWhere({}))]);
  return jobs.map((j) => ({ ...j, approvedCount: byJob.get(j.id) ?? 0 }));
}

export function countApproved(filter: ExportFilter): Promise<number> {
  return countTraces(approvedWhere(filter));
}

export type ExportStats = { rows: number; erasable: number; withReasoning: number; contaminated: number };

/** How many lines an export has, and how many of them erasure and the reasoning options touch. */
export async function exportStats(filter: ExportFilter): Promise<ExportStats> {
  const where = approvedWhere(filter);
  const [rows, erasable, withReasoning, all] = await Promise.all([
    countTraces(where),
    countTraces({ AND: [where, { systemPromptErasable: true }] }),
    countTraces({ AND: [where, { reasoning: { not: null } }] }),
    countTraces(approvedWhere({ ...filter, includeContaminated: true })),
  ]);
  // Left out unless the export overrides (counted apart from the rows, which respect the filter).
  return { rows, erasable, withReasoning, contaminated: filter.includeContaminated ? 0 : all - rows };
}
