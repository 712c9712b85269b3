import "server-only";
import { isAPIError } from "better-auth/api";
import { db } from "../db";
import { ForbiddenError, InvalidInputError } from "../errors";
import { auth } from "./auth";
import { clientAddress } from "./client-address";
import type { SignInInput } from "./schemas";
import { assertNotThrottled, clearThrottle, failAndMaybeBlock, POLICIES, throttleKeys } from "./throttle";

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
  await assertNotThrottled([account.key, address.key], now);

  let userId: string;
  try {
    userId = (await auth().api.signInEmail({ body: input, headers })).user.id;
  } catch (error) {
    // Not instanceof: in the server bundle the class thrown and the one imported may be two copies.
    if (!isAPIError(error)) throw error;
    await failAndMaybeBlock([account, address], now);
    throw new InvalidInputError("Wrong email or password.");
  }
  await clearThrottle(account.key);

  const user = await db().user.findUnique({ where: { id: userId }, select: { deactivatedAt: true } });
  if (!user || user.deactivatedAt) {
    // The password was right, so saying why is safe; the session just opened ends at once.
    await db().session.deleteMany({ where: { userId } });
    throw new ForbiddenError("This account has been deactivated: ask an admin to reactivate it.");
  }
  return { userId };
}
