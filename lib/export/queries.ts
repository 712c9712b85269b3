import "server-only";
import { db } from "../db/client";
import { filterWhere } from "../review/order";
import type { ExportFilter } from "./schemas";

/** The traces an export holds: the approved ones, of one job or of all. */
export const approvedWhere = (filter: ExportFilter) =>
  filterWhere({ status: "approved", jobId: filter.jobId });

export type ExportJobOption = { id: string; name: string; approvedCount: number };

/** Jobs that produced traces, newest first, with how many of their traces are approved. */
export async function listExportJobs(): Promise<ExportJobOption[]> {
  const [jobs, counts] = await Promise.all([
    db().job.findMany({
      where: { traces: { some: {} } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, name: true },
    }),
    db().trace.groupBy({ by: ["jobId"], where: { reviewStatus: "approved" }, _count: { _all: true } }),
  ]);
  const byJob = new Map(counts.map((c) => [c.jobId, c._count._all]));
  return jobs.map((j) => ({ ...j, approvedCount: byJob.get(j.id) ?? 0 }));
}

export async function countApproved(filter: ExportFilter): Promise<number> {
  return db().trace.count({ where: approvedWhere(filter) });
}

export type ExportStats = { rows: number; erasable: number; withReasoning: number };

/** How many lines an export has, and how many of them erasure and the reasoning options touch. */
export async function exportStats(filter: ExportFilter): Promise<ExportStats> {
  const where = approvedWhere(filter);
  const [rows, erasable, withReasoning] = await Promise.all([
    db().trace.count({ where }),
    db().trace.count({ where: { ...where, systemPromptErasable: true } }),
    db().trace.count({ where: { ...where, reasoning: { not: null } } }),
  ]);
  return { rows, erasable, withReasoning };
}
