import { TraceDetails } from "@/components/review/trace-details";
import { TraceReview } from "@/components/review/trace-review";
import { TraceSidebar } from "@/components/review/trace-sidebar";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/next/current-user";
import { parseReviewFilter } from "@/lib/review/filter";
import { neighbours } from "@/lib/review/neighbours";
import { getTraceForReview } from "@/lib/review/trace-view";
import { orNotFound } from "@/lib/next/or-not-found";

export const metadata = { title: "Review trace" };

export default async function ReviewTracePage({
  params,
  searchParams,
}: {
  params: Promise<{ traceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const { traceId } = await params;
  const filter = parseReviewFilter(await searchParams);
  const loaded = await orNotFound(
    Promise.all([getTraceForReview(traceId, user.id), neighbours(traceId, filter)]),
  );
  const [view, nav] = loaded;
  const mine = view.myDecision;
  const canDecide = can(user.role, "review:decide");
  return (
    <TraceReview
      // Fresh client state whenever the server's view of this trace changes.
      key={`${view.id}:${view.status}:${mine?.version ?? 0}:${view.decisions.length}`}
      traceId={view.id}
      status={view.status}
      myDecision={mine && { decision: mine.decision, reason: mine.reason, version: mine.version }}
      nav={nav}
      filter={{ status: filter.status, jobId: filter.jobId }}
      canDecide={canDecide}
      sidebar={<TraceSidebar view={view} />}
    >
      <TraceDetails view={view} canEdit={canDecide} />
    </TraceReview>
  );
}
