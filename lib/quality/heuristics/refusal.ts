import { z } from "zod";
import type { CheckResult, Span } from "../schemas";
import type { HeuristicInput } from "./input";
import { REFUSAL_PHRASES, type RefusalStrength } from "./refusal-phrases";

/**
 * A strong phrase in the first `earlyChars` of an output no longer than `shortChars` is a
 * refusal (fail); a strong phrase elsewhere is a partial refusal (warn); a weak phrase (apology,
 * "as an AI") warns only at the start of a short output and passes deep inside a long answer.
 */
export const RefusalSettingsSchema = z.object({
  earlyChars: z.number().int().positive().default(200),
  shortChars: z.number().int().positive().default(600),
});
export type RefusalSettings = z.infer<typeof RefusalSettingsSchema>;

type Match = { phrase: string; name: string; strength: RefusalStrength; start: number; end: number };

/** Every refusal phrase in `text`, in order of position. */
export function findRefusalPhrases(text: string): Match[] {
  const folded = text.replace(/[’‘]/g, "'"); // same length, so offsets stay valid
  const matches: Match[] = [];
  for (const { name, strength, pattern } of REFUSAL_PHRASES) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(folded); m !== null; m = pattern.exec(folded)) {
      matches.push({
        phrase: text.slice(m.index, m.index + m[0].length),
        name,
        strength,
        start: m.index,
        end: m.index + m[0].length,
      });
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}

export function checkRefusal(
  input: HeuristicInput,
  settings: RefusalSettings = RefusalSettingsSchema.parse({}),
): CheckResult {
  const text = input.output;
  const matches = findRefusalPhrases(text);
  if (matches.length === 0) return { outcome: "pass", summary: "no refusal phrase", score: 0 };
  const short = text.trim().length <= settings.shortChars;
  const weigh = (m: Match) =>
    (m.strength === "strong" ? 1 : 0.4) * (m.start < settings.earlyChars ? 1 : 0.5) * (short ? 1 : 0.6);
  const top = matches.reduce((best, m) => (weigh(m) > weigh(best) ? m : best));
  const early = top.start < settings.earlyChars;
  const outcome =
    top.strength === "strong" ? (early && short ? "fail" : "warn") : early && short ? "warn" : "pass";
  const where = early ? "at the start" : `at character ${top.start}`;
  const length = short ? "a short output" : "a long output";
  const summary =
    outcome === "pass"
      ? `"${top.phrase}" inside a long answer, not a refusal`
      : `${outcome === "fail" ? "refusal" : "possible refusal"}: "${top.phrase}" ${where} of ${length}`;
  const spans: Span[] = matches.map((m) => ({ field: "trace", start: m.start, end: m.end }));
  return {
    outcome,
    summary,
    score: Number(weigh(top).toFixed(3)),
    evidence: {
      matches: matches.map(({ phrase, name, strength, start, end }) => ({
        phrase,
        name,
        strength,
        start,
        end,
      })),
    },
    spans,
  };
}
