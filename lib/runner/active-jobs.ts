import "server-only";
import { db } from "../db";
import { logInfo } from "../log";
import type { ActiveJob } from "./active-job";
import type { AnyKind } from "./kind";
import { kindNamed } from "./registry";
import { ACTIVE_JOB_STATUSES } from "./schemas";

export type { ActiveJob } from "./active-job";

/** A job's frozen config as its kind reads it; null when it no longer parses. */
export type ParsedJob = { kind: AnyKind; config: { kind: string } } | null;

const ACTIVE = { in: [...ACTIVE_JOB_STATUSES] };
const UNREADABLE =
  "This job's saved configuration cannot be read (it was written by another version). Launch it again.";
// Kinds this process does not know: logged once, left to a process that does.
const unknownKinds = new Set<string>();

/** The kind of a job and its config parsed by it; undefined when no kind of that name is registered. */
export function parseJob(row: { kind: string; config: unknown }): ParsedJob | undefined {
  const kind = kindNamed(row.kind);
  if (!kind) return undefined;
  const parsed = kind.config.safeParse(row.config);
  return parsed.success ? { kind, config: parsed.data } : null;
}

/**
 * The active jobs, oldest first. Configurations are frozen at launch, so each is read and parsed
 * once per worker (the cache forgets jobs that are no longer active). Queued jobs become running;
 * a job whose configuration no longer parses fails with the reason; a job of a kind this process
 * does not know is skipped.
 */
export async function loadActiveJobs(cache: Map<string, ParsedJob>, now: Date): Promise<ActiveJob[]> {
  const client = db();
  const rows = await client.job.findMany({
    where: { status: ACTIVE },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, kind: true, status: true, providerId: true, startedAt: true },
  });
  const unknown = rows.filter((r) => !cache.has(r.id)).map((r) => r.id);
  if (unknown.length > 0) {
    const loaded = await client.job.findMany({
      where: { id: { in: unknown } },
      select: { id: true, kind: true, config: true },
    });
    for (const row of loaded) {
      const parsed = parseJob(row);
      if (parsed !== undefined) cache.set(row.id, parsed);
      else if (!unknownKinds.has(row.kind)) {
        unknownKinds.add(row.kind);
        logInfo(
          `worker: jobs of kind "${row.kind}" are not registered in this process; skipping them (${row.id})`,
        );
      }
    }
  }
  const live = new Set(rows.map((r) => r.id));
  for (const id of cache.keys()) if (!live.has(id)) cache.delete(id);

  const active: ActiveJob[] = [];
  for (const row of rows) {
    if (!cache.has(row.id)) continue;
    const parsed = cache.get(row.id);
    if (!parsed) {
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
    const settings = parsed.kind.settings(parsed.config);
    active.push({ id: row.id, ...parsed, settings, providerId: settings.teacher?.provider.id ?? null });
  }
  return active;
}
