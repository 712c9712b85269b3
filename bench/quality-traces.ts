// Synthetic traces for bench/quality.ts: a pure function of the row number, so each pass
// regenerates them instead of holding 100,000 texts. A trace is an opening sentence, then worked
// GSM8K train rationales (calculator annotations removed; four, so that two traces
// sharing one are not near-duplicates) joined by connectives, 100-300 words, then a closing line. Planted: paraphrases of other rows (5-10% of the words
// edited) and built-in benchmark items, verbatim or lightly edited, inside a trace.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { SHARED_DATA } from "../lib/quality/testing/shared-data";
import type { BenchmarkItem } from "../lib/quality/contamination/schemas";
import {
  changeNumbers,
  changeWords,
  editWords,
  reorderSentences,
  seededRandom,
} from "../lib/quality/text/light-edits";

const TRAIN = resolve(SHARED_DATA, "gsm8k/train.jsonl");

const OPENINGS = [
  "Let's work through this step by step.",
  "We can solve this by breaking the problem into smaller parts.",
  "First, let me restate what we know and what we need to find.",
  "To answer this, I'll compute each quantity in turn.",
  "Here is a careful solution, one step at a time.",
  "Let me think about the quantities involved before calculating.",
  "I'll set up the arithmetic and then check the result.",
  "Okay, let's figure this out together.",
  "The key is to track every amount as it changes.",
  "Let's reason about this carefully and show the work.",
];
const CONNECTIVES = [
  "Next, consider a related calculation.",
  "A similar situation works the same way.",
  "Another way to check the approach:",
  "Now apply the same idea again.",
  "By the same reasoning,",
  "Let me verify this with a second example.",
  "Then we continue with the next part.",
];

export type Rationale = { text: string; words: number; final: string };

export function loadRationales(): Rationale[] {
  return readFileSync(TRAIN, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const { answer } = JSON.parse(line) as { answer: string };
      const [body = "", final = ""] = answer.replace(/<<[^<>]*>>/g, "").split("\n#### ");
      return { text: body, words: body.split(/\s+/).length, final: final.trim() };
    });
}

/** Trace `row`: deterministic, 100-300 words, four rationales (none over 70 words). */
export function baseTrace(row: number, rationales: readonly Rationale[]): string {
  const random = seededRandom(Math.imul(row + 1, 0x9e3779b1));
  const parts = [OPENINGS[Math.floor(random() * OPENINGS.length)]!];
  const pieces = 4;
  let words = parts[0]!.split(" ").length;
  let final = "";
  for (let added = 0; added < pieces || words < 100;) {
    const r = rationales[Math.floor(random() * rationales.length)]!;
    if (r.words > 70 || words + r.words > 290) continue;
    if (added > 0) parts.push(CONNECTIVES[Math.floor(random() * CONNECTIVES.length)]!);
    parts.push(r.text);
    words += r.words;
    final = r.final;
    added++;
  }
  parts.push(`So the final answer is ${final}.`);
  return parts.join("\n");
}

export const LIGHT_EDITS = {
  numbers: (text: string, random: () => number) => changeNumbers(text, random),
  reorder: (text: string, random: () => number) => reorderSentences(text, random),
  words: (text: string, random: () => number) => changeWords(text, 3, random),
} as const;
export type LightEdit = keyof typeof LIGHT_EDITS;

export type Plant = { item: BenchmarkItem; edit: LightEdit | null };

/** The text of a benchmark item as a trace would quote it. */
export function itemText(item: BenchmarkItem): string {
  return item.benchmark === "humaneval"
    ? `\`\`\`python\n${item.text}${item.answer ?? ""}\n\`\`\``
    : `${item.text}\n${item.answer ?? ""}`;
}

/** A benchmark item inside trace `row`, after its opening line. */
export function contaminatedTrace(row: number, plant: Plant, rationales: readonly Rationale[]): string {
  const random = seededRandom(row ^ 0x5bd1e995);
  const quoted = plant.edit ? LIGHT_EDITS[plant.edit](itemText(plant.item), random) : itemText(plant.item);
  const [opening, ...rest] = baseTrace(row, rationales).split("\n");
  return [opening, "This resembles a problem I have seen:", quoted, ...rest].join("\n");
}

/** A paraphrase of trace `base`: 5-10% of its words swapped, deleted, replaced or inserted. */
export function paraphrasedTrace(base: number, row: number, rationales: readonly Rationale[]): string {
  const random = seededRandom(Math.imul(row + 7, 0x85ebca6b));
  return editWords(baseTrace(base, rationales), 0.05 + 0.05 * random(), random);
}
