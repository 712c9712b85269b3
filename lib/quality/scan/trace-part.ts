import "server-only";
import { db, type Tx } from "../../db";
import { contaminationIndex } from "../benchmarks";
import { applyRules, ruleInputsOf } from "../rules/apply";
import { TRACE_CHECKS } from "../schemas";
import { checkTrace } from "../trace-checks";
import { tracesForChecks } from "../trace-context";
import { replaceTraceVerdicts, type NewVerdict } from "../verdict-store";

export type TracePageResult = { ids: string[]; verdicts: NewVerdict[] };

/** The per-trace checks on one page of traces (read and computed outside any transaction). */
export async function checkTracePage(ids: readonly string[], jobId: string): Promise<TracePageResult> {
  const [traces, index] = await Promise.all([tracesForChecks(db(), ids), contaminationIndex()]);
  const verdicts: NewVerdict[] = [];
  for (const trace of traces)
    for (const v of checkTrace(trace, index))
      verdicts.push({ subject: { traceId: v.traceId }, check: v.check, result: v.result, jobId });
  return { ids: traces.map((t) => t.id), verdicts };
}

/** Stores a page's verdicts (replacing older ones of those checks), then its rules act when asked. */
export async function writeTracePage(
  tx: Tx,
  page: TracePageResult,
  options: { rules: boolean; jobId: string },
): Promise<void> {
  await replaceTraceVerdicts(tx, page.ids, TRACE_CHECKS, page.verdicts, new Date());
  if (!options.rules) return;
  await applyRules(tx, ruleInputsOf(page.verdicts), options.jobId);
}

/** Rules alone, on the verdicts stored for a page of traces. */
export async function applyRulesToPage(tx: Tx, ids: readonly string[], jobId: string): Promise<void> {
  const stored = await tx.qualityVerdict.findMany({
    where: { traceId: { in: [...ids] }, outcome: { in: ["fail", "warn"] } },
    select: { traceId: true, check: true, outcome: true },
  });
  await applyRules(
    tx,
    stored.map((v) => ({ traceId: v.traceId!, check: v.check, outcome: v.outcome as "fail" | "warn" })),
    jobId,
  );
}
