import { z } from "zod";
import type { CheckResult, Span } from "../schemas";
import type { HeuristicInput } from "./input";
import { midSentence, unclosedBoxed, unclosedBracket, unclosedFence, unclosedThink } from "./unterminated";

/**
 * fail: the provider says generation stopped at the token limit (a finish reason in
 * `lengthFinishReasons`, or the truncated flag). warn: the output looks cut off (an unclosed
 * fence, <think> or \boxed{; a bracket left open in the last sentence; a last sentence of
 * `minWordsMidSentence`+ words, not a comma list, ending in a letter, or one ending on
 * "and the" or a comma; output tokens at max_tokens).
 */
export const TruncationSettingsSchema = z.object({
  lengthFinishReasons: z
    .array(z.string())
    .default(["length", "max_tokens", "max_output_tokens", "model_length"]),
  minWordsMidSentence: z.number().int().positive().default(8),
  checkBrackets: z.boolean().default(true),
});
export type TruncationSettings = z.infer<typeof TruncationSettingsSchema>;

const SIGNALS = {
  "unclosed code fence": unclosedFence,
  "unclosed <think>": unclosedThink,
  "unclosed \\boxed{": unclosedBoxed,
  "unclosed bracket": unclosedBracket,
} as const;

export function checkTruncation(
  input: HeuristicInput,
  settings: TruncationSettings = TruncationSettingsSchema.parse({}),
): CheckResult {
  const text = input.output;
  const finishReason = input.finishReason ?? null;
  const atLimit =
    finishReason !== null &&
    settings.lengthFinishReasons.some((r) => r.toLowerCase() === finishReason.toLowerCase());
  if (atLimit || input.truncated === true) {
    const why = atLimit ? `finish reason "${finishReason}"` : "marked truncated";
    return {
      outcome: "fail",
      summary: `stopped at the token limit (${why})`,
      score: 1,
      evidence: { finishReason, truncated: input.truncated ?? null },
    };
  }
  const found: Array<{ signal: string; at: number | null }> = [];
  for (const [signal, find] of Object.entries(SIGNALS)) {
    if (signal === "unclosed bracket" && !settings.checkBrackets) continue;
    const at = find(text);
    if (at !== null) found.push({ signal, at });
  }
  const cut = midSentence(text, settings.minWordsMidSentence);
  if (cut !== null) found.push({ signal: "ends mid-sentence", at: cut });
  const { outputTokens, maxTokens } = input;
  if (outputTokens !== undefined && maxTokens != null && outputTokens >= maxTokens)
    found.push({ signal: `output tokens at max_tokens (${outputTokens})`, at: null });
  if (found.length === 0)
    return { outcome: "pass", summary: "output ends cleanly", score: 0, evidence: { finishReason } };
  const spans: Span[] = found.flatMap(({ at }) =>
    at === null ? [] : [{ field: "trace" as const, start: at, end: text.length }],
  );
  return {
    outcome: "warn",
    summary: `looks cut off: ${found.map((f) => f.signal).join(", ")}`,
    score: 0.5,
    evidence: { finishReason, signals: found.map((f) => f.signal) },
    spans,
  };
}
