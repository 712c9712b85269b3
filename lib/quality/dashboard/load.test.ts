import { beforeAll, describe, expect, it } from "vitest";
import { loadDashboard } from "./load";
import {
  acceptanceSummary,
  duplicatesSummary,
  judgeSummary,
  verificationByMessageSummary,
} from "./summaries";
import { seedDashboard, type SeededDashboard } from "./testing/seed";

let seeded: SeededDashboard;
beforeAll(async () => {
  seeded = await seedDashboard();
});

const pick = <T extends { label: string }>(rows: T[], keys: Array<keyof T>) =>
  rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));

describe("the quality dashboard over a seeded database", () => {
  it("counts the headline figures across every job", async () => {
    const d = await loadDashboard({});
    expect(d.headline).toEqual({
      traces: 10,
      checked: 10,
      decided: 7,
      conflict: 1,
      acceptanceRate: 4 / 7,
      verificationPassRate: 4 / 7,
      contaminated: 2,
      nearDuplicates: 2,
      costUsd: expect.closeTo(2.06, 6),
    });
  });

  it("ranks system-message versions by acceptance rate, with their decided counts", async () => {
    const { messages } = seeded;
    const d = await loadDashboard({});
    expect(pick(d.bySystemMessage, ["label", "approved", "rejected", "conflict", "decided"])).toEqual([
      { label: `${messages.a} v2`, approved: 2, rejected: 0, conflict: 1, decided: 2 },
      { label: `${messages.a} v1`, approved: 1, rejected: 1, conflict: 0, decided: 2 },
      { label: `${messages.b} v1`, approved: 1, rejected: 1, conflict: 0, decided: 2 },
      { label: `${messages.b} v2`, approved: 0, rejected: 1, conflict: 0, decided: 1 },
    ]);
    expect(acceptanceSummary("Acceptance rate by system message", d.bySystemMessage)).toBe(
      `Acceptance rate by system message: ${messages.a} v2 100% of 2 decided; ${messages.a} v1 50% of 2 decided; ` +
        `${messages.b} v1 50% of 2 decided; ${messages.b} v2 0% of 1 decided.`,
    );
    expect(pick(d.byJob, ["label", "decided", "rate"])).toEqual([
      { label: `Dashboard A ${seeded.a.tag}`, decided: 4, rate: 0.75 },
      { label: `Dashboard B ${seeded.b.tag}`, decided: 3, rate: 1 / 3 },
    ]);
    expect(pick(d.byModel, ["label", "decided", "rate"])).toEqual([
      { label: "scripted-1", decided: 4, rate: 0.75 },
      { label: "scripted-2", decided: 3, rate: 1 / 3 },
    ]);
  });

  it("counts rejections by taxonomy label, verification per version, judge scores and lengths", async () => {
    const { messages } = seeded;
    const d = await loadDashboard({});
    expect(d.rejectReasons).toEqual([
      { label: "Truncated", count: 2 },
      { label: "Wrong answer", count: 2 },
    ]);
    expect(d.verification.overall).toEqual({ pass: 4, fail: 2, warn: 1, total: 7, rate: 4 / 7 });
    expect(verificationByMessageSummary(d.verification.bySystemMessage)).toBe(
      `Verification pass rate by system message: ${messages.a} v2 100% of 2 verified; ${messages.b} v2 100% of 1 verified; ` +
        `${messages.a} v1 33% of 3 verified; ${messages.b} v1 0% of 1 verified.`,
    );
    expect(d.judge).toHaveLength(1);
    expect(d.judge[0]).toMatchObject({
      label: `${seeded.rubricName} v1`,
      counts: [1, 1, 0, 2, 1],
      total: 5,
      mean: 3.2,
    });
    expect(judgeSummary(d.judge[0]!)).toBe(
      `Judge scores, ${seeded.rubricName} v1: 1: 1, 2: 1, 3: 0, 4: 2, 5: 1 (5 traces scored, mean 3.2).`,
    );
    expect(d.lengths.filter((b) => b.count > 0)).toEqual([
      { label: "64–128", count: 6 },
      { label: "2k–4k", count: 4 },
    ]);
    expect(d.lengths.reduce((s, b) => s + b.count, 0)).toBe(10);
  });

  it("counts duplicates, clusters, contamination (own or through the prompt), best-of-K and cost", async () => {
    const d = await loadDashboard({});
    expect(d.duplicates).toEqual({
      exactDuplicates: 1,
      nearDuplicates: 2,
      contaminated: 2,
      contaminatedPrompts: 1,
      clusters: 2,
      bestOfKNotSelected: 2,
    });
    expect(duplicatesSummary(d.duplicates)).toBe(
      "Duplicates and contamination: 1 exact duplicate, 2 near duplicates, in 2 clusters; 2 contaminated traces (1 contaminated prompt).",
    );
    expect(d.usage.byJob.map((u) => [u.label, u.traces, Number(u.costUsd.toFixed(2))])).toEqual([
      [`Dashboard B ${seeded.b.tag}`, 4, 2],
      [`Dashboard A ${seeded.a.tag}`, 6, 0.06],
    ]);
    expect(d.usage.byModel[0]).toMatchObject({
      label: "scripted-2",
      outputTokens: 3000 * 4 + 6,
      inputTokens: 40 * 4 + 6,
    });
  });

  it("narrows every panel to one job", async () => {
    const d = await loadDashboard({ jobId: seeded.a.jobId });
    expect(d.headline).toMatchObject({
      traces: 6,
      decided: 4,
      acceptanceRate: 0.75,
      verificationPassRate: 0.6,
      contaminated: 1,
      nearDuplicates: 2,
    });
    expect(d.byJob.map((j) => j.label)).toEqual([`Dashboard A ${seeded.a.tag}`]);
    expect(d.rejectReasons).toEqual([
      { label: "Truncated", count: 1 },
      { label: "Wrong answer", count: 1 },
    ]);
    expect(d.duplicates).toEqual({
      exactDuplicates: 0,
      nearDuplicates: 2,
      contaminated: 1,
      contaminatedPrompts: 0,
      clusters: 1,
      bestOfKNotSelected: 2,
    });
    expect(d.judge[0]?.counts).toEqual([0, 1, 0, 2, 1]);
  });

  it("narrows to a date range: from inclusive, to exclusive", async () => {
    const feb = await loadDashboard({ from: "2025-02-01", to: "2025-02-02" });
    expect(feb.headline).toMatchObject({ traces: 4, decided: 3, contaminated: 1 });
    expect(feb.duplicates).toMatchObject({
      exactDuplicates: 1,
      nearDuplicates: 0,
      clusters: 1,
      contaminatedPrompts: 1,
    });
    expect(feb.judge[0]?.counts).toEqual([1, 0, 0, 0, 0]);
    const jan = await loadDashboard({ to: "2025-02-01" });
    expect(jan.headline.traces).toBe(6);
    const none = await loadDashboard({ from: "2025-03-01" });
    expect(none.headline).toMatchObject({
      traces: 0,
      decided: 0,
      acceptanceRate: null,
      verificationPassRate: null,
      costUsd: 0,
    });
    expect(none.bySystemMessage).toEqual([]);
    expect(none.judge).toEqual([]);
  });
});
