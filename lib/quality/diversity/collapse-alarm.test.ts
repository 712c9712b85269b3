import { describe, expect, it } from "vitest";
import { DiversityAccumulator, type DiversityItem } from "./accumulator";
import { collapseAlarm } from "./collapse-alarm";
import { collapsedTraces, gsm8kRationales } from "./fixtures";

function summarize(items: DiversityItem[]) {
  const acc = new DiversityAccumulator();
  for (const item of items) acc.add(item);
  return acc.summary();
}

describe("collapseAlarm", () => {
  it("says ok for GSM8K rationales (diverse, written by people)", () => {
    const summary = summarize(gsm8kRationales());
    expect(collapseAlarm(summary)).toEqual({ level: "ok", reasons: [] });
    expect(summary.openings[0]).toMatchObject({ key: "there are <n> <n> <n> <n> <n> <n>", count: 112 });
    expect(summary.top5TemplateShare).toBeLessThan(0.01);
    expect(summary.distinct[2].windowed).toBeGreaterThan(0.4);
    expect(summary.systemMessages.map((m) => [m.key, m.count])).toEqual([
      ["sm-steps", 5604],
      ["sm-terse", 1869],
    ]);
  });

  it("raises the alarm for one template with its numbers changed, naming each reason", () => {
    const result = collapseAlarm(summarize(collapsedTraces(2000))); // 54,000 bigrams: one full window
    expect(result.level).toBe("alarm");
    expect(result.reasons).toEqual([
      'alarm: 100% of traces open with "to solve this we first find how many"',
      "alarm: the top 5 templates cover 100% of traces",
      expect.stringMatching(/^alarm: distinct-2 is 0\.0\d\d$/),
    ]);
  });

  it("warns when a third of an otherwise diverse set shares an opening", () => {
    const diverse = gsm8kRationales().slice(0, 200);
    const result = collapseAlarm(summarize([...diverse, ...collapsedTraces(100)]), {
      templateWarnShare: 0.5,
    });
    expect(result.level).toBe("warn");
    expect(result.reasons).toEqual(['warn: 33% of traces open with "to solve this we first find how many"']);
  });

  it("does not judge a set under the minimum size, and honours settings", () => {
    expect(collapseAlarm(summarize(collapsedTraces(20)))).toEqual({
      level: "ok",
      reasons: ["only 20 traces; collapse is judged from 50"],
    });
    expect(collapseAlarm(summarize(collapsedTraces(20)), { minTraces: 10 }).level).toBe("alarm");
    expect(() => collapseAlarm(summarize([]), { openingAlarmShare: 2 })).toThrow();
  });
});
