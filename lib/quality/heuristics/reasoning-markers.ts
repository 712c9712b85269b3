// What counts as visible reasoning in an answer, by kind. One kind present is enough: a line of
// arithmetic ("48/2 = 24") is reasoning as much as "because".

export const REASONING_MARKERS: Record<string, RegExp> = {
  causal:
    /\b(?:because|since|so|therefore|thus|hence|consequently|as a result|which means|this means|due to|implies)\b/i,
  sequence: /\b(?:first|firstly|second|secondly|then|next|after that|afterwards|finally|lastly)\b/i,
  steps: /^[ \t]*(?:\d+[.)]\s|step\s*\d+|[-*•]\s)/im,
  equation: /\d\s*[-+*/×x÷^]\s*\(?\d|[\w)\]}]\s*=\s*[-\w(\\$]|\\(?:frac|cdot|times|sqrt)\b/,
  premise: /\b(?:let(?:'s| us)?|we (?:get|have|know|need|can|find)|if|given that|note that|recall)\b/i,
};

/** The kinds of reasoning marker found in `text`. */
export function reasoningMarkers(text: string): string[] {
  return Object.entries(REASONING_MARKERS)
    .filter(([, pattern]) => pattern.test(text))
    .map(([kind]) => kind);
}

// Final-answer lines that carry no reasoning of their own ("#### 72", "Answer: B", "\boxed{7}").
const FINAL_ANSWER_LINE =
  /^[ \t]*(?:#{2,}.*|(?:\*\*)?(?:(?:so|thus|therefore|hence),? )?(?:final answer|answer|the answer is|the final answer is)\b.*|\$*\\boxed\{.*\}\$*\.?)[ \t]*$/gim;

/** The text without its final-answer lines. */
export function withoutFinalAnswer(text: string): string {
  return text.replace(FINAL_ANSWER_LINE, "").trim();
}
