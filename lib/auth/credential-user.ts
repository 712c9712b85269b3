import "server-only";
import { cuid, type Tx } from "../db";
import { isUniqueViolation } from "../errors";
import { ConflictError } from "../errors";
import { auth } from "./auth";
import type { Role } from "./roles";

export type NewAccount = { name: string; email: string; password: string; role: Role };

/** better-auth's password hash (scrypt), computed before a transaction so it holds no lock meanwhile. */
export async function hashPassword(password: string): Promise<string> {
  return (await auth().$context).password.hash(password);
}

/**
 * Writes a user and its email-and-password account as better-auth would (its sign-in finds them),
 * but inside the caller's transaction, so the account and its role commit together.
 */
export async function insertCredentialUser(
  tx: Tx,
  account: Omit<NewAccount, "password">,
  passwordHash: string,
): Promise<{ id: string; name: string; email: string; role: Role }> {
  if (await tx.user.findUnique({ where: { email: account.email }, select: { id: true } })) {
    throw new ConflictError(`An account for ${account.email} already exists. Sign in instead.`);
  }
  const id = cuid();
  try {
    await tx.user.create({
      data: { id, name: account.name, email: account.email, emailVerified: false, role: account.role },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`An account for ${account.email} already exists.`);
    throw error;
  }
  await tx.account.create({
    data: { id: cuid(), userId: id, accountId: id, providerId: "credential", password: passwordHash },
  });
  return { id, name: account.name, email: account.email, role: account.role };
}
