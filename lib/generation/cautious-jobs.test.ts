import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { STRATEGY_SYSTEM } from "./strategy";
import { launchJob } from "./launch-traces";
import { createPlanSampler } from "./sampling";
import { JobConfigSchema } from "./schemas";
import { answer, createWorld, fakeTeacher, launchInput } from "../testing/job-fixtures";
import { createWorker } from "../runner/worker";

async function drain(worker: ReturnType<typeof createWorker>, max = 50) {
  for (let i = 0; i < max; i++) if ((await worker.runOnce()).leased === 0) return;
  throw new Error("worker kept leasing");
}

const usage = { inputTokens: 100, outputTokens: 3 };

describe("cautious reasoning through the worker", () => {
  it("asks for the strategy, answers under it, and records the choice on the trace", async () => {
    const world = await createWorld({ prompts: 2, messages: [{}, {}, {}] });
    const jobId = await launchJob(launchInput(world, { cautious: true, temperature: 0.4 }), null);
    const teacher = fakeTeacher((request) =>
      request.system === STRATEGY_SYSTEM
        ? answer(request, { text: "Strategy 2", usage })
        : answer(request, {
            reasoning: "Let me think.",
            usage: { inputTokens: 50, outputTokens: 40, reasoningTokens: 9 },
          }),
    );
    await drain(createWorker({ workerId: "w-cautious", teacherFor: async () => teacher }));

    expect(teacher.calls).toHaveLength(4);
    const menu = teacher.calls.find((c) => c.system === STRATEGY_SYSTEM)!;
    for (const [i, m] of world.messages.entries()) expect(menu.prompt).toContain(`${i + 1}. ${m.name}: `);
    const second = world.messages[1]!;
    const answers = teacher.calls.filter((c) => c.system !== STRATEGY_SYSTEM);
    expect(answers.every((c) => c.system === second.version.content && c.temperature === 0.4)).toBe(true);

    const items = await db().jobItem.findMany({ where: { jobId }, include: { trace: true } });
    for (const item of items) {
      expect(item.status).toBe("done");
      expect(item.systemMessageVersionId).toBe(second.version.id);
      expect(item.trace).toMatchObject({
        systemMessageVersionId: second.version.id,
        systemPromptErasable: true,
        reasoning: "Let me think.",
        reasoningTokens: 9,
        inputTokens: 50,
        outputTokens: 40,
        strategy: {
          messageId: second.id,
          name: second.name,
          versionId: second.version.id,
          version: 1,
          reply: "Strategy 2",
          chosenBy: "number",
        },
      });
    }
  });

  it("falls back to the plan's seeded choice when the reply is unreadable, and says so", async () => {
    const world = await createWorld({ prompts: 6 });
    const jobId = await launchJob(launchInput(world, { cautious: true, seed: 5 }), null);
    const teacher = fakeTeacher((request) =>
      answer(request, { text: request.system === STRATEGY_SYSTEM ? "Hmm, hard to say." : "Answer." }),
    );
    await drain(createWorker({ workerId: "w-fallback", teacherFor: async () => teacher }));
    const config = JobConfigSchema.parse((await db().job.findUniqueOrThrow({ where: { id: jobId } })).config);
    const sample = createPlanSampler(config.systemMessages, config.selection);
    const items = await db().jobItem.findMany({ where: { jobId }, include: { trace: true } });
    expect(items).toHaveLength(6);
    for (const item of items) {
      const expected = sample({ id: item.promptId!, category: null }, item.sampleIndex);
      expect(item.trace?.systemMessageVersionId).toBe(expected);
      expect(item.trace?.strategy).toMatchObject({ chosenBy: "fallback", reply: "Hmm, hard to say." });
    }
  });

  it("offers only the strategies the prompt's category allows", async () => {
    const world = await createWorld({ prompts: 1, messages: [{}, {}, {}] });
    await db().prompt.update({ where: { id: world.prompts[0]!.id }, data: { category: "math" } });
    const [a, , c] = world.messages;
    const categoryMap = { math: [a!.id, c!.id], "*": [a!.id] };
    await launchJob(launchInput(world, { cautious: true, selection: "category", categoryMap }), null);
    const teacher = fakeTeacher((request) =>
      answer(request, { text: request.system === STRATEGY_SYSTEM ? "2" : "ok" }),
    );
    await drain(createWorker({ workerId: "w-category", teacherFor: async () => teacher }));
    const menu = teacher.calls[0]!.prompt;
    expect(menu).toContain(`1. ${a!.name}`);
    expect(menu).toContain(`2. ${c!.name}`);
    expect(menu).not.toContain(world.messages[1]!.name);
    expect(teacher.calls[1]!.system).toBe(c!.version.content);
  });
});

describe("request parameters", () => {
  it("are sent with every call and recorded on the trace, with the cost at frozen prices", async () => {
    const world = await createWorld({ prompts: 1 });
    await db().provider.update({
      where: { id: world.provider.id },
      data: { inputPricePerMTok: 3, outputPricePerMTok: 15 },
    });
    const params = {
      topP: 0.8,
      stop: ["END"],
      params: { seed: 11 },
      reasoningEffort: "low",
      thinkingBudget: 1024,
      maxTokens: 2000,
      stream: true,
      timeoutMs: 30_000,
    };
    const jobId = await launchJob(launchInput(world, params), null);
    const teacher = fakeTeacher((request) =>
      answer(request, { usage: { inputTokens: 1_000, outputTokens: 2_000 } }),
    );
    await drain(createWorker({ workerId: "w-params", teacherFor: async () => teacher }));
    const sent = {
      temperature: 0.7,
      maxTokens: 2000,
      topP: 0.8,
      stop: ["END"],
      seed: 11,
      reasoningEffort: "low",
      thinkingBudget: 1024,
      stream: true,
      timeoutMs: 30_000,
    };
    expect(teacher.calls[0]).toMatchObject(sent);
    const trace = await db().trace.findFirstOrThrow({ where: { jobId } });
    expect(trace.params).toEqual({ ...sent, mode: "live" });
    expect(trace.requestMode).toBe("stream");
    expect(trace.systemPromptErasable).toBe(false);
    expect(trace.strategy).toBeNull();
    expect(trace.costUsd).toBeCloseTo((3 * 1_000 + 15 * 2_000) / 1e6, 10);
  });
});
