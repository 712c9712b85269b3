import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { ConflictError, ForbiddenError, InvalidInputError } from "../errors";
import { createInvite, revokeInvite } from "./invites";
import { issueSetupCode, SETUP_CODE_KEY, WrongSetupCodeError } from "./setup-code";
import { registerUser } from "./sign-up";
import { TooManyAttemptsError } from "./throttle";

const from = (address: string) => new Headers({ "x-forwarded-for": address });
const person = (name: string, extra: { setupCode?: string; inviteToken?: string } = {}) => ({
  name,
  email: `${name.toLowerCase()}@example.test`,
  password: "long enough",
  ...extra,
});

describe("the first account", () => {
  it("needs the setup code from the log: none, a wrong one and a stale one are refused", async () => {
    await expect(registerUser(person("Mallory"), from("10.0.0.1"))).rejects.toBeInstanceOf(ForbiddenError);
    const stale = await issueSetupCode();
    const code = await issueSetupCode();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // Only a hash is stored.
    const stored = await db().instanceSetting.findUniqueOrThrow({ where: { key: SETUP_CODE_KEY } });
    expect(stored.value).not.toContain(code!.replace("-", ""));
    for (const wrong of ["AAAA-AAAA", stale!, ""]) {
      await expect(
        registerUser(person("Mallory", { setupCode: wrong }), from("10.0.0.1")),
      ).rejects.toBeInstanceOf(wrong ? WrongSetupCodeError : ForbiddenError);
    }
    expect(await db().user.count()).toBe(0);
  });

  it("two simultaneous first sign-ups with the code make exactly one account, an admin", async () => {
    const setupCode = (await issueSetupCode())!.toLowerCase(); // case and dashes do not matter
    const results = await Promise.allSettled([
      registerUser(person("Ada", { setupCode }), from("10.0.0.2")),
      registerUser(person("Grace", { setupCode }), from("10.0.0.3")),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    expect((won[0] as PromiseFulfilledResult<{ role: string }>).value.role).toBe("admin");
    expect(await db().user.count()).toBe(1);
    expect(await db().user.count({ where: { role: "admin" } })).toBe(1);
    // The code is spent with the first admin.
    expect(await db().instanceSetting.findUnique({ where: { key: SETUP_CODE_KEY } })).toBeNull();
    expect(await issueSetupCode()).toBeNull();
  });
});

describe("invites", () => {
  it("sign up once, for their email only, and stop working when revoked", async () => {
    const admin = await db().user.findFirstOrThrow({ where: { role: "admin" } });
    await expect(registerUser(person("Bob"), from("10.0.1.1"))).rejects.toBeInstanceOf(ForbiddenError);
    const invite = await createInvite({ email: "bob@example.test", role: "curator" }, admin.id);
    await expect(
      registerUser({ ...person("Eve"), inviteToken: invite.token }, from("10.0.1.1")),
    ).rejects.toBeInstanceOf(InvalidInputError);
    // The same invite redeemed twice at once: one account.
    const twice = await Promise.allSettled([
      registerUser(person("Bob", { inviteToken: invite.token }), from("10.0.1.1")),
      registerUser(person("Bob", { inviteToken: invite.token }), from("10.0.1.2")),
    ]);
    expect(twice.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await db().user.findUniqueOrThrow({ where: { email: "bob@example.test" } })).role).toBe(
      "curator",
    );

    const revoked = await createInvite({ email: "carl@example.test", role: "reviewer" }, admin.id);
    await revokeInvite({ inviteId: revoked.id }, admin.id);
    await expect(
      registerUser(person("Carl", { inviteToken: revoked.token }), from("10.0.1.3")),
    ).rejects.toThrow("not valid any more");
    await expect(revokeInvite({ inviteId: revoked.id }, admin.id)).rejects.toBeInstanceOf(ConflictError);
    expect(await db().auditEvent.count({ where: { action: "invite.revoked", entityId: revoked.id } })).toBe(
      1,
    );
  });

  it("throttles an address that keeps trying dead invite links", async () => {
    const attempts: unknown[] = [];
    for (let i = 0; i < 15; i++) {
      attempts.push(
        await registerUser(person("Guess", { inviteToken: `guess-${i}` }), from("10.0.2.1")).catch((e) => e),
      );
    }
    expect(attempts.slice(0, 9).every((e) => e instanceof ForbiddenError)).toBe(true);
    expect(attempts.slice(9).every((e) => e instanceof TooManyAttemptsError)).toBe(true);
    expect((attempts[14] as Error).message).toMatch(
      /^Too many failed attempts; try again in \d+ minutes?\.$/,
    );
    // Another address is not affected.
    await expect(registerUser(person("Guess", { inviteToken: "guess-x" }), from("10.0.2.2"))).rejects.toThrow(
      "not valid any more",
    );
  });
});
