import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createTraces, type CreatedTraces } from "../testing/trace-fixtures";
import { listReviewPage } from "./list";
import { countExactly } from "./queries";
import { TraceSelectionSchema } from "./schemas";

const CONTENT = [
  "Natalia sold 48 clips in April and half as many in May: 72 clips altogether.",
  "The farmer picked green apples, then pears. Total: 17 fruits.",
  "Weng earns $12 an hour for babysitting; 50 minutes earns her $10.",
  "Le café coûte 3 euros: la réponse est 9. 数学 问题 的 答案 是 9.",
  "Betty has only half of the money she needs for a new wallet.",
  "James writes a 3-page letter to 2 different friends twice a week.",
];

async function ids(q: string, extra: Record<string, unknown> = {}): Promise<string[]> {
  const selection = TraceSelectionSchema.parse({ status: "all", jobId: world.jobId, q, ...extra });
  const page = await listReviewPage(selection, { limit: 50 });
  expect(await countExactly(selection)).toBe(page.rows.length);
  return page.rows.map((r) => r.id);
}

let world: CreatedTraces;
const t = (i: number) => world.traceIds[i]!;

beforeAll(async () => {
  world = await createTraces({ count: CONTENT.length, content: (i) => CONTENT[i]! });
  await db().trace.update({ where: { id: t(4) }, data: { reasoning: "She saves the rest by December." } });
});

describe("full-text search", () => {
  it("finds a word in the answer, with stemming, newest first", async () => {
    expect(await ids("clips")).toEqual([t(0)]);
    expect(await ids("apple")).toEqual([t(1)]);
    expect(await ids("earning")).toEqual([t(2)]);
    expect(await ids("half")).toEqual([t(4), t(0)]);
  });

  it("finds a word in the reasoning, and in the prompt", async () => {
    expect(await ids("december")).toEqual([t(4)]);
    // Prompts read "Question <n> (<tag>): what is <i> + <i>?"
    expect(await ids(world.tag)).toEqual([...world.traceIds].reverse());
    expect(await ids(`"question 3"`)).toEqual([t(2)]);
  });

  it("needs every word (in the answer or the prompt), a phrase in order, none excluded", async () => {
    expect(await ids("apples pears")).toEqual([t(1)]);
    expect(await ids("apples money")).toEqual([]);
    expect(await ids(`"question 2" apples`)).toEqual([t(1)]);
    expect(await ids('"green apples"')).toEqual([t(1)]);
    expect(await ids('"apples green"')).toEqual([]);
    expect(await ids("apples or money")).toEqual([t(4), t(1)]);
    expect(await ids("half -wallet")).toEqual([t(0)]);
  });

  it("ignores PostgreSQL's stop words rather than asking for them", async () => {
    // "the" is in trace 1 for SQLite, and no condition at all for PostgreSQL: both find it.
    expect(await ids("the apples")).toEqual([t(1)]);
    expect(await ids("apples the")).toEqual([t(1)]);
  });

  it("finds nothing for a word no trace has", async () => {
    expect(await ids("zebra")).toEqual([]);
  });

  it("reads letters of any script", async () => {
    expect(await ids("café")).toEqual([t(3)]);
    // SQLite folds diacritics; PostgreSQL's english configuration does not (no unaccent).
    if (process.env.TEST_DB !== "postgres") expect(await ids("cafe")).toEqual([t(3)]);
    expect(await ids("数学")).toEqual([t(3)]);
  });

  it("treats the query syntax of either database as plain text, never as an error", async () => {
    const hostile = [
      '"',
      '"""',
      "*",
      "clips*",
      "AND (",
      "NEAR(clips 48)",
      "clips NOT",
      "content:clips",
      "^clips",
      '\'; DROP TABLE "Trace"; --',
      "clips' OR '1'='1",
      "\\",
      "%_",
      "🙂",
      "a".repeat(500),
    ];
    for (const q of hostile) await expect(ids(q), q).resolves.toBeDefined();
    expect(await ids("clips*")).toEqual([t(0)]);
    // "near clips" as a phrase: no trace says it.
    expect(await ids("NEAR(clips 48)")).toEqual([]);
    // `OR` is the search's own: clips, or "1 1" (the prompt "what is 1 + 1?").
    expect(await ids("clips' OR '1'='1")).toEqual([t(1), t(0)]);
    expect(await ids('"')).toEqual([]);
    expect(await db().trace.count()).toBeGreaterThanOrEqual(CONTENT.length);
  });

  it("combines with the other filters", async () => {
    await db().trace.update({ where: { id: t(0) }, data: { reviewStatus: "approved" } });
    expect(await ids("half", { status: "pending" })).toEqual([t(4)]);
    expect(await ids("half", { status: "approved" })).toEqual([t(0)]);
    expect(await ids("half", { category: "arithmetic" })).toEqual([t(4), t(0)]);
    expect(await ids("half", { category: "word-problem" })).toEqual([]);
  });

  it("follows traces as they are written, changed and deleted", async () => {
    const more = await createTraces({
      count: 2,
      content: (i) => `Brand new trace about giraffes, number ${i}.`,
    });
    const giraffes = TraceSelectionSchema.parse({ status: "all", q: "giraffes" });
    expect((await listReviewPage(giraffes)).rows.map((r) => r.id)).toEqual([...more.traceIds].reverse());
    await db().trace.update({ where: { id: more.traceIds[0] }, data: { content: "Now about elephants." } });
    expect((await listReviewPage(giraffes)).rows.map((r) => r.id)).toEqual([more.traceIds[1]]);
    const elephants = TraceSelectionSchema.parse({ status: "all", q: "elephants" });
    expect((await listReviewPage(elephants)).rows.map((r) => r.id)).toEqual([more.traceIds[0]]);
    await db().job.delete({ where: { id: more.jobId } });
    expect((await listReviewPage(giraffes)).rows).toEqual([]);
    expect((await listReviewPage(elephants)).rows).toEqual([]);
  });
});
