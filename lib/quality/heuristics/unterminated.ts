// Signs that an output stops in the middle of something: a code block, a <think> block, a
// \boxed{, a bracket, a sentence. Each returns where the unfinished part starts, or null.

const OPENERS: Record<string, string> = { ")": "(", "]": "[", "}": "{" };
// A last word that cannot end a sentence ("...and the"), and characters that leave one open.
const DANGLING_WORD =
  /\b(?:the|an|and|or|of|to|with|in|is|are|was|were|that|which|for|by|as|but|from|on|at|be|this|these|than|because|so|then|if)$/i;
const DANGLING_CHAR = /[,:\-+=/(&\\]$/;

/** Where an odd (unclosed) ``` or ~~~ fence opens. */
export function unclosedFence(text: string): number | null {
  const fences = [...text.matchAll(/^[ \t]*(?:```|~~~)/gm)];
  return fences.length % 2 === 1 ? (fences.at(-1)?.index ?? null) : null;
}

/** Where a <think> opens that no </think> closes. */
export function unclosedThink(text: string): number | null {
  const opens = [...text.matchAll(/<think>/gi)];
  const closes = text.match(/<\/think>/gi)?.length ?? 0;
  return opens.length > closes ? (opens[closes]?.index ?? null) : null;
}

/** Where the last \boxed{ opens if its braces never close. */
export function unclosedBoxed(text: string): number | null {
  const start = text.lastIndexOf("\\boxed{");
  if (start < 0) return null;
  let depth = 0;
  for (let i = start + 6; i < text.length; i += 1) {
    if (text[i] === "{") depth += 1;
    else if (text[i] === "}" && --depth === 0) return null;
  }
  return start;
}

/** Where the last, unfinished sentence starts: after the last newline or ". " (0 if none). */
export function lastSentenceStart(text: string): number {
  let start = 0;
  for (const m of text.trimEnd().matchAll(/[.!?](?=\s)|\n/g)) start = m.index + 1;
  return start;
}

/** Where a bracket opened in the last sentence and never closed opens (code blocks skipped). */
export function unclosedBracket(text: string): number | null {
  const prose = text.replace(/```[\s\S]*?```|`[^`\n]*`/g, (code) => " ".repeat(code.length));
  const stack: Array<{ char: string; at: number }> = [];
  for (let i = 0; i < prose.length; i += 1) {
    const c = prose[i] as string;
    if (c === "(" || c === "[" || c === "{") stack.push({ char: c, at: i });
    else if (OPENERS[c] && stack.at(-1)?.char === OPENERS[c]) stack.pop(); // stray closers ("1)") are ignored
  }
  const sentence = lastSentenceStart(prose); // a bracket left open in an ended sentence is a typo, not a cut
  return stack.find((open) => open.at >= sentence)?.at ?? null;
}

/** Where the last sentence starts if it breaks off: on a dangling word or comma, or unpunctuated. */
export function midSentence(text: string, minWords: number): number | null {
  const trimmed = text.trimEnd();
  if (trimmed === "") return null;
  const start = lastSentenceStart(trimmed);
  const sentence = trimmed.slice(start).trim();
  const words = sentence.split(/\s+/).length;
  if (DANGLING_CHAR.test(sentence) || (DANGLING_WORD.test(sentence) && words >= 2)) return start;
  const list = (sentence.match(/,/g)?.length ?? 0) >= 3; // "herbs, spices, salt, lemon juice" is a list, not a sentence
  return /\p{L}$/u.test(sentence) && words >= minWords && !list ? start : null;
}
