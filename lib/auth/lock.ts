import { dbKind, type Tx } from "../db";

/**
 * Makes transactions that name the same lock take turns until they end, on both databases:
 * PostgreSQL with an advisory lock (there may be no row to lock yet, e.g. before the first
 * account), SQLite by taking the one write lock first, so a transaction in another process waits
 * (busy_timeout) instead of failing on a stale read. Within one process the SQLite adapter
 * already runs one transaction at a time.
 */
export async function lockFor(tx: Tx, name: string): Promise<void> {
  if (dbKind() === "postgres") {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${name}))`;
    return;
  }
  // A write statement takes SQLite's write lock even when it changes no row.
  await tx.$executeRaw`UPDATE "InstanceSetting" SET "key" = "key" WHERE 0`;
}

/** The lock every change to accounts and roles takes: first sign-up, invites, roles, deactivation. */
export const ACCOUNTS_LOCK = "tracebank:accounts";
