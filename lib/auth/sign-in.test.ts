import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "../db/client";
import { ForbiddenError, InvalidInputError } from "../errors";
import { createTestUser } from "../testing/fixtures";
import { deactivateUser, reactivateUser } from "./people";
import { signIn } from "./sign-in";
import { delayAfter, POLICIES, TooManyAttemptsError } from "./throttle";
import { createUser } from "./users";

const from = (address: string) => new Headers({ "x-forwarded-for": address });
const later = (ms: number) => new Date(Date.now() + ms);
let adminId: string;

async function account(name: string) {
  const email = `${name}@example.test`;
  await createUser({ name, email, password: "the right password", role: "reviewer" }, adminId);
  return email;
}

beforeAll(async () => {
  adminId = (await createTestUser("admin")).id;
});

describe("sign-in throttling", () => {
  it("refuses after 5 wrong passwords without checking any more, even the right one, until the delay ends", async () => {
    const email = await account("throttled");
    const outcomes: unknown[] = [];
    for (let i = 0; i < 15; i++) {
      outcomes.push(await signIn({ email, password: `wrong ${i}` }, from("10.1.0.1")).catch((e) => e));
    }
    expect(outcomes.slice(0, 4).every((e) => e instanceof InvalidInputError)).toBe(true);
    expect(outcomes.slice(4).every((e) => e instanceof TooManyAttemptsError)).toBe(true);
    expect((outcomes[14] as Error).message).toBe("Too many failed attempts; try again in 1 minute.");
    // Only five were counted: refused attempts do not lengthen the delay.
    const row = await db().authThrottle.findUniqueOrThrow({ where: { key: `sign-in:account:${email}` } });
    expect(row.failures).toBe(5);

    // From another address too (the account's counter), and with the right password.
    await expect(signIn({ email, password: "the right password" }, from("10.1.0.2"))).rejects.toBeInstanceOf(
      TooManyAttemptsError,
    );
    // After the delay the right password works and clears the account's counter.
    await expect(
      signIn({ email, password: "the right password" }, from("10.1.0.2"), later(31_000)),
    ).resolves.toHaveProperty("userId");
    expect(await db().authThrottle.findUnique({ where: { key: `sign-in:account:${email}` } })).toBeNull();
  });

  it("counts guesses sent all at once before checking them: no more than five passwords are tried", async () => {
    const email = await account("parallel");
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        signIn({ email, password: `wrong ${i}` }, from("10.1.5.1")).catch((e: unknown) => e),
      ),
    );
    // Four answered "wrong", the fifth blocked the account, the rest were refused unchecked.
    expect(outcomes.filter((e) => e instanceof InvalidInputError)).toHaveLength(4);
    expect(outcomes.filter((e) => e instanceof TooManyAttemptsError)).toHaveLength(26);
    const row = await db().authThrottle.findUniqueOrThrow({ where: { key: `sign-in:account:${email}` } });
    expect(row.failures).toBe(5);
  });

  it("gives the address its attempt back when the password was right", async () => {
    const email = await account("regular");
    for (let i = 0; i < 3; i++) await signIn({ email, password: "the right password" }, from("10.1.6.1"));
    expect(await db().authThrottle.findUnique({ where: { key: "sign-in:address:10.1.6.1" } })).toBeNull();
  });

  it("grows the delay with each further failure, never beyond 15 minutes", async () => {
    const delays = Array.from({ length: 12 }, (_, i) => delayAfter(i + 1, POLICIES.signInAccount));
    expect(delays.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(delays.slice(4, 8)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(Math.max(...delays)).toBe(15 * 60_000);

    const email = await account("growing");
    for (let i = 0; i < 5; i++) await signIn({ email, password: "wrong" }, from("10.1.1.1")).catch(() => {});
    // The delay ended: the next failure is checked, and blocks for longer.
    await expect(signIn({ email, password: "wrong" }, from("10.1.1.1"), later(31_000))).rejects.toThrow(
      "try again in 1 minute",
    );
    await expect(signIn({ email, password: "wrong" }, from("10.1.1.1"), later(100_000))).rejects.toThrow(
      "try again in 2 minutes",
    );
  });

  it("keeps its counters in the database, so a fresh process sees them", async () => {
    const email = await account("persisted");
    for (let i = 0; i < 5; i++) await signIn({ email, password: "wrong" }, from("10.1.2.1")).catch(() => {});
    vi.resetModules();
    const fresh = await import("./sign-in");
    expect(fresh.signIn).not.toBe(signIn);
    await expect(fresh.signIn({ email, password: "the right password" }, from("10.1.2.9"))).rejects.toThrow(
      "Too many failed attempts",
    );
  });

  it("counts an address across accounts, apart from each account's own counter", async () => {
    const emails = await Promise.all(["a1", "a2", "a3", "a4", "a5"].map(account));
    const outcomes: unknown[] = [];
    // Four wrong passwords on each of five accounts: no account reaches its limit of five.
    for (const email of emails)
      for (let i = 0; i < 4; i++)
        outcomes.push(await signIn({ email, password: "wrong" }, from("10.1.3.1")).catch((e) => e));
    expect(outcomes.at(-1)).toBeInstanceOf(TooManyAttemptsError);
    expect(outcomes.slice(0, 19).every((e) => e instanceof InvalidInputError)).toBe(true);
    // The address is blocked for every account; the accounts are not, from elsewhere.
    await expect(
      signIn({ email: emails[0]!, password: "the right password" }, from("10.1.3.1")),
    ).rejects.toBeInstanceOf(TooManyAttemptsError);
    await expect(
      signIn({ email: emails[0]!, password: "the right password" }, from("10.1.3.2")),
    ).resolves.toHaveProperty("userId");
  });

  it("refuses a deactivated account with the right password, and says so", async () => {
    const email = await account("leaver");
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    await deactivateUser({ userId: user.id }, adminId);
    const refused = signIn({ email, password: "the right password" }, from("10.1.4.1"));
    await expect(refused).rejects.toBeInstanceOf(ForbiddenError);
    await expect(refused).rejects.toThrow("deactivated");
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
    await reactivateUser({ userId: user.id }, adminId);
    await expect(signIn({ email, password: "the right password" }, from("10.1.4.1"))).resolves.toEqual({
      userId: user.id,
    });
  });
});
