import "server-only";
import { dbKind, Prisma, type Tx } from "../db";

/**
 * Makes the session's reservations take turns until the transaction ends: 20 reviewers taking
 * at once each see the places the previous one left. PostgreSQL: an advisory lock; SQLite: the
 * one write lock, taken first (a write statement takes it even when it changes no row), so a
 * transaction in another process waits (busy_timeout) instead of failing on a stale read.
 */
export async function lockSessionTakes(tx: Tx, sessionId: string): Promise<void> {
  if (dbKind() === "postgres") {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`tracebank:session-take:${sessionId}`}))`;
    return;
  }
  await tx.$executeRaw`UPDATE "ReviewSession" SET "id" = "id" WHERE 0`;
}

/**
 * Holds these items' rows until the transaction ends: a decision, an undo, an adjudication and a
 * reservation on one item take turns, so its slot count and state are exact. Locked in position
 * order (takers and deciders never wait on each other in a cycle). SQLite: the write lock.
 */
export async function lockItems(tx: Tx, itemIds: readonly string[]): Promise<void> {
  if (itemIds.length === 0) return;
  if (dbKind() === "postgres") {
    await tx.$queryRaw`SELECT "id" FROM "ReviewSessionItem" WHERE "id" IN (${Prisma.join([...itemIds])})
      ORDER BY "position" FOR UPDATE`;
    return;
  }
  await tx.$executeRaw`UPDATE "ReviewSessionItem" SET "id" = "id" WHERE 0`;
}
