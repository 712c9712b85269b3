import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { NotFoundError } from "../errors";
import { contentHash } from "./content-hash";
import { getPromptLineage } from "./lineage";
import { listPrompts } from "./queries";

describe("prompt lineage", () => {
  it("shows where a prompt came from and what was evolved from it", async () => {
    const tag = randomBytes(4).toString("hex");
    const source = await db().promptSet.create({ data: { name: `source-${tag}` } });
    const target = await db().promptSet.create({ data: { name: `target-${tag}` } });
    const parent = await db().prompt.create({
      data: {
        promptSetId: source.id,
        text: `What is 2 + 2? ${tag}`,
        contentHash: `${tag}-p`,
        category: "math",
      },
    });
    const child = await db().prompt.create({
      data: {
        promptSetId: target.id,
        text: `What is 2 + 2 in base 3? ${tag}`,
        contentHash: contentHash(`child ${tag}`),
        origin: "evol-instruct",
        parentPromptId: parent.id,
        operation: "concretize",
        category: "math",
      },
    });
    const view = await getPromptLineage(child.id);
    expect(view).toMatchObject({
      origin: "evol-instruct",
      operation: "concretize",
      promptSetName: target.name,
      parent: { id: parent.id, promptSetId: source.id, text: parent.text, origin: "import" },
      childCount: 0,
      job: null,
    });
    const up = await getPromptLineage(parent.id);
    expect(up.children.map((c) => c.id)).toEqual([child.id]);
    expect(up.childCount).toBe(1);
    const page = await listPrompts(target.id, { page: 1 });
    expect(page.items[0]).toMatchObject({
      origin: "evol-instruct",
      operation: "concretize",
      parentPromptId: parent.id,
      topic: null,
    });
    await expect(getPromptLineage("missing")).rejects.toBeInstanceOf(NotFoundError);
  });
});
