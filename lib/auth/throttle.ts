import "server-only";
import { db } from "../db";
import { DomainError } from "../errors";
import { lockFor } from "./lock";

/**
 * How many failures a key may have before attempts are refused, and for how long: the first
 * delay after `freeFailures`, doubling with each further failure, never more than `maxDelayMs`
 * (so whoever fails on purpose cannot keep an account shut for longer than that after they stop).
 * A key whose last failure is older than `quietMs` starts again from zero.
 */
export type ThrottlePolicy = {
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
  quietMs: number;
};

const MINUTE = 60_000;
const growing = (freeFailures: number): ThrottlePolicy => ({
  freeFailures,
  firstDelayMs: 30_000,
  maxDelayMs: 15 * MINUTE,
  quietMs: 60 * MINUTE,
});

/** Per account a few tries; per address more (people behind one NAT share it). */
export const POLICIES = {
  signInAccount: growing(5),
  signInAddress: growing(20),
  inviteAddress: growing(10),
  setupCodeAddress: growing(10),
  // The setup code is one secret for the whole instance: every guess counts, whoever makes it.
  setupCodeAnyone: growing(20),
} as const satisfies Record<string, ThrottlePolicy>;

export class TooManyAttemptsError extends DomainError {
  override readonly status = 429;
  constructor(readonly retryAfterMs: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterMs / MINUTE));
    super(`Too many failed attempts; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
}

/** The delay a key's `failures`-th failure in a row earns (0 while it is still free). */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = Math.min(failures - policy.freeFailures, 30);
  return Math.min(policy.firstDelayMs * 2 ** doublings, policy.maxDelayMs);
}

/** Refuses (TooManyAttemptsError) while any of the keys is blocked; a refused attempt is not a failure. */
export async function assertNotThrottled(keys: string[], now = new Date()): Promise<void> {
  const rows = await db().authThrottle.findMany({
    where: { key: { in: keys }, blockedUntil: { gt: now } },
    select: { blockedUntil: true },
  });
  const until = Math.max(0, ...rows.map((r) => r.blockedUntil!.getTime()));
  if (until > now.getTime()) throw new TooManyAttemptsError(until - now.getTime());
}

/** Counts one failure for `key` and returns until when it is now blocked (null: not blocked). */
export async function recordFailure(
  key: string,
  policy: ThrottlePolicy,
  now = new Date(),
  { refuseIfBlocked = false } = {},
): Promise<Date | null> {
  return db().$transaction(async (tx) => {
    await lockFor(tx, `throttle:${key}`);
    const row = await tx.authThrottle.findUnique({ where: { key } });
    if (refuseIfBlocked && row?.blockedUntil && row.blockedUntil > now)
      throw new TooManyAttemptsError(row.blockedUntil.getTime() - now.getTime());
    const fresh = !row || now.getTime() - row.lastFailureAt.getTime() > policy.quietMs;
    const failures = fresh ? 1 : row.failures + 1;
    const delay = delayAfter(failures, policy);
    const blockedUntil = delay > 0 ? new Date(now.getTime() + delay) : null;
    const data = { failures, lastFailureAt: now, blockedUntil };
    await tx.authThrottle.upsert({
      where: { key },
      create: { key, firstFailureAt: now, ...data },
      update: fresh ? { firstFailureAt: now, ...data } : data,
    });
    return blockedUntil;
  });
}

type Keyed = { key: string; policy: ThrottlePolicy };

/**
 * Counts an attempt on every key before its secret is checked, and refuses (TooManyAttemptsError,
 * nothing counted) while a key is blocked: taken under each key's lock, so guesses sent in
 * parallel cannot all slip into one free window, as they could when failures were counted after
 * the check. A failure keeps the count; a success gives it back (releaseAttempt). Returns until
 * when this attempt itself blocked a key (0: it did not), so its failure can say "too many".
 */
export async function claimAttempt(keys: Keyed[], now = new Date()): Promise<number> {
  const claimed: Keyed[] = [];
  let until = 0;
  try {
    for (const keyed of keys) {
      const blocked = await recordFailure(keyed.key, keyed.policy, now, { refuseIfBlocked: true });
      claimed.push(keyed);
      if (blocked) until = Math.max(until, blocked.getTime());
    }
  } catch (error) {
    for (const keyed of claimed) await releaseAttempt(keyed, now);
    throw error;
  }
  return until > now.getTime() ? until : 0;
}

/** Gives back an attempt claimAttempt counted (it succeeded, or never got to check the secret). */
export async function releaseAttempt({ key, policy }: Keyed, now = new Date()): Promise<void> {
  await db().$transaction(async (tx) => {
    await lockFor(tx, `throttle:${key}`);
    const row = await tx.authThrottle.findUnique({ where: { key } });
    if (!row) return;
    const failures = row.failures - 1;
    if (failures <= 0) {
      await tx.authThrottle.delete({ where: { key } });
      return;
    }
    // Below the free failures again: the block this attempt may have set goes with it.
    const blockedUntil =
      delayAfter(failures, policy) > 0 && row.blockedUntil && row.blockedUntil > now
        ? row.blockedUntil
        : null;
    await tx.authThrottle.update({ where: { key }, data: { failures, blockedUntil } });
  });
}

export async function clearThrottle(key: string): Promise<void> {
  await db().authThrottle.deleteMany({ where: { key } });
}

/** Counts a failure on every key; throws TooManyAttemptsError if that failure blocked one. */
export async function failAndMaybeBlock(
  failures: Array<{ key: string; policy: ThrottlePolicy }>,
  now = new Date(),
): Promise<void> {
  let until = 0;
  for (const { key, policy } of failures) {
    const blocked = await recordFailure(key, policy, now);
    if (blocked) until = Math.max(until, blocked.getTime());
  }
  if (until > now.getTime()) throw new TooManyAttemptsError(until - now.getTime());
}

export const throttleKeys = {
  signInAccount: (email: string) => `sign-in:account:${email}`,
  signInAddress: (address: string) => `sign-in:address:${address}`,
  inviteAddress: (address: string) => `invite:address:${address}`,
  setupCodeAddress: (address: string) => `setup-code:address:${address}`,
  setupCodeAnyone: "setup-code:anyone",
};
