import "server-only";
import { recordAudit } from "../audit";
import type { AuditData } from "../audit/schemas";
import { db, type Tx } from "../db";
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
