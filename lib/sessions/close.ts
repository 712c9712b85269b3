import "server-only";
import { recordAudit } from "../audit";
import { can } from "../auth";
import { db } from "../db";
import { ConflictError, ForbiddenError } from "../errors";
import type { Actor } from "./create";

/**
 * Closes an active session: it takes no more reservations or decisions (its disputed traces can
 * still be adjudicated); verdicts already given stand.
 */
export async function closeSession(sessionId: string, actor: Actor): Promise<void> {
  if (!can(actor.role, "sessions:manage"))
    throw new ForbiddenError("Only admins and curators close sessions.");
  await db().$transaction(async (tx) => {
    const closed = await tx.reviewSession.updateMany({
      where: { id: sessionId, status: "active" },
      data: { status: "closed", closedAt: new Date() },
    });
    if (closed.count === 0) {
      const session = await tx.reviewSession.findUnique({
        where: { id: sessionId },
        select: { status: true },
      });
      if (session?.status === "closed") return;
      throw new ConflictError(
        session
          ? `Only an active session can be closed (this one is ${session.status}).`
          : "No such session.",
      );
    }
    await recordAudit(
      {
        actorId: actor.id,
        action: "session.closed",
        entityId: sessionId,
        data: { before: { status: "active" }, after: { status: "closed" } },
      },
      tx,
    );
  });
}
