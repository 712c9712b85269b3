import type { TextRange } from "./find-boxed";
import { referenceAnswer, statedAnswer } from "./find-final-answer";
import { verdictOf, type MethodInput, type MethodVerdict } from "./method-verdict";
import { cleanAnswerSpan, normalizeForExactMatch } from "./normalize-text";

const BOOLEAN = /^(true|false|yes|no)$/i;
const BOOLEAN_WORDS = /\b(true|false|yes|no)\b/gi;
// An output this short, on one line, is taken as the answer itself ("True", "blue jay").
const MAX_WHOLE_ANSWER = 200;

/**
 * The output's answer text: its stated answer, else the whole output when it is one short
 * line, else (for a yes/no or True/False reference) its last yes/no/true/false word.
 */
function outputAnswer(output: string, booleanReference: boolean): TextRange | undefined {
  const stated = statedAnswer(output);
  if (stated) return stated;
  const trimmed = output.trim();
  if (trimmed !== "" && !trimmed.includes("\n") && trimmed.length <= MAX_WHOLE_ANSWER) {
    const start = output.indexOf(trimmed);
    return { text: trimmed, start, end: start + trimmed.length };
  }
  if (!booleanReference) return undefined;
  const last = [...output.matchAll(BOOLEAN_WORDS)].at(-1);
  return last && { text: last[0], start: last.index, end: last.index + last[0].length };
}

/** Normalized exact match: case, whitespace, punctuation, articles and a final period do not count. */
export function matchExact({ reference, output }: MethodInput): MethodVerdict {
  const gold = cleanAnswerSpan(referenceAnswer(reference).text);
  const expected = gold === "" ? [] : [{ text: gold, value: normalizeForExactMatch(gold) }];
  const booleanReference = BOOLEAN.test(gold);
  const at = outputAnswer(output, booleanReference);
  const target = at && cleanAnswerSpan(at.text);
  // "So the answer is True because not False is True": for a True/False reference, its first such word too.
  const firstBoolean = booleanReference && target ? /\b(true|false|yes|no)\b/i.exec(target)?.[0] : undefined;
  const found = [target, firstBoolean]
    .filter((text): text is string => text !== undefined && text !== "")
    .map((text) => ({ text, value: normalizeForExactMatch(text) }));
  return verdictOf(expected, found, (a, b) => a === b, at);
}
