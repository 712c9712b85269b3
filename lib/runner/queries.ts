import "server-only";
import { db } from "../db/client";
import { NotFoundError } from "../errors";
import { itemCountsByJob, percentSettled, type ItemCounts } from "./progress";
import { JobConfigSchema, type JobConfig } from "../generation/schemas";

/** A row of the jobs list: JSON-safe, refreshed by GET /api/jobs. */
export type JobSummary = {
  id: string;
  name: string;
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
      status: true,
      itemCount: true,
      config: true,
      error: true,
      createdAt: true,
      provider: { select: { name: true, model: true } },
      promptSet: { select: { name: true } },
    },
  });
  const counts = await itemCountsByJob(jobs.map((j) => j.id));
  return jobs.map((job) => {
    const frozen = JobConfigSchema.safeParse(job.config);
    const jobCounts = counts.get(job.id)!;
    return {
      id: job.id,
      name: job.name,
      status: job.status,
      itemCount: job.itemCount,
      counts: jobCounts,
      percent: percentSettled(jobCounts, job.itemCount),
      providerName: frozen.success ? frozen.data.provider.name : (job.provider?.name ?? ""),
      model: frozen.success ? frozen.data.provider.model : (job.provider?.model ?? ""),
      promptSetName: frozen.success ? frozen.data.promptSet.name : (job.promptSet?.name ?? ""),
      error: job.error,
      createdAt: job.createdAt.toISOString(),
    };
  });
}

export type JobDetail = {
  id: string;
  name: string;
  status: string;
  itemCount: number;
  config: JobConfig;
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
    status: job.status,
    itemCount: job.itemCount,
    config: JobConfigSchema.parse(job.config),
    createdAt: job.createdAt.toISOString(),
    createdByName: creator?.name ?? null,
  };
}
