import { randomBytes } from "node:crypto";
import type { Role } from "../auth/roles";
import type { SessionUser } from "../auth/users";
import { db } from "../db/client";

/** A user row for tests that call lib/ functions directly (no password, no session). */
export async function createTestUser(role: Role = "curator"): Promise<SessionUser> {
  const id = `user_${randomBytes(6).toString("hex")}`;
  const user = await db().user.create({
    data: { id, name: `Test ${role}`, email: `${id}@example.test`, role },
  });
  return { id: user.id, name: user.name, email: user.email, role };
}
