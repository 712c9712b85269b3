import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { ConflictError, ForbiddenError, InvalidInputError } from "../errors";
import { RoleSchema, type Role } from "./roles";
import type { CreateInviteInput, InviteIdInput } from "./schemas";

const INVITE_DAYS = 7;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A token that names no usable invite: counted against the address (guessing links). */
export class InvalidInviteError extends ForbiddenError {
  constructor() {
    super("This invite link is not valid any more: ask an admin for a new one.");
  }
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
  await recordAudit({ actorId, action: "invite.created", entityId: invite.id, data: input });
  return { id: invite.id, token, expiresAt: invite.expiresAt };
}

/** An unused invite stops working at once; a used one has become an account (deactivate that). */
export async function revokeInvite(input: InviteIdInput, actorId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({ where: { id: input.inviteId } });
    const revoked = await tx.invite.updateMany({
      where: { id: input.inviteId, usedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (!invite || revoked.count === 0) {
      throw new ConflictError("This invite was already used or revoked: reload the page.");
    }
    await recordAudit(
      { actorId, action: "invite.revoked", entityId: invite.id, data: { email: invite.email } },
      tx,
    );
  });
}

/**
 * Inside a sign-up's transaction (under the accounts lock): the invite must be unused, unrevoked,
 * unexpired and for this email; it is spent in the same transaction as the account it creates.
 */
export async function redeemInvite(tx: Tx, token: string | undefined, email: string): Promise<Role> {
  if (!token) throw new ForbiddenError("Sign-up is by invitation: ask an admin for an invite link.");
  const now = new Date();
  const invite = await tx.invite.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!invite || invite.usedAt || invite.revokedAt || invite.expiresAt < now) throw new InvalidInviteError();
  if (invite.email !== email) throw new InvalidInputError(`This invite is for ${invite.email}.`);
  const spent = await tx.invite.updateMany({
    where: { id: invite.id, usedAt: null, revokedAt: null },
    data: { usedAt: now },
  });
  if (spent.count !== 1) throw new InvalidInviteError();
  return RoleSchema.parse(invite.role);
}

export async function listOpenInvites() {
  return db().invite.findMany({
    where: { usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, expiresAt: true },
  });
}
