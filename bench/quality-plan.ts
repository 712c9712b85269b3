// Which rows of the quality benchmark are what: the last `pairs` rows paraphrase earlier ones,
// and some other rows carry a benchmark item (every GSM8K test and HumanEval item once verbatim,
// once with a light edit). Bases of paraphrases and carriers of items are distinct rows.
import type { BenchmarkItem } from "../lib/quality/contamination/schemas";
import { seededRandom } from "../lib/quality/text/light-edits";
import {
  baseTrace,
  contaminatedTrace,
  LIGHT_EDITS,
  type LightEdit,
  paraphrasedTrace,
  type Plant,
  type Rationale,
} from "./quality-traces";

export type Plan = {
  rows: number;
  /** paraphrase row -> the row it paraphrases */
  paraphraseOf: Map<number, number>;
  plants: Map<number, Plant>;
  text: (row: number) => string;
  id: (row: number) => string;
};

export function makePlan(
  rows: number,
  pairs: number,
  items: readonly BenchmarkItem[],
  rationales: readonly Rationale[],
): Plan {
  const random = seededRandom(20240601);
  const originals = rows - pairs;
  const used = new Set<number>();
  const freshRow = () => {
    for (;;) {
      const row = Math.floor(random() * originals);
      if (!used.has(row)) return (used.add(row), row);
    }
  };
  const paraphraseOf = new Map<number, number>();
  for (let row = originals; row < rows; row++) paraphraseOf.set(row, freshRow());
  const plants = new Map<number, Plant>();
  const edits = Object.keys(LIGHT_EDITS) as LightEdit[];
  const planted = items.filter((item) => item.benchmark === "gsm8k-test" || item.benchmark === "humaneval");
  planted.forEach((item, i) => {
    plants.set(freshRow(), { item, edit: null });
    plants.set(freshRow(), { item, edit: edits[i % edits.length]! });
  });
  return {
    rows,
    paraphraseOf,
    plants,
    id: (row) => `t${row}`,
    text: (row) => {
      const base = paraphraseOf.get(row);
      if (base !== undefined) return paraphrasedTrace(base, row, rationales);
      const plant = plants.get(row);
      return plant ? contaminatedTrace(row, plant, rationales) : baseTrace(row, rationales);
    },
  };
}
