import "server-only";
import { db, type Prisma } from "../../db";
import type { ScanScope } from "../schemas";

type Position = { createdAt: Date; id: string };

/** The traces a scan covers, as a Prisma condition. */
export function scopeTraces(scope: ScanScope): Prisma.TraceWhereInput {
  if (scope.jobId) return { jobId: scope.jobId };
  if (scope.promptSetId) return { prompt: { promptSetId: scope.promptSetId } };
  return {};
}

/** One page of the scope's traces in the review order (newest first), after `from`. */
export async function traceIdPage(
  scope: ScanScope,
  from: Position | null,
  size: number,
): Promise<{ ids: string[]; last: Position | null }> {
  const rows = await db().trace.findMany({
    where: {
      ...scopeTraces(scope),
      ...(from && {
        createdAt: { lte: from.createdAt },
        NOT: { createdAt: from.createdAt, id: { gte: from.id } },
      }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, createdAt: true },
    take: size,
  });
  const last = rows.at(-1);
  return { ids: rows.map((r) => r.id), last: last ? { createdAt: last.createdAt, id: last.id } : null };
}

/** The prompts a scan covers: the set's, the job's set's, or every prompt. */
export async function scopePrompts(scope: ScanScope): Promise<Prisma.PromptWhereInput> {
  if (scope.promptSetId) return { promptSetId: scope.promptSetId };
  if (scope.jobId) {
    const job = await db().job.findUnique({ where: { id: scope.jobId }, select: { promptSetId: true } });
    return { promptSetId: job?.promptSetId ?? "" };
  }
  return {};
}

export async function promptIdPage(
  where: Prisma.PromptWhereInput,
  after: string | null,
  size: number,
): Promise<string[]> {
  const rows = await db().prompt.findMany({
    where: { ...where, ...(after && { id: { gt: after } }) },
    orderBy: { id: "asc" },
    select: { id: true },
    take: size,
  });
  return rows.map((r) => r.id);
}
