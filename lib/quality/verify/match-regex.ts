import type { TextRange } from "./find-boxed";
import { referenceAnswer } from "./find-final-answer";
import { verdictOf, type MethodInput, type MethodVerdict } from "./method-verdict";
import { cleanAnswerSpan, normalizeForExactMatch } from "./normalize-text";
import { InvalidAnswerPatternError } from "./settings";

/** The last match of a global pattern: its first capture group when that took part, else the whole match. */
export function lastPatternAnswer(text: string, pattern: RegExp): TextRange | undefined {
  const match = [...text.matchAll(pattern)].at(-1);
  if (!match) return undefined;
  const group = match[1];
  const start = group === undefined ? match.index : match.index + match[0].indexOf(group);
  const answer = group ?? match[0];
  return answer.trim() === "" ? undefined : { text: answer, start, end: start + answer.length };
}

/**
 * A prompt set's pattern: the answer is its last match in the output; the reference's answer is
 * its last match in the reference, or the reference's own answer when it does not match.
 */
export function matchRegex({ reference, output, pattern }: MethodInput): MethodVerdict {
  if (!pattern) throw new InvalidAnswerPatternError("The regex method needs an answer pattern.");
  const gold = cleanAnswerSpan((lastPatternAnswer(reference, pattern) ?? referenceAnswer(reference)).text);
  const at = lastPatternAnswer(output, pattern);
  const target = at && cleanAnswerSpan(at.text);
  const expected = gold === "" ? [] : [{ text: gold, value: normalizeForExactMatch(gold) }];
  const found = target ? [{ text: target, value: normalizeForExactMatch(target) }] : [];
  return verdictOf(expected, found, (a, b) => a === b, at);
}
