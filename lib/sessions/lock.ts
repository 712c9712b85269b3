import "server-only";
import { dbKind, Prisma, type Tx } from "../db";

// Every change to an item's slots (a reservation, a decision, an undo, a skip, an adjudication)
// happens with the item's row locked and its slots counted again under the lock, so no item
// ever has more than k slots holding places, on either database.

// Transactions that already hold SQLite's write lock: it lasts until they end.
const writing = new WeakSet<object>();

/**
 * SQLite: takes the one write lock now (a write statement takes it even when it changes no row),
 * so what the transaction reads next cannot go stale before it writes, and a transaction in
 * another process waits (busy_timeout) rather than failing. Within one process the adapter runs
 * one transaction at a time already. PostgreSQL locks rows instead (below).
 */
async function sqliteWriteLock(tx: Tx): Promise<void> {
  if (writing.has(tx)) return;
  await tx.$executeRaw`UPDATE "ReviewSession" SET "id" = "id" WHERE 0`;
  writing.add(tx);
}

/**
 * For reservations: locks those of these items nobody holds and returns their ids, skipping the
 * rest (PostgreSQL's SKIP LOCKED): reviewers taking at once spread over items instead of queueing
 * behind each other and behind decisions. SQLite: the write lock, and every id.
 */
export async function lockFreeItems(tx: Tx, itemIds: readonly string[]): Promise<Set<string>> {
  if (dbKind() !== "postgres") {
    await sqliteWriteLock(tx);
    return new Set(itemIds);
  }
  if (itemIds.length === 0) return new Set();
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "ReviewSessionItem"
    WHERE "id" IN (${Prisma.join([...itemIds])}) ORDER BY "position" FOR UPDATE SKIP LOCKED`;
  return new Set(rows.map((r) => r.id));
}

/**
 * Before a transaction reads what it will change: SQLite's write lock; nothing on PostgreSQL,
 * where the item rows are locked as they are read (FOR UPDATE) instead.
 */
export async function beginWrite(tx: Tx): Promise<void> {
  if (dbKind() !== "postgres") await sqliteWriteLock(tx);
}
