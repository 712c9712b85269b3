import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { ConflictError, ForbiddenError } from "../errors";
import { createTestUser } from "../testing/fixtures";
import { auth } from "./auth";
import { deactivateUser, endSessions, reactivateUser, setRole } from "./people";
import { createUser, sessionUser } from "./users";

const PASSWORD = "a password of theirs";
let founderId: string;

/** Signs in as better-auth would for a browser and returns that browser's cookie header. */
async function browserOf(email: string): Promise<Headers> {
  const { headers } = await auth().api.signInEmail({
    body: { email, password: PASSWORD },
    returnHeaders: true,
  });
  const cookie = headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return new Headers({ cookie });
}

async function person(name: string, role: "admin" | "curator" | "reviewer" = "reviewer") {
  return createUser({ name, email: `${name}@example.test`, password: PASSWORD, role }, founderId);
}

/** Leaves these two the only active admins (the founder, who created them, steps back). */
async function onlyAdmins(...ids: string[]) {
  await db().user.updateMany({ where: { role: "admin", id: { notIn: ids } }, data: { role: "curator" } });
}

beforeEach(async () => {
  // Each test starts with the founder as an active admin, whatever the last one did.
  if (founderId)
    await db().user.update({ where: { id: founderId }, data: { role: "admin", deactivatedAt: null } });
});

beforeAll(async () => {
  founderId = (await createTestUser("admin")).id;
});

describe("removing people", () => {
  it("deactivating ends the account's sessions at once and refuses it even with an old cookie", async () => {
    const rita = await person("rita");
    const laptop = await browserOf(rita.email);
    const phone = await browserOf(rita.email);
    expect((await sessionUser(laptop))?.id).toBe(rita.id);

    expect(await deactivateUser({ userId: rita.id }, founderId)).toEqual({ sessions: 2 });
    expect(await sessionUser(laptop)).toBeNull();
    expect(await sessionUser(phone)).toBeNull();
    expect(await db().session.count({ where: { userId: rita.id } })).toBe(0);

    // A session that outlived deactivation (say, written by a process that had not seen it yet).
    await reactivateUser({ userId: rita.id }, founderId);
    const tablet = await browserOf(rita.email);
    await db().user.update({ where: { id: rita.id }, data: { deactivatedAt: new Date() } });
    expect(await db().session.count({ where: { userId: rita.id } })).toBe(1);
    expect(await sessionUser(tablet)).toBeNull();

    const audit = await db().auditEvent.findMany({
      where: { entityId: rita.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["user.created", "user.deactivated", "user.reactivated"]);
  });

  it("signs an account out everywhere", async () => {
    const sam = await person("sam");
    const [one, two] = [await browserOf(sam.email), await browserOf(sam.email)];
    expect(await endSessions({ userId: sam.id }, sam.id)).toEqual({ sessions: 2 });
    expect(await sessionUser(one)).toBeNull();
    expect(await sessionUser(two)).toBeNull();
    // Signing in again works: it was not a deactivation.
    expect((await sessionUser(await browserOf(sam.email)))?.id).toBe(sam.id);
  });

  it("never leaves the instance without an active admin", async () => {
    await expect(setRole({ userId: founderId, role: "curator" }, founderId)).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(deactivateUser({ userId: founderId }, founderId)).rejects.toBeInstanceOf(ConflictError);
    const second = await person("second", "admin");
    // A deactivated admin does not count as the other admin.
    await deactivateUser({ userId: second.id }, founderId);
    await expect(setRole({ userId: founderId, role: "reviewer" }, founderId)).rejects.toBeInstanceOf(
      ConflictError,
    );
    // Nor can a deactivated or demoted admin act.
    await expect(reactivateUser({ userId: second.id }, second.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("two admins demoting each other at the same moment: exactly one succeeds", async () => {
    const [a, b] = [await person("demoter-a", "admin"), await person("demoter-b", "admin")];
    await onlyAdmins(a.id, b.id);
    const results = await Promise.allSettled([
      setRole({ userId: b.id, role: "curator" }, a.id),
      setRole({ userId: a.id, role: "curator" }, b.id),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().user.count({ where: { role: "admin", deactivatedAt: null } })).toBe(1);
  });

  it("two admins deactivating each other at the same moment: exactly one succeeds", async () => {
    const [a, b] = [await person("leaver-a", "admin"), await person("leaver-b", "admin")];
    await onlyAdmins(a.id, b.id);
    const results = await Promise.allSettled([
      deactivateUser({ userId: b.id }, a.id),
      deactivateUser({ userId: a.id }, b.id),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().user.count({ where: { role: "admin", deactivatedAt: null } })).toBe(1);
  });
});
