import { ComputeEngine } from "@cortex-js/compute-engine";
import { delimitersAreSafe } from "./latex-delimiters";
import { asFunction, type MathJson } from "./math-json";
import { cleanAnswerSpan } from "./normalize-text";

// Bounds that keep one parse cheap: the engine is only asked to parse, never to evaluate
// (its N() ran out of memory on \sum_{n=1}^{10^9} n and took seconds on 100000!).
export const MAX_LATEX_LENGTH = 300;
const MAX_NODES = 400;
const MAX_DEPTH = 40;

// The engine reads "Monday" as M*o*n*d*a*y (equal to "Mondya"): words are compared as text instead.
const FUNCTION_NAMES = new Set(["sin", "cos", "tan", "sec", "csc", "cot", "log", "exp", "sqrt", "abs"]);

/** Words other than function names, outside LaTeX commands ("5 apples", "Monday"). */
export function hasWords(latex: string): boolean {
  const words = latex.replace(/\\[a-zA-Z]+/g, " ").match(/[a-zA-Z]{3,}/g) ?? [];
  return words.some((word) => !FUNCTION_NAMES.has(word.toLowerCase()));
}

// Sums, products, integrals and limits are not evaluated here anyway, and some nestings of them
// (\prod_{\prod_{) make the engine log an internal error: such answers are compared as text.
const BIG_OPERATOR = /\\(?:sum|prod|coprod|int|iint|iiint|oint|lim|limsup|liminf)(?![a-zA-Z])/;

let engine: ComputeEngine | undefined;
// Created on first use: about 50 ms, not paid by callers that never compare LaTeX.
function computeEngine(): ComputeEngine {
  engine ??= new ComputeEngine();
  return engine;
}

/** Spellings the engine does not read, rewritten to ones it does (\dfrac, \left(, ^\circ, \!). */
export function cleanLatex(latex: string): string {
  return cleanAnswerSpan(latex)
    .replace(/\\[dt]frac(?![a-zA-Z])/g, "\\frac")
    .replace(/\\(?:left|right|displaystyle|bigl|bigr|Bigl|Bigr)(?![a-zA-Z])/g, "")
    .replace(/\\[,;:! ]|~/g, " ")
    .replace(/\^\s*\{?\s*\\circ\s*\}?/g, "")
    .replace(/\\\$/g, "")
    .replace(/(\S)\s*\\(?:text|mathrm)\{\s*[a-zA-Z][a-zA-Z ]*\}\s*$/, "$1")
    .trim();
}

/**
 * The MathJSON of a LaTeX answer in canonical form, or undefined when it is too long, does not
 * parse, or is too large to evaluate cheaply. Each parse runs in its own scope, so symbols one
 * answer declares (f in f(x)) do not change how the next one parses.
 */
export function parseLatex(latex: string): MathJson | undefined {
  const cleaned = cleanLatex(latex);
  if (cleaned === "" || cleaned.length > MAX_LATEX_LENGTH) return undefined;
  if (hasWords(cleaned) || BIG_OPERATOR.test(cleaned) || !delimitersAreSafe(cleaned)) return undefined;
  const ce = computeEngine();
  ce.pushScope();
  try {
    const json = ce.parse(cleaned).json as MathJson;
    return isWellFormed(json) ? json : undefined;
  } catch {
    return undefined;
  } finally {
    ce.popScope();
  }
}

function isWellFormed(json: MathJson): boolean {
  let nodes = 0;
  const visit = (node: MathJson, depth: number): boolean => {
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) return false;
    const fn = asFunction(node);
    if (!fn) return true;
    if (fn[0] === "Error" || fn[0] === "ErrorCode") return false;
    return fn[1].every((operand) => visit(operand, depth + 1));
  };
  return visit(json, 0);
}
