import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createTestUser } from "../testing/fixtures";
import { createWorld, launchInput, type World } from "../testing/job-fixtures";
import { launchSynthesis } from "./launch-synthesis";
import { launchJob } from "./launch-traces";

const jobsWith = (launchKey: string) => db().job.findMany({ where: { launchKey }, select: { id: true } });
const launched = (jobId: string) =>
  db().auditEvent.count({ where: { entityId: jobId, action: "job.launched" } });

const topicInput = (world: World, launchKey?: string) => ({
  providerId: world.provider.id,
  newSetName: `synth-${world.tag}`,
  launchKey,
  synthesis: {
    method: "topic-graph" as const,
    topics: "Physics\n  Optics\nHistory",
    template: "Write {n} prompts about {topic}.",
    promptsPerTopic: 2,
  },
});

describe("a launch key", () => {
  it("makes a repeated launch return the first job", async () => {
    const world = await createWorld();
    const key = randomUUID();
    const first = await launchJob(launchInput(world, { launchKey: key }), world.user.id);
    // A retried request: the same key, even with other settings, is the same launch.
    expect(await launchJob(launchInput(world, { launchKey: key, samplesPerPrompt: 3 }), world.user.id)).toBe(
      first,
    );
    expect(await jobsWith(key)).toEqual([{ id: first }]);
    expect(await launched(first)).toBe(1);
    // Without a key (a script, an older form) every launch is a job.
    const a = await launchJob(launchInput(world), world.user.id);
    const b = await launchJob(launchInput(world), world.user.id);
    expect(a).not.toBe(b);
  });

  it("makes two launches at once (a double click) create one job", async () => {
    const world = await createWorld();
    const key = randomUUID();
    const both = await Promise.all([
      launchJob(launchInput(world, { launchKey: key }), world.user.id),
      launchJob(launchInput(world, { launchKey: key }), world.user.id),
    ]);
    expect(both[0]).toBe(both[1]);
    expect(await jobsWith(key)).toEqual([{ id: both[0] }]);
    expect(await launched(both[0])).toBe(1);
  });

  it("is not someone else's way to another person's job", async () => {
    const world = await createWorld();
    const key = randomUUID();
    await launchJob(launchInput(world, { launchKey: key }), world.user.id);
    const other = await createTestUser("curator");
    await expect(launchJob(launchInput(world, { launchKey: key }), other.id)).rejects.toThrow(
      "This launch key was used by another launch.",
    );
    expect(await jobsWith(key)).toHaveLength(1);
  });

  it("makes a synthesis launch into a new set create one job and one set, also at once", async () => {
    const world = await createWorld();
    const key = randomUUID();
    const both = await Promise.all([
      launchSynthesis(topicInput(world, key), world.user.id),
      launchSynthesis(topicInput(world, key), world.user.id),
    ]);
    expect(both[0]).toBe(both[1]);
    expect(await launchSynthesis(topicInput(world, key), world.user.id)).toBe(both[0]);
    expect(await jobsWith(key)).toEqual([{ id: both[0] }]);
    expect(await db().promptSet.count({ where: { name: `synth-${world.tag}` } })).toBe(1);
    // A new key with the same new set's name is a new launch, refused as before.
    await expect(launchSynthesis(topicInput(world, randomUUID()), world.user.id)).rejects.toThrow(
      /already exists/,
    );
  });

  it("refuses a malformed key", async () => {
    const world = await createWorld();
    await expect(launchJob(launchInput(world, { launchKey: "short" }), world.user.id)).rejects.toThrow(
      /launch key/,
    );
  });
});
