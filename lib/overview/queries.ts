import { db } from "../db";
import { ACTIVE_JOB_STATUSES } from "../runner/schemas";
import { countTracesByStatus } from "../traces";

export type Overview = {
  messages: { enabled: number; total: number };
  prompts: { sets: number; prompts: number };
  providers: number;
  jobs: { active: number; total: number };
  traces: Record<"pending" | "approved" | "rejected" | "conflict", number> & { total: number };
};

/** Counts for the overview page: where the corpus stands, and what to do next. */
export async function overview(): Promise<Overview> {
  const client = db();
  const [enabled, total, sets, prompts, providers, activeJobs, jobs, byStatus] = await Promise.all([
    client.systemMessage.count({ where: { enabled: true } }),
    client.systemMessage.count(),
    client.promptSet.count(),
    client.prompt.count(),
    client.provider.count(),
    client.job.count({ where: { status: { in: [...ACTIVE_JOB_STATUSES] } } }),
    client.job.count(),
    countTracesByStatus(),
  ]);
  const traces = { pending: 0, approved: 0, rejected: 0, conflict: 0, total: 0 };
  for (const [stored, count] of byStatus) {
    const status = stored as keyof typeof traces;
    if (status in traces) traces[status] = count;
    traces.total += count;
  }
  return {
    messages: { enabled, total },
    prompts: { sets, prompts },
    providers,
    jobs: { active: activeJobs, total: jobs },
    traces,
  };
}
