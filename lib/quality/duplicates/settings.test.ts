import { describe, expect, it } from "vitest";
import { candidateProbability, NearDuplicateSettingsSchema, resolveNearDuplicateSettings } from "./settings";

describe("near-duplicate settings", () => {
  it("default to word 3-grams, 28 x 4, Jaccard 0.5, and take presets by name with overrides", () => {
    expect(resolveNearDuplicateSettings()).toEqual({
      shingle: "word",
      shingleSize: 3,
      bands: 28,
      rows: 4,
      threshold: 0.5,
      seed: 1,
      permutations: 112,
    });
    expect(resolveNearDuplicateSettings({ preset: "datatrove" })).toMatchObject({
      shingleSize: 5,
      bands: 14,
      rows: 8,
      permutations: 112,
    });
    expect(resolveNearDuplicateSettings({ preset: "distilabel" })).toMatchObject({
      bands: 5,
      rows: 25,
      threshold: 0.9,
    });
    expect(resolveNearDuplicateSettings({ preset: "nemo", threshold: 0.7 })).toMatchObject({
      shingle: "char",
      shingleSize: 24,
      bands: 20,
      rows: 13,
      threshold: 0.7,
    });
  });

  it("reject what makes no sense", () => {
    expect(NearDuplicateSettingsSchema.safeParse({ preset: "minhash" }).success).toBe(false);
    expect(NearDuplicateSettingsSchema.safeParse({ threshold: 1.5 }).success).toBe(false);
    expect(NearDuplicateSettingsSchema.safeParse({ bands: 0 }).success).toBe(false);
    expect(() => resolveNearDuplicateSettings({ bands: 64, rows: 9 })).toThrow(/512/);
  });

  it("give the LSH candidate probability of a pair", () => {
    expect(candidateProbability(0.5, 28, 4)).toBeCloseTo(0.836, 3);
    // At datatrove's S-curve midpoint (1/14)^(1/8) = 0.72, about 1 - 1/e.
    expect(candidateProbability(0.72, 14, 8)).toBeCloseTo(0.65, 2);
  });
});
