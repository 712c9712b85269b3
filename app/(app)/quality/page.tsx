import Link from "next/link";
import { Suspense } from "react";
import { QualityDashboard } from "@/components/quality/dashboard/quality-dashboard";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import {
  dashboardJobs,
  loadDashboard,
  parseDashboardFilter,
  type DashboardFilter,
} from "@/lib/quality/dashboard";
import { requireUser } from "@/lib/next/current-user";

export const metadata = { title: "Quality" };

export default async function QualityPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser("read");
  const filter = parseDashboardFilter(await searchParams);
  return (
    <>
      <PageHeader
        title="Quality"
        description="Which system messages, jobs and teachers produce traces worth keeping, and what the automatic checks found."
        actions={
          <nav aria-label="Quality tools" className="flex gap-3 text-sm font-medium text-indigo-700">
            <Link href="/quality/judge">Judge</Link>
            <Link href="/quality/rules">Rules</Link>
            <Link href="/quality/benchmarks">Benchmarks</Link>
            <Link href="/quality/clusters">Clusters</Link>
          </nav>
        }
      />
      {/* The counts read every trace of the selection: the page shows at once, they stream in. */}
      <Suspense
        fallback={
          <Card className="px-5 py-8 text-center text-sm text-slate-500">
            <span role="status">Counting traces, decisions and verdicts…</span>
          </Card>
        }
      >
        <DashboardWithData filter={filter} />
      </Suspense>
    </>
  );
}

async function DashboardWithData({ filter }: { filter: DashboardFilter }) {
  const [initial, jobs] = await Promise.all([loadDashboard(filter), dashboardJobs()]);
  return <QualityDashboard initial={initial} jobs={jobs} />;
}
