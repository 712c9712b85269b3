import "server-only";
import { db } from "../db/client";
import { JobConfigSchema, type JobConfig } from "../generation/schemas";
import { ACTIVE_JOB_STATUSES } from "./schemas";

/** A job the worker may lease from, with its frozen configuration. */
export type ActiveJob = { id: string; providerId: string; config: JobConfig };

const ACTIVE = { in: [...ACTIVE_JOB_STATUSES] };
const UNREADABLE =
  "This job's saved configuration cannot be read (it was written by another version). Launch it again.";

/**
 * The active jobs, oldest first. Configurations are frozen at launch, so each is read and parsed
 * once per worker (the cache forgets jobs that are no longer active). Queued jobs become running;
 * a job whose configuration no longer parses fails with the reason.
 */
export async function loadActiveJobs(
  configs: Map<string, JobConfig | null>,
  now: Date,
): Promise<ActiveJob[]> {
  const client = db();
  const rows = await client.job.findMany({
    where: { status: ACTIVE },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, status: true, providerId: true, startedAt: true },
  });
  const unknown = rows.filter((r) => !configs.has(r.id)).map((r) => r.id);
  if (unknown.length > 0) {
    const loaded = await client.job.findMany({
      where: { id: { in: unknown } },
      select: { id: true, config: true },
    });
    for (const { id, config } of loaded) {
      const parsed = JobConfigSchema.safeParse(config);
      configs.set(id, parsed.success ? parsed.data : null);
    }
  }
  const live = new Set(rows.map((r) => r.id));
  for (const id of configs.keys()) if (!live.has(id)) configs.delete(id);

  const active: ActiveJob[] = [];
  for (const row of rows) {
    const config = configs.get(row.id);
    if (!config) {
      await client.job.updateMany({
        where: { id: row.id, status: ACTIVE },
        data: { status: "failed", finishedAt: now, error: UNREADABLE },
      });
      continue;
    }
    if (row.status === "queued") {
      await client.job.updateMany({
        where: { id: row.id, status: "queued" },
        data: { status: "running", startedAt: row.startedAt ?? now },
      });
    }
    active.push({ id: row.id, providerId: row.providerId ?? config.provider.id, config });
  }
  return active;
}
