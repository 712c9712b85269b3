import "server-only";
import { db, type Db } from "../db";

/** Which traces: built by review's filters and export's approvedWhere, run here. */
export type TraceWhere = NonNullable<NonNullable<Parameters<Db["trace"]["findMany"]>[0]>["where"]>;
export type TraceOrder = NonNullable<NonNullable<Parameters<Db["trace"]["findMany"]>[0]>["orderBy"]>;

export function countTraces(where: TraceWhere): Promise<number> {
  return db().trace.count({ where });
}

/** How many traces hold each review status (statuses as stored). */
export async function countTracesByStatus(where: TraceWhere = {}): Promise<Map<string, number>> {
  const groups = await db().trace.groupBy({ by: ["reviewStatus"], where, _count: { _all: true } });
  return new Map(groups.map((g) => [g.reviewStatus, g._count._all]));
}

/** How many traces each job has under `where`; jobs with none are absent. */
export async function countTracesByJob(where: TraceWhere): Promise<Map<string, number>> {
  const groups = await db().trace.groupBy({ by: ["jobId"], where, _count: { _all: true } });
  return new Map(groups.map((g) => [g.jobId, g._count._all]));
}

/** Jobs that have produced traces, newest first. */
export function jobsWithTraces(): Promise<Array<{ id: string; name: string }>> {
  return db().job.findMany({
    where: { traces: { some: {} } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true },
  });
}

/** One page of traces with the columns a list shows. */
export function listTracePage(query: { where: TraceWhere; orderBy: TraceOrder; skip: number; take: number }) {
  return db().trace.findMany({
    ...query,
    select: {
      id: true,
      jobId: true,
      model: true,
      finishReason: true,
      truncated: true,
      reviewStatus: true,
      createdAt: true,
      prompt: { select: { text: true } },
      job: { select: { name: true } },
      systemMessageVersion: { select: { version: true, message: { select: { name: true } } } },
    },
  });
}
export type TraceListRow = Awaited<ReturnType<typeof listTracePage>>[number];

/** Where a trace sits in an order, for its neighbours; null when there is no such trace. */
export function traceAnchor(traceId: string) {
  return db().trace.findUnique({
    where: { id: traceId },
    select: { id: true, createdAt: true, reviewStatus: true, jobId: true },
  });
}

export async function firstTraceId(where: TraceWhere, orderBy: TraceOrder): Promise<string | null> {
  const row = await db().trace.findFirst({ where, orderBy, select: { id: true } });
  return row?.id ?? null;
}

/** The average output of a teacher's traces so far (null with none), and how many there are. */
export async function averageOutputTokens(
  providerId: string,
): Promise<{ average: number | null; count: number }> {
  const history = await db().trace.aggregate({
    where: { job: { providerId } },
    _avg: { outputTokens: true },
    _count: { _all: true },
  });
  return { average: history._avg.outputTokens, count: history._count._all };
}
