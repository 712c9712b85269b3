import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { advanceBatches } from "../runner/batch";
import { createWorker } from "../runner/worker";
import { createBatchTeacher } from "../teacher/batch-teacher";
import { StoredRequestParamsSchema } from "../teacher/schemas";
import type { BatchRequest, BatchTeacher } from "../teacher/types";
import { startScriptedTeacher, type ScriptedTeacher } from "../testing/scripted-teacher";
import { createWorld, fakeTeacher, launchPlanned, type World } from "../testing/job-fixtures";
import { JobConfigSchema, type LaunchJobInput } from "./schemas";

let server: ScriptedTeacher;
beforeAll(async () => {
  server = await startScriptedTeacher();
});
afterAll(() => server.close());

// As the launch form sends them: empty fields as undefined, no stop sequences as [].
const formParams = {
  temperature: 0.4,
  maxTokens: 300,
  topP: undefined,
  stop: [],
  seed: 5,
  reasoningEffort: undefined,
  thinkingBudget: undefined,
  timeoutMs: 30_000,
};

const launch = (world: World, extra: Partial<LaunchJobInput>) =>
  launchPlanned(
    {
      promptSetId: world.set.id,
      providerId: world.provider.id,
      systemMessageIds: world.messages.map((m) => m.id),
      seed: 42,
      ...extra,
    },
    null,
  );

async function frozenOf(jobId: string) {
  const stored = (await db().job.findUniqueOrThrow({ where: { id: jobId } })).config as { params: unknown };
  const { params } = JobConfigSchema.parse(stored);
  // Parsing the stored params again gives them back unchanged: they were settled once, at launch.
  expect(stored.params).toEqual(params);
  return params;
}

const tracesOf = (jobId: string) => db().trace.findMany({ where: { jobId } });

describe("one set of request parameters, from the launch to the stored trace", () => {
  it("a live job sends its frozen params as they are and stores them on every trace", async () => {
    const world = await createWorld({ prompts: 2 });
    const jobId = await launch(world, { params: { ...formParams, stream: true } });
    const frozen = await frozenOf(jobId);
    expect(frozen).toEqual({ temperature: 0.4, maxTokens: 300, seed: 5, stream: true, timeoutMs: 30_000 });
    expect(Object.keys(frozen).sort()).toEqual(["maxTokens", "seed", "stream", "temperature", "timeoutMs"]);

    const teacher = fakeTeacher();
    const worker = createWorker({ workerId: "w-params-live", teacherFor: async () => teacher });
    while ((await worker.runOnce()).leased > 0);
    expect(teacher.calls).toHaveLength(2);
    for (const { system: _s, prompt: _p, signal: _signal, ...sent } of teacher.calls) {
      expect(sent).toEqual(frozen);
    }
    const traces = await tracesOf(jobId);
    expect(traces).toHaveLength(2);
    for (const trace of traces) {
      expect(trace.params).toEqual({ ...frozen, mode: "live" });
      expect(trace.requestMode).toBe("stream");
      // Export reads the same fields back by the same schema.
      expect(StoredRequestParamsSchema.parse(trace.params)).toEqual(frozen);
    }
  });

  it("a batch job freezes stream: false, and its requests and traces carry the same params", async () => {
    const world = await createWorld({ prompts: 2 });
    await db().provider.update({
      where: { id: world.provider.id },
      data: { baseUrl: server.baseUrlOpenAI, apiKeyCiphertext: null },
    });
    const jobId = await launch(world, { mode: "batch", params: { ...formParams, stream: false } });
    const frozen = await frozenOf(jobId);
    expect(frozen.stream).toBe(false);

    const submitted: BatchRequest[] = [];
    const real = createBatchTeacher({ kind: "openai", baseUrl: server.baseUrlOpenAI, model: "m" });
    const recording: BatchTeacher = {
      poll: (id) => real.poll(id),
      results: (id, status) => real.results(id, status),
      cancel: (id) => real.cancel(id),
      submit: (requests) => {
        submitted.push(...requests);
        return real.submit(requests);
      },
    };
    let now = Date.now();
    for (let i = 0; i < 30; i++) {
      now += 10 * 60_000;
      await advanceBatches({
        workerId: "w-params-batch",
        now: new Date(now),
        teacherFor: async () => recording,
      });
      const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
      if (job.status === "completed") break;
    }
    expect(submitted).toHaveLength(2);
    // A batch body carries neither streaming nor a deadline; everything else is the frozen params.
    const { stream: _stream, timeoutMs: _timeout, ...body } = frozen;
    for (const { request } of submitted) {
      const { system: _s, prompt: _p, ...sent } = request;
      expect(sent).toEqual(body);
      expect(request).not.toHaveProperty("stream");
    }
    const traces = await tracesOf(jobId);
    expect(traces).toHaveLength(2);
    for (const trace of traces) {
      expect(trace.params).toEqual({ ...frozen, mode: "batch" });
      expect(trace.requestMode).toBe("batch");
    }
  });

  it("reads the params older jobs stored, filling what they did not store", () => {
    const older = {
      promptSet: { id: "s", name: "S", promptCount: 1 },
      systemMessages: [],
      selection: { mode: "weighted", seed: 1 },
      provider: { id: "p", name: "P", kind: "openai", baseUrl: null, model: "m" },
      params: { temperature: 0.2, maxTokens: 100, seed: 9 },
      samplesPerPrompt: 1,
      concurrency: 1,
      maxAttempts: 1,
    };
    expect(JobConfigSchema.parse(older).params).toEqual({
      temperature: 0.2,
      maxTokens: 100,
      seed: 9,
      stream: false,
      timeoutMs: 180_000,
    });
  });
});
