import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { NotFoundError } from "../errors";
import { createTestUser } from "../testing/fixtures";
import { createTraces } from "../testing/trace-fixtures";
import { decide } from "./decide";
import { neighbours } from "./neighbours";
import { listReviewPage, reviewCounts } from "./queries";
import { ReviewFilterSchema, type ReviewFilterInput, type TraceSelection } from "./schemas";
import { getTraceForReview } from "./trace-view";

const filter = (input: ReviewFilterInput) => ReviewFilterSchema.parse(input);
const selection = (input: ReviewFilterInput): TraceSelection => {
  const { page: _page, ...rest } = filter(input);
  return rest;
};
/** The whole selection, page after page. */
async function listAll(input: ReviewFilterInput, limit = 50) {
  const rows = [];
  let after: string | undefined;
  do {
    const page = await listReviewPage(selection(input), { limit, after });
    rows.push(...page.rows);
    after = page.nextCursor ?? undefined;
  } while (after);
  return rows;
}

/** Walks the filter with neighbours().nextId from the first row and returns the ids visited. */
async function walk(firstId: string, input: ReviewFilterInput): Promise<string[]> {
  const seen = [firstId];
  for (let next = (await neighbours(firstId, filter(input))).nextId; next;) {
    seen.push(next);
    next = (await neighbours(next, filter(input))).nextId;
  }
  return seen;
}

describe("review list", () => {
  it("filters by status and job, newest first, with the columns the list shows", async () => {
    const a = await createTraces({ count: 3, jobName: "List job A" });
    const b = await createTraces({ count: 2, status: "approved" });
    const rows = await listAll({ status: "pending", jobId: a.jobId });
    expect(rows.map((r) => r.id)).toEqual([...a.traceIds].reverse());
    expect(rows[0]).toMatchObject({
      jobId: a.jobId,
      jobName: "List job A",
      systemMessageName: a.messageName,
      systemMessageVersion: 1,
      model: "scripted-1",
      status: "pending",
    });
    expect(rows[0]!.promptPreview).toContain("Question 3");
    expect(rows[1]!.systemMessageVersion).toBe(2);

    const approved = await listAll({ status: "approved", jobId: b.jobId });
    expect(approved.map((r) => r.id)).toEqual([...b.traceIds].reverse());
    expect(await listAll({ status: "approved", jobId: a.jobId })).toEqual([]);
    expect(await listAll({ status: "all", jobId: b.jobId })).toHaveLength(2);
  });

  it("pages by cursor in the same order", async () => {
    const { jobId, traceIds } = await createTraces({ count: 5 });
    const first = await listReviewPage(selection({ status: "pending", jobId }), { limit: 2 });
    expect(first.rows).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    expect((await listAll({ status: "pending", jobId }, 2)).map((r) => r.id)).toEqual(
      [...traceIds].reverse(),
    );
  });

  it("counts each status tab within the job filter", async () => {
    const { jobId, traceIds } = await createTraces({ count: 4 });
    const [r1, r2] = [await createTestUser("reviewer"), await createTestUser("reviewer")];
    await decide({ traceId: traceIds[0]!, decision: "approved" }, r1.id);
    await decide({ traceId: traceIds[1]!, decision: "rejected", reason: "No." }, r1.id);
    await decide({ traceId: traceIds[2]!, decision: "approved" }, r1.id);
    await decide({ traceId: traceIds[2]!, decision: "rejected", reason: "No." }, r2.id);
    const counts = await reviewCounts({ jobId });
    expect(Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v.count]))).toEqual({
      pending: 1,
      approved: 1,
      rejected: 1,
      conflict: 1,
      all: 4,
    });
  });
});

describe("neighbours", () => {
  it("previous/next follow the list order, and walking next visits the list exactly", async () => {
    const { jobId, traceIds } = await createTraces({ count: 5 });
    const ids = (await listAll({ status: "all", jobId })).map((r) => r.id);
    expect(await walk(ids[0]!, { status: "all", jobId })).toEqual(ids);
    const middle = await neighbours(ids[2]!, filter({ status: "all", jobId }));
    expect(middle).toMatchObject({ previousId: ids[1], nextId: ids[3], position: 3, total: 5 });
    const first = await neighbours(ids[0]!, filter({ status: "all", jobId }));
    expect(first.previousId).toBeNull();
    expect((await neighbours(ids[4]!, filter({ status: "all", jobId }))).nextId).toBeNull();
    expect(ids).toEqual([...traceIds].reverse());
  });

  it("breaks ties of equal creation time by id, consistently with the list", async () => {
    const same = new Date(Date.UTC(2025, 5, 1));
    const { jobId } = await createTraces({ count: 4, createdAt: same });
    const rows = await listAll({ status: "all", jobId });
    expect(await walk(rows[0]!.id, { status: "all", jobId })).toEqual(rows.map((r) => r.id));
  });

  it("skips traces outside the filter and still works for a trace that just left it", async () => {
    const { jobId, traceIds } = await createTraces({ count: 5 });
    const reviewer = await createTestUser("reviewer");
    // Order is t4, t3, t2, t1, t0; approve t3 and t1.
    await decide({ traceId: traceIds[3]!, decision: "approved" }, reviewer.id);
    await decide({ traceId: traceIds[1]!, decision: "approved" }, reviewer.id);
    const pending = filter({ status: "pending", jobId });
    expect(await walk(traceIds[4]!, pending)).toEqual([traceIds[4], traceIds[2], traceIds[0]]);
    const left = await neighbours(traceIds[3]!, pending);
    expect(left).toMatchObject({ previousId: traceIds[4], nextId: traceIds[2], position: null, total: 3 });
    const approved = await neighbours(traceIds[3]!, filter({ status: "approved", jobId }));
    expect(approved).toMatchObject({ previousId: null, nextId: traceIds[1], position: 1, total: 2 });
  });

  it("next pending goes forward and wraps to the top, never to the trace itself", async () => {
    const { jobId, traceIds } = await createTraces({ count: 4 });
    const reviewer = await createTestUser("reviewer");
    // Order t3, t2, t1, t0; approve t2 and t0: pending are t3 and t1.
    await decide({ traceId: traceIds[2]!, decision: "approved" }, reviewer.id);
    await decide({ traceId: traceIds[0]!, decision: "approved" }, reviewer.id);
    const all = filter({ status: "all", jobId });
    expect((await neighbours(traceIds[3]!, all)).nextPendingId).toBe(traceIds[1]);
    expect((await neighbours(traceIds[2]!, all)).nextPendingId).toBe(traceIds[1]);
    expect((await neighbours(traceIds[0]!, all)).nextPendingId).toBe(traceIds[3]);
    await decide({ traceId: traceIds[3]!, decision: "approved" }, reviewer.id);
    expect((await neighbours(traceIds[1]!, all)).nextPendingId).toBeNull();
  });

  it("an unknown trace is NotFoundError", async () => {
    await expect(neighbours("missing", filter({}))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("getTraceForReview", () => {
  it("returns the prompt, the exact system-message version, the trace, and the decisions", async () => {
    const created = await createTraces({ count: 2, content: (i) => `Trace ${i}` });
    const [me, other] = [await createTestUser("reviewer"), await createTestUser("curator")];
    const traceId = created.traceIds[1]!;
    await decide({ traceId, decision: "approved" }, other.id);
    await decide({ traceId, decision: "rejected", reason: "Step 2 is wrong." }, me.id);
    const view = await getTraceForReview(traceId, me.id);
    expect(view.status).toBe("conflict");
    expect(view.systemMessage).toEqual({
      id: created.messageId,
      name: created.messageName,
      versionId: created.versionIds[1],
      version: 2,
      content: created.versionContents[1],
    });
    expect(view.prompt).toMatchObject({ referenceAnswer: "2", category: "word-problem", externalId: "q-2" });
    expect(view.trace).toMatchObject({ content: "Trace 1", model: "scripted-1", inputTokens: 41 });
    expect(view.job).toEqual({ id: created.jobId, name: created.jobName });
    expect(view.myDecision).toMatchObject({ decision: "rejected", reason: "Step 2 is wrong.", version: 1 });
    expect(view.decisions.map((d) => [d.reviewerName, d.decision])).toEqual([
      [other.name, "approved"],
      [me.name, "rejected"],
    ]);
    expect((await getTraceForReview(created.traceIds[0]!, me.id)).myDecision).toBeNull();
  });

  it("shows the reasoning and the strategy the teacher chose, when the trace has them", async () => {
    const created = await createTraces({ count: 2 });
    const me = await createTestUser("reviewer");
    const [cautious, plain] = created.traceIds;
    await db().trace.update({
      where: { id: cautious },
      data: {
        reasoning: "Add the numbers first.",
        reasoningTokens: 7,
        systemPromptErasable: true,
        strategy: {
          messageId: created.messageId,
          name: created.messageName,
          versionId: "v",
          version: 1,
          reply: " 1 ",
          chosenBy: "number",
        },
      },
    });
    const view = await getTraceForReview(cautious!, me.id);
    expect(view.trace).toMatchObject({
      reasoning: "Add the numbers first.",
      reasoningTokens: 7,
      systemPromptErasable: true,
    });
    expect(view.strategy).toEqual({
      name: created.messageName,
      version: 1,
      reply: " 1 ",
      chosenBy: "number",
    });
    const other = await getTraceForReview(plain!, me.id);
    expect(other.trace).toMatchObject({ reasoning: null, systemPromptErasable: false });
    expect(other.strategy).toBeNull();
  });
});
