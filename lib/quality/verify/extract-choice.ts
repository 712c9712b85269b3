import type { TextRange } from "./find-boxed";
import { cleanAnswerSpan } from "./normalize-text";

// A bare capital letter ends at the span's end or at punctuation: "B", "B.", "B) 12/25/1937"
// ("A dog" and "I think" are words, not options).
const ALONE = /^\(?([A-Za-z])\)?$/;
const LEADING = [
  /^(?:(?:option|choice)\s*)?[([]([A-Za-z])[)\]]/i,
  /^(?:(?:option|choice)\s+)?([A-Z])(?=$|[.,;:)\]])/,
  /^(?:option|choice)\s+([a-z])(?=$|[\s.,;:)\]])/i,
];
const NAMED = /\b(?:[Oo]ption|[Cc]hoice)\s*\(?([A-Z])\)?(?!\w)/;
const PARENTHESIZED = /\(([A-Z])\)/;

/** The option letter an answer span names ("(B)", "B", "(B) 12/25/1937", "option C", "\text{(B)}"), upper-cased. */
export function choiceInAnswer(span: string): string | undefined {
  const text = cleanAnswerSpan(span).replace(/^\*\*|\*\*$/g, "");
  for (const pattern of [ALONE, ...LEADING, NAMED, PARENTHESIZED]) {
    const letter = pattern.exec(text)?.[1];
    if (letter) return letter.toUpperCase();
  }
  return undefined;
}

/** The last option a text names, for outputs that never say "the answer is": "option (C)", else the last "(C)". */
export function lastChoiceIn(text: string): (TextRange & { letter: string }) | undefined {
  const named = lastMatch(text, NAMED);
  const parenthesized = lastMatch(text, PARENTHESIZED);
  const match = (named?.index ?? -1) >= (parenthesized?.index ?? -1) ? named : parenthesized;
  if (!match?.[1]) return undefined;
  return {
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
    letter: match[1].toUpperCase(),
  };
}

function lastMatch(text: string, pattern: RegExp): RegExpExecArray | undefined {
  return [...text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))].at(-1);
}
