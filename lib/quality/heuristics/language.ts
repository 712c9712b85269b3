import { francAll } from "franc-min";
import { z } from "zod";
import type { CheckResult } from "../schemas";
import type { HeuristicInput } from "./input";
import { looksEnglish } from "./english";
import { letterCount, proseOf } from "./prose";

/**
 * Detects the prose language (ISO 639-3, franc-min) of prompt and output, code and math
 * removed; under `minScriptLetters` letters on either side: skip. Closeness is the larger of
 * each side's score for the other's language (0 when the scripts differ). On GSM8K, franc
 * misreads English as French or Malagasy with a closeness of 0.86+ from 40 letters on, 0.95+
 * from 80 and 0.99+ from 200, while real German, Spanish, Dutch or French answers to an
 * English prompt score 0.83-0.90 (fixtures/foreign-answers.ts).
 * - Different scripts (English prompt, Chinese answer): fail with `minLetters`+ letters on
 *   both sides, warn below.
 * - Same script: skip under `minLetters` letters. With `confidentLetters`+ letters on both
 *   sides, pass at `confidentCloseScore`+ closeness and fail below; shorter, pass at
 *   `closeScore`+ and warn below.
 * A prompt or system message asking for a translation (`translationPattern`) never fails.
 */
export const LanguageSettingsSchema = z.object({
  minScriptLetters: z.number().int().positive().default(20),
  minLetters: z.number().int().positive().default(80),
  confidentLetters: z.number().int().positive().default(200),
  closeScore: z.number().min(0).max(1).default(0.9),
  confidentCloseScore: z.number().min(0).max(1).default(0.95),
  translationPattern: z
    .string()
    .default(
      String.raw`\btranslat|\b(?:in|into) (?:english|french|german|spanish|chinese|japanese|russian|italian|portuguese|arabic|korean|hindi)\b`,
    ),
});
export type LanguageSettings = z.infer<typeof LanguageSettingsSchema>;

type Detected = { language: string; letters: number; scores: Map<string, number> };

/** The language of a text's prose, or null when it has too few letters to tell. */
export function detectLanguage(text: string, minLetters: number): Detected | null {
  const prose = proseOf(text);
  const letters = letterCount(prose);
  if (letters < minLetters) return null;
  const ranked = francAll(prose);
  const language = ranked[0]?.[0] ?? "und";
  return language === "und" ? null : { language, letters, scores: new Map(ranked) };
}

export function checkLanguage(
  input: HeuristicInput,
  settings: LanguageSettings = LanguageSettingsSchema.parse({}),
): CheckResult {
  // Both plainly English (most traces): no need to ask franc.
  if (looksEnglish(proseOf(input.output)) && looksEnglish(proseOf(input.prompt)))
    return {
      outcome: "pass",
      summary: "both eng",
      score: 1,
      evidence: { prompt: "eng", output: "eng", fastPath: true },
    };
  const output = detectLanguage(input.output, settings.minScriptLetters); // first: short outputs are common
  if (output === null) return { outcome: "skip", summary: "output too short to tell its language" };
  const prompt = detectLanguage(input.prompt, settings.minScriptLetters);
  if (prompt === null) return { outcome: "skip", summary: "prompt too short to tell its language" };
  const closeness = Math.max(
    output.scores.get(prompt.language) ?? 0,
    prompt.scores.get(output.language) ?? 0,
  );
  const evidence = {
    prompt: prompt.language,
    output: output.language,
    closeness: Number(closeness.toFixed(3)),
    letters: { prompt: prompt.letters, output: output.letters },
  };
  if (output.language === prompt.language)
    return { outcome: "pass", summary: `both ${prompt.language}`, score: 1, evidence };
  const shorter = Math.min(prompt.letters, output.letters);
  const otherScript = closeness === 0;
  if (!otherScript && shorter < settings.minLetters)
    return { outcome: "skip", summary: "too short to tell languages of one script apart", evidence };
  const confident = shorter >= (otherScript ? settings.minLetters : settings.confidentLetters);
  if (closeness >= (confident ? settings.confidentCloseScore : settings.closeScore)) {
    return {
      outcome: "pass",
      summary: `${output.language} and ${prompt.language} are too close to call different`,
      score: closeness,
      evidence,
    };
  }
  const translation = new RegExp(settings.translationPattern, "i").test(
    `${input.systemMessage}\n${input.prompt}`,
  );
  const outcome = confident && !translation ? "fail" : "warn";
  return {
    outcome,
    summary: `prompt in ${prompt.language}, output in ${output.language}`,
    score: closeness,
    evidence,
  };
}
