import "server-only";
import { cuid, defineTable, insertRows, type ColumnType, type NewRow, type Prisma, type Tx } from "../../db";
import type { Done } from "../../runner";
import { applyRules } from "../rules/apply";
import type { CheckResult } from "../schemas";
import { writeVerdicts, type NewVerdict } from "../verdict-store";
import type { JudgeResult } from "./outcome";
import type { FrozenRubric, QualityJudgeConfig } from "./schemas";

type NewScoreRow = NewRow<Prisma.JudgeScoreUncheckedCreateInput, Prisma.JudgeScoreScalarFieldEnum>;

const SCORES = defineTable<NewScoreRow>({
  table: "JudgeScore",
  columns: {
    id: "text",
    traceId: "text",
    rubricVersionId: "text",
    score: "int",
    reason: "text",
    model: "text",
    jobId: "text",
    createdAt: "date",
  } satisfies Record<Prisma.JudgeScoreScalarFieldEnum, ColumnType>,
  // As prisma/schema.prisma's @default for JudgeScore.
  defaults: { id: cuid, createdAt: () => new Date() },
});

// A later run under the same rubric version replaces the trace's score: the row keeps its id.
const REPLACED = ["score", "reason", "model", "jobId", "createdAt"];

type Scored = Extract<JudgeResult, { kind: "score" }> & { jobId: string };

/**
 * In the transaction that marks the items done: each trace's score under the rubric version,
 * its "judge" verdict (pass from passScore up), and the rules on the verdicts that failed.
 * Traces deleted since they were judged are skipped.
 */
export async function writeJudgeResults(
  tx: Tx,
  done: ReadonlyArray<Done<JudgeResult>>,
  config: QualityJudgeConfig,
  now: Date,
): Promise<void> {
  const scored: Scored[] = done.flatMap(({ item, result }) =>
    result.kind === "score" ? [{ ...result, jobId: item.jobId }] : [],
  );
  if (scored.length === 0) return;
  const present = new Set(
    (
      await tx.trace.findMany({ where: { id: { in: scored.map((s) => s.traceId) } }, select: { id: true } })
    ).map((t) => t.id),
  );
  const kept = scored.filter((s) => present.has(s.traceId));
  await insertRows(
    tx,
    SCORES,
    kept.map((s) => ({
      traceId: s.traceId,
      rubricVersionId: config.rubricVersionId,
      score: s.score,
      reason: s.reason,
      model: s.model,
      jobId: s.jobId,
      createdAt: now,
    })),
    { onConflict: { target: ["traceId", "rubricVersionId"], update: REPLACED } },
  );
  const verdicts: NewVerdict[] = kept.map((s) => ({
    subject: { traceId: s.traceId },
    check: "judge",
    result: judgeVerdict(config.rubricVersionId, config.rubric, s),
    jobId: s.jobId,
  }));
  await writeVerdicts(tx, verdicts);
  const failed = kept.filter((s) => s.score < config.rubric.passScore);
  // Verdicts arriving act as rules say (a rule on the judge's "fail" rejects or flags the trace).
  await applyRules(
    tx,
    failed.map((s) => ({ traceId: s.traceId, check: "judge", outcome: "fail" as const })),
    done[0]!.item.jobId,
  );
}

/** "Correctness v1: 2/5 — the sum is off by one", passing from the rubric's pass score up. */
export function judgeVerdict(
  rubricVersionId: string,
  rubric: FrozenRubric,
  score: { score: number; reason: string; model: string },
): CheckResult {
  return {
    outcome: score.score >= rubric.passScore ? "pass" : "fail",
    score: score.score,
    summary: `${rubric.name} v${rubric.version}: ${score.score}/${rubric.scale} — ${score.reason}`,
    evidence: {
      rubricVersionId,
      rubric: rubric.name,
      version: rubric.version,
      score: score.score,
      scale: rubric.scale,
      passScore: rubric.passScore,
      reason: score.reason,
      model: score.model,
    },
  };
}
