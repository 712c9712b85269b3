import { createHash, randomBytes } from "node:crypto";
import { db } from "../db";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "../errors";
import { recordAudit } from "../audit";
import { auth } from "./auth";
import { RoleSchema, type Role } from "./roles";
import type { CreateInviteInput, CreateUserInput, SetRoleInput, SignUpInput } from "./schemas";

export type SessionUser = { id: string; name: string; email: string; role: Role };

const INVITE_DAYS = 7;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Self-service sign-up: the very first account becomes admin; after that, only holders of an
 * invite can sign up, with the invite's role. Sets the session cookie when called from an action.
 */
export async function registerUser(input: SignUpInput, headers: Headers): Promise<SessionUser> {
  const client = db();
  const firstAccount = (await client.user.count()) === 0;
  const invite = firstAccount ? null : await usableInvite(input.inviteToken, input.email);
  if (await client.user.findUnique({ where: { email: input.email } })) {
    throw new ConflictError("An account with this email already exists. Sign in instead.");
  }
  const { user } = await auth().api.signUpEmail({
    body: { name: input.name, email: input.email, password: input.password },
    headers,
  });
  // Two simultaneous first sign-ups: only the oldest account becomes admin.
  const oldest = await client.user.findFirst({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const role: Role = invite ? RoleSchema.parse(invite.role) : oldest?.id === user.id ? "admin" : "reviewer";
  await client.user.update({ where: { id: user.id }, data: { role } });
  if (invite) await client.invite.update({ where: { id: invite.id }, data: { usedAt: new Date() } });
  await recordAudit({
    actorId: user.id,
    action: "user.signed-up",
    entityId: user.id,
    data: { role },
  });
  return { id: user.id, name: user.name, email: user.email, role };
}

async function usableInvite(token: string | undefined, email: string) {
  if (!token) throw new ForbiddenError("Sign-up is by invitation: ask an admin for an invite link.");
  const invite = await db().invite.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!invite || invite.usedAt || invite.expiresAt < new Date()) {
    throw new ForbiddenError("This invite link is not valid any more: ask an admin for a new one.");
  }
  if (invite.email !== email) throw new InvalidInputError(`This invite is for ${invite.email}.`);
  return invite;
}

export async function createInvite(input: CreateInviteInput, actorId: string) {
  const token = randomBytes(24).toString("base64url");
  const invite = await db().invite.create({
    data: {
      email: input.email,
      role: input.role,
      tokenHash: hashToken(token),
      createdById: actorId,
      expiresAt: new Date(Date.now() + INVITE_DAYS * 86_400_000),
    },
  });
  await recordAudit({
    actorId,
    action: "invite.created",
    entityId: invite.id,
    data: input,
  });
  return { id: invite.id, token, expiresAt: invite.expiresAt };
}

/** An admin creates an account directly (no session is opened for it). */
export async function createUser(input: CreateUserInput, actorId: string): Promise<SessionUser> {
  if (await db().user.findUnique({ where: { email: input.email } })) {
    throw new ConflictError(`An account for ${input.email} already exists.`);
  }
  const ctx = await auth().$context;
  const user = await ctx.internalAdapter.createUser(
    { name: input.name, email: input.email, emailVerified: false },
    { method: "admin" },
  );
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: "credential",
    accountId: user.id,
    password: await ctx.password.hash(input.password),
  });
  await db().user.update({ where: { id: user.id }, data: { role: input.role } });
  await recordAudit({
    actorId,
    action: "user.created",
    entityId: user.id,
    data: { email: input.email, role: input.role },
  });
  return { id: user.id, name: user.name, email: user.email, role: input.role };
}

export async function setRole(input: SetRoleInput, actorId: string): Promise<void> {
  const client = db();
  const user = await client.user.findUnique({ where: { id: input.userId } });
  if (!user) throw new NotFoundError("User", input.userId);
  if (user.role === "admin" && input.role !== "admin") {
    const admins = await client.user.count({ where: { role: "admin" } });
    if (admins <= 1)
      throw new ConflictError("Tracebank needs at least one admin: promote someone else first.");
  }
  await client.user.update({ where: { id: user.id }, data: { role: input.role } });
  await recordAudit({
    actorId,
    action: "user.role-set",
    entityId: user.id,
    data: { role: input.role },
  });
}

export async function listUsers() {
  return db().user.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, email: true, role: true, createdAt: true },
  });
}

export async function listOpenInvites() {
  return db().invite.findMany({
    where: { usedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, expiresAt: true },
  });
}

export async function hasAnyUser(): Promise<boolean> {
  return (await db().user.count()) > 0;
}

export async function sessionUser(headers: Headers): Promise<SessionUser | null> {
  const session = await auth().api.getSession({ headers });
  if (!session) return null;
  const role = RoleSchema.safeParse((session.user as { role?: unknown }).role);
  return {
    id: session.user.id,
    name: session.user.name,
    email: session.user.email,
    role: role.success ? role.data : "reviewer",
  };
}
