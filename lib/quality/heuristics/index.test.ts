import { describe, expect, it } from "vitest";
import { trace } from "./fixtures/trace";
import { HEURISTIC_NAMES, HeuristicSettingsSchema, runHeuristics } from "./index";

describe("runHeuristics", () => {
  it("returns one verdict per heuristic", () => {
    const results = runHeuristics(trace());
    expect(Object.keys(results).sort()).toEqual([...HEURISTIC_NAMES].sort());
    expect(results.refusal.outcome).toBe("pass");
  });

  it("flags a refused, cut-off trace on several heuristics at once", () => {
    const results = runHeuristics(
      trace({ output: "I'm sorry, but I can't help with", finishReason: "length" }),
    );
    expect(results.refusal.outcome).toBe("fail");
    expect(results.truncation.outcome).toBe("fail");
    expect(results.shortcut.outcome).toBe("fail");
  });

  it("takes partial settings and fills in the rest", () => {
    const results = runHeuristics(trace(), { length: { maxChars: 50, overMaxOutcome: "fail" } });
    expect(results.length.outcome).toBe("fail");
    expect(HeuristicSettingsSchema.parse({ length: { maxChars: 50 } }).length).toMatchObject({
      minWords: 3,
      maxChars: 50,
    });
    expect(HeuristicSettingsSchema.parse({}).refusal).toEqual({ earlyChars: 200, shortChars: 600 });
  });

  it("rejects invalid settings", () => {
    expect(() => runHeuristics(trace(), { repetition: { warnRatio: 2 } })).toThrow();
  });
});
