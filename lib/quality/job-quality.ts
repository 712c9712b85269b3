import "server-only";
import { db } from "../db";
import { collapseAlarm, DiversityAccumulator, type CollapseAlarm, type RankedKey } from "./diversity";

/** Traces of a job read for its diversity alarm: the newest, enough to see a collapse early. */
const DIVERSITY_SAMPLE = 2_000;

export type JobQuality = {
  /** Traces the per-trace checks have seen. */
  checked: number;
  /** Per check: how many of the job's traces it failed or flagged for a look. */
  found: Array<{ check: string; fail: number; warn: number }>;
  verification: { pass: number; fail: number; warn: number };
  diversity: {
    sampled: number;
    alarm: CollapseAlarm;
    topOpenings: RankedKey[];
    distinct2: number | null;
  };
};

/** What the checks found among a job's traces, and whether its outputs collapse onto templates. */
export async function jobQuality(jobId: string): Promise<JobQuality> {
  const [counts, checked, recent] = await Promise.all([
    db().$queryRaw<Array<{ check: string; outcome: string; n: number | bigint }>>`
      SELECT v."check", v."outcome", COUNT(*) AS "n"
      FROM "QualityVerdict" v JOIN "Trace" t ON t."id" = v."traceId"
      WHERE t."jobId" = ${jobId}
      GROUP BY v."check", v."outcome"`,
    db().trace.count({ where: { jobId, checkedAt: { not: null } } }),
    db().trace.findMany({
      where: { jobId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: DIVERSITY_SAMPLE,
      select: { id: true, content: true, systemMessageVersionId: true },
    }),
  ]);
  const byCheck = new Map<string, { check: string; fail: number; warn: number; pass: number }>();
  for (const row of counts) {
    const entry = byCheck.get(row.check) ?? { check: row.check, fail: 0, warn: 0, pass: 0 };
    if (row.outcome === "fail" || row.outcome === "warn" || row.outcome === "pass")
      entry[row.outcome] += Number(row.n);
    byCheck.set(row.check, entry);
  }
  const diversity = new DiversityAccumulator();
  for (const t of recent)
    diversity.add({ id: t.id, text: t.content, systemMessageId: t.systemMessageVersionId });
  const summary = diversity.summary();
  const verification = byCheck.get("verification") ?? { pass: 0, fail: 0, warn: 0 };
  return {
    checked,
    found: [...byCheck.values()]
      .filter((c) => c.fail + c.warn > 0)
      .map(({ check, fail, warn }) => ({ check, fail, warn }))
      .sort((a, b) => b.fail + b.warn - (a.fail + a.warn)),
    verification: { pass: verification.pass, fail: verification.fail, warn: verification.warn },
    diversity: {
      sampled: summary.traces,
      alarm: collapseAlarm(summary),
      topOpenings: summary.openings.slice(0, 3),
      distinct2: summary.traces ? (summary.distinct[2].windowed ?? null) : null,
    },
  };
}
