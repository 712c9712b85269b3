import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "../../db/client";
import { ConflictError, InvalidInputError } from "../../errors";
import { createTestUser } from "../../testing/fixtures";
import { addRubricVersion, createRubric, ensureDefaultRubrics, listRubrics } from "./rubrics";

const INSTRUCTIONS = "1: wrong\n2: mostly wrong\n3: half right\n4: right, small slip\n5: right";

describe("judge rubrics", () => {
  it("seeds the three default rubrics once, even when two requests seed at the same moment", async () => {
    const results = await Promise.all([ensureDefaultRubrics(), ensureDefaultRubrics()]);
    expect(results.map((r) => r.created).sort()).toEqual([0, 3]);
    expect(await ensureDefaultRubrics()).toEqual({ created: 0 });
    const rubrics = await listRubrics();
    expect(rubrics.map((r) => r.name)).toEqual(["Correctness", "Educational value", "Quality of steps"]);
    for (const rubric of rubrics) {
      expect(rubric.versions).toHaveLength(1);
      const [v1] = rubric.versions;
      expect(v1).toMatchObject({ version: 1, scale: 5, passScore: 4, scores: 0 });
      // Every level of the scale is described.
      for (const level of [1, 2, 3, 4, 5])
        expect(v1!.instructions).toMatch(new RegExp(`^${level}: \\S`, "m"));
    }
  });

  it("creates a rubric with version 1 and refuses a second one of the same name", async () => {
    const curator = await createTestUser("curator");
    const created = await createRubric(
      { name: "Brevity", instructions: INSTRUCTIONS, passScore: 3 },
      curator.id,
    );
    const row = await db().judgeRubricVersion.findUniqueOrThrow({ where: { id: created.versionId } });
    expect(row).toMatchObject({
      rubricId: created.id,
      version: 1,
      scale: 5,
      passScore: 3,
      createdById: curator.id,
    });
    await expect(createRubric({ name: " Brevity ", instructions: INSTRUCTIONS }, null)).rejects.toThrow(
      new ConflictError(
        'A rubric named "Brevity" already exists. Choose another name, or add a version to it.',
      ),
    );
  });

  it("refuses a pass score off the scale", async () => {
    await expect(
      createRubric({ name: "Off scale", instructions: INSTRUCTIONS, scale: 3, passScore: 4 }, null),
    ).rejects.toBeInstanceOf(ZodError);
  });

  it("appends versions, never changing earlier ones; refuses no change and a stale base version", async () => {
    const { id } = await createRubric({ name: "Tone", instructions: INSTRUCTIONS }, null);
    const v2 = await addRubricVersion(
      { rubricId: id, instructions: `${INSTRUCTIONS}\nBe strict.`, baseVersion: 1 },
      null,
    );
    expect(v2.version).toBe(2);
    await expect(
      addRubricVersion({ rubricId: id, instructions: `${INSTRUCTIONS}\nBe strict.` }, null),
    ).rejects.toBeInstanceOf(InvalidInputError);
    // The same text with another pass score is a new version.
    expect(
      (
        await addRubricVersion(
          { rubricId: id, instructions: `${INSTRUCTIONS}\nBe strict.`, passScore: 5 },
          null,
        )
      ).version,
    ).toBe(3);
    await expect(
      addRubricVersion({ rubricId: id, instructions: "Other", baseVersion: 2 }, null),
    ).rejects.toThrow(/Someone else saved version 3 while you were editing version 2/);
    const tone = (await listRubrics()).find((r) => r.id === id)!;
    expect(tone.versions.map((v) => [v.version, v.passScore, v.instructions.endsWith("Be strict.")])).toEqual(
      [
        [3, 5, true],
        [2, 4, true],
        [1, 4, false],
      ],
    );
    await expect(addRubricVersion({ rubricId: "nope", instructions: "x" }, null)).rejects.toThrow(
      /Rubric nope was not found/,
    );
  });

  it("numbers versions saved at the same moment one after the other, or refuses one", async () => {
    const { id } = await createRubric({ name: "Racing", instructions: INSTRUCTIONS }, null);
    const results = await Promise.allSettled(
      ["A", "B", "C"].map((x) =>
        addRubricVersion({ rubricId: id, instructions: `${INSTRUCTIONS}\n${x}` }, null),
      ),
    );
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(ConflictError);
    const saved = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.version] : []));
    expect(saved.length).toBeGreaterThan(0);
    const versions = await db().judgeRubricVersion.findMany({
      where: { rubricId: id },
      orderBy: { version: "asc" },
    });
    expect(versions.map((v) => v.version)).toEqual([1, ...saved.sort()]);
    expect(versions.map((v) => v.version)).toEqual(versions.map((_, i) => i + 1));
  });
});
