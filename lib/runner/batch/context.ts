import "server-only";
import { db } from "../../db";
import type { BatchTeacher } from "../../teacher";
import { parseJob } from "../active-jobs";
import type { AnyKind, FrozenTeacher, RunSettings } from "../kind";

/** Most requests in one provider batch (both APIs allow more; this keeps uploads and ingests bounded). */
export const MAX_BATCH_REQUESTS = 10_000;
/** How long a worker may hold a submission while building, uploading, polling or ingesting it. */
export const SUBMISSION_LEASE_MS = 15 * 60_000;
/** Polls start every 5 s and slow to once a minute as a batch ages (a quarter of its age). */
export const POLL_MIN_MS = 5_000;
export const POLL_MAX_MS = 60_000;
/** Results stored per transaction while ingesting. */
export const INGEST_GROUP = 100;

export type Provider = FrozenTeacher;

/** A batch-mode job: its kind (which must know batch mode), config and settings. */
export type BatchJob = {
  id: string;
  kind: AnyKind & { batch: NonNullable<AnyKind["batch"]> };
  config: { kind: string };
  settings: RunSettings & { teacher: NonNullable<RunSettings["teacher"]> };
};

/** One advanceBatches call: who, when, and how to reach a provider's batch API. */
export type BatchRun = {
  workerId: string;
  now: Date;
  teacherFor: (provider: Provider) => Promise<BatchTeacher>;
};

export type Submission = {
  id: string;
  jobId: string;
  externalId: string | null;
  submittedAt: Date | null;
};

const TEACHER_TTL_MS = 30_000;
const teachers = new Map<string, { teacher: BatchTeacher; at: number }>();

/** The job's frozen endpoint and model (cached briefly: the API key is read from the provider row). */
export async function frozenBatchTeacher(provider: Provider): Promise<BatchTeacher> {
  const key = JSON.stringify(provider);
  const cached = teachers.get(key);
  if (cached && Date.now() - cached.at < TEACHER_TTL_MS) return cached.teacher;
  // Loaded when first needed: the provider SDKs weigh tens of MB in a worker that never calls one.
  const { batchTeacherForProvider } = await import("../../teacher");
  const teacher = await batchTeacherForProvider(provider.id, {
    kind: provider.kind,
    baseUrl: provider.baseUrl,
    model: provider.model,
  });
  teachers.set(key, { teacher, at: Date.now() });
  return teacher;
}

/** The job as batch mode needs it; null when its kind is unknown here, not batchable, or unreadable. */
export async function batchJob(jobId: string): Promise<BatchJob | null> {
  const row = await db().job.findUnique({ where: { id: jobId }, select: { kind: true, config: true } });
  return row ? asBatchJob(jobId, row) : null;
}

export function asBatchJob(id: string, row: { kind: string; config: unknown }): BatchJob | null {
  const parsed = parseJob(row);
  if (!parsed || !parsed.kind.batch) return null;
  const settings = parsed.kind.settings(parsed.config);
  if (!settings.teacher) return null;
  return {
    id,
    kind: parsed.kind as BatchJob["kind"],
    config: parsed.config,
    settings: { ...settings, teacher: settings.teacher },
  };
}

/** Submissions nobody holds, or whose holder's lease ran out. */
export const unheld = (now: Date) => ({
  OR: [{ leaseOwner: null }, { leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }],
});

/**
 * Takes a submission for this worker when it is in `status` and nobody holds it (or the holder's
 * lease ran out): one conditional UPDATE, so only one worker wins.
 */
export async function takeSubmission(run: BatchRun, id: string, status: string): Promise<boolean> {
  const taken = await db().batchSubmission.updateMany({
    where: {
      id,
      status,
      ...unheld(run.now),
    },
    data: { leaseOwner: run.workerId, leaseExpiresAt: new Date(run.now.getTime() + SUBMISSION_LEASE_MS) },
  });
  return taken.count === 1;
}

/** Changes a submission we hold; false when we no longer hold it. */
export async function updateHeld(
  run: BatchRun,
  id: string,
  data: Parameters<ReturnType<typeof db>["batchSubmission"]["updateMany"]>[0]["data"],
): Promise<boolean> {
  const updated = await db().batchSubmission.updateMany({ where: { id, leaseOwner: run.workerId }, data });
  return updated.count === 1;
}

export const released = { leaseOwner: null, leaseExpiresAt: null };
