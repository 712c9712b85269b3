import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createTestUser } from "../testing/fixtures";
import { importPrompts, type ImportInput } from "./import-prompts";
import { createPromptSet } from "./mutations";
import { chunked, jsonl } from "./test-helpers";

async function newSet() {
  const user = await createTestUser("curator");
  const set = await createPromptSet({ name: `Set ${randomBytes(4).toString("hex")}` }, user.id);
  return { setId: set.id, userId: user.id };
}

function run(
  setId: string,
  userId: string,
  fileName: string,
  text: string,
  options: Partial<ImportInput> = {},
) {
  return importPrompts({
    promptSetId: setId,
    fileName,
    format: "auto",
    mode: "all-or-nothing",
    source: chunked(text, 64),
    actorId: userId,
    ...options,
  });
}

const promptsOf = (promptSetId: string) =>
  db().prompt.findMany({ where: { promptSetId }, orderBy: { text: "asc" } });

const MIXED = jsonl([
  { question: "What is 1+1?", answer: "2", category: "math", id: "q1" },
  { prompt: "Name a colour." },
  { answer: "orphan" },
  { text: "   " },
  { text: "Translate 'chat'.", target: "cat", task: "translation" },
]);

describe("importPrompts", () => {
  it("all-or-nothing: one bad row rejects the file, reports every bad row and keeps nothing", async () => {
    const { setId, userId } = await newSet();
    const result = await run(setId, userId, "mixed.jsonl", MIXED);
    expect(result).toMatchObject({
      status: "rejected",
      rowsRead: 5,
      inserted: 0,
      invalid: 2,
      fileError: null,
    });
    expect(result.errors).toEqual([
      { line: 3, message: 'line 3: "text" is missing (expected one of text, prompt, question, instruction)' },
      { line: 4, message: 'line 4: "text" is empty' },
    ]);
    expect(await promptsOf(setId)).toHaveLength(0);
    const history = await db().promptImport.findMany({ where: { promptSetId: setId } });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      id: result.importId,
      status: "rejected",
      mode: "all-or-nothing",
      invalid: 2,
    });
    expect(history[0]!.errors).toEqual(result.errors);
  });

  it("skip-invalid: imports the valid rows with their fields and reports the rest", async () => {
    const { setId, userId } = await newSet();
    const result = await run(setId, userId, "mixed.jsonl", MIXED, { mode: "skip-invalid" });
    expect(result).toMatchObject({ status: "imported", rowsRead: 5, inserted: 3, invalid: 2, duplicates: 0 });
    const prompts = await promptsOf(setId);
    expect(prompts.map((p) => [p.text, p.referenceAnswer, p.category, p.externalId, p.source])).toEqual([
      ["Name a colour.", null, null, null, "mixed.jsonl"],
      ["Translate 'chat'.", "cat", "translation", null, "mixed.jsonl"],
      ["What is 1+1?", "2", "math", "q1", "mixed.jsonl"],
    ]);
    expect(await db().promptImport.count({ where: { promptSetId: setId, status: "imported" } })).toBe(1);
    for (const p of prompts) {
      expect(p.id).toMatch(/^c[0-9a-z]{24}$/);
      expect(Math.abs(p.createdAt.getTime() - Date.now())).toBeLessThan(5 * 60_000);
    }
    const recent = await db().prompt.count({
      where: { promptSetId: setId, createdAt: { gt: new Date(Date.now() - 5 * 60_000) } },
    });
    expect(recent).toBe(3);
  });

  it("skips duplicates inside the file and against the set, by normalised text", async () => {
    const { setId, userId } = await newSet();
    const first = await run(
      setId,
      userId,
      "a.jsonl",
      jsonl([{ text: "Alpha  beta" }, { text: "alpha beta" }, { text: "Gamma" }, { text: " Alpha beta " }]),
    );
    expect(first).toMatchObject({ status: "imported", rowsRead: 4, inserted: 3, duplicates: 1 });
    const second = await run(
      setId,
      userId,
      "b.jsonl",
      jsonl([{ text: "Gamma" }, { text: "Alpha\nbeta" }, { text: "Delta" }, { text: "Delta" }]),
    );
    expect(second).toMatchObject({ status: "imported", rowsRead: 4, inserted: 1, duplicates: 3 });
    expect((await promptsOf(setId)).map((p) => p.text)).toEqual([
      "Alpha  beta",
      "Delta",
      "Gamma",
      "alpha beta",
    ]);
  });

  it("imports CSV and JSON files through the same path", async () => {
    const { setId, userId } = await newSet();
    const csv = 'question,answer,category\n"Multi\nline?",yes,a\n"Second, with comma",no,b\n';
    expect(await run(setId, userId, "p.csv", csv)).toMatchObject({ status: "imported", inserted: 2 });
    const json = JSON.stringify(
      { prompts: [{ instruction: "Third", output: "3" }, { text: "Fourth" }] },
      null,
      1,
    );
    expect(await run(setId, userId, "p.json", json)).toMatchObject({
      status: "imported",
      inserted: 2,
      format: "json",
    });
    const prompts = await promptsOf(setId);
    expect(prompts.map((p) => p.text)).toEqual(["Fourth", "Multi\nline?", "Second, with comma", "Third"]);
    expect(prompts.find((p) => p.text === "Third")?.referenceAnswer).toBe("3");
  });

  it("cites CSV lines after a multi-line field, and JSON items with their lines", async () => {
    const { setId, userId } = await newSet();
    const csv = 'text,category\n"a\nb\nc",x\n"",y\nok,z\n';
    const csvResult = await run(setId, userId, "bad.csv", csv);
    expect(csvResult.errors).toEqual([{ line: 5, message: 'line 5: "text" is empty' }]);
    const json = '[\n {"text": "fine"},\n {\n  "text": 5\n }\n]';
    const jsonResult = await run(setId, userId, "bad.json", json);
    expect(jsonResult.errors).toEqual([
      { line: 3, message: 'item 2 (line 3): "text" must be a string, not a number' },
    ]);
  });

  it("rejects the whole file on a file-level error, even when skipping invalid rows", async () => {
    const { setId, userId } = await newSet();
    const result = await run(setId, userId, "broken.json", '[{"text": "a"},\n{"text": "b",\n', {
      mode: "skip-invalid",
    });
    expect(result.status).toBe("rejected");
    expect(result.fileError).toMatch(/^line 3: invalid JSON/);
    expect(result.errors.at(-1)?.message).toBe(result.fileError);
    expect(await promptsOf(setId)).toHaveLength(0);
    const empty = await run(setId, userId, "empty.csv", "text\n", { mode: "skip-invalid" });
    expect(empty).toMatchObject({ status: "rejected", fileError: "line 1: the file has no rows" });
  });

  it("keeps the first 100 errors and counts them all", async () => {
    const { setId, userId } = await newSet();
    const rows = Array.from({ length: 150 }, (_, i) => (i % 3 === 0 ? { text: `ok ${i}` } : { nope: i }));
    const result = await run(setId, userId, "many.jsonl", jsonl(rows), { mode: "skip-invalid" });
    expect(result).toMatchObject({ status: "imported", inserted: 50, invalid: 100, errorsTruncated: false });
    const worse = await run(setId, userId, "worse.jsonl", jsonl([...rows, { nope: 1 }]));
    expect(worse).toMatchObject({ status: "rejected", invalid: 101, errorsTruncated: true });
    expect(worse.errors).toHaveLength(100);
    expect(worse.errors[0]!.line).toBe(2);
  });

  it("streams a 5,000-row file delivered in small chunks", async () => {
    const { setId, userId } = await newSet();
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      id: `r${i}`,
      text: `Row ${i}: what is ${i} × 2? “quoted” ☃`,
      answer: String(i * 2),
      category: `c${i % 7}`,
    }));
    const result = await run(setId, userId, "big.jsonl", jsonl(rows), { source: chunked(jsonl(rows), 17) });
    expect(result).toMatchObject({
      status: "imported",
      rowsRead: 5000,
      inserted: 5000,
      duplicates: 0,
      invalid: 0,
    });
    expect(await db().prompt.count({ where: { promptSetId: setId } })).toBe(5000);
    const last = await db().prompt.findFirst({ where: { promptSetId: setId, externalId: "r4999" } });
    expect(last).toMatchObject({
      text: "Row 4999: what is 4999 × 2? “quoted” ☃",
      referenceAnswer: "9998",
      category: "c1",
    });
    const again = await run(setId, userId, "big.jsonl", jsonl(rows));
    expect(again).toMatchObject({ status: "imported", inserted: 0, duplicates: 5000 });
  });

  it("keeps nothing when the upload stops half-way", async () => {
    const { setId, userId } = await newSet();
    const rows = Array.from({ length: 3000 }, (_, i) => ({ text: `row ${i}` }));
    async function* cutOff() {
      const bytes = Buffer.from(jsonl(rows));
      yield bytes.subarray(0, bytes.length / 2);
      throw Object.assign(new Error("aborted"), { code: "ECONNRESET" });
    }
    await expect(run(setId, userId, "cut.jsonl", "", { source: cutOff() })).rejects.toThrow(
      "The upload stopped before the end of the file; nothing was imported.",
    );
    expect(await db().prompt.count({ where: { promptSetId: setId } })).toBe(0);
  });

  it("refuses an unknown set and a file whose format cannot be told", async () => {
    const { setId, userId } = await newSet();
    await expect(run("missing-set", userId, "a.jsonl", "")).rejects.toThrow(
      /Prompt set missing-set was not found/,
    );
    await expect(run(setId, userId, "a.txt", "")).rejects.toThrow(/Cannot tell the format/);
    expect(await run(setId, userId, "a.txt", '{"text":"x"}\n', { format: "jsonl" })).toMatchObject({
      inserted: 1,
    });
  });
});
