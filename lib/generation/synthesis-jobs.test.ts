import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { contentHash } from "../prompts";
import { writeResult } from "./write";
import type { ItemResult } from "./types";
import { JobConfigSchema, type LaunchSynthesisInput } from "./schemas";
import {
  answer,
  createWorld,
  fakeTeacher,
  type World,
  launchSynthesisPlanned as launchSynthesis,
} from "../testing/job-fixtures";
import { createWorker } from "../runner/worker";

/** Tests share the database and workers poll every job: park jobs a test launched but did not run. */
const park = (jobId: string) => db().job.update({ where: { id: jobId }, data: { status: "cancelled" } });

async function drain(worker: ReturnType<typeof createWorker>, max = 50) {
  for (let i = 0; i < max; i++) if ((await worker.runOnce()).leased === 0) return;
  throw new Error("worker kept leasing");
}

const topicInput = (world: World, extra: Partial<LaunchSynthesisInput> = {}): LaunchSynthesisInput => ({
  providerId: world.provider.id,
  newSetName: `synth-${world.tag}`,
  synthesis: {
    method: "topic-graph",
    topics: "Physics\n  Optics\n  Mechanics\nHistory > Rome",
    template: "Write {n} prompts about {topic}.",
    promptsPerTopic: 2,
  },
  ...extra,
});

const listFor = (prompt: string) => {
  const topic = /about (.+)\.$/.exec(prompt)?.[1] ?? "?";
  return JSON.stringify([`First question on ${topic}?`, `Second question on ${topic}?`]);
};

describe("topic-graph synthesis", () => {
  it("launches one item per leaf topic into a new set", async () => {
    const world = await createWorld({ prompts: 1 });
    const jobId = await launchSynthesis(topicInput(world), world.user.id);
    const job = await db().job.findUniqueOrThrow({ where: { id: jobId }, include: { promptSet: true } });
    expect(job).toMatchObject({ kind: "synthesis", status: "queued", itemCount: 3 });
    expect(job.promptSet!.name).toBe(`synth-${world.tag}`);
    const config = JobConfigSchema.parse(job.config);
    expect(config.synthesis).toEqual({
      method: "topic-graph",
      topics: ["Physics > Optics", "Physics > Mechanics", "History > Rome"],
      template: "Write {n} prompts about {topic}.",
      promptsPerTopic: 2,
    });
    expect(config.systemMessages).toEqual([]);
    const items = await db().jobItem.findMany({ where: { jobId }, orderBy: { ordinal: "asc" } });
    expect(items.map((i) => [i.promptId, i.systemMessageVersionId, i.payload])).toEqual([
      [null, null, { topic: "Physics > Optics", n: 2 }],
      [null, null, { topic: "Physics > Mechanics", n: 2 }],
      [null, null, { topic: "History > Rome", n: 2 }],
    ]);
    await expect(launchSynthesis(topicInput(world), null)).rejects.toThrow(/already exists/);
    await park(jobId);
  });

  it("writes the teacher's prompts with their lineage, skipping ones the set already holds", async () => {
    const world = await createWorld({ prompts: 1 });
    const target = await db().promptSet.create({ data: { name: `target-${world.tag}` } });
    await db().prompt.create({
      data: {
        promptSetId: target.id,
        text: "First question on History > Rome?",
        contentHash: contentHash("First question on History > Rome?"),
      },
    });
    const jobId = await launchSynthesis(
      topicInput(world, { newSetName: undefined, targetSetId: target.id }),
      world.user.id,
    );
    const teacher = fakeTeacher((request) => answer(request, { text: listFor(request.prompt) }));
    await drain(createWorker({ workerId: "w-topics", teacherFor: async () => teacher }));

    expect(teacher.calls.map((c) => c.prompt)).toEqual([
      "Write 2 prompts about Physics > Optics.",
      "Write 2 prompts about Physics > Mechanics.",
      "Write 2 prompts about History > Rome.",
    ]);
    expect(teacher.calls.every((c) => c.system === "")).toBe(true);
    const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job.status).toBe("completed");
    const written = await db().prompt.findMany({
      where: { promptSetId: target.id, origin: "topic-graph" },
      orderBy: [{ topic: "asc" }, { synthesisIndex: "asc" }],
    });
    expect(written.map((p) => [p.topic, p.category, p.synthesisIndex, p.text])).toEqual([
      ["History > Rome", "History", 1, "Second question on History > Rome?"],
      ["Physics > Mechanics", "Physics", 0, "First question on Physics > Mechanics?"],
      ["Physics > Mechanics", "Physics", 1, "Second question on Physics > Mechanics?"],
      ["Physics > Optics", "Physics", 0, "First question on Physics > Optics?"],
      ["Physics > Optics", "Physics", 1, "Second question on Physics > Optics?"],
    ]);
    expect(written.every((p) => p.synthesisItemId && p.contentHash === contentHash(p.text))).toBe(true);
    const rome = await db().jobItem.findFirstOrThrow({ where: { jobId, ordinal: 2 } });
    expect(rome).toMatchObject({
      status: "done",
      payload: { topic: "History > Rome", n: 2, written: 1, duplicates: 1 },
    });
    expect(await db().trace.count({ where: { jobId } })).toBe(0);
  });

  it("writes an item's prompts exactly once, even when its result is written again", async () => {
    const world = await createWorld({ prompts: 1 });
    const jobId = await launchSynthesis(
      topicInput(world, { newSetName: `once-${world.tag}`, category: "science" } as never),
      null,
    );
    const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    const config = JobConfigSchema.parse(job.config);
    const item = await db().jobItem.findFirstOrThrow({ where: { jobId, ordinal: 0 } });
    const leased = { ...item, owner: "w", attempts: 1 };
    const result: ItemResult = {
      kind: "prompts",
      prompts: [
        {
          text: "Unique A?",
          topic: "Physics > Optics",
          operation: null,
          parentPromptId: null,
          category: "x",
        },
        {
          text: "Unique B?",
          topic: "Physics > Optics",
          operation: null,
          parentPromptId: null,
          category: "x",
        },
      ],
      completion: answer({ system: "", prompt: "", temperature: 0, maxTokens: 1 }),
      usage: { requests: 1, inputTokens: 1, outputTokens: 1 },
    };
    await db().$transaction((tx) => writeResult(tx, leased, result, config));
    // A second write (a re-run item) inserts nothing and leaves the transaction usable on PostgreSQL.
    await db().$transaction(async (tx) => {
      await writeResult(
        tx,
        leased,
        { ...result, prompts: [{ ...result.prompts[0]!, text: "Changed?" }, result.prompts[1]!] },
        config,
      );
      await tx.jobItem.update({ where: { id: item.id }, data: { lastError: "still usable" } });
    });
    const prompts = await db().prompt.findMany({ where: { synthesisItemId: item.id } });
    expect(prompts.map((p) => p.text).sort()).toEqual(["Unique A?", "Unique B?"]);
    // Stored as UTC like Prisma's own writes (a time-zone slip would show as hours).
    expect(Math.abs(prompts[0]!.createdAt.getTime() - Date.now())).toBeLessThan(30 * 60_000);
    expect((await db().jobItem.findUniqueOrThrow({ where: { id: item.id } })).lastError).toBe("still usable");
    await park(jobId);
  });

  it("fails an item whose reply holds no prompts, with the reason", async () => {
    const world = await createWorld({ prompts: 1 });
    const jobId = await launchSynthesis(topicInput(world, { newSetName: `junk-${world.tag}` }), null);
    const teacher = fakeTeacher((request) => answer(request, { text: "I like turtles." }));
    await drain(createWorker({ workerId: "w-junk", teacherFor: async () => teacher }));
    const items = await db().jobItem.findMany({ where: { jobId } });
    expect(items.every((i) => i.status === "failed" && i.attempts === 1)).toBe(true);
    expect(items[0]!.lastError).toMatch(/held no list of prompts/);
  });
});

describe("Evol-Instruct synthesis", () => {
  it("rewrites each source prompt by each operation, with the parent and operation recorded", async () => {
    const world = await createWorld({ prompts: 2 });
    await db().prompt.update({ where: { id: world.prompts[0]!.id }, data: { category: "math" } });
    const jobId = await launchSynthesis(
      {
        providerId: world.provider.id,
        newSetName: `evol-${world.tag}`,
        synthesis: {
          method: "evol-instruct",
          sourcePromptSetId: world.set.id,
          operations: ["deepen", "breadth"],
        },
      },
      null,
    );
    const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job.itemCount).toBe(4);
    const config = JobConfigSchema.parse(job.config);
    expect(config.synthesis).toMatchObject({
      method: "evol-instruct",
      sourcePromptSetId: world.set.id,
      sourcePromptSetName: world.set.name,
      operations: ["deepen", "breadth"],
    });
    const teacher = fakeTeacher((request, call) => {
      const parent = /<<<\n([\s\S]*)\n>>>/.exec(request.prompt)?.[1] ?? "";
      if (call === 4) return answer(request, { text: "As an AI, I cannot rewrite prompts." });
      const how = request.prompt.includes("Prompt Creator") ? "new" : "deeper";
      return answer(request, { text: `Rewritten prompt: ${parent} (${how}) Explain why.` });
    });
    await drain(createWorker({ workerId: "w-evol", teacherFor: async () => teacher }));
    expect(teacher.calls[0]!.prompt).toContain("Prompt Rewriter");
    expect(teacher.calls[0]!.prompt).toContain(world.prompts[0]!.text);

    const items = await db().jobItem.findMany({ where: { jobId }, orderBy: { ordinal: "asc" } });
    expect(
      items.map((i) => [i.promptId, i.sampleIndex, (i.payload as { operation: string }).operation]),
    ).toEqual([
      [world.prompts[0]!.id, 0, "deepen"],
      [world.prompts[0]!.id, 1, "breadth"],
      [world.prompts[1]!.id, 0, "deepen"],
      [world.prompts[1]!.id, 1, "breadth"],
    ]);
    expect(items.map((i) => i.status)).toEqual(["done", "done", "done", "failed"]);
    expect(items[3]).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/refused/) });
    const written = await db().prompt.findMany({
      where: { promptSetId: job.promptSetId! },
      orderBy: { text: "asc" },
    });
    expect(written).toHaveLength(3);
    const first = written.find((p) => p.synthesisItemId === items[0]!.id)!;
    expect(first).toMatchObject({
      origin: "evol-instruct",
      parentPromptId: world.prompts[0]!.id,
      operation: "deepen",
      category: "math",
      topic: null,
      synthesisIndex: 0,
      text: `${world.prompts[0]!.text} (deeper) Explain why.`,
    });
  });

  it("fails a rewrite identical to its parent without retrying it", async () => {
    const world = await createWorld({ prompts: 1 });
    const jobId = await launchSynthesis(
      {
        providerId: world.provider.id,
        newSetName: `same-${world.tag}`,
        maxAttempts: 3,
        synthesis: { method: "evol-instruct", sourcePromptSetId: world.set.id, operations: ["concretize"] },
      },
      null,
    );
    const teacher = fakeTeacher((request) => answer(request, { text: world.prompts[0]!.text }));
    await drain(createWorker({ workerId: "w-same", teacherFor: async () => teacher }));
    const [item] = await db().jobItem.findMany({ where: { jobId } });
    expect(item).toMatchObject({
      status: "failed",
      attempts: 1,
      lastError: expect.stringMatching(/identical/),
    });
    expect(teacher.calls).toHaveLength(1);
  });
});
