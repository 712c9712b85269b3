import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { launchJob } from "../generation/launch-traces";
import { launchSynthesis } from "../generation/launch-synthesis";
import { cancelJob, createWorker, runJobNow } from "../runner";
import { createWorld, launchInput } from "../testing/job-fixtures";
import { receiveImport } from "./import-start";
import { deletePromptSet } from "./set-deletion";
import { chunked, jsonl, promptRows } from "./test-helpers";

// Small batches stand for the real 5,000: the same steps, at a test's size.
const BATCH = 40;
const PROMPTS = BATCH * 3 + 7;

const promptsIn = (promptSetId: string) => db().prompt.count({ where: { promptSetId } });
const deleted = (promptSetId: string) =>
  db().auditEvent.findMany({ where: { entityId: promptSetId, action: "prompt-set.deleted" } });

async function bigSet() {
  const world = await createWorld({ prompts: PROMPTS });
  // A set with history: its import rows go with it.
  await receiveImport({
    promptSetId: world.set.id,
    fileName: "more.jsonl",
    format: "auto",
    mode: "all-or-nothing",
    source: chunked(jsonl(promptRows(0)), 64),
    actorId: world.user.id,
    maxBytes: null,
  }).then(({ jobId }) => runJobNow(jobId));
  return world;
}

describe("deleting a prompt set", () => {
  it("a set of one batch goes at once and says how many prompts went", async () => {
    const world = await createWorld({ prompts: 3 });
    expect(await deletePromptSet({ id: world.set.id }, world.user.id, { batch: BATCH })).toEqual({
      prompts: 3,
      jobId: null,
    });
    expect(await db().promptSet.count({ where: { id: world.set.id } })).toBe(0);
    expect((await deleted(world.set.id)).map((a) => a.data)).toEqual([{ name: world.set.name, prompts: 3 }]);
  });

  it("a bigger set goes batch by batch on the runner, the set last", async () => {
    const world = await bigSet();
    const result = await deletePromptSet({ id: world.set.id }, world.user.id, { batch: BATCH });
    expect(result).toEqual({ prompts: PROMPTS, jobId: expect.any(String) });
    const jobId = result.jobId!;
    // A double click (or a second person) gets the same deletion.
    expect(await deletePromptSet({ id: world.set.id }, world.user.id, { batch: BATCH })).toEqual(result);
    // Meanwhile nothing may start on the set.
    await expect(launchJob(launchInput(world), world.user.id)).rejects.toThrow("is being deleted");
    await expect(
      receiveImport({
        promptSetId: world.set.id,
        fileName: "late.jsonl",
        format: "auto",
        mode: "all-or-nothing",
        source: chunked(jsonl(promptRows(2)), 64),
        actorId: world.user.id,
        maxBytes: null,
      }),
    ).rejects.toThrow("is being deleted");

    expect(await runJobNow(jobId)).toBe("completed");
    const items = await db().jobItem.findMany({ where: { jobId } });
    expect(items).toHaveLength(Math.ceil(PROMPTS / BATCH));
    expect(items.every((i) => i.status === "done")).toBe(true);
    expect(await promptsIn(world.set.id)).toBe(0);
    expect(await db().promptSet.count({ where: { id: world.set.id } })).toBe(0);
    expect(await db().promptImport.count({ where: { promptSetId: world.set.id } })).toBe(0);
    const audit = await deleted(world.set.id);
    expect(audit.map((a) => [a.actorId, a.data])).toEqual([
      [world.user.id, { name: world.set.name, prompts: PROMPTS }],
    ]);
  });

  it("cancelled half-way, keeps the set with the prompts not yet deleted", async () => {
    const world = await bigSet();
    const { jobId } = await deletePromptSet({ id: world.set.id }, world.user.id, { batch: BATCH });
    // Two batches done, as a worker takes them one at a time; then the cancel.
    const worker = createWorker({ workerId: "deleter", jobIds: [jobId!] });
    await worker.runOnce();
    await worker.runOnce();
    await worker.stop();
    expect(await cancelJob(jobId!, world.user.id)).toMatchObject({ cancelledItems: 2, finishing: false });
    expect(await promptsIn(world.set.id)).toBe(PROMPTS - 2 * BATCH);
    expect(await deleted(world.set.id)).toEqual([]);
    // The set is usable again.
    await expect(launchJob(launchInput(world), world.user.id)).resolves.toEqual(expect.any(String));
  });

  it("refuses a set that jobs use, directly or as an Evol-Instruct source, deleting nothing", async () => {
    const used = await createWorld({ prompts: 2 });
    await launchJob(launchInput(used), used.user.id);
    await expect(deletePromptSet({ id: used.set.id }, used.user.id)).rejects.toThrow(
      /is used by 1 job, whose traces point at its prompts/,
    );
    const source = await createWorld({ prompts: 2 });
    await launchSynthesis(
      {
        providerId: source.provider.id,
        newSetName: `evol-${source.tag}`,
        synthesis: { method: "evol-instruct", sourcePromptSetId: source.set.id, operations: ["deepen"] },
      },
      source.user.id,
    );
    await expect(deletePromptSet({ id: source.set.id }, source.user.id)).rejects.toThrow(
      /is the source of 1 Evol-Instruct job/,
    );
    expect(await promptsIn(source.set.id)).toBe(2);
  });
});
