import "server-only";
import { recordAudit } from "../audit";
import { db } from "../db";
import { auth } from "./auth";
import { clientAddress } from "./client-address";
import { hashPassword, insertCredentialUser } from "./credential-user";
import { InvalidInviteError, redeemInvite } from "./invites";
import { ACCOUNTS_LOCK, lockFor } from "./lock";
import type { Role } from "./roles";
import type { SignUpInput } from "./schemas";
import { spendSetupCode, WrongSetupCodeError } from "./setup-code";
import { assertNotThrottled, failAndMaybeBlock, POLICIES, throttleKeys } from "./throttle";
import type { SessionUser } from "./users";

/**
 * Self-service sign-up. The very first account becomes admin, with the setup code from the
 * server's log; after that only holders of an invite sign up, with the invite's role. Counting
 * users, spending the code or invite and writing the account with its role are one transaction
 * under the accounts lock, so two simultaneous first sign-ups make exactly one admin. Wrong codes
 * and dead invite links count against the client's address (throttle.ts). Opens a session (sets
 * the cookie when called from an action).
 */
export async function registerUser(input: SignUpInput, headers: Headers): Promise<SessionUser> {
  const address = clientAddress(headers);
  const setupKeys = [
    { key: throttleKeys.setupCodeAddress(address), policy: POLICIES.setupCodeAddress },
    { key: throttleKeys.setupCodeAnyone, policy: POLICIES.setupCodeAnyone },
  ];
  const inviteKeys = [{ key: throttleKeys.inviteAddress(address), policy: POLICIES.inviteAddress }];
  await assertNotThrottled([...setupKeys, ...inviteKeys].map((k) => k.key));

  const passwordHash = await hashPassword(input.password);
  let user: SessionUser;
  try {
    user = await db().$transaction(async (tx) => {
      await lockFor(tx, ACCOUNTS_LOCK);
      const first = (await tx.user.count()) === 0;
      let role: Role;
      if (first) {
        await spendSetupCode(tx, input.setupCode);
        await tx.authThrottle.deleteMany({ where: { key: { startsWith: "setup-code:" } } });
        role = "admin";
      } else {
        role = await redeemInvite(tx, input.inviteToken, input.email);
      }
      const created = await insertCredentialUser(tx, { ...input, role }, passwordHash);
      await recordAudit(
        { actorId: created.id, action: "user.signed-up", entityId: created.id, data: { role } },
        tx,
      );
      return created;
    });
  } catch (error) {
    if (error instanceof WrongSetupCodeError) await failAndMaybeBlock(setupKeys);
    if (error instanceof InvalidInviteError) await failAndMaybeBlock(inviteKeys);
    throw error;
  }
  await auth().api.signInEmail({ body: { email: input.email, password: input.password }, headers });
  return user;
}
