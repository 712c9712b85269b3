import "server-only";
import { cuid, defineTable, insertRows, type ColumnType, type NewRow, type Prisma, type Tx } from "../db";
import type { CheckName, CheckResult } from "./schemas";

type NewVerdictRow = NewRow<Prisma.QualityVerdictUncheckedCreateInput, Prisma.QualityVerdictScalarFieldEnum>;

const VERDICTS = defineTable<NewVerdictRow>({
  table: "QualityVerdict",
  columns: {
    id: "text",
    traceId: "text",
    promptId: "text",
    check: "text",
    outcome: "text",
    score: "float",
    summary: "text",
    evidence: "json",
    spans: "json",
    clusterId: "text",
    jobId: "text",
    createdAt: "date",
  } satisfies Record<Prisma.QualityVerdictScalarFieldEnum, ColumnType>,
  // As prisma/schema.prisma's @default for QualityVerdict.
  defaults: { id: cuid, createdAt: () => new Date() },
});

/** One check's verdict on one trace or one prompt. */
export type NewVerdict = {
  subject: { traceId: string } | { promptId: string };
  check: CheckName;
  result: CheckResult;
  clusterId?: string | null;
  /** The quality job that found it; null when checked as the trace arrived. */
  jobId?: string | null;
};

// A newer run of a check replaces its verdict on the subject: the row keeps its id.
const REPLACED = ["outcome", "score", "summary", "evidence", "spans", "clusterId", "jobId", "createdAt"];

/** Stores verdicts in multi-row upserts in the caller's transaction; returns how many were written. */
export async function writeVerdicts(tx: Tx, verdicts: readonly NewVerdict[]): Promise<number> {
  const now = new Date();
  const rows = (subject: "traceId" | "promptId") =>
    verdicts
      .filter((v) => subject in v.subject)
      .map((v): NewVerdictRow => ({
        traceId: "traceId" in v.subject ? v.subject.traceId : null,
        promptId: "promptId" in v.subject ? v.subject.promptId : null,
        check: v.check,
        outcome: v.result.outcome,
        score: v.result.score ?? null,
        summary: v.result.summary.slice(0, 500),
        evidence: (v.result.evidence ?? null) as Prisma.InputJsonValue | null,
        spans: (v.result.spans?.length ? v.result.spans : null) as Prisma.InputJsonValue | null,
        clusterId: v.clusterId ?? null,
        jobId: v.jobId ?? null,
        createdAt: now,
      }));
  let written = 0;
  for (const subject of ["traceId", "promptId"] as const) {
    written += await insertRows(tx, VERDICTS, rows(subject), {
      onConflict: { target: [subject, "check"], update: REPLACED },
    });
  }
  return written;
}

/**
 * What is worth a row: verification's every outcome but skip (its pass rate is a figure people
 * read), the other checks only when they found something. Trace.checkedAt says a trace was checked.
 */
export function isStored(check: CheckName, result: CheckResult): boolean {
  if (check === "verification") return result.outcome !== "skip";
  return result.outcome === "fail" || result.outcome === "warn";
}

/**
 * A fresh run of the per-trace checks on these traces, in the caller's transaction: their old
 * verdicts of those checks go, the new ones worth a row are written, and checkedAt is set.
 */
export async function replaceTraceVerdicts(
  tx: Tx,
  traceIds: readonly string[],
  checks: readonly CheckName[],
  verdicts: readonly NewVerdict[],
  checkedAt: Date,
): Promise<void> {
  if (traceIds.length === 0) return;
  await tx.qualityVerdict.deleteMany({
    where: { traceId: { in: [...traceIds] }, check: { in: [...checks] } },
  });
  await writeVerdicts(
    tx,
    verdicts.filter((v) => isStored(v.check, v.result)),
  );
  await tx.trace.updateMany({ where: { id: { in: [...traceIds] } }, data: { checkedAt } });
}
