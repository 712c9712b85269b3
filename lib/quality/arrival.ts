import "server-only";
import type { Tx } from "../db";
import { contaminationIndex } from "./benchmarks";
import { builtinBenchmarks } from "./contamination";
import { applyRules, ruleInputsOf } from "./rules/apply";
import { checkTrace, type TraceForChecks } from "./trace-checks";
import { verifySettingsOf } from "./trace-context";
import { isStored, writeVerdicts, type NewVerdict } from "./verdict-store";

/** A trace about to be stored, as the generation kind writes it (its id chosen beforehand). */
export type ArrivingTrace = {
  id: string;
  jobId: string;
  promptId: string;
  systemMessageVersionId: string;
  content: string;
  reasoning?: string | null;
  finishReason: string;
  truncated?: boolean;
  outputTokens: number;
  maxTokens: number | null;
};

/**
 * Reads the built-in benchmark files once per process, before the write transaction (no database:
 * a worker's connections may all be in use while its calls run). The index itself is built from
 * them in the write, on first use and when the enabled sets change.
 */
export async function prepareArrivalChecks(): Promise<void> {
  await builtinBenchmarks();
}

/**
 * In the transaction that stores new traces, after they are inserted (with checkedAt set): the
 * per-trace checks, their verdicts, and the rules that act on them.
 */
export async function checkArrivingTraces(tx: Tx, traces: readonly ArrivingTrace[]): Promise<void> {
  if (traces.length === 0) return;
  const [prompts, versions, index] = await Promise.all([
    tx.prompt.findMany({
      where: { id: { in: [...new Set(traces.map((t) => t.promptId))] } },
      select: {
        id: true,
        text: true,
        referenceAnswer: true,
        promptSet: { select: { verifySettings: true } },
      },
    }),
    tx.systemMessageVersion.findMany({
      where: { id: { in: [...new Set(traces.map((t) => t.systemMessageVersionId))] } },
      select: { id: true, content: true },
    }),
    contaminationIndex(tx),
  ]);
  const promptById = new Map(prompts.map((p) => [p.id, p]));
  const versionById = new Map(versions.map((v) => [v.id, v.content]));
  const verdicts: NewVerdict[] = [];
  for (const trace of traces) {
    const prompt = promptById.get(trace.promptId);
    if (!prompt) continue;
    const input: TraceForChecks = {
      id: trace.id,
      prompt: prompt.text,
      referenceAnswer: prompt.referenceAnswer,
      systemMessage: versionById.get(trace.systemMessageVersionId) ?? "",
      content: trace.content,
      reasoning: trace.reasoning ?? null,
      finishReason: trace.finishReason,
      truncated: trace.truncated ?? false,
      outputTokens: trace.outputTokens,
      maxTokens: trace.maxTokens,
      verify: verifySettingsOf(prompt.promptSet.verifySettings),
    };
    for (const v of checkTrace(input, index))
      verdicts.push({ subject: { traceId: v.traceId }, check: v.check, result: v.result });
  }
  const stored = verdicts.filter((v) => isStored(v.check, v.result));
  await writeVerdicts(tx, stored);
  await applyRules(tx, ruleInputsOf(stored), traces[0]!.jobId);
}
