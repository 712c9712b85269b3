import { z } from "zod";
import type { CheckResult } from "../schemas";
import type { HeuristicInput } from "./input";
import { countWords } from "./words";

/**
 * Under `minWords` words fails (an empty or one-word answer); separate reasoning counts toward
 * that minimum, since a reasoning model may answer "72" after its reasoning. Over `maxWords` or
 * `maxChars` of output gives `overMaxOutcome` (warn). Orca-Math dropped math answers over
 * 1,800 characters: `{ maxChars: 1800, overMaxOutcome: "fail" }` does the same.
 */
export const LengthSettingsSchema = z.object({
  minWords: z.number().int().nonnegative().default(3),
  maxWords: z.number().int().positive().nullable().default(20_000),
  maxChars: z.number().int().positive().nullable().default(null),
  overMaxOutcome: z.enum(["warn", "fail"]).default("warn"),
});
export type LengthSettings = z.infer<typeof LengthSettingsSchema>;

export function checkLength(
  input: HeuristicInput,
  settings: LengthSettings = LengthSettingsSchema.parse({}),
): CheckResult {
  const chars = input.output.length;
  const words = countWords(input.output);
  const reasoningWords = countWords(input.reasoning ?? "");
  const evidence = { words, chars, reasoningWords, reasoningChars: input.reasoning?.length ?? 0 };
  if (words + reasoningWords < settings.minWords) {
    return {
      outcome: "fail",
      summary: `only ${words + reasoningWords} words (minimum ${settings.minWords})`,
      score: chars,
      evidence,
    };
  }
  const over = [
    settings.maxWords !== null && words > settings.maxWords
      ? `${words} words (maximum ${settings.maxWords})`
      : null,
    settings.maxChars !== null && chars > settings.maxChars
      ? `${chars} characters (maximum ${settings.maxChars})`
      : null,
  ].filter((reason) => reason !== null);
  if (over.length > 0)
    return {
      outcome: settings.overMaxOutcome,
      summary: `too long: ${over.join(", ")}`,
      score: chars,
      evidence,
    };
  return { outcome: "pass", summary: `${words} words, ${chars} characters`, score: chars, evidence };
}
