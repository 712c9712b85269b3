// Deterministic replies: the same system message and prompt always give the same text.

/** Tokens, for the scripted teacher, are whitespace-separated words. */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || c === 160;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/** The first `words` words of `text`, keeping its original spacing. */
export function firstWords(text: string, words: number): string {
  if (words <= 0) return "";
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || c === 160;
    if (!space && !inWord) {
      if (count === words) return text.slice(0, i).trimEnd();
      count++;
    }
    inWord = !space;
  }
  return text;
}

/** FNV-1a: a cheap stable hash for deriving "answers" from prompts. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function answerFor(prompt: string): number {
  return hash32(prompt) % 1000;
}

function quote(text: string, words: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const start = firstWords(flat, words);
  return start.length < flat.length ? `${start}...` : start;
}

const DEFAULT_TEMPLATE = [
  'Step 1: Read the question: "{{promptStart}}"',
  "Step 2: {{systemStep}}",
  "Step 3: Work through the problem one step at a time and check the result.",
  "The answer is {{answer}}.",
].join("\n");

/** Fills {{prompt}}, {{promptStart}}, {{system}}, {{systemStart}}, {{systemStep}}, {{answer}}. */
export function renderReply(template: string | undefined, system: string, prompt: string): string {
  const values: Record<string, string> = {
    prompt,
    system,
    answer: String(answerFor(prompt)),
  };
  return (template ?? DEFAULT_TEMPLATE).replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    if (key in values) return values[key]!;
    if (key === "promptStart") return quote(prompt, 8);
    if (key === "systemStart") return quote(system, 6);
    if (key === "systemStep")
      return system.trim()
        ? `Follow the system message ("${quote(system, 6)}").`
        : "There is no system message, so answer plainly.";
    return whole;
  });
}
