import Link from "next/link";
import { SessionList } from "@/components/sessions/session-list";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/next/current-user";
import { listSessions } from "@/lib/sessions";

export const metadata = { title: "Sessions" };

export default async function SessionsPage() {
  const user = await requireUser("read");
  const canManage = can(user.role, "sessions:manage");
  const sessions = await listSessions(user);
  return (
    <>
      <PageHeader
        title="Sessions"
        description="Team annotation: a fixed set of traces, each decided by exactly k reviewers, with agreement and adjudication."
        actions={
          canManage && (
            <Link
              href="/sessions/new"
              className="rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-indigo-500"
            >
              New session
            </Link>
          )
        }
      />
      <SessionList sessions={sessions} canManage={canManage} />
    </>
  );
}
