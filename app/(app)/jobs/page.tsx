import Link from "next/link";
import { JobList } from "@/components/jobs/job-list";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { listJobs } from "@/lib/jobs";
import { requireUser } from "@/lib/next/current-user";

export const metadata = { title: "Jobs" };

export default async function JobsPage() {
  const user = await requireUser("read");
  const jobs = await listJobs();
  return (
    <>
      <PageHeader
        title="Generation jobs"
        description="Each job sends every prompt of a set to a teacher, with system messages drawn from the bank, and stores the traces for review."
        actions={
          can(user.role, "jobs:launch") && (
            <Link
              href="/jobs/new"
              className="rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white shadow-xs hover:bg-indigo-500"
            >
              New job
            </Link>
          )
        }
      />
      <JobList initial={jobs} />
    </>
  );
}
