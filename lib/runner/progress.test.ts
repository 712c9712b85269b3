import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { TeacherError } from "../teacher/types";
import { pauseJob } from "./pause";
import { jobProgress } from "./progress";
import {
  answer,
  createWorld,
  fakeTeacher,
  launchInput,
  launchPlanned as launchJob,
  launchSynthesisPlanned as launchSynthesis,
} from "../testing/job-fixtures";
import { createWorker } from "./worker";

describe("job progress", () => {
  it("reports rate, ETA, tokens, cost, errors waiting for a retry, and the pause reason", async () => {
    const world = await createWorld({ prompts: 10 });
    const jobId = await launchJob(launchInput(world, { concurrency: 4 }), null);
    const row = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    await db().job.update({
      where: { id: jobId },
      data: { config: { ...(row.config as object), pricing: { inputPerMTok: 2, outputPerMTok: 10 } } },
    });
    const started = Date.now();
    const teacher = fakeTeacher((request, call) => {
      if (call === 1) throw new TeacherError("429 Too Many Requests: slow down", true, 429, 60_000);
      return answer(request, { usage: { inputTokens: 100_000, outputTokens: 10_000 } });
    });
    await createWorker({ workerId: "w-progress", teacherFor: async () => teacher }).runOnce();

    const progress = await jobProgress(jobId, new Date(started + 30_000));
    expect(progress.counts).toMatchObject({ done: 3, pending: 7, running: 0 });
    expect(progress.tokens).toEqual({ input: 300_000, output: 30_000 });
    expect(progress.costUsd).toBeCloseTo(3 * (0.2 + 0.1), 10);
    // 3 traces in the 30 s since the job started: 0.1 per second; 7 items left.
    expect(progress.tracesPerSecond).toBeCloseTo(0.1, 1);
    expect(progress.etaSeconds).toBe(70);
    expect(progress.recentErrors).toEqual([
      expect.objectContaining({
        state: "retrying",
        attempts: 1,
        lastError: "429 Too Many Requests: slow down",
      }),
    ]);
    expect(progress.pauseReason).toBeNull();

    await pauseJob(jobId, world.user.id);
    const paused = await jobProgress(jobId);
    expect(paused.status).toBe("paused");
    expect(paused.pauseReason).toMatch(/^Paused by/);
    expect(paused.etaSeconds).toBeNull();
  });

  it("counts the tokens, cost and rate of synthesis jobs, which write prompts instead of traces", async () => {
    const world = await createWorld({ prompts: 1 });
    await db().provider.update({
      where: { id: world.provider.id },
      data: { inputPricePerMTok: 2, outputPricePerMTok: 10 },
    });
    const jobId = await launchSynthesis(
      {
        providerId: world.provider.id,
        newSetName: `written-${world.tag}`,
        synthesis: {
          method: "topic-graph",
          topics: "Optics\nRome",
          template: "Write {n} about {topic}.",
          promptsPerTopic: 2,
        },
      },
      world.user.id,
    );
    const teacher = fakeTeacher((request) =>
      answer(request, {
        text: JSON.stringify([`One on ${request.prompt}?`, `Two on ${request.prompt}?`]),
        usage: { inputTokens: 1_000, outputTokens: 500 },
      }),
    );
    await createWorker({ workerId: "w-synth-progress", teacherFor: async () => teacher }).runOnce();

    const progress = await jobProgress(jobId);
    expect(progress.counts).toMatchObject({ done: 2 });
    expect(progress.tokens).toEqual({ input: 2_000, output: 1_000 });
    expect(progress.costUsd).toBeCloseTo(2 * (0.002 + 0.005), 10);
    // Finished: the rate is over the whole run.
    expect(progress.status).toBe("completed");
    expect(progress.tracesPerSecond).toBeGreaterThan(0);
    const items = await db().jobItem.findMany({ where: { jobId } });
    expect(items.every((i) => i.completedAt !== null && i.inputTokens === 1_000)).toBe(true);
  });
});
