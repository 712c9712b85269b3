import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/client";
import { jobProgress, planJobNow, runJobNow } from "../../runner";
import { advanceBatches } from "../../runner/batch";
import { createTestUser } from "../../testing/fixtures";
import { countWords, startScriptedTeacher, type ScriptedTeacher } from "../../testing/scripted-teacher";
import { createTraces } from "../../testing/trace-fixtures";
import { rubricVersionAgreement } from "./agreement-query";
import { ensureDefaultRubrics, listRubrics } from "./rubrics";
import { startJudge } from "./start";

let server: ScriptedTeacher;
beforeAll(async () => {
  server = await startScriptedTeacher();
});
afterAll(() => server.close());

const PRICES = { inputPricePerMTok: 1, outputPricePerMTok: 2 };

/** Traces whose answers carry a marker (MARK-i) the script answers by, judged by the scripted teacher. */
async function world(count: number) {
  const created = await createTraces({
    count,
    content: (i) => `MARK-${i}: add ${i} and ${i}.\n\n**Answer:** ${i + i}`,
  });
  await db().provider.update({
    where: { id: created.providerId },
    data: { baseUrl: server.baseUrlOpenAI, apiKeyCiphertext: null, ...PRICES },
  });
  await ensureDefaultRubrics();
  const correctness = (await listRubrics()).find((r) => r.name === "Correctness")!;
  return { ...created, versionId: correctness.versions.at(-1)!.id };
}

const REPLIES = {
  good: '{"reason": "Right answer, every step valid.", "score": 5}',
  bad: "The sum is wrong.\nScore: 2",
  unsure: "I am not sure how to grade this.",
  fine: '```json\n{"reason": "Right, one small slip.", "score": "4"}\n```',
  wild: 'Brilliant! {"reason": "Best ever.", "score": 9}',
};

const scoresOf = (jobId: string) => db().judgeScore.findMany({ where: { jobId }, orderBy: { score: "asc" } });
const verdictOf = (traceId: string) =>
  db().qualityVerdict.findUnique({ where: { traceId_check: { traceId, check: "judge" } } });

describe("the quality-judge kind", () => {
  it("scores each trace, stores the score and the verdict with the item, retries an unreadable reply once", async () => {
    const w = await world(4);
    const curator = await createTestUser("curator");
    await db().qualityRule.create({
      data: { name: "Flag what the judge fails", check: "judge", outcome: "fail", action: "flag" },
    });
    server.setScript({
      rules: [
        { match: { promptIncludes: "MARK-0" }, reply: REPLIES.good },
        { match: { promptIncludes: "MARK-1" }, reply: REPLIES.bad },
        { match: { promptIncludes: "MARK-2" }, reply: REPLIES.unsure, times: 1 },
        { match: { promptIncludes: "MARK-2" }, reply: REPLIES.fine },
        { match: { promptIncludes: "MARK-3" }, reply: REPLIES.wild },
      ],
    });
    const jobId = await startJudge(
      { rubricVersionId: w.versionId, scope: { jobId: w.jobId }, providerId: w.providerId, maxAttempts: 5 },
      curator.id,
    );
    expect(await runJobNow(jobId)).toBe("completed");

    const scores = await scoresOf(jobId);
    expect(scores.map((s) => [w.traceIds.indexOf(s.traceId), s.score, s.reason, s.model, s.jobId])).toEqual([
      [1, 2, "The sum is wrong.", "scripted-1", jobId],
      [2, 4, "Right, one small slip.", "scripted-1", jobId],
      [0, 5, "Right answer, every step valid.", "scripted-1", jobId],
    ]);
    const bad = await verdictOf(w.traceIds[1]!);
    expect(bad).toMatchObject({
      outcome: "fail",
      score: 2,
      summary: "Correctness v1: 2/5 — The sum is wrong.",
      jobId,
      evidence: {
        rubricVersionId: w.versionId,
        rubric: "Correctness",
        version: 1,
        score: 2,
        reason: "The sum is wrong.",
        model: "scripted-1",
      },
    });
    expect(await verdictOf(w.traceIds[0]!)).toMatchObject({ outcome: "pass", score: 5 });
    expect(await verdictOf(w.traceIds[2]!)).toMatchObject({ outcome: "pass", score: 4 });
    expect(await verdictOf(w.traceIds[3]!)).toBeNull();
    // The rule on the judge's "fail" flagged the trace it failed, and only that one.
    const flagged = await db().trace.findMany({
      where: { id: { in: w.traceIds }, flaggedAt: { not: null } },
    });
    expect(flagged.map((t) => t.id)).toEqual([w.traceIds[1]]);

    const items = await db().jobItem.findMany({ where: { jobId }, orderBy: { ordinal: "asc" } });
    const byTrace = new Map(items.map((i) => [(i.payload as { traceId: string }).traceId, i]));
    // Unreadable once, then read: two attempts. Off the scale twice: failed, the reply quoted, no third call.
    expect(byTrace.get(w.traceIds[2]!)).toMatchObject({ status: "done", attempts: 2 });
    const wild = byTrace.get(w.traceIds[3]!)!;
    expect(wild).toMatchObject({ status: "failed", attempts: 2 });
    expect(wild.lastError).toBe(
      `The judge's score 9 is not a whole number from 1 to 5: "Brilliant! {"reason": "Best ever.", "score": 9}"`,
    );

    // What each call used, at the job's frozen prices, counted by the runner from the usage returned.
    const requests = server.lastRequests().filter((r) => JSON.stringify(r).includes(w.tag));
    expect(requests).toHaveLength(6);
    const good = byTrace.get(w.traceIds[0]!)!;
    expect(good.outputTokens).toBe(countWords(REPLIES.good));
    expect(good.inputTokens).toBeGreaterThan(100);
    expect(good.costUsd).toBeCloseTo((good.inputTokens * 1 + good.outputTokens * 2) / 1e6, 12);
    const progress = await jobProgress(jobId);
    const done = items.filter((i) => i.status === "done");
    expect(progress.tokens.output).toBe(done.reduce((sum, i) => sum + i.outputTokens, 0));
    expect(progress.costUsd).toBeGreaterThan(0);
    expect(progress.error).toBe("1 of 4 items failed");
  });

  it("sends the rubric, the task, the teacher's system message, the reference and the answer, at temperature 0", async () => {
    const w = await world(1);
    server.setScript({ defaults: { reply: REPLIES.good } });
    const jobId = await startJudge(
      { rubricVersionId: w.versionId, scope: { jobId: w.jobId }, providerId: w.providerId },
      null,
    );
    expect(await runJobNow(jobId)).toBe("completed");
    const request = server
      .lastRequests()
      .find((r) => JSON.stringify(r).includes(`MARK-0`) && JSON.stringify(r).includes(w.tag));
    const body = JSON.stringify(request);
    expect(body).toContain('"temperature":0');
    expect(body).toContain('"max_tokens":512');
    for (const part of [
      "Rubric: Correctness",
      "<task>",
      `Question 1 (${w.tag}): what is 0 + 0?`,
      "<teacher_system_message>",
      `(${w.tag} v1)`,
      "<reference_answer>\\n0\\n</reference_answer>",
      "<teacher_answer>\\nMARK-0",
    ])
      expect(body).toContain(part);
  });

  it("with onlyPending, judges only what this rubric version has not scored; a trace deleted meanwhile is skipped", async () => {
    const w = await world(3);
    server.setScript({ defaults: { reply: REPLIES.good } });
    const first = await startJudge(
      { rubricVersionId: w.versionId, scope: { jobId: w.jobId }, providerId: w.providerId },
      null,
    );
    expect(await runJobNow(first)).toBe("completed");
    await db().judgeScore.deleteMany({ where: { traceId: w.traceIds[0], rubricVersionId: w.versionId } });
    const again = await startJudge(
      {
        rubricVersionId: w.versionId,
        scope: { jobId: w.jobId },
        providerId: w.providerId,
        onlyPending: true,
      },
      null,
    );
    expect(await planJobNow(again)).toBe(true);
    const planned = await db().jobItem.findMany({ where: { jobId: again } });
    expect(planned.map((i) => (i.payload as { traceId: string }).traceId)).toEqual([w.traceIds[0]]);

    const third = await startJudge(
      { rubricVersionId: w.versionId, scope: { jobId: w.jobId }, providerId: w.providerId },
      null,
    );
    expect(await planJobNow(third)).toBe(true);
    await db().trace.delete({ where: { id: w.traceIds[1] } });
    expect(await runJobNow(third)).toBe("completed");
    const items = await db().jobItem.findMany({ where: { jobId: third } });
    expect(items.map((i) => i.status)).toEqual(["done", "done", "done"]);
    expect(
      (await db().judgeScore.findMany({ where: { jobId: third } })).map((s) => s.traceId).sort(),
    ).toEqual([w.traceIds[0], w.traceIds[2]].sort());
  });

  it("runs through the provider's batch API, with the messages rendered while planning", async () => {
    const w = await world(2);
    server.setScript({
      rules: [
        { match: { promptIncludes: "MARK-0" }, reply: REPLIES.good },
        { match: { promptIncludes: "MARK-1" }, reply: REPLIES.bad },
      ],
    });
    const jobId = await startJudge(
      { rubricVersionId: w.versionId, scope: { jobId: w.jobId }, providerId: w.providerId, mode: "batch" },
      null,
    );
    expect(await planJobNow(jobId)).toBe(true);
    let now = Date.now();
    for (let i = 0; i < 30; i++) {
      now += 10 * 60_000;
      await advanceBatches({ workerId: "w-judge-batch", now: new Date(now) });
      if ((await db().job.findUniqueOrThrow({ where: { id: jobId } })).status === "completed") break;
    }
    expect((await db().job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("completed");
    expect((await scoresOf(jobId)).map((s) => [w.traceIds.indexOf(s.traceId), s.score])).toEqual([
      [1, 2],
      [0, 5],
    ]);
    const items = await db().jobItem.findMany({ where: { jobId } });
    // Batch requests cost half.
    for (const item of items)
      expect(item.costUsd).toBeCloseTo((item.inputTokens + item.outputTokens * 2) / 2e6, 12);
  });

  it("compares the judge with people's decisions, leaving out the rules' and split traces", async () => {
    const w = await world(6);
    // Scores 5, 5, 2, 2, 5, 1 for traces 0..5.
    server.setScript({
      rules: [0, 1, 2, 3, 4, 5].map((i) => ({
        match: { promptIncludes: `MARK-${i}:` },
        reply: `{"reason": "r${i}", "score": ${[5, 5, 2, 2, 5, 1][i]}}`,
      })),
    });
    const jobId = await startJudge(
      { rubricVersionId: w.versionId, scope: { jobId: w.jobId }, providerId: w.providerId },
      null,
    );
    expect(await runJobNow(jobId)).toBe("completed");
    const [ann, bob] = [await createTestUser("reviewer"), await createTestUser("reviewer")];
    const decide = (i: number, reviewerId: string, decision: "approved" | "rejected") =>
      db().reviewDecision.create({ data: { traceId: w.traceIds[i]!, reviewerId, decision } });
    await decide(0, ann.id, "approved"); // judge approves: agree
    await decide(1, ann.id, "rejected"); // judge approves: disagree
    await decide(2, ann.id, "rejected"); // judge rejects: agree
    await decide(3, ann.id, "approved"); // split: left out
    await decide(3, bob.id, "rejected");
    await decide(4, "quality-rules", "rejected"); // a rule's decision: not people's, left out
    await decide(5, ann.id, "rejected");
    await decide(5, "quality-rules", "rejected"); // people's decision counts, the rule's does not
    const agreement = await rubricVersionAgreement(w.versionId);
    expect(agreement).toMatchObject({
      n: 4,
      conflicts: 1,
      percentAgreement: 0.75,
      confusion: { approved: { approve: 1, reject: 0 }, rejected: { approve: 1, reject: 2 } },
      scores: {
        approved: { counts: [0, 0, 0, 0, 1], n: 1, mean: 5 },
        rejected: { counts: [1, 1, 0, 0, 1], n: 3, mean: 8 / 3 },
      },
    });
    // po = 3/4; pe = (2/4)(1/4) + (2/4)(3/4) = 1/2; κ = (0.75 - 0.5) / 0.5.
    expect(agreement.kappa).toBeCloseTo(0.5, 12);
  });
});
