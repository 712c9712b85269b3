import "server-only";
import { recordAudit } from "../audit";
import type { AuditData } from "../audit/schemas";
import { db, type Tx } from "../db";
import { ConflictError } from "../errors";
import type { JobKind } from "./kind";

export type NewJob<C extends { kind: string }> = {
  kind: JobKind<C, unknown>;
  name: string;
  config: C;
  /** What planning is expected to write (shown while it runs); planning sets the exact count. */
  expectedItems: number;
  /** The prompt set the job works on, if any (kept from deletion while the job exists). */
  promptSetId?: string | null;
  actorId: string | null;
  /** The audit entry's payload for the launch. */
  audit: AuditData<"job.launched">;
  /** The launch's idempotency key (unique): see launchOnce. */
  launchKey?: string | null;
};

/**
 * Writes a job that waits to be planned: the frozen config, its teacher's provider (from the
 * kind's settings) and the audit entry of its launch. Returns at once: a worker plans the items
 * in batches, so a launch of a million items is as quick as one of ten.
 */
export async function createJob<C extends { kind: string }>(job: NewJob<C>, tx?: Tx): Promise<string> {
  const write = async (client: Tx) => {
    const settings = job.kind.settings(job.config);
    const created = await client.job.create({
      data: {
        name: job.name,
        kind: job.kind.name,
        mode: settings.mode,
        status: "planning",
        config: job.config as object,
        promptSetId: job.promptSetId ?? null,
        providerId: settings.teacher?.provider.id ?? null,
        itemCount: job.expectedItems,
        createdById: job.actorId,
        launchKey: job.launchKey ?? null,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: job.actorId,
        action: "job.launched",
        entityId: created.id,
        data: job.audit,
      },
      client,
    );
    return created.id;
  };
  return tx ? write(tx) : db().$transaction(write);
}

/**
 * Runs a launch at most once per key: a second launch with the key (a double submit, a request
 * retried after its answer was lost) gets the first one's job instead of creating another, also
 * when both run at once (the key is unique: the loser's insert fails, and it returns the winner's).
 * Without a key, it simply launches.
 */
export async function launchOnce(
  key: string | null | undefined,
  actorId: string | null,
  launch: (key: string | null) => Promise<string>,
): Promise<string> {
  if (!key) return launch(null);
  const first = await jobLaunchedWith(key, actorId);
  if (first) return first;
  try {
    return await launch(key);
  } catch (error) {
    // Whatever refused ours (the key, or the new prompt set's name), the winner's job is the answer.
    const winner = await jobLaunchedWith(key, actorId);
    if (winner) return winner;
    throw error;
  }
}

async function jobLaunchedWith(key: string, actorId: string | null): Promise<string | null> {
  const job = await db().job.findUnique({
    where: { launchKey: key },
    select: { id: true, createdById: true },
  });
  if (!job) return null;
  if (job.createdById !== actorId) throw new ConflictError("This launch key was used by another launch.");
  return job.id;
}
