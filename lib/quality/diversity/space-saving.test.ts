import { describe, expect, it } from "vitest";
import { SpaceSaving } from "./space-saving";

describe("SpaceSaving", () => {
  it("counts exactly while under capacity, and keeps the first id as the example", () => {
    const sketch = new SpaceSaving(10);
    for (const [key, id] of [
      ["a", "1"],
      ["b", "2"],
      ["a", "3"],
      ["c", "4"],
      ["a", "5"],
      ["b", "6"],
    ])
      sketch.add(key!, id!);
    expect(sketch.top(2)).toEqual([
      { key: "a", count: 3, error: 0, exampleId: "1" },
      { key: "b", count: 2, error: 0, exampleId: "2" },
    ]);
    expect(sketch.total).toBe(6);
  });

  it("keeps every heavy hitter of a long-tailed stream, never undercounting, within capacity", () => {
    const sketch = new SpaceSaving(100);
    const truth = new Map<string, number>();
    // Keys h0..h3 are 10% of the stream each; the rest are 30,000 distinct one-offs, interleaved.
    for (let i = 0; i < 50_000; i += 1) {
      const key = i % 5 < 2 ? `h${i % 10 < 5 ? i % 5 : (i % 5) + 2}` : `tail-${i}`;
      truth.set(key, (truth.get(key) ?? 0) + 1);
      sketch.add(key, String(i));
      expect(sketch.size).toBeLessThanOrEqual(100);
    }
    const top = sketch.top(4);
    expect(top.map((h) => h.key).sort()).toEqual(["h0", "h1", "h2", "h3"]);
    for (const hit of top) {
      const real = truth.get(hit.key) ?? 0;
      expect(hit.count).toBeGreaterThanOrEqual(real);
      expect(hit.count - hit.error).toBeLessThanOrEqual(real);
      expect(hit.error).toBeLessThanOrEqual(50_000 / 100);
    }
  });
});
