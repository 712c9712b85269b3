import "server-only";
import { recordAudit } from "../audit";
import type { Tx } from "../db";
import type { SessionPlanConfig } from "./schemas";

/**
 * When the planning job ends: a complete plan makes the session active with its exact item
 * count; a failed or cancelled one (or one with failed batches) leaves it failed, and the job
 * page says why.
 */
export async function finishPlanning(
  tx: Tx,
  job: { id: string; status: string; error: string | null },
  config: SessionPlanConfig,
): Promise<void> {
  const planned = job.status === "completed" && !job.error;
  const items = await tx.reviewSessionItem.count({ where: { sessionId: config.sessionId } });
  const status = planned ? "active" : "failed";
  const changed = await tx.reviewSession.updateMany({
    where: { id: config.sessionId, status: "planning" },
    data: { status, itemCount: items },
  });
  if (changed.count === 0) return;
  const { createdById } = await tx.job.findUniqueOrThrow({
    where: { id: job.id },
    select: { createdById: true },
  });
  await recordAudit(
    {
      actorId: createdById,
      action: "session.planned",
      entityId: config.sessionId,
      data: { before: { status: "planning" }, after: { status, items } },
    },
    tx,
  );
}
