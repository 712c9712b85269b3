import "server-only";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { NotFoundError } from "../errors";

/** Marks a trace for a second look, or clears the mark; audited either way. */
export async function setTraceFlag(
  input: { traceId: string; flagged: boolean },
  actorId: string,
): Promise<{ traceId: string; flagged: boolean }> {
  const { traceId, flagged } = input;
  return db().$transaction(async (tx) => {
    const updated = await tx.trace.updateMany({
      where: { id: traceId },
      data: flagged
        ? { flaggedAt: new Date(), flaggedById: actorId }
        : { flaggedAt: null, flaggedById: null },
    });
    if (updated.count === 0) throw new NotFoundError("Trace", traceId);
    await recordAudit({ actorId, action: "trace.flagged", entityId: traceId, data: { flagged } }, tx);
    return { traceId, flagged };
  });
}

/** In the caller's transaction: flags the traces not flagged yet; returns their ids. */
export async function flagTraces(tx: Tx, traceIds: readonly string[], actorId: string): Promise<string[]> {
  const unflagged = await tx.trace.findMany({
    where: { id: { in: [...traceIds] }, flaggedAt: null },
    select: { id: true },
  });
  const ids = unflagged.map((t) => t.id);
  if (ids.length)
    await tx.trace.updateMany({
      where: { id: { in: ids } },
      data: { flaggedAt: new Date(), flaggedById: actorId },
    });
  return ids;
}
