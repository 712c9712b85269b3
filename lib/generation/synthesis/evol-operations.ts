// Evol-Instruct (WizardLM): each operation rewrites a prompt in one named direction. Client-safe.

export const EVOL_OPERATION_NAMES = [
  "add-constraints",
  "deepen",
  "concretize",
  "increase-reasoning",
  "complicate-input",
  "breadth",
] as const;
export type EvolOperation = (typeof EVOL_OPERATION_NAMES)[number];

type OperationSpec = { label: string; kind: "in-depth" | "in-breadth"; description: string; goal: string };

export const EVOL_OPERATIONS: Record<EvolOperation, OperationSpec> = {
  "add-constraints": {
    label: "Add constraints",
    kind: "in-depth",
    description: "One more constraint or requirement the answer must meet.",
    goal: "Add exactly one more constraint or requirement to the prompt (a limit, a format, a condition the answer must satisfy).",
  },
  deepen: {
    label: "Deepen",
    kind: "in-depth",
    description: "Asks about the topic in more depth and breadth.",
    goal: "If the prompt asks about a specific issue, increase the depth and breadth of the inquiry: ask for causes, trade-offs or consequences as well.",
  },
  concretize: {
    label: "Concretize",
    kind: "in-depth",
    description: "Replaces general concepts with more specific ones.",
    goal: "Replace general concepts in the prompt with more specific, concrete ones (named cases, numbers, situations).",
  },
  "increase-reasoning": {
    label: "Increase reasoning steps",
    kind: "in-depth",
    description: "Needs more steps of reasoning to solve.",
    goal: "If the prompt can be solved with a few simple steps, rewrite it so that it explicitly requires multiple-step reasoning.",
  },
  "complicate-input": {
    label: "Complicate input",
    kind: "in-depth",
    description: "Adds data to work with: a table, code, a passage.",
    goal: "Add a complex input the task must work with, such as a small table, a code snippet, a formula or a short passage, and make the prompt refer to it.",
  },
  breadth: {
    label: "Broaden (mutate)",
    kind: "in-breadth",
    description: "A brand-new prompt of the same domain, rarer and as long.",
    goal: "Draw inspiration from the prompt to create a brand-new prompt. It must belong to the same domain but be more rare, with a similar length and difficulty.",
  },
};

/**
 * The instruction sent to the teacher for one operation: the rewriting rules, then the prompt.
 * `{prompt}` is replaced by the parent prompt's text when the item runs.
 */
export function evolInstruction(operation: EvolOperation): string {
  const spec = EVOL_OPERATIONS[operation];
  const intro =
    spec.kind === "in-breadth"
      ? "I want you to act as a Prompt Creator."
      : "I want you to act as a Prompt Rewriter. Your objective is to rewrite a given prompt into a more complex version, to make famous AI systems work a bit harder to handle it.";
  return [
    intro,
    "The rewritten prompt must be reasonable, understandable and answerable by humans, and must not leave out any non-text parts of the given prompt (tables, code, data).",
    `Method: ${spec.goal}`,
    "Keep it concise: add no more than 10 to 20 words to the given prompt unless the method needs an input to work on.",
    'Do not answer the prompt. Do not mention "given prompt" or "rewritten prompt". Reply with the new prompt only.',
    "",
    "Given prompt:",
    "<<<",
    "{prompt}",
    ">>>",
  ].join("\n");
}
