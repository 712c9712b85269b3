import { UserAdmin } from "@/components/users/user-admin";
import { PageHeader } from "@/components/ui/page-header";
import { listOpenInvites, listUsers } from "@/lib/auth";
import { requireUser } from "@/lib/next/current-user";

export const metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requireUser("users:manage");
  const [users, invites] = await Promise.all([listUsers(), listOpenInvites()]);
  return (
    <>
      <PageHeader
        title="Users"
        description="Who can do what. Roles are enforced on the server for every action."
      />
      <UserAdmin
        selfId={me.id}
        users={users.map((u) => ({
          ...u,
          createdAt: u.createdAt.toISOString(),
          deactivatedAt: u.deactivatedAt?.toISOString() ?? null,
        }))}
        invites={invites.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() }))}
      />
    </>
  );
}
