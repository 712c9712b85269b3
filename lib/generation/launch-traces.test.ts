import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { InvalidInputError, NotFoundError } from "../errors";
import { createSampler } from "./sampling";
import { JobConfigSchema } from "./schemas";
import { createWorld, launchInput, launchPlanned as launchJob } from "../testing/job-fixtures";

const itemsOf = (jobId: string) => db().jobItem.findMany({ where: { jobId }, orderBy: { ordinal: "asc" } });

describe("launchJob", () => {
  it("creates one queued job with prompts x samples items, in prompt order", async () => {
    const world = await createWorld({ prompts: 4 });
    const jobId = await launchJob(launchInput(world, { samplesPerPrompt: 3 }), world.user.id);
    const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ status: "queued", itemCount: 12, createdById: world.user.id });
    expect(job.name).toContain(world.set.name);
    expect(job.name).toContain("fake-model");
    const items = await itemsOf(jobId);
    expect(items.map((i) => i.ordinal)).toEqual([...Array(12).keys()]);
    expect(items.map((i) => [i.promptId, i.sampleIndex])).toEqual(
      world.prompts.flatMap((p) => [0, 1, 2].map((s) => [p.id, s])),
    );
    expect(items.every((i) => i.status === "pending" && i.attempts === 0)).toBe(true);
    const audit = await db().auditEvent.findFirst({ where: { entityId: jobId, action: "job.launched" } });
    expect(audit?.actorId).toBe(world.user.id);
  });

  it("freezes the configuration: later edits to a message change neither config nor items", async () => {
    const world = await createWorld({ prompts: 5 });
    const jobId = await launchJob(
      launchInput(world, { name: "frozen", temperature: 0.2, maxTokens: 300, seed: 99 }),
      world.user.id,
    );
    const before = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    const itemsBefore = await itemsOf(jobId);
    // Editing a message appends a version (and here also changes its weight).
    const edited = world.messages[0]!;
    await db().systemMessageVersion.create({
      data: { messageId: edited.id, version: 2, content: "Edited text" },
    });
    await db().systemMessage.update({ where: { id: edited.id }, data: { weight: 50 } });

    const after = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    expect(after.config).toEqual(before.config);
    expect((await itemsOf(jobId)).map((i) => i.systemMessageVersionId)).toEqual(
      itemsBefore.map((i) => i.systemMessageVersionId),
    );
    const config = JobConfigSchema.parse(after.config);
    expect(config.systemMessages.find((m) => m.messageId === edited.id)).toMatchObject({
      version: 1,
      versionId: edited.version.id,
      content: edited.version.content,
      weight: 1,
    });
    expect(config).toMatchObject({
      promptSet: { id: world.set.id, name: world.set.name, promptCount: 5 },
      selection: { mode: "weighted", seed: 99 },
      provider: { id: world.provider.id, model: "fake-model", kind: "openai" },
      params: { temperature: 0.2, maxTokens: 300 },
      samplesPerPrompt: 1,
      concurrency: 8,
      maxAttempts: 3,
    });
    expect(JSON.stringify(after.config)).not.toContain("SECRET");
    // A new launch picks up the new version.
    const next = JobConfigSchema.parse(
      (await db().job.findUniqueOrThrow({ where: { id: await launchJob(launchInput(world), null) } })).config,
    );
    expect(next.systemMessages.find((m) => m.messageId === edited.id)?.version).toBe(2);
  });

  it("assigns versions from the seed, so the same plan relaunched is the same", async () => {
    const world = await createWorld({ prompts: 30, messages: [{ weight: 1 }, { weight: 2 }, {}] });
    const input = launchInput(world, { seed: 1234, samplesPerPrompt: 2 });
    const first = await itemsOf(await launchJob(input, null));
    const second = await itemsOf(await launchJob(input, null));
    const plan = (items: typeof first) => items.map((i) => i.systemMessageVersionId);
    expect(plan(second)).toEqual(plan(first));
    const sample = createSampler(
      1234,
      world.messages.map((m, i) => ({ versionId: m.version.id, weight: [1, 2, 1][i]! })),
    );
    expect(plan(first)).toEqual(first.map((i) => sample(i.promptId!, i.sampleIndex)));
    expect(new Set(plan(first)).size).toBe(3);
    const other = await itemsOf(await launchJob({ ...input, seed: 4321 }, null));
    expect(plan(other)).not.toEqual(plan(first));
  });

  it("stores a random seed when none is given", async () => {
    const world = await createWorld();
    const { seed: _omit, ...input } = launchInput(world);
    const job = await db().job.findUniqueOrThrow({ where: { id: await launchJob(input, null) } });
    expect(Number.isInteger(JobConfigSchema.parse(job.config).selection.seed)).toBe(true);
  });

  it("uses every enabled message when none are chosen, and refuses disabled ones", async () => {
    const world = await createWorld({ messages: [{}, { enabled: false }] });
    const { systemMessageIds: _all, ...input } = launchInput(world);
    const job = await db().job.findUniqueOrThrow({ where: { id: await launchJob(input, null) } });
    const ids = JobConfigSchema.parse(job.config).systemMessages.map((m) => m.messageId);
    expect(ids).toContain(world.messages[0]!.id);
    expect(ids).not.toContain(world.messages[1]!.id);
    await expect(launchJob(launchInput(world), null)).rejects.toThrow(/is disabled/);
  });

  it("refuses missing or empty inputs with messages for people", async () => {
    const world = await createWorld();
    await expect(launchJob(launchInput(world, { promptSetId: "nope" }), null)).rejects.toThrow(NotFoundError);
    await expect(launchJob(launchInput(world, { providerId: "nope" }), null)).rejects.toThrow(
      /Teacher nope was not found/,
    );
    await expect(launchJob(launchInput(world, { systemMessageIds: ["nope"] }), null)).rejects.toThrow(
      NotFoundError,
    );
    const empty = await db().promptSet.create({ data: { name: `empty-${world.tag}` } });
    await expect(launchJob(launchInput(world, { promptSetId: empty.id }), null)).rejects.toThrow(
      /no prompts/,
    );
    const zeros = await createWorld({ messages: [{ weight: 0 }, { weight: 0 }] });
    await expect(launchJob(launchInput(zeros), null)).rejects.toThrow(InvalidInputError);
    expect(await db().job.count({ where: { promptSetId: zeros.set.id } })).toBe(0);
  });
});
