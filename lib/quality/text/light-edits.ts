// Light edits of a text, as a contaminated or duplicated copy would carry them: for tests and
// benchmarks that measure how much editing the detectors survive. Deterministic given the seed.

/** mulberry32: a small seeded generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;

/** Every number replaced by a different one of about the same size. */
export function changeNumbers(text: string, random: () => number): string {
  return text.replace(/\d+(?:\.\d+)?/g, (number) => {
    const value = Number(number);
    let next = value;
    while (next === value)
      next = Math.max(1, Math.round(value * (0.5 + random()) + (random() < 0.5 ? 1 : 2)));
    return String(next);
  });
}

/** The sentences of a text in another order (sentences end at . ! ? or a line break). */
export function reorderSentences(text: string, random: () => number): string {
  const sentences = text.split(/(?<=[.!?])\s+/).filter((s) => s.trim() !== "");
  if (sentences.length < 2) return text;
  const original = sentences.join(" ");
  for (let attempt = 0; attempt < 10; attempt++) {
    for (let i = sentences.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [sentences[i], sentences[j]] = [sentences[j]!, sentences[i]!];
    }
    if (sentences.join(" ") !== original) break;
  }
  return sentences.join(" ");
}

const REPLACEMENTS = ["some", "many", "each", "every", "then", "also", "just", "still", "very", "only"];
const FILLERS = ["so", "now", "well", "indeed", "actually", "basically", "here", "then"];

/** `count` words (of three letters or more) replaced by others. */
export function changeWords(text: string, count: number, random: () => number): string {
  const parts = text.split(/(\s+)/);
  const words = parts.flatMap((part, i) => (/^[A-Za-z]{3,}[,.;:!?]?$/.test(part) ? [i] : []));
  for (let k = 0; k < count && words.length > 0; k++) {
    const i = words.splice(Math.floor(random() * words.length), 1)[0]!;
    parts[i] = parts[i]!.replace(/^[A-Za-z]+/, pick(REPLACEMENTS, random));
  }
  return parts.join("");
}

/**
 * A paraphrase by small edits: about `fraction` of the words each swapped with its neighbour,
 * deleted, replaced or followed by an inserted word (one of the four, at random).
 */
export function editWords(text: string, fraction: number, random: () => number): string {
  const words = text.split(/\s+/).filter((w) => w !== "");
  const edits = Math.max(1, Math.round(words.length * fraction));
  for (let k = 0; k < edits && words.length > 2; k++) {
    const i = Math.floor(random() * (words.length - 1));
    const kind = Math.floor(random() * 4);
    if (kind === 0) [words[i], words[i + 1]] = [words[i + 1]!, words[i]!];
    else if (kind === 1) words.splice(i, 1);
    else if (kind === 2) words[i] = pick(REPLACEMENTS, random);
    else words.splice(i + 1, 0, pick(FILLERS, random));
  }
  return words.join(" ");
}
