import "server-only";
import { userNames } from "../auth";
import { db } from "../db";

export type HistoryEntry = {
  id: string;
  action: string;
  actorName: string | null;
  at: string;
  data: unknown;
};

const SHOWN = 200;

/**
 * A trace's audit trail, newest first: its own events (decisions with before/after, edits, flags,
 * comments) and the bulk actions that decided it, which are logged once for all their traces.
 */
export async function traceHistory(traceId: string): Promise<HistoryEntry[]> {
  const bulkIds = (
    await db().reviewDecision.findMany({
      where: { traceId, bulkActionId: { not: null } },
      select: { bulkActionId: true },
    })
  ).map((d) => d.bulkActionId!);
  const events = await db().auditEvent.findMany({
    where: {
      OR: [
        { entityType: "trace", entityId: traceId },
        ...(bulkIds.length ? [{ id: { in: bulkIds } }, { entityId: { in: bulkIds } }] : []),
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: SHOWN,
  });
  const names = await userNames(events.map((e) => e.actorId));
  return events.map((e) => ({
    id: e.id,
    action: e.action,
    actorName: e.actorId ? (names.get(e.actorId) ?? "(removed user)") : null,
    at: e.createdAt.toISOString(),
    data: e.data,
  }));
}
