import { hashesAnswer, referenceAnswer } from "./find-final-answer";
import { hasWords } from "./latex-to-math-json";
import { cleanAnswerSpan } from "./normalize-text";
import { parseNumber } from "./parse-number";
import type { ResolvedMethod } from "./settings";

const CHOICE = /^\(?[A-Z]\)?$/;
const BOOLEAN = /^(true|false|yes|no)$/i;

/** Powers or operators between terms, and no words beyond function names. */
function looksLikeMath(answer: string): boolean {
  return /[\^_{}]|[a-zA-Z0-9)]\s*[-+*/=]\s*[a-zA-Z0-9(\\]/.test(answer) && !hasWords(answer);
}

/**
 * The method `auto` stands for, from the reference's shape (first rule that applies):
 * 1. a GSM8K "#### 42" line -> numeric;
 * 2. an option letter, "(B)" or "B" -> choice;
 * 3. True/False/yes/no -> exact (BBH boolean_expressions, StrategyQA);
 * 4. a \boxed{} answer or one with LaTeX commands ("\frac{\sqrt3}{2}") -> symbolic (which
 *    compares plain numbers numerically first);
 * 5. one plain number ("24", "-3", "$1,234", "3/4", "25%") -> numeric;
 * 6. algebra without words ("x^2+2x+1", "y = 3x") -> symbolic;
 * 7. anything else -> exact.
 */
export function chooseMethod(reference: string): ResolvedMethod {
  if (hashesAnswer(reference)) return "numeric";
  const span = referenceAnswer(reference);
  const answer = cleanAnswerSpan(span.text);
  if (CHOICE.test(answer)) return "choice";
  if (BOOLEAN.test(answer)) return "exact";
  if (span.source === "boxed" || /\\[a-zA-Z]/.test(answer)) return "symbolic";
  if (parseNumber(answer)) return "numeric";
  return looksLikeMath(answer) ? "symbolic" : "exact";
}
