import { describe, expect, it } from "vitest";
import { LENGTH_BUCKETS } from "./buckets";
import type { TraceGroupRow } from "./rows";
import { parseDashboardFilter, DashboardFilterSchema, dashboardQuery } from "./schemas";
import {
  acceptanceBy,
  byAcceptance,
  judgeDistributions,
  lengthHistogram,
  outcomeCounts,
  usageBy,
} from "./shape";
import { acceptanceSummary, lengthSummary, verificationSummary } from "./summaries";

const group = (over: Partial<TraceGroupRow>): TraceGroupRow => ({
  jobId: "j",
  versionId: "v",
  model: "m",
  status: "pending",
  verified: null,
  traces: 1,
  checked: 0,
  inputTokens: 0,
  outputTokens: 0,
  costUsd: 0,
  lengths: LENGTH_BUCKETS.map(() => 0),
  ...over,
});

describe("dashboard shaping", () => {
  it("sums statuses per key; conflicts and pending stay out of the rate", () => {
    const rows = [
      group({ versionId: "a", status: "approved", traces: 8 }),
      group({ versionId: "a", status: "rejected", traces: 2 }),
      group({ versionId: "a", status: "conflict", traces: 5 }),
      group({ versionId: "a", status: "pending", traces: 100 }),
    ];
    const [a] = acceptanceBy(
      rows,
      (r) => r.versionId,
      (k) => k.toUpperCase(),
    );
    expect(a).toEqual({
      key: "a",
      label: "A",
      traces: 115,
      approved: 8,
      rejected: 2,
      conflict: 5,
      decided: 10,
      rate: 0.8,
    });
  });

  it("sorts keepers first: higher rate, then more decisions, then name; undecided last", () => {
    const rows = [
      group({ versionId: "never", status: "pending", traces: 50 }),
      group({ versionId: "few", status: "approved", traces: 1 }),
      group({ versionId: "many", status: "approved", traces: 90 }),
      group({ versionId: "many", status: "rejected", traces: 10 }),
      group({ versionId: "sure", status: "approved", traces: 20 }),
      group({ versionId: "low", status: "rejected", traces: 3 }),
    ];
    const sorted = acceptanceBy(
      rows,
      (r) => r.versionId,
      (k) => k,
    ).sort(byAcceptance);
    expect(sorted.map((g) => g.key)).toEqual(["sure", "few", "many", "low", "never"]);
    expect(acceptanceSummary("By message", sorted)).toBe(
      "By message: sure 100% of 20 decided; few 100% of 1 decided; many 90% of 100 decided; low 0% of 3 decided; never no decisions yet (50 traces).",
    );
    expect(acceptanceSummary("By message", [])).toBe("By message: no traces.");
  });

  it("rates verification on pass, fail and warn only", () => {
    const counts = outcomeCounts([
      { outcome: "pass", count: 6 },
      { outcome: "fail", count: 3 },
      { outcome: "warn", count: 1 },
      { outcome: "skip", count: 90 },
    ]);
    expect(counts).toEqual({ pass: 6, fail: 3, warn: 1, total: 10, rate: 0.6 });
    expect(verificationSummary(counts)).toBe(
      "Verification: 6 passed, 3 failed, 1 need a look; pass rate 60% of 10 verified.",
    );
    expect(outcomeCounts([]).rate).toBeNull();
  });

  it("spreads judge scores over the version's scale and leaves out scores outside it", () => {
    const names = new Map([["r1", { label: "Steps v1", scale: 3 }]]);
    const [d] = judgeDistributions(
      [
        { rubricVersionId: "r1", score: 1, count: 2 },
        { rubricVersionId: "r1", score: 3, count: 2 },
        { rubricVersionId: "r1", score: 5, count: 9 },
      ],
      names,
    );
    expect(d).toEqual({ rubricVersionId: "r1", label: "Steps v1", counts: [2, 0, 2], total: 4, mean: 2 });
  });

  it("adds the length buckets of every group and names them in doubling ranges", () => {
    const lengths = (i: number, n: number) => LENGTH_BUCKETS.map((_, j) => (j === i ? n : 0));
    const histogram = lengthHistogram([
      group({ lengths: lengths(0, 2) }),
      group({ lengths: lengths(0, 1) }),
      group({ lengths: lengths(9, 4) }),
    ]);
    expect(histogram[0]).toEqual({ label: "0–64", count: 3 });
    expect(histogram[5]).toEqual({ label: "1k–2k", count: 0 });
    expect(histogram.at(-1)).toEqual({ label: "16k+", count: 4 });
    expect(lengthSummary(histogram)).toBe("Output length in tokens: 0–64 3; 16k+ 4.");
  });

  it("orders usage by cost, then tokens", () => {
    const usage = usageBy(
      [
        group({ jobId: "cheap", costUsd: 1, inputTokens: 10 }),
        group({ jobId: "dear", costUsd: 5 }),
        group({ jobId: "cheap", costUsd: 1, outputTokens: 20 }),
        group({ jobId: "free", outputTokens: 999 }),
      ],
      (r) => r.jobId,
      (k) => k,
    );
    expect(usage.map((u) => [u.key, u.costUsd, u.inputTokens + u.outputTokens, u.traces])).toEqual([
      ["dear", 5, 0, 1],
      ["cheap", 2, 30, 2],
      ["free", 0, 999, 1],
    ]);
  });
});

describe("dashboard filter", () => {
  it("reads blanks as missing and refuses a range that ends before it starts", () => {
    expect(DashboardFilterSchema.parse({ jobId: "", from: "", to: "2025-02-01" })).toEqual({
      to: "2025-02-01",
    });
    expect(DashboardFilterSchema.safeParse({ from: "2025-02-01", to: "2025-02-01" }).success).toBe(false);
    expect(DashboardFilterSchema.safeParse({ from: "2025-02-30x" }).success).toBe(false);
    expect(dashboardQuery({ jobId: "j 1", from: "2025-01-01" })).toBe("?jobId=j+1&from=2025-01-01");
    expect(dashboardQuery({})).toBe("");
  });

  it("keeps the readable parts of a page's search params", () => {
    expect(parseDashboardFilter({ jobId: ["j1", "j2"], from: "nonsense", to: "2025-03-01" })).toEqual({
      jobId: "j1",
      to: "2025-03-01",
    });
    expect(parseDashboardFilter({ from: "2025-03-01", to: "2025-02-01" })).toEqual({ from: "2025-03-01" });
  });
});
