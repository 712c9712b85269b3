import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createWorld, launchInput } from "../testing/job-fixtures";
import { launchJob } from "./launch-traces";

describe("launching on a set an import is still running into", () => {
  it("is refused with the import named, and allowed once the import is over", async () => {
    const world = await createWorld({ prompts: 2 });
    const running = await db().promptImport.create({
      data: {
        promptSetId: world.set.id,
        fileName: "big.jsonl",
        format: "jsonl",
        mode: "all-or-nothing",
        status: "validating",
        rowsRead: 0,
        inserted: 0,
        duplicates: 0,
        invalid: 0,
        errors: [],
      },
    });
    await expect(launchJob(launchInput(world), null)).rejects.toThrow(/import of "big.jsonl" is validating/);
    expect(await db().job.count({ where: { promptSetId: world.set.id } })).toBe(0);
    await db().promptImport.update({ where: { id: running.id }, data: { status: "imported" } });
    await expect(launchJob(launchInput(world), null)).resolves.toEqual(expect.any(String));
  });
});
