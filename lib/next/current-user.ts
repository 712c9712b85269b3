import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { can, type Permission } from "../auth";
import { sessionUser, type SessionUser } from "../auth";

export async function currentUser(): Promise<SessionUser | null> {
  return sessionUser(await headers());
}

/** For server components: the signed-in user, or a redirect to sign-in (or home if not allowed). */
export async function requireUser(permission: Permission = "read"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  if (!can(user.role, permission)) redirect("/?forbidden=" + encodeURIComponent(permission));
  return user;
}
