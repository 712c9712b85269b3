import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { DEMO_SET_NAME, demoFixturePath, seedDemoPromptSet } from "./demo-seed";
import { listPromptSets } from "./index";

describe("seedDemoPromptSet", () => {
  it("creates the GSM8K demo set once, from the fixture's 200 rows", async () => {
    expect(await seedDemoPromptSet()).toEqual({ created: 200 });
    expect(await seedDemoPromptSet()).toEqual({ created: 0 });
    const sets = await db().promptSet.findMany({ where: { name: DEMO_SET_NAME } });
    expect(sets).toHaveLength(1);
    const prompts = await db().prompt.findMany({
      where: { promptSetId: sets[0]!.id },
      orderBy: { id: "asc" },
    });
    expect(prompts).toHaveLength(200);

    const first = JSON.parse(readFileSync(demoFixturePath(), "utf8").split("\n")[0]!) as {
      question: string;
      answer: string;
    };
    const row1 = prompts.find((p) => p.externalId === "gsm8k-train-1");
    expect(row1).toMatchObject({
      text: first.question,
      referenceAnswer: first.answer,
      category: "math/gsm8k",
    });
    expect(row1?.referenceAnswer).toMatch(/\n#### 72$/);
    for (const p of prompts) {
      expect(p.referenceAnswer).toMatch(/\n#### -?[\d,.]+$/);
      expect(p.category).toBe("math/gsm8k");
    }
    expect(new Set(prompts.map((p) => p.externalId)).size).toBe(200);
    expect(prompts.map((p) => p.externalId)).toContain("gsm8k-train-200");

    const summary = (await listPromptSets()).find((s) => s.name === DEMO_SET_NAME);
    expect(summary?.promptCount).toBe(200);
    expect(await db().promptImport.count({ where: { promptSetId: sets[0]!.id } })).toBe(1);
  });
});
