import type { TextRange } from "./find-boxed";
import type { Tolerance } from "./settings";

/** What every method is given: the two texts and the prompt set's settings, decided once. */
export type MethodInput = {
  reference: string;
  output: string;
  tolerance: Tolerance;
  /** The prompt set's compiled answer pattern (regex method). */
  pattern?: RegExp;
  /** performance.now() past which symbolic comparison gives up. */
  deadline: number;
};

/** What a method read from each side and whether any reference x output pair is equal. */
export type MethodVerdict = {
  /** The reference's answer candidates, as read. Empty: the reference has no answer of this kind. */
  expected: string[];
  /** The output's answer candidates. Empty: no final answer found. */
  found: string[];
  /** The first equal pair, reference candidate first (Math-Verify's gold x target order). */
  matched?: [string, string];
  /** Where the output's answer was read. */
  foundAt?: TextRange;
  /** Set when the comparison ran out of time before it could decide. */
  timedOut?: boolean;
};

/** A candidate answer: its text for people and the value it is compared by. */
export type Candidate<T> = { text: string; value: T };

/** The first reference x output pair that is equal, reference candidates in order first. */
export function firstEqualPair<G, T>(
  expected: Candidate<G>[],
  found: Candidate<T>[],
  equal: (gold: G, target: T) => boolean,
): [string, string] | undefined {
  for (const gold of expected) {
    for (const target of found) if (equal(gold.value, target.value)) return [gold.text, target.text];
  }
  return undefined;
}

export function verdictOf<G, T>(
  expected: Candidate<G>[],
  found: Candidate<T>[],
  equal: (gold: G, target: T) => boolean,
  foundAt?: TextRange,
): MethodVerdict {
  return {
    expected: unique(expected.map((candidate) => candidate.text)),
    found: unique(found.map((candidate) => candidate.text)),
    matched: firstEqualPair(expected, found, equal),
    foundAt,
  };
}

function unique(texts: string[]): string[] {
  return [...new Set(texts)];
}
