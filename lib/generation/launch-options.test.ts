import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createPlanSampler } from "./sampling";
import { DEFAULT_ERASED_SYSTEM_PROMPT, JobConfigSchema, LaunchJobSchema } from "./schemas";
import { createWorld, launchInput, type World, launchPlanned as launchJob } from "../testing/job-fixtures";

const configOf = async (jobId: string) =>
  JobConfigSchema.parse((await db().job.findUniqueOrThrow({ where: { id: jobId } })).config);
const itemsOf = (jobId: string) => db().jobItem.findMany({ where: { jobId }, orderBy: { ordinal: "asc" } });

async function categorize(world: World, categories: Array<string | null>) {
  for (const [i, prompt] of world.prompts.entries()) {
    await db().prompt.update({
      where: { id: prompt.id },
      data: { category: categories[i % categories.length] },
    });
  }
}

describe("launch options", () => {
  it("freezes the request parameters, run mode and prices", async () => {
    const world = await createWorld({ prompts: 2 });
    await db().provider.update({
      where: { id: world.provider.id },
      data: { inputPricePerMTok: 2, outputPricePerMTok: 8 },
    });
    const jobId = await launchJob(
      launchInput(world, {
        topP: 0.9,
        stop: ["###", "\n\nUser:"],
        params: { seed: 7 },
        reasoningEffort: "high",
        thinkingBudget: 2048,
        maxTokens: 4096,
        stream: false,
        timeoutMs: 60_000,
        mode: "batch",
      }),
      null,
    );
    const config = await configOf(jobId);
    expect(config.params).toEqual({
      temperature: 0.7,
      maxTokens: 4096,
      topP: 0.9,
      stop: ["###", "\n\nUser:"],
      seed: 7,
      reasoningEffort: "high",
      thinkingBudget: 2048,
      stream: false,
      timeoutMs: 60_000,
    });
    expect(config).toMatchObject({ mode: "batch", kind: "traces", cautious: null });
    expect(config.pricing).toEqual({ inputPerMTok: 2, outputPerMTok: 8 });
    expect(await db().job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
      kind: "traces",
      mode: "batch",
    });
  });

  it("leaves absent parameters out and keeps the defaults", async () => {
    const world = await createWorld({ prompts: 1 });
    const config = await configOf(await launchJob(launchInput(world), null));
    expect(config.params).toEqual({ temperature: 0.7, maxTokens: 1024, stream: false, timeoutMs: 180_000 });
    expect(config.mode).toBe("live");
  });

  it("refuses inconsistent parameters with messages for people", () => {
    const base = { promptSetId: "s", providerId: "p" };
    const issues = (extra: Record<string, unknown>) =>
      LaunchJobSchema.safeParse({ ...base, ...extra }).error?.issues.map((i) => i.message) ?? [];
    expect(issues({ params: { thinkingBudget: 2048, maxTokens: 1024 } })).toEqual([
      expect.stringMatching(/below Max tokens/),
    ]);
    expect(issues({ params: { stream: true }, mode: "batch" })).toEqual([
      expect.stringMatching(/live runs only/),
    ]);
    expect(issues({ cautious: true, mode: "batch" })).toEqual([expect.stringMatching(/run it live/)]);
    expect(issues({ params: { stop: ["a", "b", "c", "d", "e"] } })).toEqual([
      "Give at most 4 stop sequences.",
    ]);
    expect(issues({ selection: "category" })).toEqual([expect.stringMatching(/needs a map/)]);
    expect(issues({ params: { topP: 0 } })).toHaveLength(1);
    expect(issues({ params: { topP: 1, stop: [] }, cautious: true })).toEqual([]);
  });

  it("plans category selection from the seed and the prompt categories", async () => {
    const world = await createWorld({ prompts: 12, messages: [{}, { weight: 2 }, {}] });
    await categorize(world, ["math", "kids", null]);
    const [a, b, c] = world.messages;
    const categoryMap = { math: [a!.id, b!.id], kids: [c!.id], "*": [a!.id] };
    const input = launchInput(world, { selection: "category", categoryMap, seed: 77, samplesPerPrompt: 2 });
    const jobId = await launchJob(input, null);
    const config = await configOf(jobId);
    expect(config.selection).toEqual({ mode: "category", seed: 77, categoryMap });
    const items = await itemsOf(jobId);
    const categories = new Map(world.prompts.map((p, i) => [p.id, ["math", "kids", null][i % 3]!]));
    const versionsOf = (ids: string[]) =>
      world.messages.filter((m) => ids.includes(m.id)).map((m) => m.version.id);
    for (const item of items) {
      const category = categories.get(item.promptId!) ?? null;
      const allowed = versionsOf(
        category === "math" ? [a!.id, b!.id] : category === "kids" ? [c!.id] : [a!.id],
      );
      expect(allowed).toContain(item.systemMessageVersionId);
    }
    const sample = createPlanSampler(config.systemMessages, config.selection);
    expect(items.map((i) => i.systemMessageVersionId)).toEqual(
      items.map((i) =>
        sample({ id: i.promptId!, category: categories.get(i.promptId!) ?? null }, i.sampleIndex),
      ),
    );
    const again = await itemsOf(await launchJob(input, null));
    expect(again.map((i) => i.systemMessageVersionId)).toEqual(items.map((i) => i.systemMessageVersionId));
  });

  it("refuses a category map that leaves a category without a message, naming it, and writes nothing", async () => {
    const world = await createWorld({ prompts: 4 });
    await categorize(world, ["math", "poetry"]);
    const categoryMap = { math: [world.messages[0]!.id] };
    await expect(launchJob(launchInput(world, { selection: "category", categoryMap }), null)).rejects.toThrow(
      /no system message to prompts in "poetry"/,
    );
    const stranger = await createWorld({ prompts: 1 });
    await expect(
      launchJob(
        launchInput(world, { selection: "category", categoryMap: { "*": [stranger.messages[0]!.id] } }),
        null,
      ),
    ).rejects.toThrow(/"\*" names a system message that is not chosen/);
    expect(await db().job.count({ where: { promptSetId: world.set.id } })).toBe(0);
  });

  it("launches cautious items without a version and freezes the erased system prompt", async () => {
    const world = await createWorld({ prompts: 3 });
    const jobId = await launchJob(launchInput(world, { cautious: true }), null);
    expect((await configOf(jobId)).cautious).toEqual({ erasedSystemPrompt: DEFAULT_ERASED_SYSTEM_PROMPT });
    expect((await itemsOf(jobId)).every((i) => i.systemMessageVersionId === null)).toBe(true);
    const custom = await launchJob(
      launchInput(world, { cautious: true, erasedSystemPrompt: " Be careful. " }),
      null,
    );
    expect((await configOf(custom)).cautious).toEqual({ erasedSystemPrompt: "Be careful." });
    const single = launchInput(world, { cautious: true, systemMessageIds: [world.messages[0]!.id] });
    await expect(launchJob(single, null)).rejects.toThrow(/at least two system messages/);
  });
});
