import { runHeuristics } from "./heuristics";
import type { ContaminationIndex } from "./contamination";
import { contaminationVerdict } from "./contamination";
import type { CheckName, CheckResult } from "./schemas";
import { InvalidAnswerPatternError, verifyAnswer, type VerifySettings } from "./verify";

/** Everything the per-trace checks read about one trace. */
export type TraceForChecks = {
  id: string;
  prompt: string;
  referenceAnswer: string | null;
  systemMessage: string;
  content: string;
  reasoning: string | null;
  finishReason: string | null;
  truncated: boolean;
  outputTokens: number;
  maxTokens: number | null;
  verify: VerifySettings | null;
};

export type TraceVerdict = { traceId: string; check: CheckName; result: CheckResult };

/**
 * The checks that need only the trace itself (and the benchmark index): verification against
 * the reference, the six heuristics, contamination of what a training row would hold (the prompt,
 * the answer and its reasoning). Pure and quick (microseconds to a millisecond a trace), so they
 * run as traces arrive and in scans alike.
 */
export function checkTrace(trace: TraceForChecks, benchmarks: ContaminationIndex | null): TraceVerdict[] {
  const out: TraceVerdict[] = [];
  const push = (check: CheckName, result: CheckResult) => out.push({ traceId: trace.id, check, result });
  push("verification", verification(trace));
  const heuristics = runHeuristics({
    prompt: trace.prompt,
    systemMessage: trace.systemMessage,
    output: trace.content,
    reasoning: trace.reasoning,
    finishReason: trace.finishReason,
    truncated: trace.truncated,
    outputTokens: trace.outputTokens,
    maxTokens: trace.maxTokens,
  });
  for (const [check, result] of Object.entries(heuristics)) push(check as CheckName, result);
  if (benchmarks) {
    const matches = [
      ...benchmarks.scan(trace.prompt, "prompt"),
      ...benchmarks.scan(trace.content, "trace"),
      ...(trace.reasoning ? benchmarks.scan(trace.reasoning, "reasoning") : []),
    ];
    push("contamination", contaminationVerdict(matches));
  }
  return out;
}

/** A set's answer pattern that does not compile is a settings mistake: said, not thrown into the write. */
function verification(trace: TraceForChecks): CheckResult {
  try {
    return verifyAnswer({
      reference: trace.referenceAnswer ?? "",
      output: trace.content,
      method: trace.verify?.method,
      regex: trace.verify?.regex,
      tolerance: trace.verify?.tolerance,
    });
  } catch (error) {
    if (!(error instanceof InvalidAnswerPatternError)) throw error;
    return { outcome: "skip", summary: `The prompt set's answer pattern is not usable: ${error.message}` };
  }
}
