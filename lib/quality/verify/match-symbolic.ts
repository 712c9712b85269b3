import type { TextRange } from "./find-boxed";
import { referenceAnswer, statedAnswer } from "./find-final-answer";
import { cleanLatex, parseLatex } from "./latex-to-math-json";
import { mathJsonEqual } from "./math-json-equal";
import type { MethodInput, MethodVerdict } from "./method-verdict";
import { cleanAnswerSpan, firstMathSegment, withoutTrailingWords } from "./normalize-text";
import { numbersEqual, numberTokens, parseNumber } from "./parse-number";
import type { Tolerance } from "./settings";

/** The math of an answer span: its first $...$ segment when it has one ("is $x^2$ here"), else all of it. */
function mathOf(span: string): string {
  return withoutTrailingWords(cleanAnswerSpan(firstMathSegment(span) ?? span));
}

/** An answer's readings: its math, and what follows its last "=" ("x = 2 + 3 = 5" also reads 5). */
function mathCandidates(span: string): string[] {
  const math = mathOf(span);
  const result = math.includes("=") ? math.slice(math.lastIndexOf("=") + 1).trim() : "";
  return [...new Set([math, result].filter((candidate) => candidate !== ""))];
}

/** The output's answer: the one it states, else its last inline math, else its last number. */
function outputMath(output: string): TextRange | undefined {
  const stated = statedAnswer(output);
  if (stated) return stated;
  const segments = [...output.matchAll(/\$([^$]+)\$|\\\((.+?)\\\)/gs)];
  const last = segments.at(-1);
  if (last) return { text: last[0], start: last.index, end: last.index + last[0].length };
  return numberTokens(output).at(-1);
}

/** true/false when decided, undefined when neither numbers, the CAS nor the text could tell. */
export function answersEquivalent(gold: string, target: string, tolerance: Tolerance): boolean | undefined {
  const a = parseNumber(gold);
  const b = parseNumber(target);
  if (a && b) return numbersEqual(a, b, tolerance);
  const ja = parseLatex(gold);
  const jb = parseLatex(target);
  const byValue = ja !== undefined && jb !== undefined ? mathJsonEqual(ja, jb, tolerance) : undefined;
  if (byValue !== undefined) return byValue;
  const text = (latex: string) => cleanLatex(latex).replace(/\s+/g, "");
  return text(gold) === text(target) ? true : undefined;
}

/**
 * Symbolic equivalence (Math-Verify's behaviour): any reference reading x output reading equal
 * as numbers, else as expressions through the CAS (several points for free variables), else as
 * the same LaTeX text. Stops at the deadline and says so.
 */
export function matchSymbolic({ reference, output, tolerance, deadline }: MethodInput): MethodVerdict {
  const expected = mathCandidates(referenceAnswer(reference).text);
  const at = outputMath(output);
  const found = at ? mathCandidates(at.text) : [];
  const verdict: MethodVerdict = { expected, found, foundAt: at };
  for (const gold of expected) {
    for (const target of found) {
      if (performance.now() > deadline) return { ...verdict, timedOut: true };
      if (answersEquivalent(gold, target, tolerance) === true) return { ...verdict, matched: [gold, target] };
    }
  }
  return verdict;
}
