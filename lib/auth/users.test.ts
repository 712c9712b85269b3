import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { ConflictError, ForbiddenError, InvalidInputError } from "../errors";
import { auth } from "./auth";
import { can } from "./roles";
import { createInvite } from "./invites";
import { setRole } from "./people";
import { issueSetupCode } from "./setup-code";
import { registerUser } from "./sign-up";
import { createUser } from "./users";

const headers = () => new Headers();

describe("accounts", () => {
  it("makes the first account admin and then requires an invite", async () => {
    const setupCode = (await issueSetupCode())!;
    const first = await registerUser(
      { name: "Ada", email: "ada@example.test", password: "long enough", setupCode },
      headers(),
    );
    expect(first.role).toBe("admin");
    await expect(
      registerUser({ name: "Bob", email: "bob@example.test", password: "long enough" }, headers()),
    ).rejects.toBeInstanceOf(ForbiddenError);

    const invite = await createInvite({ email: "bob@example.test", role: "curator" }, first.id);
    await expect(
      registerUser(
        { name: "Eve", email: "eve@example.test", password: "long enough", inviteToken: invite.token },
        headers(),
      ),
    ).rejects.toBeInstanceOf(InvalidInputError);
    const bob = await registerUser(
      { name: "Bob", email: "bob@example.test", password: "long enough", inviteToken: invite.token },
      headers(),
    );
    expect(bob.role).toBe("curator");

    // An invite works once.
    await expect(
      registerUser(
        { name: "Bob2", email: "bob@example.test", password: "long enough", inviteToken: invite.token },
        headers(),
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);

    const audit = await db().auditEvent.findMany({ where: { action: "user.signed-up" } });
    expect(audit.map((a) => a.entityId).sort()).toEqual([first.id, bob.id].sort());
  });

  it("lets an admin create accounts that can sign in, and keeps one admin", async () => {
    const admin = await db().user.findFirstOrThrow({ where: { role: "admin" } });
    const carol = await createUser(
      { name: "Carol", email: "carol@example.test", password: "carol's password", role: "reviewer" },
      admin.id,
    );
    expect(carol.role).toBe("reviewer");
    const signedIn = await auth().api.signInEmail({
      body: { email: "carol@example.test", password: "carol's password" },
    });
    expect(signedIn.user.id).toBe(carol.id);
    await expect(
      auth().api.signInEmail({ body: { email: "carol@example.test", password: "wrong password" } }),
    ).rejects.toThrow();
    await expect(
      createUser(
        { name: "Carol", email: "carol@example.test", password: "whatever123", role: "reviewer" },
        admin.id,
      ),
    ).rejects.toBeInstanceOf(ConflictError);

    await expect(setRole({ userId: admin.id, role: "reviewer" }, admin.id)).rejects.toBeInstanceOf(
      ConflictError,
    );
    await setRole({ userId: carol.id, role: "admin" }, admin.id);
    await setRole({ userId: admin.id, role: "curator" }, carol.id);
    expect((await db().user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("curator");
  });
});

describe("roles", () => {
  it("keeps reviewers out of bank edits, providers, jobs and export", () => {
    for (const permission of [
      "bank:edit",
      "providers:manage",
      "jobs:launch",
      "export",
      "prompts:import",
    ] as const) {
      expect(can("reviewer", permission)).toBe(false);
      expect(can("curator", permission)).toBe(true);
    }
    expect(can("reviewer", "review:decide")).toBe(true);
    expect(can("curator", "users:manage")).toBe(false);
    expect(can("admin", "users:manage")).toBe(true);
    expect(can("nobody", "read")).toBe(false);
  });
});
