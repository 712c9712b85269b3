import { describe, expect, it, vi } from "vitest";
import { db } from "../db/client";
import { createWorld, launchInput, launchPlanned as launchJob } from "../testing/job-fixtures";

// The audit event is written last inside the launch transaction, after every item batch.
const failAudit = vi.hoisted(() => ({ on: false }));
vi.mock("../audit/audit", async (importOriginal) => {
  const original = await importOriginal<typeof import("../audit/audit")>();
  return {
    ...original,
    recordAudit: async (...args: Parameters<typeof original.recordAudit>) => {
      if (failAudit.on) throw new Error("disk full");
      return original.recordAudit(...args);
    },
  };
});

describe("launchJob is one transaction", () => {
  it("leaves no job and no items when it fails after writing several batches", async () => {
    const world = await createWorld({ prompts: 1_250 });
    failAudit.on = true;
    await expect(launchJob(launchInput(world, { samplesPerPrompt: 2 }), null)).rejects.toThrow("disk full");
    failAudit.on = false;
    expect(await db().job.count()).toBe(0);
    expect(await db().jobItem.count()).toBe(0);

    const jobId = await launchJob(launchInput(world, { samplesPerPrompt: 2 }), null);
    expect(await db().jobItem.count({ where: { jobId } })).toBe(2_500);
  });
});
