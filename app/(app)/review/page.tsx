import { JobFilter } from "@/components/review/job-filter";
import { Pagination } from "@/components/review/pagination";
import { ReviewTable } from "@/components/review/review-table";
import { StatusTabs } from "@/components/review/status-tabs";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/next/current-user";
import { parseReviewFilter } from "@/lib/review/filter";
import { listReviewJobs, listReviewTraces, reviewCounts } from "@/lib/review/queries";

export const metadata = { title: "Review" };

export default async function ReviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser();
  const filter = parseReviewFilter(await searchParams);
  const [list, counts, jobs] = await Promise.all([
    listReviewTraces(filter),
    reviewCounts({ jobId: filter.jobId }),
    listReviewJobs(),
  ]);
  return (
    <>
      <PageHeader
        title="Review"
        description="Open a trace to judge it; keys a / r / e / j / k approve, reject, edit and move through the list (press ? on a trace)."
        actions={<JobFilter jobs={jobs} status={filter.status} jobId={filter.jobId} />}
      />
      <Card>
        <div className="px-5 pt-2">
          <StatusTabs current={filter.status} jobId={filter.jobId} counts={counts} />
        </div>
        <ReviewTable rows={list.rows} filter={filter} />
        <Pagination filter={filter} pageCount={list.pageCount} total={list.total} />
      </Card>
    </>
  );
}
