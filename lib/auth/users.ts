import "server-only";
import { recordAudit } from "../audit";
import { db } from "../db";
import { auth } from "./auth";
import { hashPassword, insertCredentialUser } from "./credential-user";
import { ACCOUNTS_LOCK, lockFor } from "./lock";
import { requireActiveAdmin } from "./people";
import { RoleSchema, type Role } from "./roles";
import type { CreateUserInput } from "./schemas";

export type SessionUser = { id: string; name: string; email: string; role: Role };

/** An admin creates an account directly (no session is opened for it). */
export async function createUser(input: CreateUserInput, actorId: string): Promise<SessionUser> {
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    await lockFor(tx, ACCOUNTS_LOCK);
    await requireActiveAdmin(tx, actorId);
    const user = await insertCredentialUser(tx, input, passwordHash);
    await recordAudit(
      { actorId, action: "user.created", entityId: user.id, data: { email: input.email, role: input.role } },
      tx,
    );
    return user;
  });
}

export async function listUsers() {
  const now = new Date();
  const users = await db().user.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      createdAt: true,
      deactivatedAt: true,
      _count: { select: { sessions: { where: { expiresAt: { gt: now } } } } },
    },
  });
  return users.map(({ _count, ...u }) => ({ ...u, sessions: _count.sessions }));
}

export async function hasAnyUser(): Promise<boolean> {
  return (await db().user.count()) > 0;
}

/**
 * The signed-in user, or null. Deactivating deletes an account's sessions; the account's row is
 * read here as well, so a deactivated account is refused even if a session outlived that.
 */
export async function sessionUser(headers: Headers): Promise<SessionUser | null> {
  const session = await auth().api.getSession({ headers });
  if (!session) return null;
  const account = await db().user.findUnique({
    where: { id: session.user.id },
    select: { role: true, deactivatedAt: true },
  });
  if (!account || account.deactivatedAt) return null;
  const role = RoleSchema.safeParse(account.role);
  return {
    id: session.user.id,
    name: session.user.name,
    email: session.user.email,
    role: role.success ? role.data : "reviewer",
  };
}
