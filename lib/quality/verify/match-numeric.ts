import type { TextRange } from "./find-boxed";
import { statedAnswer } from "./find-final-answer";
import { verdictOf, type Candidate, type MethodInput, type MethodVerdict } from "./method-verdict";
import { numbersEqual, numbersInAnswer, numberTokens, parseNumber, type ParsedNumber } from "./parse-number";

type NumberCandidates = { candidates: Candidate<ParsedNumber>[]; at?: TextRange };

const asCandidates = (numbers: ParsedNumber[]) =>
  numbers.map((number) => ({ text: number.text, value: number }));

/**
 * The numbers a text gives as its answer: those of its stated answer (#### line, \boxed{},
 * answer phrase), else the text itself when it is one number, else its last number.
 */
export function answerNumbers(text: string): NumberCandidates {
  const stated = statedAnswer(text);
  const numbers = stated ? numbersInAnswer(stated.text) : [];
  if (stated && numbers.length > 0) return { candidates: asCandidates(numbers), at: stated };
  const whole = parseNumber(text);
  if (whole) return { candidates: asCandidates([whole]), at: { text, start: 0, end: text.length } };
  const last = numberTokens(text).at(-1);
  return last ? { candidates: asCandidates([last]), at: last } : { candidates: [] };
}

/** Numeric: the reference's and the output's final numbers, equal within tolerance. */
export function matchNumeric({ reference, output, tolerance }: MethodInput): MethodVerdict {
  const expected = answerNumbers(reference).candidates;
  const found = answerNumbers(output);
  return verdictOf(expected, found.candidates, (a, b) => numbersEqual(a, b, tolerance), found.at);
}
