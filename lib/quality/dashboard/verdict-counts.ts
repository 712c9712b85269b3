import "server-only";
import { db, Prisma } from "../../db";
import type { ClusterRow, ContaminationCounts, FlagRow } from "./rows";
import type { DashboardFilter } from "./schemas";
import { narrows, num, traceScope } from "./scope";

const sql = Prisma.sql;

/** Checks counted per trace on the duplicates panel (best-of-K: the samples not selected). */
const FLAG_CHECKS = ["exact-duplicate", "near-duplicate", "contamination", "best-of-k"];
const CLUSTER_CHECKS = ["exact-duplicate", "near-duplicate"];

/** Trace verdicts per check and outcome; unfiltered, the (check, outcome, traceId) index alone. */
export async function flagCounts(filter: DashboardFilter): Promise<FlagRow[]> {
  const scoped = narrows(filter);
  const rows = await db().$queryRaw<Array<{ check: string; outcome: string; traces: unknown }>>(sql`
    SELECT v."check" AS "check", v."outcome" AS "outcome", COUNT(*) AS "traces"
    FROM "QualityVerdict" v ${scoped ? sql`JOIN "Trace" t ON t."id" = v."traceId"` : Prisma.empty}
    WHERE v."check" IN (${Prisma.join(FLAG_CHECKS)}) AND v."traceId" IS NOT NULL
      ${scoped ? sql`AND ${traceScope(filter, "t")}` : Prisma.empty}
    GROUP BY v."check", v."outcome"`);
  return rows.map((r) => ({ check: r.check, outcome: r.outcome, traces: num(r.traces) }));
}

/** Duplicate clusters that hold at least one of the filter's traces. */
export async function clusterCounts(filter: DashboardFilter): Promise<ClusterRow[]> {
  const scoped = narrows(filter);
  const rows = await db().$queryRaw<Array<{ check: string; clusters: unknown }>>(sql`
    SELECT v."check" AS "check", COUNT(DISTINCT v."clusterId") AS "clusters"
    FROM "QualityVerdict" v ${scoped ? sql`JOIN "Trace" t ON t."id" = v."traceId"` : Prisma.empty}
    WHERE v."check" IN (${Prisma.join(CLUSTER_CHECKS)}) AND v."traceId" IS NOT NULL
      AND v."clusterId" IS NOT NULL ${scoped ? sql`AND ${traceScope(filter, "t")}` : Prisma.empty}
    GROUP BY v."check"`);
  return rows.map((r) => ({ check: r.check, clusters: num(r.clusters) }));
}

const contaminatedPrompts = sql`SELECT cp."promptId" FROM "QualityVerdict" cp
  WHERE cp."check" = 'contamination' AND cp."outcome" = 'fail' AND cp."promptId" IS NOT NULL`;

/**
 * Traces contaminated themselves (a benchmark item in the answer) or through their prompt, each
 * once, and how many of the filter's prompts are. Both start from the few failing verdicts
 * (CROSS JOIN: SQLite keeps that order instead of walking a job's traces through its index).
 */
export async function contaminationCounts(filter: DashboardFilter): Promise<ContaminationCounts> {
  const [traces] = await db().$queryRaw<Array<{ n: unknown }>>(sql`
    SELECT COUNT(*) AS "n" FROM (
      SELECT v."traceId" AS "id" FROM "QualityVerdict" v
      WHERE v."check" = 'contamination' AND v."outcome" = 'fail' AND v."traceId" IS NOT NULL
      UNION
      SELECT p."id" AS "id" FROM "Trace" p WHERE p."promptId" IN (${contaminatedPrompts})
    ) x CROSS JOIN "Trace" t
    WHERE t."id" = x."id" AND ${traceScope(filter, "t")}`);
  const [prompts] = await db().$queryRaw<Array<{ n: unknown }>>(sql`
    SELECT COUNT(DISTINCT t."promptId") AS "n" FROM (${contaminatedPrompts}) c CROSS JOIN "Trace" t
    WHERE t."promptId" = c."promptId" AND ${traceScope(filter, "t")}`);
  return { traces: num(traces?.n), prompts: num(prompts?.n) };
}
