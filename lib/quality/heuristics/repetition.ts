import { z } from "zod";
import type { CheckResult, Span } from "../schemas";
import type { HeuristicInput } from "./input";
import { duplicateLineShare, duplicateWindowShare, tailLoop, tokenize } from "./repetition-measures";

/**
 * The repetition ratio is the larger of the share of duplicate `windowWords`-word windows and
 * the share of duplicate lines: fail at `failRatio`, warn at `warnRatio`. A loop at the end
 * (one unit of up to `maxLoopPeriod` words, `failLoopRepeats`+ times, `minLoopWords`+ words
 * in all) fails whatever the ratio; `warnLoopRepeats` repeats warn. Output and reasoning are
 * checked each; the worse one decides.
 */
export const RepetitionSettingsSchema = z.object({
  windowWords: z.number().int().min(2).default(10),
  minLineChars: z.number().int().nonnegative().default(20),
  warnRatio: z.number().min(0).max(1).default(0.2),
  failRatio: z.number().min(0).max(1).default(0.4),
  maxLoopPeriod: z.number().int().positive().default(60),
  loopWindowWords: z.number().int().positive().default(2000),
  minLoopWords: z.number().int().positive().default(12),
  warnLoopRepeats: z.number().int().min(2).default(3),
  failLoopRepeats: z.number().int().min(2).default(4),
});
export type RepetitionSettings = z.infer<typeof RepetitionSettingsSchema>;

type Field = "trace" | "reasoning";
const RANK = { pass: 0, warn: 1, fail: 2 } as const;
type Graded = keyof typeof RANK;

function measure(text: string, field: Field, s: RepetitionSettings) {
  const { words, starts } = tokenize(text);
  const ratio = Math.max(
    duplicateWindowShare(words, s.windowWords),
    duplicateLineShare(text, s.minLineChars),
  );
  const loop = tailLoop(words, s.maxLoopPeriod, s.loopWindowWords);
  const loopWords = loop ? words.length - loop.startWord : 0;
  const loopCounts = loop !== null && loopWords >= s.minLoopWords;
  const byLoop: Graded =
    loopCounts && loop.repeats >= s.failLoopRepeats
      ? "fail"
      : loopCounts && loop.repeats >= s.warnLoopRepeats
        ? "warn"
        : "pass";
  const byRatio: Graded = ratio >= s.failRatio ? "fail" : ratio >= s.warnRatio ? "warn" : "pass";
  const outcome: Graded = RANK[byLoop] >= RANK[byRatio] ? byLoop : byRatio;
  const loopEvidence =
    loopCounts && byLoop !== "pass"
      ? {
          period: loop.period,
          repeats: loop.repeats,
          unit: words.slice(loop.startWord, loop.startWord + loop.period).join(" "),
        }
      : null;
  const span: Span | null =
    loopEvidence && loop ? { field, start: starts[loop.startWord] ?? 0, end: text.length } : null;
  return { field, outcome, ratio, loop: loopEvidence, span };
}

export function checkRepetition(
  input: HeuristicInput,
  settings: RepetitionSettings = RepetitionSettingsSchema.parse({}),
): CheckResult {
  const parts = [measure(input.output, "trace", settings)];
  if (input.reasoning) parts.push(measure(input.reasoning, "reasoning", settings));
  const worst = parts.reduce((a, b) =>
    RANK[b.outcome] > RANK[a.outcome] || (b.outcome === a.outcome && b.ratio > a.ratio) ? b : a,
  );
  const score = Number(Math.max(...parts.map((p) => p.ratio)).toFixed(3));
  const where = worst.field === "reasoning" ? "the reasoning" : "the output";
  const summary =
    worst.outcome === "pass"
      ? `little repetition (ratio ${score})`
      : worst.loop
        ? `${where} ends in a loop: "${worst.loop.unit}" x${worst.loop.repeats}`
        : `${where} repeats itself (ratio ${worst.ratio.toFixed(2)})`;
  const evidence = Object.fromEntries(
    parts.map((p) => [p.field, { ratio: Number(p.ratio.toFixed(3)), loop: p.loop }]),
  );
  const spans = parts.flatMap((p) => (p.span ? [p.span] : []));
  return { outcome: worst.outcome, summary, score, evidence, ...(spans.length ? { spans } : {}) };
}
