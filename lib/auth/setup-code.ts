import "server-only";
import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import { db, type Tx } from "../db";
import { ForbiddenError } from "../errors";

/**
 * The one-time code that claims a fresh install: printed in the server's log at start while no
 * account exists (only its hash is stored), asked for by the sign-up page, deleted when the first
 * admin is created. Whoever reaches the port first no longer becomes admin; whoever reads the log
 * does.
 */
export const SETUP_CODE_KEY = "setup-code-hash";

// Crockford's base32 without I, L, O, U: nothing to misread. 8 symbols are 40 bits, and guesses
// are throttled (throttle.ts), so the code can stay short enough to type.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

const digest = (code: string) => createHash("sha256").update(normaliseCode(code)).digest();

/** Case, spaces and dashes do not matter when typing the code. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, "");
}

/**
 * A new code replaces any earlier one (a restart prints a new code; only the last one printed
 * works) and starts its guess counters afresh. Null when an account already exists.
 */
export async function issueSetupCode(): Promise<string | null> {
  const code = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  const value = digest(code).toString("hex");
  const issued = await db().$transaction(async (tx) => {
    if ((await tx.user.count()) > 0) {
      await tx.instanceSetting.deleteMany({ where: { key: SETUP_CODE_KEY } });
      return false;
    }
    await tx.instanceSetting.upsert({
      where: { key: SETUP_CODE_KEY },
      create: { key: SETUP_CODE_KEY, value },
      update: { value },
    });
    await tx.authThrottle.deleteMany({ where: { key: { startsWith: "setup-code:" } } });
    return true;
  });
  return issued ? `${code.slice(0, 4)}-${code.slice(4)}` : null;
}

export class WrongSetupCodeError extends ForbiddenError {}

/** Inside the first sign-up's transaction: the code must match (constant time), and is spent. */
export async function spendSetupCode(tx: Tx, code: string | undefined): Promise<void> {
  const stored = await tx.instanceSetting.findUnique({ where: { key: SETUP_CODE_KEY } });
  if (!stored) {
    throw new ForbiddenError(
      "No setup code is active: restart the server and use the setup code it prints in its log.",
    );
  }
  const expected = Buffer.from(stored.value, "hex");
  const given = digest(code ?? "");
  if (!code || expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new WrongSetupCodeError(
      "That setup code is not right. Use the one in the server's log (the latest, if it restarted).",
    );
  }
  await tx.instanceSetting.delete({ where: { key: SETUP_CODE_KEY } });
}
