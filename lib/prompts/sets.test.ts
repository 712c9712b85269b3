import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createTestUser } from "../testing/fixtures";
import { importPrompts } from "./import-prompts";
import { createPromptSet, updatePromptSet } from "./mutations";
import { deletePromptSet } from "./set-deletion";
import { listImports } from "./import-queries";
import { getPromptSet, listPrompts, listPromptSetOverviews, listPromptSets } from "./queries";
import { UNCATEGORISED } from "./schemas";
import { chunked, jsonl } from "./test-helpers";

const unique = (prefix: string) => `${prefix} ${randomBytes(4).toString("hex")}`;

async function setWithPrompts(rows: unknown[]) {
  const user = await createTestUser("curator");
  const set = await createPromptSet({ name: unique("Set"), description: "  About it  " }, user.id);
  await importPrompts({
    promptSetId: set.id,
    fileName: "rows.jsonl",
    format: "jsonl",
    mode: "all-or-nothing",
    source: chunked(jsonl(rows), 64),
    actorId: user.id,
  });
  return { set, user };
}

describe("prompt sets", () => {
  it("creates a set with a unique name and explains a clash", async () => {
    const user = await createTestUser("curator");
    const name = unique("Unique");
    const set = await createPromptSet({ name: `  ${name} `, description: "" }, user.id);
    expect(await db().promptSet.findUnique({ where: { id: set.id } })).toMatchObject({
      name,
      description: null,
      createdById: user.id,
    });
    await expect(createPromptSet({ name }, user.id)).rejects.toThrow(
      `A prompt set named "${name}" already exists`,
    );
    const other = await createPromptSet({ name: unique("Other") }, user.id);
    await expect(updatePromptSet({ id: other.id, name }, user.id)).rejects.toThrow(/already exists/);
    await updatePromptSet({ id: other.id, name: `${name} (2)`, description: "Renamed" }, user.id);
    expect(await db().promptSet.findUnique({ where: { id: other.id } })).toMatchObject({
      name: `${name} (2)`,
      description: "Renamed",
    });
    expect(await db().auditEvent.count({ where: { entityId: other.id, action: "prompt-set.updated" } })).toBe(
      1,
    );
  });

  it("deletes a set with its prompts and history, unless a job uses it", async () => {
    const { set, user } = await setWithPrompts([{ text: "one" }, { text: "two" }]);
    const provider = await db().provider.create({ data: { name: unique("p"), kind: "openai", model: "m" } });
    const job = await db().job.create({
      data: {
        name: "j",
        status: "completed",
        config: {},
        promptSetId: set.id,
        providerId: provider.id,
        itemCount: 0,
      },
    });
    await expect(deletePromptSet({ id: set.id }, user.id)).rejects.toThrow(/is used by 1 job/);
    await db().job.delete({ where: { id: job.id } });
    await deletePromptSet({ id: set.id }, user.id);
    expect(await db().prompt.count({ where: { promptSetId: set.id } })).toBe(0);
    expect(await db().promptImport.count({ where: { promptSetId: set.id } })).toBe(0);
    await expect(deletePromptSet({ id: set.id }, user.id)).rejects.toThrow(/was not found/);
  });

  it("lists sets with prompt counts and categories", async () => {
    const { set } = await setWithPrompts([
      { text: "a", category: "math" },
      { text: "b", category: "math" },
      { text: "c", category: "code" },
      { text: "d" },
    ]);
    const summary = (await listPromptSets()).find((s) => s.id === set.id);
    expect(summary).toMatchObject({ name: set.name, description: "About it", promptCount: 4 });
    const overview = (await listPromptSetOverviews()).find((s) => s.id === set.id);
    expect(overview?.categories).toEqual([
      { category: "math", count: 2 },
      { category: null, count: 1 },
      { category: "code", count: 1 },
    ]);
    expect((await getPromptSet(set.id)).categories).toEqual(overview?.categories);
  });

  it("pages prompts in file order, filtered by category and text", async () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({
      text: `Question ${i}${i % 10 === 0 ? " about apples" : ""}`,
      category: i % 2 ? "odd" : undefined,
    }));
    const { set } = await setWithPrompts(rows);
    const first = await listPrompts(set.id, { page: 1 });
    expect(first).toMatchObject({ total: 120, page: 1, pageCount: 3 });
    expect(first.items[0]!.text).toBe("Question 0 about apples");
    expect((await listPrompts(set.id, { page: 3 })).items.map((p) => p.text).at(-1)).toBe("Question 119");
    expect((await listPrompts(set.id, { page: 99 })).page).toBe(3);
    expect((await listPrompts(set.id, { page: 1, category: "odd" })).total).toBe(60);
    expect((await listPrompts(set.id, { page: 1, category: UNCATEGORISED })).total).toBe(60);
    const apples = await listPrompts(set.id, { page: 1, q: "apples" });
    expect(apples.items.map((p) => p.text)).toEqual(
      Array.from({ length: 12 }, (_, i) => `Question ${i * 10} about apples`),
    );
  });

  it("shows the import history with who imported and what was refused", async () => {
    const { set, user } = await setWithPrompts([{ text: "fine" }]);
    await importPrompts({
      promptSetId: set.id,
      fileName: "bad.jsonl",
      format: "auto",
      mode: "all-or-nothing",
      source: chunked('{"text": "ok"}\n{"nope": 1}\n'),
      actorId: user.id,
    });
    const history = await listImports(set.id);
    expect(history.map((h) => [h.fileName, h.status, h.inserted, h.invalid, h.createdBy])).toEqual([
      ["bad.jsonl", "rejected", 0, 1, user.name],
      ["rows.jsonl", "imported", 1, 0, user.name],
    ]);
    expect(history[0]!.errors).toEqual([
      { line: 2, message: 'line 2: "text" is missing (expected one of text, prompt, question, instruction)' },
    ]);
  });
});
