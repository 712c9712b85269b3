import "server-only";
import { filterWhere } from "../review";
import { countTraces, countTracesByJob, jobsWithTraces } from "../traces";
import type { ExportFilter } from "./schemas";

/** The traces an export holds: the approved ones, of one job or of all. */
export const approvedWhere = (filter: ExportFilter) =>
  filterWhere({ status: "approved", jobId: filter.jobId });

export type ExportJobOption = { id: string; name: string; approvedCount: number };

/** Jobs that produced traces, newest first, with how many of their traces are approved. */
export async function listExportJobs(): Promise<ExportJobOption[]> {
  const [jobs, byJob] = await Promise.all([jobsWithTraces(), countTracesByJob(approvedWhere({}))]);
  return jobs.map((j) => ({ ...j, approvedCount: byJob.get(j.id) ?? 0 }));
}

export function countApproved(filter: ExportFilter): Promise<number> {
  return countTraces(approvedWhere(filter));
}

export type ExportStats = { rows: number; erasable: number; withReasoning: number };

/** How many lines an export has, and how many of them erasure and the reasoning options touch. */
export async function exportStats(filter: ExportFilter): Promise<ExportStats> {
  const where = approvedWhere(filter);
  const [rows, erasable, withReasoning] = await Promise.all([
    countTraces(where),
    countTraces({ ...where, systemPromptErasable: true }),
    countTraces({ ...where, reasoning: { not: null } }),
  ]);
  return { rows, erasable, withReasoning };
}
