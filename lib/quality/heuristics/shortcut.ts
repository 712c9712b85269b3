import { z } from "zod";
import type { CheckResult } from "../schemas";
import type { HeuristicInput } from "./input";
import { reasoningMarkers, withoutFinalAnswer } from "./reasoning-markers";
import { countWords } from "./words";

/**
 * The rule: only when the system message asks for reasoning (`stepRequest`). Separate
 * reasoning of `minReasoningWords`+ words passes. Otherwise, with final-answer lines removed
 * ("#### 72", "So the answer is 72"), the answer fails as a bare answer at `bareMaxWords` words or
 * fewer unless they hold an equation ("Pregnant: 22(.50)=11 cows"), or
 * as a shortcut when it is short (under `minWords`, or under `minShareOfPrompt` of the
 * prompt's words) and has no reasoning marker (reasoning-markers.ts). A longer answer with no
 * marker warns. Anything else passes.
 */
export const ShortcutSettingsSchema = z.object({
  stepRequest: z
    .array(z.string())
    .default([
      String.raw`step[ -]by[ -]step`,
      String.raw`\bexplain`,
      String.raw`\bjustify`,
      String.raw`\bshow (?:your|all|the) (?:work|reasoning|steps)`,
      String.raw`\bthink`,
      String.raw`\breason(?:ing)?\b`,
      String.raw`\bchain of thought`,
    ]),
  minReasoningWords: z.number().int().nonnegative().default(20),
  bareMaxWords: z.number().int().nonnegative().default(5),
  minWords: z.number().int().nonnegative().default(20),
  minShareOfPrompt: z.number().min(0).default(0.25),
});
export type ShortcutSettings = z.infer<typeof ShortcutSettingsSchema>;

/** Whether the system message asks for steps, and the phrase that does. */
export function stepRequest(systemMessage: string, patterns: string[]): string | null {
  for (const source of patterns) {
    const m = new RegExp(source, "i").exec(systemMessage);
    if (m) return m[0];
  }
  return null;
}

export function checkShortcut(
  input: HeuristicInput,
  settings: ShortcutSettings = ShortcutSettingsSchema.parse({}),
): CheckResult {
  const asked = stepRequest(input.systemMessage, settings.stepRequest);
  if (asked === null)
    return {
      outcome: "pass",
      summary: "the system message does not ask for reasoning",
      evidence: { asked: null },
    };
  const reasoningWords = countWords(input.reasoning ?? "");
  if (reasoningWords >= settings.minReasoningWords) {
    return {
      outcome: "pass",
      summary: `separate reasoning of ${reasoningWords} words`,
      score: reasoningWords,
      evidence: { asked, reasoningWords },
    };
  }
  const body = withoutFinalAnswer([input.reasoning ?? "", input.output].join("\n"));
  const words = countWords(body);
  const markers = reasoningMarkers(body);
  const needed = Math.max(settings.minWords, Math.ceil(settings.minShareOfPrompt * countWords(input.prompt)));
  const evidence = { asked, words, needed, markers };
  if (words <= settings.bareMaxWords && !markers.includes("equation")) {
    return { outcome: "fail", summary: `asked to "${asked}" but gave a bare answer`, score: words, evidence };
  }
  if (markers.length === 0 && words < needed) {
    return {
      outcome: "fail",
      summary: `asked to "${asked}" but answered in ${words} words without reasoning`,
      score: words,
      evidence,
    };
  }
  if (markers.length === 0)
    return {
      outcome: "warn",
      summary: `asked to "${asked}"; ${words} words but no reasoning marker`,
      score: words,
      evidence,
    };
  return { outcome: "pass", summary: `reasoning shown (${markers.join(", ")})`, score: words, evidence };
}
