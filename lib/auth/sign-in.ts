import "server-only";
import { isAPIError } from "better-auth/api";
import { db } from "../db";
import { ForbiddenError, InvalidInputError } from "../errors";
import { auth } from "./auth";
import { clientAddress } from "./client-address";
import type { SignInInput } from "./schemas";
import {
  claimAttempt,
  clearThrottle,
  POLICIES,
  releaseAttempt,
  throttleKeys,
  TooManyAttemptsError,
} from "./throttle";

/**
 * Email-and-password sign-in, throttled per account and per client address (throttle.ts): while
 * either is blocked the password is not even checked. A success clears the account's counter, not
 * the address's (else one valid account would reset an address guessing at others). Opens a
 * session (sets the cookie when called from an action); a deactivated account gets none.
 */
export async function signIn(
  input: SignInInput,
  headers: Headers,
  now = new Date(),
): Promise<{ userId: string }> {
  const account = { key: throttleKeys.signInAccount(input.email), policy: POLICIES.signInAccount };
  const address = { key: throttleKeys.signInAddress(clientAddress(headers)), policy: POLICIES.signInAddress };
  // Counted before the password is checked, so parallel guesses cannot share a free window.
  const blockedUntil = await claimAttempt([account, address], now);

  let userId: string;
  try {
    userId = (await auth().api.signInEmail({ body: input, headers })).user.id;
  } catch (error) {
    // Not instanceof: in the server bundle the class thrown and the one imported may be two copies.
    if (!isAPIError(error)) {
      for (const keyed of [account, address]) await releaseAttempt(keyed, now);
      throw error;
    }
    if (blockedUntil) throw new TooManyAttemptsError(blockedUntil - now.getTime());
    throw new InvalidInputError("Wrong email or password.");
  }
  await clearThrottle(account.key);
  await releaseAttempt(address, now);

  const user = await db().user.findUnique({ where: { id: userId }, select: { deactivatedAt: true } });
  if (!user || user.deactivatedAt) {
    // The password was right, so saying why is safe; the session just opened ends at once.
    await db().session.deleteMany({ where: { userId } });
    throw new ForbiddenError("This account has been deactivated: ask an admin to reactivate it.");
  }
  return { userId };
}
