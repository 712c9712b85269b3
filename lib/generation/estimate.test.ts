import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { estimateJob } from "./estimate";
import { EstimateQuerySchema, type EstimateQuery } from "./schemas";
import { evolInstruction } from "./synthesis/evol-operations";
import { createWorld, type World } from "../testing/job-fixtures";

const query = (world: World, extra: Record<string, string> = {}): EstimateQuery =>
  EstimateQuerySchema.parse({
    providerId: world.provider.id,
    promptSetId: world.set.id,
    messageIds: world.messages.map((m) => m.id).join(","),
    maxTokens: "100",
    ...extra,
  });

async function promptChars(world: World) {
  const prompts = await db().prompt.findMany({ where: { promptSetId: world.set.id } });
  return prompts.reduce((n, p) => n + p.text.length, 0);
}

describe("estimateJob", () => {
  it("counts requests and tokens from the real texts, and says when prices are not set", async () => {
    const world = await createWorld({ prompts: 4 });
    const estimate = await estimateJob(query(world, { samplesPerPrompt: "3" }));
    // Both messages have the same length, so the expected system message is that length.
    const system = world.messages[0]!.version.content.length;
    const chars = (await promptChars(world)) * 3 + 12 * system;
    expect(estimate).toMatchObject({
      items: 12,
      requests: 12,
      inputTokens: Math.ceil(chars / 4),
      outputTokens: { max: 1200, typical: null },
      typicalFrom: 0,
      cost: null,
      batchDiscount: false,
    });
  });

  it("doubles the calls in cautious mode and prices them, at half in batch mode", async () => {
    const world = await createWorld({ prompts: 2 });
    await db().provider.update({
      where: { id: world.provider.id },
      data: { inputPricePerMTok: 1, outputPricePerMTok: 10 },
    });
    const plain = await estimateJob(query(world));
    const cautious = await estimateJob(query(world, { cautious: "1" }));
    expect(cautious.requests).toBe(4);
    expect(cautious.inputTokens).toBeGreaterThan(2 * plain.inputTokens);
    expect(cautious.outputTokens.max).toBe(200 + 2 * 100);
    // A reasoning model's strategy question is sent with the job's max tokens (see cautious.ts).
    const bigger = { maxTokens: "4096", cautious: "1" };
    expect((await estimateJob(query(world, bigger))).outputTokens.max).toBe(2 * 4096 + 2 * 256);
    const reasoning = await estimateJob(query(world, { ...bigger, reasoning: "1" }));
    expect(reasoning.outputTokens.max).toBe(4 * 4096);
    expect(plain.cost).toEqual({ about: null, atMost: (plain.inputTokens * 1 + 200 * 10) / 1e6 });
    const batch = await estimateJob(query(world, { mode: "batch" }));
    expect(batch.cost!.atMost).toBeCloseTo(plain.cost!.atMost / 2, 12);
    expect(batch.batchDiscount).toBe(true);
  });

  it("takes the typical output from this teacher's past traces, capped by max tokens", async () => {
    const world = await createWorld({ prompts: 2 });
    await db().provider.update({ where: { id: world.provider.id }, data: { outputPricePerMTok: 1 } });
    const job = await db().job.create({
      data: {
        name: `past-${world.tag}`,
        status: "completed",
        config: {},
        promptSetId: world.set.id,
        providerId: world.provider.id,
        itemCount: 2,
      },
    });
    for (const [i, outputTokens] of [40, 60].entries()) {
      const item = await db().jobItem.create({
        data: {
          jobId: job.id,
          ordinal: i,
          promptId: world.prompts[i]!.id,
          sampleIndex: 0,
          systemMessageVersionId: world.messages[0]!.version.id,
          status: "done",
        },
      });
      await db().trace.create({
        data: {
          itemId: item.id,
          jobId: job.id,
          promptId: world.prompts[i]!.id,
          systemMessageVersionId: world.messages[0]!.version.id,
          model: "m",
          params: {},
          content: "x",
          finishReason: "stop",
          inputTokens: 1,
          outputTokens,
          latencyMs: 1,
        },
      });
    }
    const estimate = await estimateJob(query(world, { samplesPerPrompt: "2" }));
    expect(estimate.outputTokens).toEqual({ max: 400, typical: 200 });
    expect(estimate.typicalFrom).toBe(2);
    expect(estimate.cost).toEqual({ about: 200 / 1e6, atMost: 400 / 1e6 });
    const capped = await estimateJob(query(world, { maxTokens: "30" }));
    expect(capped.outputTokens).toEqual({ max: 60, typical: 60 });
  });

  it("estimates synthesis: topics as given, and source prompts × operations", async () => {
    const world = await createWorld({ prompts: 3 });
    const topics = await estimateJob(
      EstimateQuerySchema.parse({
        kind: "topic-graph",
        providerId: world.provider.id,
        topics: "5",
        topicInputChars: "4000",
      }),
    );
    expect(topics).toMatchObject({
      items: 5,
      requests: 5,
      inputTokens: 1000,
      outputTokens: { max: 5 * 1024 },
    });
    const evol = await estimateJob(query(world, { kind: "evol-instruct", operations: "deepen,breadth" }));
    const instructions =
      evolInstruction("deepen").length + evolInstruction("breadth").length - 2 * "{prompt}".length;
    expect(evol).toMatchObject({
      items: 6,
      requests: 6,
      inputTokens: Math.ceil(((await promptChars(world)) * 2 + 3 * instructions) / 4),
    });
    expect(EstimateQuerySchema.safeParse({ providerId: "p", operations: "deepen,nonsense" }).success).toBe(
      false,
    );
  });
});
