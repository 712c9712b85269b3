import type { CheckResult, Span } from "../schemas";
import { chooseMethod } from "./choose-method";
import { matchChoice } from "./match-choice";
import { matchExact } from "./match-exact";
import { matchNumeric } from "./match-numeric";
import { matchRegex } from "./match-regex";
import { matchSymbolic } from "./match-symbolic";
import type { MethodInput, MethodVerdict } from "./method-verdict";
import {
  compileAnswerPattern,
  resolveTolerance,
  type ResolvedMethod,
  type VerifyMethod,
  type VerifySettings,
} from "./settings";

export type VerifyAnswerInput = {
  /** The prompt's reference answer; empty or absent -> skip. */
  reference?: string | null;
  /** The teacher's output whose final answer is checked. */
  output: string;
  method?: VerifyMethod;
  regex?: string;
  tolerance?: VerifySettings["tolerance"];
  /** Which text `output` is, for the evidence span ("trace" unless told). */
  field?: Span["field"];
};

const METHODS: Record<ResolvedMethod, (input: MethodInput) => MethodVerdict> = {
  numeric: matchNumeric,
  exact: matchExact,
  choice: matchChoice,
  regex: matchRegex,
  symbolic: matchSymbolic,
};

// One call's budget for symbolic comparison; every step is bounded, this caps the sum.
const SYMBOLIC_BUDGET_MS = 250;
const SHOWN = 80;

const shown = (text: string) => (text.length > SHOWN ? `${text.slice(0, SHOWN - 1)}…` : text);

/**
 * Verifies a teacher's final answer against the prompt's reference answer. pass: equal; fail:
 * a final answer was found and differs; warn: no final answer found in the output (or the
 * comparison ran out of time); skip: no reference, or no answer of the method's kind in it.
 * Throws InvalidAnswerPatternError for a regex that does not compile (a settings mistake).
 */
export function verifyAnswer(input: VerifyAnswerInput): CheckResult {
  const requested = input.method ?? "auto";
  const reference = input.reference ?? "";
  if (reference.trim() === "")
    return { outcome: "skip", summary: "no reference answer", evidence: { method: requested } };
  const method = requested === "auto" ? chooseMethod(reference) : requested;
  const verdict = METHODS[method]({
    reference,
    output: input.output,
    tolerance: resolveTolerance(input.tolerance),
    pattern: input.regex !== undefined ? compileAnswerPattern(input.regex) : undefined,
    deadline: performance.now() + SYMBOLIC_BUDGET_MS,
  });
  const evidence = {
    method,
    ...(requested === "auto" ? { chosenBy: "auto" } : {}),
    expected: verdict.expected,
    found: verdict.found,
    ...(verdict.matched ? { matched: verdict.matched } : {}),
  };
  const spans: Span[] | undefined = verdict.foundAt && [
    { field: input.field ?? "trace", start: verdict.foundAt.start, end: verdict.foundAt.end },
  ];
  const expected = shown(verdict.matched?.[0] ?? verdict.expected[0] ?? "");
  if (verdict.expected.length === 0) {
    return { outcome: "skip", summary: `the reference has no ${method} answer`, evidence };
  }
  if (verdict.found.length === 0) {
    return {
      outcome: "warn",
      summary: `no final answer found in the output (expected ${expected}, ${method})`,
      evidence,
    };
  }
  const found = shown(verdict.matched?.[1] ?? verdict.found[0] ?? "");
  if (verdict.matched) {
    return { outcome: "pass", summary: `expected ${expected}, found ${found} (${method})`, evidence, spans };
  }
  if (verdict.timedOut) {
    return {
      outcome: "warn",
      summary: `could not compare ${expected} with ${found} in time (${method})`,
      evidence,
      spans,
    };
  }
  return { outcome: "fail", summary: `expected ${expected}, found ${found} (${method})`, evidence, spans };
}
