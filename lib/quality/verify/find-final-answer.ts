import { lastBoxed, type TextRange } from "./find-boxed";
import { parseNumber } from "./parse-number";

/**
 * Where a final answer was read from, strongest first: a GSM8K "#### 42" line, the last
 * \boxed{}, the last "the answer is ..." / "Answer: ..." phrase, the whole (short) text, or a
 * method's own fallback (the last number, the last "(B)").
 */
export type AnswerSource = "hashes" | "boxed" | "phrase" | "whole" | "fallback";
export type AnswerSpan = TextRange & { source: AnswerSource };

const HASHES = /^[ \t]*####[ \t]*(\S.*?)[ \t]*$/gm;

/**
 * The last "#### <answer>" line (GSM8K's final-answer marker), when it ends the text or holds
 * a number: a Markdown "#### Step 2" heading in a teacher's output is not an answer.
 */
export function hashesAnswer(text: string): AnswerSpan | undefined {
  const match = [...text.matchAll(HASHES)].at(-1);
  const answer = match?.[1];
  if (!match || !answer) return undefined;
  const endsText = text.slice(match.index + match[0].length).trim() === "";
  if (!endsText && !parseNumber(answer)) return undefined;
  const start = match.index + match[0].indexOf(answer);
  return { text: answer, start, end: start + answer.length, source: "hashes" };
}

// "The answer is", "So the final answer is:", "Answer:", "**Answer:**", "answer would be".
const PHRASE =
  /\b(?:final\s+)?answers?\b\s*(?:\*\*|__)?\s*(?:is|are|was|would be|will be|should be|:|=)\s*(?:\*\*|__)?\s*:?/gi;
// A sentence ends at a period followed by a space or the end ("3.5. I hope" -> "3.5").
const SENTENCE_END = /(?<=\S)\.(?=\s|$)/;

/** What follows the last answer phrase, up to the end of its sentence (or the next line when the phrase ends one). */
export function phraseAnswer(text: string): AnswerSpan | undefined {
  for (const match of [...text.matchAll(PHRASE)].reverse()) {
    const after = match.index + match[0].length;
    const rest = /^[ \t]*\n?[ \t]*([^\n]*)/.exec(text.slice(after));
    const line = rest?.[1] ?? "";
    const cut = SENTENCE_END.exec(line);
    const answer = (cut ? line.slice(0, cut.index) : line).trimEnd();
    if (answer.trim() === "") continue;
    const start = after + (rest?.[0].length ?? 0) - line.length;
    return { text: answer, start, end: start + answer.length, source: "phrase" };
  }
  return undefined;
}

/** The answer a text states explicitly: a #### line, else the last \boxed{}, else the last answer phrase. */
export function statedAnswer(text: string): AnswerSpan | undefined {
  const hashes = hashesAnswer(text);
  if (hashes) return hashes;
  const boxed = lastBoxed(text);
  if (boxed) return { ...boxed, source: "boxed" };
  return phraseAnswer(text);
}

/** A reference's answer: the one it states, else the whole reference (most are just the answer). */
export function referenceAnswer(reference: string): AnswerSpan {
  const stated = statedAnswer(reference);
  if (stated) return stated;
  const start = reference.length - reference.trimStart().length;
  const text = reference.trim();
  return { text, start, end: start + text.length, source: "whole" };
}
