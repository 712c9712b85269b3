import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createTestUser } from "../testing/fixtures";
import { createTraces, type CreatedTraces } from "../testing/trace-fixtures";
import { decide } from "./decide";
import { listReviewPage, type PageOptions } from "./list";
import { filterWhere, REVIEW_ORDER } from "./order";
import { countExactly, reviewCounts } from "./queries";
import { TraceSelectionSchema, type TraceSelection } from "./schemas";

const selection = (input: Record<string, unknown>): TraceSelection => TraceSelectionSchema.parse(input);

/** Every page from the top, following nextCursor (partial pages too); the ids in order. */
async function walkAll(s: TraceSelection, options: PageOptions = {}) {
  const ids: string[] = [];
  let partial = 0;
  let after: string | undefined;
  for (let pages = 0; pages < 500; pages++) {
    const page = await listReviewPage(s, { ...options, after });
    ids.push(...page.rows.map((r) => r.id));
    if (page.partial) partial++;
    if (!page.nextCursor) return { ids, partial };
    after = page.nextCursor;
  }
  throw new Error("more than 500 pages");
}

/** The same selection through Prisma and filterWhere: what the list must show, in its order. */
async function expected(s: TraceSelection): Promise<string[]> {
  const rows = await db().trace.findMany({
    where: filterWhere(s),
    orderBy: [...REVIEW_ORDER],
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

describe("the review list's filters", () => {
  let a: CreatedTraces;
  let b: CreatedTraces;
  let reviewers: string[];
  beforeAll(async () => {
    a = await createTraces({ count: 14, jobName: "Filters A" });
    b = await createTraces({
      count: 6,
      jobName: "Filters B",
      createdAt: new Date(Date.UTC(2025, 0, 1, 12, 0, 7)),
    });
    reviewers = [(await createTestUser("reviewer")).id, (await createTestUser("reviewer")).id];
    await decide({ traceId: a.traceIds[1]!, decision: "approved" }, reviewers[0]!);
    await decide({ traceId: a.traceIds[2]!, decision: "rejected", reason: "Wrong." }, reviewers[0]!);
    await decide({ traceId: a.traceIds[3]!, decision: "rejected", reason: "Short." }, reviewers[1]!);
    await decide({ traceId: a.traceIds[3]!, decision: "approved" }, reviewers[0]!);
    await decide({ traceId: b.traceIds[0]!, decision: "rejected", reason: "Wrong." }, reviewers[1]!);
    await db().reviewDecision.updateMany({
      where: { traceId: { in: [a.traceIds[2]!, b.traceIds[0]!] }, decision: "rejected" },
      data: { reasonId: "reason-wrong-answer" },
    });
    await db().trace.updateMany({
      where: { id: { in: [a.traceIds[4]!, a.traceIds[9]!, b.traceIds[5]!] } },
      data: { flaggedAt: new Date() },
    });
  });

  const cases: Array<[string, () => Record<string, unknown>]> = [
    ["pending", () => ({ status: "pending" })],
    ["all", () => ({ status: "all" })],
    ["approved", () => ({ status: "approved" })],
    ["rejected", () => ({ status: "rejected" })],
    ["conflict", () => ({ status: "conflict" })],
    ["a job", () => ({ status: "all", jobId: a.jobId })],
    ["a job, pending", () => ({ status: "pending", jobId: a.jobId })],
    ["a system message", () => ({ status: "all", systemMessageId: b.messageId })],
    ["a version", () => ({ status: "all", systemMessageVersionId: a.versionIds[1] })],
    ["a reject reason", () => ({ status: "all", reasonId: "reason-wrong-answer" })],
    ["a reject reason, rejected", () => ({ status: "rejected", reasonId: "reason-wrong-answer" })],
    ["a reviewer", () => ({ status: "all", reviewerId: reviewers[0] })],
    ["a reviewer, pending (none)", () => ({ status: "pending", reviewerId: reviewers[0] })],
    ["a category", () => ({ status: "all", category: "arithmetic" })],
    ["output length", () => ({ status: "all", minTokens: 123, maxTokens: 130 })],
    ["dates", () => ({ status: "all", from: "2025-01-01T12:00:03Z", to: "2025-01-01T12:00:10Z" })],
    ["flagged", () => ({ status: "all", flagged: "1" })],
    ["flagged, pending, job", () => ({ status: "pending", flagged: "1", jobId: a.jobId })],
    ["not flagged", () => ({ status: "all", flagged: "0", jobId: b.jobId })],
  ];

  it.each(cases)("%s: the rows filterWhere selects, newest first, across pages", async (_name, input) => {
    const s = selection(input());
    const want = await expected(s);
    expect((await walkAll(s, { limit: 3 })).ids).toEqual(want);
    expect(await countExactly(s)).toBe(want.length);
  });

  it("shows the columns the list needs", async () => {
    const { rows } = await listReviewPage(selection({ status: "all", jobId: a.jobId }), { limit: 1 });
    expect(rows[0]).toMatchObject({
      id: a.traceIds[13],
      jobId: a.jobId,
      jobName: "Filters A",
      systemMessageName: a.messageName,
      systemMessageVersion: 2,
      model: "scripted-1",
      status: "pending",
      outputTokens: 133,
      category: "word-problem",
      flagged: false,
    });
    expect(rows[0]!.promptPreview).toContain("Question 14");
  });
});

describe("keyset pages", () => {
  it("walk back with `before` to the same rows, and say where the ends are", async () => {
    const { jobId, traceIds } = await createTraces({ count: 7 });
    const s = selection({ status: "all", jobId });
    const first = await listReviewPage(s, { limit: 3 });
    expect(first.prevCursor).toBeNull();
    const second = await listReviewPage(s, { limit: 3, after: first.nextCursor! });
    const third = await listReviewPage(s, { limit: 3, after: second.nextCursor! });
    expect([...first.rows, ...second.rows, ...third.rows].map((r) => r.id)).toEqual([...traceIds].reverse());
    expect(third.nextCursor).toBeNull();
    const back = await listReviewPage(s, { limit: 3, before: third.prevCursor! });
    expect(back.rows.map((r) => r.id)).toEqual(second.rows.map((r) => r.id));
    const top = await listReviewPage(s, { limit: 3, before: back.prevCursor! });
    expect(top.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(top.prevCursor).toBeNull();
  });

  it("break ties of equal creation time by id", async () => {
    const { jobId } = await createTraces({ count: 9, createdAt: new Date(Date.UTC(2025, 5, 1)) });
    await db().trace.updateMany({ where: { jobId }, data: { createdAt: new Date(Date.UTC(2025, 5, 1)) } });
    const s = selection({ status: "all", jobId });
    expect((await walkAll(s, { limit: 2 })).ids).toEqual(await expected(s));
  });

  it("have no gaps or duplicates when traces are written meanwhile", async () => {
    const base = new Date(Date.UTC(2025, 2, 1));
    const { jobId, traceIds } = await createTraces({ count: 10, createdAt: base, jobName: "Keyset job" });
    const s = selection({ status: "pending", jobId });
    const first = await listReviewPage(s, { limit: 4 });
    // Newer and older rows of the same job arrive between pages.
    const later = await createTraces({ count: 3, createdAt: new Date(base.getTime() + 60_000) });
    const earlier = await createTraces({ count: 2, createdAt: new Date(base.getTime() - 60_000) });
    await db().trace.updateMany({
      where: { id: { in: [...later.traceIds, ...earlier.traceIds] } },
      data: { jobId },
    });
    const seen = first.rows.map((r) => r.id);
    for (let after = first.nextCursor; after;) {
      const page = await listReviewPage(s, { limit: 4, after });
      seen.push(...page.rows.map((r) => r.id));
      after = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...traceIds].reverse().concat([...earlier.traceIds].reverse()));
  });

  it("stop on their deadline with a position to go on from, and lose nothing", async () => {
    await createTraces({ count: 600, createdAt: new Date(Date.UTC(2024, 0, 1)) });
    // Only the six oldest traces of each fixture are this short: a walk passes hundreds first.
    const s = selection({ status: "all", maxTokens: 125 });
    const walked = await walkAll(s, { budgetMs: 0, limit: 3 });
    expect(walked.ids).toEqual(await expected(s));
    expect(walked.partial).toBeGreaterThan(0);
  });
});

describe("status tab counts", () => {
  it("are exact for a job, and capped counts of the selection otherwise", async () => {
    const { jobId, traceIds } = await createTraces({ count: 5 });
    const reviewer = await createTestUser("reviewer");
    await decide({ traceId: traceIds[0]!, decision: "approved" }, reviewer.id);
    await decide({ traceId: traceIds[1]!, decision: "rejected", reason: "No." }, reviewer.id);
    const exact = { exact: true };
    expect(await reviewCounts({ jobId })).toEqual({
      pending: { count: 3, ...exact },
      approved: { count: 1, ...exact },
      rejected: { count: 1, ...exact },
      conflict: { count: 0, ...exact },
      all: { count: 5, ...exact },
    });
    const filtered = await reviewCounts({ jobId, reviewerId: reviewer.id });
    expect(filtered.pending).toEqual({ count: 0, exact: true });
    expect(filtered.approved).toEqual({ count: 1, exact: true });
    expect(filtered.all).toEqual({ count: 2, exact: true });
  });
});
