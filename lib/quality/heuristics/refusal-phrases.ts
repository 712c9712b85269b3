// Refusal phrases seen in teacher outputs. "strong": the model declines the task; "weak": the
// boilerplate that surrounds refusals but also polite answers (an apology, "as an AI").
// Apostrophes are matched straight: the check folds ’ into ' first.

export type RefusalStrength = "strong" | "weak";
export type RefusalPhrase = { name: string; strength: RefusalStrength; pattern: RegExp };

const NOT = String.raw`(?:can't|cannot|can not|won't|will not|am unable to|'m unable to|am not able to|'m not able to)`;
const TASK = String.raw`(?:help(?!\s+but\b)|assist|provide|comply|fulfil|fulfill|do that|do this|create|generate|write|answer|support|engage|share|give|complete)`;

export const REFUSAL_PHRASES: RefusalPhrase[] = [
  {
    name: "cannot help with",
    strength: "strong",
    pattern: new RegExp(String.raw`\bI ${NOT} ${TASK}(?: (?:you )?with)?\b`, "gi"),
  },
  {
    name: "sorry, but I cannot",
    strength: "strong",
    pattern:
      /\bI(?:'m| am) sorry,? but I (?:can't|cannot|won't|am unable|'m unable|am not able|'m not able)\b/gi,
  },
  {
    name: "I am unable to",
    strength: "strong",
    pattern: /\bI(?:'m| am) (?:unable|not able|not allowed|not permitted) to\b/gi,
  },
  {
    name: "must decline",
    strength: "strong",
    pattern: /\bI (?:must|have to|will have to|need to) (?:respectfully )?(?:decline|refuse)\b/gi,
  },
  {
    name: "not comfortable",
    strength: "strong",
    pattern: /\bI(?: don't| do not|'m not| am not) (?:feel )?comfortable\b/gi,
  },
  {
    name: "not going to",
    strength: "strong",
    pattern: new RegExp(String.raw`\bI(?:'m| am) not going to ${TASK}\b`, "gi"),
  },
  {
    name: "cannot fulfil the request",
    strength: "strong",
    pattern:
      /\b(?:can't|cannot|unable to) (?:fulfil|fulfill|comply with|honou?r) (?:this|that|your|the) request\b/gi,
  },
  {
    name: "policy",
    strength: "strong",
    pattern:
      /\b(?:against|violates?|violating|goes against|breach(?:es)? of) (?:my|our|the|openai's|anthropic's) (?:guidelines|policies|policy|usage polic(?:y|ies)|content polic(?:y|ies)|terms of (?:use|service)|ethical guidelines|programming)\b/gi,
  },
  { name: "as an AI", strength: "weak", pattern: /\bAs an AI(?: language model| assistant| model)?\b/gi },
  {
    name: "just an AI",
    strength: "weak",
    pattern: /\bI(?:'m| am) (?:just |only )?an AI(?: language model| assistant)?\b/gi,
  },
  {
    name: "apology",
    strength: "weak",
    pattern: /\b(?:I(?:'m| am) (?:really |very |so )?sorry|I apologi[sz]e|my apologies)\b/gi,
  },
  {
    name: "no access",
    strength: "weak",
    pattern:
      /\bI (?:don't|do not) have (?:access to|the ability to|personal (?:opinions|experiences|feelings)|real-time)\b/gi,
  },
];
