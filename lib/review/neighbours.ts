import "server-only";
import { NotFoundError } from "../errors";
import { countTraces, firstTraceId, traceAnchor } from "../traces";
import { after, before, filterWhere, ordered, type TraceWhere } from "./order";
import type { ReviewFilter } from "./schemas";

export type Neighbours = {
  previousId: string | null;
  nextId: string | null;
  /** The next pending trace after this one (same job filter), wrapping to the top: where auto-advance goes. */
  nextPendingId: string | null;
  /** 1-based place of this trace under the filter, or null when it no longer matches the filter. */
  position: number | null;
  total: number;
};

/** Previous/next trace ids in the review order under `filter`; works even if the trace left the filter. */
export async function neighbours(
  traceId: string,
  filter: Pick<ReviewFilter, "status" | "jobId">,
): Promise<Neighbours> {
  const anchor = await traceAnchor(traceId);
  if (!anchor) throw new NotFoundError("Trace", traceId);
  const where = filterWhere(filter);
  const pending = filterWhere({ status: "pending", jobId: filter.jobId });
  const matches =
    (filter.status === "all" || anchor.reviewStatus === filter.status) &&
    (!filter.jobId || anchor.jobId === filter.jobId);

  const [previousId, nextId, nextPendingId, newer, total] = await Promise.all([
    firstId({ AND: [where, before(anchor)] }, "backward"),
    firstId({ AND: [where, after(anchor)] }, "forward"),
    firstId({ AND: [pending, after(anchor)] }, "forward").then(
      (id) => id ?? firstId({ AND: [pending, { id: { not: anchor.id } }] }, "forward"),
    ),
    countTraces({ AND: [where, before(anchor)] }),
    countTraces(where),
  ]);
  return { previousId, nextId, nextPendingId, position: matches ? newer + 1 : null, total };
}

function firstId(where: TraceWhere, direction: "forward" | "backward"): Promise<string | null> {
  return firstTraceId(where, ordered(direction));
}
