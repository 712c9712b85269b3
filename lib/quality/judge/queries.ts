import "server-only";
import { db } from "../../db";
import { listProviders } from "../../teacher";
import { QualityJudgeConfigSchema } from "./schemas";

export type JudgeRunView = {
  id: string;
  name: string;
  status: string;
  rubricVersionId: string | null;
  items: number;
  done: number;
  failed: number;
  createdAt: Date;
};

/** The latest judge runs, newest first, with how many of their items are done and failed. */
export async function recentJudgeRuns(limit = 20): Promise<JudgeRunView[]> {
  const jobs = await db().job.findMany({
    where: { kind: "quality-judge" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, name: true, status: true, itemCount: true, config: true, createdAt: true },
  });
  const counts = await db().jobItem.groupBy({
    by: ["jobId", "status"],
    where: { jobId: { in: jobs.map((j) => j.id) }, status: { in: ["done", "failed"] } },
    _count: { _all: true },
  });
  const count = (jobId: string, status: string) =>
    counts.find((c) => c.jobId === jobId && c.status === status)?._count._all ?? 0;
  return jobs.map((job) => ({
    id: job.id,
    name: job.name,
    status: job.status,
    rubricVersionId: QualityJudgeConfigSchema.safeParse(job.config).data?.rubricVersionId ?? null,
    items: job.itemCount,
    done: count(job.id, "done"),
    failed: count(job.id, "failed"),
    createdAt: job.createdAt,
  }));
}

export type Choice = { id: string; name: string };

/** What the run form offers: generation jobs and prompt sets to judge, teachers to judge with. */
export async function judgeFormChoices(): Promise<{
  jobs: Choice[];
  promptSets: Choice[];
  teachers: Choice[];
}> {
  const [jobs, promptSets, providers] = await Promise.all([
    db().job.findMany({
      where: { kind: "traces" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 200,
      select: { id: true, name: true },
    }),
    db().promptSet.findMany({ orderBy: { name: "asc" }, take: 500, select: { id: true, name: true } }),
    listProviders(),
  ]);
  return { jobs, promptSets, teachers: providers.map((p) => ({ id: p.id, name: `${p.name} (${p.model})` })) };
}
