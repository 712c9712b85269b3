// The strategy vocabulary: seed messages use only these; curators may add their own tags too.
export const STRATEGY_TAGS = [
  { tag: "plain", description: "A direct, helpful answer with no prescribed method." },
  { tag: "concise", description: "Short: the answer first, little else." },
  { tag: "detailed", description: "Thorough: context, reasons, caveats." },
  { tag: "step-by-step", description: "Reasons through numbered or ordered steps." },
  { tag: "eli5", description: "Explains in words a five-year-old could follow." },
  { tag: "recall-then-answer", description: "Writes down the relevant facts first, then answers." },
  { tag: "justify-steps", description: "Gives the reason for every step." },
  { tag: "self-check", description: "Verifies its own work before the final answer." },
  { tag: "faithful-to-context", description: "Uses only the context it was given." },
  {
    tag: "cautious-reasoning",
    description: "Chooses a strategy for the task first, says so, then applies it.",
  },
  { tag: "answer-only", description: "Control: the final answer with no reasoning." },
  { tag: "decompose", description: "Splits the task into sub-problems." },
  { tag: "teacher-student", description: "Teaches the idea, not only the answer." },
  { tag: "consider-alternatives", description: "Weighs the alternatives and rules them out." },
  { tag: "worked-example", description: "A worked solution, quantities and units throughout." },
  { tag: "summarise-first", description: "Summarises the input before answering." },
  { tag: "math", description: "Meant for mathematical problems." },
  { tag: "code", description: "Meant for programming tasks." },
] as const;

export type StrategyTag = (typeof STRATEGY_TAGS)[number]["tag"];

export const STRATEGY_TAG_NAMES: readonly string[] = STRATEGY_TAGS.map((t) => t.tag);

/** The strategies Orca and Orca 2 teach; the seed must cover each of them. */
export const REQUIRED_STRATEGIES: readonly StrategyTag[] = [
  "plain",
  "detailed",
  "step-by-step",
  "eli5",
  "recall-then-answer",
  "justify-steps",
  "self-check",
  "faithful-to-context",
  "cautious-reasoning",
  "answer-only",
];

export function describeTag(tag: string): string | undefined {
  return STRATEGY_TAGS.find((t) => t.tag === tag)?.description;
}
