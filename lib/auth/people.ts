import "server-only";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { ACCOUNTS_LOCK, lockFor } from "./lock";
import type { SetRoleInput, UserIdInput } from "./schemas";

// Changes to who may do what. Each runs in one transaction under the accounts lock and checks,
// inside it, that the actor is still an active admin and that one active admin remains: two
// admins demoting (or deactivating) each other at the same moment take turns, and the second
// finds it is no longer allowed.

function underAccountsLock<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(async (tx) => {
    await lockFor(tx, ACCOUNTS_LOCK);
    return work(tx);
  });
}

export async function requireActiveAdmin(tx: Tx, actorId: string): Promise<void> {
  const actor = await tx.user.findUnique({
    where: { id: actorId },
    select: { role: true, deactivatedAt: true },
  });
  if (!actor || actor.role !== "admin" || actor.deactivatedAt) {
    throw new ForbiddenError("Only an active admin can do this, and your account changed: reload the page.");
  }
}

async function findUser(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) throw new NotFoundError("User", userId);
  return user;
}

async function keepOneActiveAdmin(tx: Tx, user: { role: string; deactivatedAt: Date | null }) {
  if (user.role !== "admin" || user.deactivatedAt) return;
  const admins = await tx.user.count({ where: { role: "admin", deactivatedAt: null } });
  if (admins <= 1) {
    throw new ConflictError("Tracebank needs at least one active admin: make someone else admin first.");
  }
}

export async function setRole(input: SetRoleInput, actorId: string): Promise<void> {
  await underAccountsLock(async (tx) => {
    await requireActiveAdmin(tx, actorId);
    const user = await findUser(tx, input.userId);
    if (user.role === input.role) return;
    if (input.role !== "admin") await keepOneActiveAdmin(tx, user);
    await tx.user.update({ where: { id: user.id }, data: { role: input.role } });
    await recordAudit(
      { actorId, action: "user.role-set", entityId: user.id, data: { role: input.role } },
      tx,
    );
  });
}

/** The account can no longer sign in and its sessions end now; its work stays attributed to it. */
export async function deactivateUser(input: UserIdInput, actorId: string): Promise<{ sessions: number }> {
  return underAccountsLock(async (tx) => {
    await requireActiveAdmin(tx, actorId);
    if (input.userId === actorId) {
      throw new ConflictError("You cannot deactivate your own account: another admin can.");
    }
    const user = await findUser(tx, input.userId);
    if (user.deactivatedAt) throw new ConflictError(`${user.email} is already deactivated.`);
    await keepOneActiveAdmin(tx, user);
    await tx.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    const { count } = await tx.session.deleteMany({ where: { userId: user.id } });
    await recordAudit(
      { actorId, action: "user.deactivated", entityId: user.id, data: { sessionsEnded: count } },
      tx,
    );
    return { sessions: count };
  });
}

export async function reactivateUser(input: UserIdInput, actorId: string): Promise<void> {
  await underAccountsLock(async (tx) => {
    await requireActiveAdmin(tx, actorId);
    const user = await findUser(tx, input.userId);
    if (!user.deactivatedAt) throw new ConflictError(`${user.email} is already active.`);
    await tx.user.update({ where: { id: user.id }, data: { deactivatedAt: null } });
    await recordAudit({ actorId, action: "user.reactivated", entityId: user.id, data: {} }, tx);
  });
}

/**
 * Signs an account out everywhere: every session of it ends now (the next request of each browser
 * finds no session). Anyone for themselves; an admin for anyone (the action checks which).
 */
export async function endSessions(input: UserIdInput, actorId: string): Promise<{ sessions: number }> {
  return db().$transaction(async (tx) => {
    await findUser(tx, input.userId);
    const { count } = await tx.session.deleteMany({ where: { userId: input.userId } });
    await recordAudit(
      {
        actorId,
        action: "user.signed-out-everywhere",
        entityId: input.userId,
        data: { sessionsEnded: count },
      },
      tx,
    );
    return { sessions: count };
  });
}
