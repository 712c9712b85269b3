import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { parseJob } from "./active-jobs";
import { emptyCounts, itemCountsByJob, percentSettled, type ItemCounts } from "./progress";

/** A row of the jobs list: JSON-safe, refreshed by GET /api/jobs. */
export type JobSummary = {
  id: string;
  name: string;
  kind: string;
  status: string;
  itemCount: number;
  counts: ItemCounts;
  percent: number;
  providerName: string;
  model: string;
  promptSetName: string;
  error: string | null;
  createdAt: string;
};

const LIST_LIMIT = 100;

/** The newest jobs first, with their item counts. */
export async function listJobs(): Promise<JobSummary[]> {
  const jobs = await db().job.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIST_LIMIT,
    select: {
      id: true,
      name: true,
      kind: true,
      status: true,
      itemCount: true,
      config: true,
      error: true,
      createdAt: true,
      provider: { select: { name: true, model: true } },
      promptSet: { select: { name: true } },
    },
  });
  // A job being planned has only pending items so far: counting them would scan what is being written.
  const counts = await itemCountsByJob(jobs.filter((j) => j.status !== "planning").map((j) => j.id));
  return jobs.map((job) => {
    const parsed = parseJob(job);
    // The teacher as frozen at launch, not as it is now; the row's teacher for older jobs.
    const teacher = parsed ? parsed.kind.settings(parsed.config).teacher?.provider : undefined;
    const jobCounts = counts.get(job.id) ?? emptyCounts();
    return {
      id: job.id,
      name: job.name,
      kind: job.kind,
      status: job.status,
      itemCount: job.itemCount,
      counts: jobCounts,
      percent: percentSettled(jobCounts, job.itemCount),
      providerName: teacher?.name ?? job.provider?.name ?? "",
      model: teacher?.model ?? job.provider?.model ?? "",
      promptSetName: frozenSetName(parsed?.config) ?? job.promptSet?.name ?? "",
      error: job.error,
      createdAt: job.createdAt.toISOString(),
    };
  });
}

/** The prompt set's name as a kind froze it at launch (generation kinds do), if it did. */
function frozenSetName(config: unknown): string | undefined {
  const name = (config as { promptSet?: { name?: unknown } } | undefined)?.promptSet?.name;
  return typeof name === "string" ? name : undefined;
}

export type JobDetail = {
  id: string;
  name: string;
  kind: string;
  status: string;
  itemCount: number;
  /** The frozen config as the job's kind reads it; null when it no longer parses or the kind is unknown. */
  config: { kind: string } | null;
  createdAt: string;
  createdByName: string | null;
};

/** One job with its frozen configuration, read through the schema. */
export async function getJob(jobId: string): Promise<JobDetail> {
  const job = await db().job.findUnique({ where: { id: jobId } });
  if (!job) throw new NotFoundError("Job", jobId);
  const creator = job.createdById
    ? await db().user.findUnique({ where: { id: job.createdById }, select: { name: true } })
    : null;
  return {
    id: job.id,
    name: job.name,
    kind: job.kind,
    status: job.status,
    itemCount: job.itemCount,
    config: parseJob(job)?.config ?? null,
    createdAt: job.createdAt.toISOString(),
    createdByName: creator?.name ?? null,
  };
}
