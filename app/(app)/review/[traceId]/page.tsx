import { ReviewWorkbench } from "@/components/review/workbench/review-workbench";
import { STATUS_LABELS } from "@/components/review/status-badge";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/next/current-user";
import { orNotFound } from "@/lib/next/or-not-found";
import { parseReviewFilter, reviewFilterQuery } from "@/lib/review/filter";
import { queueTrace } from "@/lib/review/queue";
import { listRejectReasons } from "@/lib/review/reasons";
import { NotFoundError } from "@/lib/errors";

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
  const [trace, reasons] = await orNotFound(
    Promise.all([
      queueTrace(traceId, user.id).then((t) => t ?? Promise.reject(new NotFoundError("Trace", traceId))),
      listRejectReasons(),
    ]),
  );
  const query = reviewFilterQuery({ ...filter, page: undefined });
  return (
    <ReviewWorkbench
      initial={trace}
      query={query}
      status={filter.status}
      basePath="/review"
      listHref={`/review${query}`}
      listLabel={`${STATUS_LABELS[filter.status]} list`}
      reasons={reasons}
      canDecide={can(user.role, "review:decide")}
    />
  );
}
