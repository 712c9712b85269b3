import { beforeAll, describe, expect, it } from "vitest";
import { editWords, seededRandom } from "../text/light-edits";
import { readJsonl, SHARED_DATA } from "../testing/shared-data";
import { NearDuplicateIndex } from "./near-index";
import type { NearDuplicateSettings } from "./settings";

let rationales: string[];
beforeAll(() => {
  rationales = readJsonl<{ answer: string }>(`${SHARED_DATA}/gsm8k/train.jsonl`).map((r) => r.answer);
});

/**
 * Every GSM8K train rationale, plus a paraphrase of the first `pairs` (each with 5-10% of its
 * words swapped, deleted, replaced or inserted); precision and recall over pairs in clusters.
 */
function measure(
  settings: NearDuplicateSettings,
  pairs: number,
  rows = rationales.length,
  fraction = [0.05, 0.1],
) {
  const random = seededRandom(11);
  const index = new NearDuplicateIndex(settings);
  for (let i = 0; i < rows; i++) index.add(`r${i}`, rationales[i]!);
  for (let i = 0; i < pairs; i++) {
    const share = fraction[0]! + (fraction[1]! - fraction[0]!) * random();
    index.add(`p${i}`, editWords(rationales[i]!, share, random));
  }
  let planted = 0;
  const others: string[] = [];
  for (const { ids } of index.clusters()) {
    for (let a = 0; a < ids.length; a++) {
      for (let b = a + 1; b < ids.length; b++) {
        if (ids[a]!.slice(1) === ids[b]!.slice(1)) planted++;
        else others.push(`${ids[a]}~${ids[b]}`);
      }
    }
  }
  return { precision: planted / Math.max(1, planted + others.length), recall: planted / pairs, others };
}

describe("NearDuplicateIndex on GSM8K train rationales", () => {
  it("finds paraphrases with 5-10% of the words edited, with precision and recall of at least 0.9 at the defaults", () => {
    const { precision, recall, others } = measure({}, 1000);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    // What it joins besides: rationales that are near-copies in GSM8K itself (the Londolozi
    // lions problem asked both ways, rows 206 and 2245).
    expect(others.length).toBeLessThan(10);
    expect(others).toContain("r206~r2245");
  });

  it("with datatrove's settings finds only near-verbatim copies", () => {
    expect(measure({ preset: "datatrove" }, 300, 2000).recall).toBeLessThan(0.2);
    const oneEdit = measure({ preset: "datatrove" }, 300, 2000, [0, 0]);
    expect(oneEdit.recall).toBeGreaterThan(0.5);
    expect(oneEdit.precision).toBe(1);
  });

  it("runs the NeMo preset on character 24-grams and the distilabel one at 0.9", () => {
    const nemo = new NearDuplicateIndex({ preset: "nemo" });
    expect(nemo.settings).toMatchObject({ shingle: "char", shingleSize: 24, permutations: 260 });
    const distilabel = new NearDuplicateIndex({ preset: "distilabel" });
    for (const index of [nemo, distilabel]) {
      rationales.slice(0, 200).forEach((text, i) => index.add(`r${i}`, text));
      index.add("copy", rationales[7]!.toUpperCase().replaceAll(".", " ."));
      expect(index.clusters()).toEqual([{ ids: ["r7", "copy"], similarity: 1 }]);
    }
  });
});

describe("NearDuplicateIndex", () => {
  const text = "Natalia sold 48 clips in April and half as many clips in May, so she sold 72 clips in all.";

  it("puts the first-added member first and reports the weakest link", () => {
    const index = new NearDuplicateIndex({ shingleSize: 2, threshold: 0.3 });
    index.add("a", rationales?.[1] ?? text);
    index.add("b", text);
    index.add("c", `${text} Altogether that is the answer.`);
    index.add("d", text);
    const [cluster, ...rest] = index.clusters();
    expect(rest).toEqual([]);
    expect(cluster!.ids).toEqual(["b", "c", "d"]);
    expect(cluster!.similarity).toBeGreaterThan(0.3);
    expect(cluster!.similarity).toBeLessThan(1);
  });

  it("never clusters texts without words", () => {
    const index = new NearDuplicateIndex();
    for (const id of ["x", "y", "z"]) index.add(id, " ... !!! ");
    expect(index.clusters()).toEqual([]);
    expect(index.size).toBe(3);
  });

  it("treats a text shorter than a shingle as one shingle", () => {
    const index = new NearDuplicateIndex();
    index.add("a", "Yes.");
    index.add("b", "yes");
    index.add("c", "No.");
    expect(index.clusters()).toEqual([{ ids: ["a", "b"], similarity: 1 }]);
  });

  it("grows past its initial capacity, and gives the same clusters for the same seed", () => {
    const build = (seed: number) => {
      const index = new NearDuplicateIndex({ seed });
      for (let i = 0; i < 3000; i++) index.add(`r${i}`, i % 1000 === 0 ? text : rationales[i]!);
      return index.clusters();
    };
    const clusters = build(1);
    expect(clusters[0]).toEqual({ ids: ["r0", "r1000", "r2000"], similarity: 1 });
    expect(clusters.map((c) => c.ids)).toContainEqual(["r206", "r2245"]);
    expect(build(1)).toEqual(clusters);
    expect(build(2)[0]).toEqual(clusters[0]);
  });
});
