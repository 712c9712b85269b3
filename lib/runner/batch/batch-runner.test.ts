import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../db/client";
import { createBatchTeacher } from "../../teacher/batch-teacher";
import { TeacherError, type BatchTeacher } from "../../teacher/types";
import { startScriptedTeacher, type ScriptedTeacher, type ScriptInput } from "../../testing/scripted-teacher";
import { cancelJob } from "../cancel";
import { resumeJob } from "../pause";
import {
  createWorld,
  launchInput,
  launchPlanned as launchJob,
  launchSynthesisPlanned as launchSynthesis,
} from "../../testing/job-fixtures";
import { advanceBatches, listBatchSubmissions, type AdvanceOptions } from "./";
import { prepareSubmission } from "./submit";

let server: ScriptedTeacher;
beforeAll(async () => {
  server = await startScriptedTeacher();
});
afterAll(() => server.close());
beforeEach(() => {
  server.setScript({ keepRequests: 1000 });
  server.reset();
});

const MINUTE = 60_000;

describe.each(["openai", "anthropic"] as const)("batch runner with the %s batch API", (kind) => {
  /** A job of `prompts` items in batch mode on a provider at the scripted server (priced 2 / 8 $ per M). */
  async function batchJob(options: { prompts?: number; maxAttempts?: number; baseSuffix?: string } = {}) {
    const world = await createWorld({ prompts: options.prompts ?? 6 });
    const base = kind === "openai" ? server.baseUrlOpenAI : server.baseUrlAnthropic;
    await db().provider.update({
      where: { id: world.provider.id },
      data: {
        kind,
        baseUrl: base + (options.baseSuffix ?? ""),
        apiKeyCiphertext: null,
        inputPricePerMTok: 2,
        outputPricePerMTok: 8,
      },
    });
    const input = launchInput(world, { mode: "batch", maxAttempts: options.maxAttempts ?? 3 });
    const jobId = await launchJob(input, world.user.id);
    return { world, jobId };
  }

  /** Advances with a clock ten minutes further each time until the job is no longer active. */
  async function runToEnd(jobId: string, extra: Partial<AdvanceOptions> = {}, start = Date.now()) {
    let now = start;
    for (let i = 0; i < 30; i++) {
      now += 10 * MINUTE;
      await advanceBatches({ workerId: "w1", now: new Date(now), ...extra });
      const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
      if (!["queued", "running"].includes(job.status)) return job;
    }
    throw new Error("the job did not finish");
  }

  const items = (jobId: string) =>
    db().jobItem.findMany({
      where: { jobId },
      orderBy: { ordinal: "asc" },
      include: { trace: true, prompt: true },
    });

  it("runs a batch-mode job to completion through advanceBatches alone, one trace per item", async () => {
    const { jobId } = await batchJob();
    const job = await runToEnd(jobId);
    expect(job).toMatchObject({ status: "completed", error: null });
    const rows = await items(jobId);
    expect(rows).toHaveLength(6);
    const config = (await db().job.findUniqueOrThrow({ where: { id: jobId } })).config as {
      systemMessages: Array<{ versionId: string; content: string }>;
    };
    const sent = server.lastRequests().filter((r) => r.endpoint === "batch");
    expect(sent).toHaveLength(6);
    for (const [i, item] of rows.entries()) {
      expect(item.status).toBe("done");
      expect(item.attempts).toBe(1);
      const trace = item.trace!;
      expect(trace.requestMode).toBe("batch");
      expect(trace.content).toContain(`Read the question: "Question ${i} of`);
      const full = (2 * trace.inputTokens + 8 * trace.outputTokens) / 1_000_000;
      expect(trace.costUsd).toBeCloseTo(full / 2, 12);
      // The request carried the item's own system-message version and prompt, as live calls do.
      const system = config.systemMessages.find((m) => m.versionId === item.systemMessageVersionId)!.content;
      const body = JSON.stringify(sent[i]!.body);
      expect(body).toContain(JSON.stringify(system));
      expect(body).toContain(JSON.stringify(item.prompt!.text));
    }
    expect(await db().trace.count({ where: { jobId } })).toBe(6);
    const submissions = await db().batchSubmission.findMany({ where: { jobId } });
    expect(submissions).toHaveLength(1);
    expect(submissions[0]).toMatchObject({ status: "ingested", requestCount: 6, leaseOwner: null });
    expect(submissions[0]!.externalId).toBeTruthy();
    expect(submissions[0]!.inputFileId === null).toBe(kind === "anthropic");
    expect(rows.every((r) => r.batchId === submissions[0]!.id)).toBe(true);
  });

  it("stays in progress until the provider ends the batch, polling with backoff", async () => {
    server.setScript({ batch: { completeAfterMs: 400 } });
    const { jobId } = await batchJob({ prompts: 2 });
    const start = Date.now();
    await advanceBatches({ workerId: "w1", now: new Date(start) });
    let submission = await db().batchSubmission.findFirstOrThrow({ where: { jobId } });
    expect(submission).toMatchObject({ status: "submitted", leaseOwner: null });
    expect(submission.nextPollAt.getTime()).toBe(start + 5_000);
    // Not due yet: nothing happens.
    await advanceBatches({ workerId: "w1", now: new Date(start + 1_000) });
    await advanceBatches({ workerId: "w1", now: new Date(start + 4 * MINUTE) });
    submission = await db().batchSubmission.findFirstOrThrow({ where: { jobId } });
    expect(submission.status).toBe("submitted");
    expect(submission.nextPollAt.getTime()).toBe(start + 5 * MINUTE);
    await new Promise((r) => setTimeout(r, 450));
    expect((await runToEnd(jobId, {}, start + 5 * MINUTE)).status).toBe("completed");
  });

  it("handles per-result errors: final ones fail, retryable and unreturned ones go into a later batch", async () => {
    const script: ScriptInput = {
      rules: [
        { match: { promptIncludes: "Question 1 of" }, fault: "400" },
        { match: { promptIncludes: "Question 2 of" }, fault: "500", times: 1 },
        { match: { promptIncludes: "Question 3 of" }, fault: "drop", times: 1 },
        { match: { promptIncludes: "Question 4 of" }, fault: "timeout" },
      ],
    };
    server.setScript(script);
    const { jobId } = await batchJob({ maxAttempts: 2 });
    const job = await runToEnd(jobId);
    expect(job).toMatchObject({ status: "completed", error: "2 of 6 items failed" });
    const rows = await items(jobId);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ["done", 1],
      ["failed", 1],
      ["done", 2],
      ["done", 2],
      ["failed", 2],
      ["done", 1],
    ]);
    expect(rows[1]!.lastError).toContain("refused this request on purpose");
    expect(rows[4]!.lastError).toMatch(/the batch expired .* \(gave up after 2 attempts\)$/);
    expect(await db().trace.count({ where: { jobId } })).toBe(4);
    const submissions = await db().batchSubmission.findMany({
      where: { jobId },
      orderBy: { createdAt: "asc" },
    });
    expect(submissions.map((s) => [s.status, s.requestCount])).toEqual([
      ["ingested", 6],
      ["ingested", 3],
    ]);
    const listed = await listBatchSubmissions(jobId);
    expect(listed.map((s) => s.id)).toEqual([submissions[1]!.id, submissions[0]!.id]);
  });

  it("re-ingests after a crash half-way without doubling anything", async () => {
    const { jobId } = await batchJob();
    let crashed = false;
    const crashOnce: AdvanceOptions["afterGroup"] = (stored) => {
      if (!crashed && stored >= 2) {
        crashed = true;
        throw new Error("simulated crash during ingestion");
      }
    };
    const start = Date.now();
    await advanceBatches({ workerId: "w1", now: new Date(start) });
    await advanceBatches({
      workerId: "w1",
      now: new Date(start + MINUTE),
      groupSize: 2,
      afterGroup: crashOnce,
    });
    expect(crashed).toBe(true);
    expect(await db().trace.count({ where: { jobId } })).toBe(2);
    const stuck = await db().batchSubmission.findFirstOrThrow({ where: { jobId } });
    expect(stuck).toMatchObject({ status: "ended", leaseOwner: null });
    expect(stuck.error).toContain("simulated crash");

    const job = await runToEnd(
      jobId,
      { workerId: "w2", groupSize: 2, afterGroup: crashOnce },
      start + MINUTE,
    );
    expect(job.status).toBe("completed");
    expect(await db().trace.count({ where: { jobId } })).toBe(6);

    // Ingesting the whole batch once more stores nothing new.
    await db().batchSubmission.updateMany({
      where: { jobId },
      data: { status: "ended", nextPollAt: new Date(0) },
    });
    await advanceBatches({ workerId: "w3", now: new Date(start + 100 * MINUTE) });
    expect(await db().trace.count({ where: { jobId } })).toBe(6);
    expect((await db().batchSubmission.findFirstOrThrow({ where: { jobId } })).status).toBe("ingested");
    expect((await items(jobId)).every((r) => r.status === "done" && r.attempts === 1)).toBe(true);
  });

  it("keeps exactly one trace per item with two workers advancing at the same time", async () => {
    const { jobId } = await batchJob({ prompts: 8 });
    let now = Date.now();
    for (let i = 0; i < 6; i++) {
      now += 10 * MINUTE;
      await Promise.all(
        ["w1", "w2"].map((workerId) => advanceBatches({ workerId, now: new Date(now), groupSize: 3 })),
      );
    }
    expect((await db().job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("completed");
    expect(await db().trace.count({ where: { jobId } })).toBe(8);
    const requests = await db().batchSubmission.aggregate({ where: { jobId }, _sum: { requestCount: true } });
    expect(requests._sum.requestCount).toBe(8);
  });

  it("sends a submission again when its worker died before storing the provider's batch id", async () => {
    const { jobId } = await batchJob({ prompts: 3 });
    const start = Date.now();
    const runOf = (now: number) => ({
      workerId: "dead",
      now: new Date(now),
      teacherFor: async () => createBatchTeacher({ kind, baseUrl: "http://127.0.0.1:9", model: "m" }),
    });
    expect(await prepareSubmission(runOf(start), jobId)).not.toBeNull();
    // The lease has not run out: nobody touches it, and nothing else is pending.
    await advanceBatches({ workerId: "w1", now: new Date(start + MINUTE) });
    expect((await db().batchSubmission.findFirstOrThrow({ where: { jobId } })).status).toBe("preparing");
    const job = await runToEnd(jobId, {}, start + 16 * MINUTE);
    expect(job.status).toBe("completed");
    const submissions = await db().batchSubmission.findMany({ where: { jobId } });
    expect(submissions.map((s) => s.status)).toEqual(["ingested"]);
    expect(await db().trace.count({ where: { jobId } })).toBe(3);
  });

  it("cancels the open batch at the provider when the job is cancelled", async () => {
    server.setScript({ batch: { completeAfterMs: 60 * MINUTE } });
    const { world, jobId } = await batchJob({ prompts: 3 });
    const start = Date.now();
    await advanceBatches({ workerId: "w1", now: new Date(start) });
    const submitted = await db().batchSubmission.findFirstOrThrow({ where: { jobId } });
    expect(submitted.status).toBe("submitted");
    await cancelJob(jobId, world.user.id);
    await advanceBatches({ workerId: "w1", now: new Date(start + MINUTE) });
    expect((await db().batchSubmission.findFirstOrThrow({ where: { jobId } })).status).toBe("cancelled");
    expect((await items(jobId)).map((r) => r.status)).toEqual(["cancelled", "cancelled", "cancelled"]);
    const provider = createBatchTeacher({
      kind,
      baseUrl: kind === "openai" ? server.baseUrlOpenAI : server.baseUrlAnthropic,
      model: "m",
    });
    expect((await provider.poll(submitted.externalId!)).state).toBe("cancelled");
    // Nothing is submitted or ingested for it afterwards.
    await advanceBatches({ workerId: "w1", now: new Date(start + 100 * MINUTE) });
    expect(await db().batchSubmission.count({ where: { jobId } })).toBe(1);
    expect(await db().trace.count({ where: { jobId } })).toBe(0);
  });

  it("pauses the job, not failing any item, when the endpoint has no batch API", async () => {
    const { jobId } = await batchJob({ prompts: 2, baseSuffix: "/nowhere" });
    const job = await runToEnd(jobId);
    expect(job.status).toBe("paused");
    expect(job.pauseReason).toMatch(/^Paused: .*does not offer the .*\(404\)\. Run this job in live mode/);
    for (const item of await items(jobId)) expect(item).toMatchObject({ status: "pending", attempts: 0 });
    expect((await db().batchSubmission.findFirstOrThrow({ where: { jobId } })).status).toBe("failed");
  });

  it("pauses the job when the batch client cannot be built", async () => {
    const { jobId } = await batchJob({ prompts: 2 });
    const job = await runToEnd(jobId, {
      teacherFor: async () => {
        throw new TeacherError("The API key no longer decrypts.", false);
      },
    });
    expect(job.status).toBe("paused");
    expect(job.pauseReason).toMatch(
      /^Paused: The teacher could not be set up: The API key no longer decrypts\. Fix/,
    );
    for (const item of await items(jobId)) expect(item).toMatchObject({ status: "pending", attempts: 0 });
  });

  it("gives the attempt back when a submission is refused for a passing reason; pauses after three", async () => {
    const { jobId } = await batchJob({ prompts: 2, maxAttempts: 1 });
    const base = kind === "openai" ? server.baseUrlOpenAI : server.baseUrlAnthropic;
    const real = createBatchTeacher({ kind, baseUrl: base, model: "m" });
    let refuse = 3;
    const flaky: BatchTeacher = {
      ...real,
      poll: (id) => real.poll(id),
      results: (id, status) => real.results(id, status),
      cancel: (id) => real.cancel(id),
      submit: (requests) =>
        refuse-- > 0
          ? Promise.reject(new TeacherError("503 Service Unavailable from the teacher.", true, 503))
          : real.submit(requests),
    };
    const job = await runToEnd(jobId, { teacherFor: async () => flaky });
    // One attempt allowed, three refusals: had they counted, every item would have failed.
    expect(job.status).toBe("paused");
    expect(job.pauseReason).toMatch(/^Paused after 3 batch submissions in a row were refused; .*503/);
    for (const item of await items(jobId)) expect(item).toMatchObject({ status: "pending", attempts: 0 });

    await resumeJob(jobId, null);
    const done = await runToEnd(jobId, { teacherFor: async () => flaky });
    expect(done.status).toBe("completed");
    for (const item of await items(jobId)) expect(item).toMatchObject({ status: "done", attempts: 1 });
    const statuses = (
      await db().batchSubmission.findMany({ where: { jobId }, orderBy: { createdAt: "asc" } })
    ).map((s) => s.status);
    expect(statuses).toEqual(["failed", "failed", "failed", "ingested"]);
  });
});

describe("batch runner with synthesis jobs", () => {
  it("writes the synthesized prompts from batch results, once", async () => {
    server.setScript({
      rules: [
        { match: { promptIncludes: "prompts about" }, reply: '["One: {{prompt}}", "Two: {{prompt}}"]' },
      ],
    });
    const world = await createWorld({ prompts: 1 });
    await db().provider.update({
      where: { id: world.provider.id },
      data: { baseUrl: server.baseUrlOpenAI, apiKeyCiphertext: null },
    });
    const jobId = await launchSynthesis(
      {
        providerId: world.provider.id,
        newSetName: `batch-synth-${world.tag}`,
        mode: "batch",
        synthesis: {
          method: "topic-graph",
          topics: "Physics\n  Optics\nHistory",
          template: "Write {n} prompts about {topic}.",
          promptsPerTopic: 2,
        },
      },
      world.user.id,
    );
    let now = Date.now();
    for (let i = 0; i < 5; i++) {
      now += 10 * MINUTE;
      await advanceBatches({ workerId: "w1", now: new Date(now) });
    }
    const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job.status).toBe("completed");
    const prompts = await db().prompt.findMany({
      where: { promptSetId: job.promptSetId! },
      orderBy: { text: "asc" },
    });
    expect(prompts.map((p) => p.text)).toEqual([
      "One: Write 2 prompts about History.",
      "One: Write 2 prompts about Physics > Optics.",
      "Two: Write 2 prompts about History.",
      "Two: Write 2 prompts about Physics > Optics.",
    ]);
    // Ingesting again adds nothing.
    await db().batchSubmission.updateMany({
      where: { jobId },
      data: { status: "ended", nextPollAt: new Date(0) },
    });
    await advanceBatches({ workerId: "w2", now: new Date(now + MINUTE) });
    expect(await db().prompt.count({ where: { promptSetId: job.promptSetId! } })).toBe(4);
  });
});
