import "server-only";
import { db, Prisma } from "../../db";
import type { JudgeRow, ReasonRow } from "./rows";
import type { DashboardFilter } from "./schemas";
import { narrows, num, traceScope } from "./scope";

const sql = Prisma.sql;

const joinTrace = (filter: DashboardFilter, on: string) =>
  narrows(filter) ? sql`JOIN "Trace" t ON t."id" = ${Prisma.raw(on)}` : Prisma.empty;
const andScope = (filter: DashboardFilter) =>
  narrows(filter) ? sql`AND ${traceScope(filter, "t")}` : Prisma.empty;

/** Rejections per taxonomy reason (null: a written reason only); a trace two people rejected counts twice. */
export async function reasonCounts(filter: DashboardFilter): Promise<ReasonRow[]> {
  const rows = await db().$queryRaw<Array<{ reasonId: string | null; count: unknown }>>(sql`
    SELECT d."reasonId" AS "reasonId", COUNT(*) AS "count"
    FROM "ReviewDecision" d ${joinTrace(filter, 'd."traceId"')}
    WHERE d."decision" = 'rejected' ${andScope(filter)}
    GROUP BY d."reasonId"`);
  return rows.map((r) => ({ reasonId: r.reasonId, count: num(r.count) }));
}

/** Judge scores per rubric version and score; unfiltered, the (rubricVersionId, score) index alone. */
export async function judgeCounts(filter: DashboardFilter): Promise<JudgeRow[]> {
  const rows = await db().$queryRaw<Array<{ rubricVersionId: string; score: unknown; count: unknown }>>(sql`
    SELECT s."rubricVersionId" AS "rubricVersionId", s."score" AS "score", COUNT(*) AS "count"
    FROM "JudgeScore" s ${joinTrace(filter, 's."traceId"')}
    WHERE 1 = 1 ${andScope(filter)}
    GROUP BY s."rubricVersionId", s."score"`);
  return rows.map((r) => ({ rubricVersionId: r.rubricVersionId, score: num(r.score), count: num(r.count) }));
}
