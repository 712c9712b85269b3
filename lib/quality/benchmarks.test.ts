import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createTestUser } from "../testing/fixtures";
import { parseBenchmarkFile } from "./benchmark-file";
import { contaminationIndex, listBenchmarks, toggleBenchmark, uploadBenchmark } from "./benchmarks";

const ITEM =
  "A lighthouse keeper climbs 132 steps twice a day and 150 steps on Sundays to repaint the lamp. How many steps does the keeper climb in a week?";

describe("benchmark sets", () => {
  it("refuse a malformed file with its name and line, and read the usual field names", () => {
    expect(() => parseBenchmarkFile('{"question": "a"}\nnot json', "mine.jsonl")).toThrow(
      "mine.jsonl, line 2: not valid JSON",
    );
    expect(() => parseBenchmarkFile('{"answer": "3"}', "mine.jsonl")).toThrow(
      "mine.jsonl, line 1: no question text",
    );
    expect(() =>
      parseBenchmarkFile('{"id": 1, "question": "a"}\n{"id": 1, "question": "b"}', "f.jsonl"),
    ).toThrow('line 2: the id "1" appears twice');
    expect(
      parseBenchmarkFile(
        '{"task_id": "T/1", "prompt": "p", "canonical_solution": "s"}\n\n{"input": "q", "target": "(A)"}',
        "f",
      ),
    ).toEqual([
      { itemId: "T/1", text: "p", answer: "s" },
      { itemId: "3", text: "q", answer: "(A)" },
    ]);
  });

  it("list the built-in sets; an uploaded set joins the index, and turning it off takes it out", async () => {
    const admin = await createTestUser("admin");
    const sets = await listBenchmarks();
    expect(sets.filter((s) => s.builtin).map((s) => s.name)).toEqual(
      expect.arrayContaining(["gsm8k-test", "humaneval", "bbh-date_understanding"]),
    );
    const name = `Lighthouse ${Date.now()}`;
    const uploaded = await uploadBenchmark(
      { name, fileName: "lighthouse.jsonl", content: JSON.stringify({ id: "l1", question: ITEM }) },
      admin.id,
    );
    expect(uploaded.itemCount).toBe(1);
    await expect(
      uploadBenchmark(
        { name, fileName: "again.jsonl", content: JSON.stringify({ question: ITEM }) },
        admin.id,
      ),
    ).rejects.toThrow(/exists already/);

    const found = (await contaminationIndex())!.scan(`Here is a puzzle. ${ITEM} Let me solve it.`, "prompt");
    expect(found.map((m) => m.benchmark)).toContain(name);
    await toggleBenchmark({ id: uploaded.id, enabled: false }, admin.id);
    const after = (await contaminationIndex())!.scan(`Here is a puzzle. ${ITEM} Let me solve it.`, "prompt");
    expect(after.map((m) => m.benchmark)).not.toContain(name);
    const audits = await db().auditEvent.findMany({
      where: { entityId: uploaded.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audits.map((a) => a.action)).toEqual(["quality.benchmark-uploaded", "quality.benchmark-toggled"]);
  });
});

describe("built-in sets", () => {
  it("stay on when only an uploaded set has a row, and go off when turned off", async () => {
    const admin = await createTestUser("admin");
    const gsm8k =
      "Janet’s ducks lay 16 eggs per day. She eats three for breakfast every morning and bakes muffins for her friends every day with four.";
    await db().benchmark.deleteMany({ where: { builtin: true } });
    await uploadBenchmark(
      {
        name: `Other ${Date.now()}`,
        fileName: "o.jsonl",
        content: JSON.stringify({
          question: "An unrelated question about the colour of the sky at noon in a desert.",
        }),
      },
      admin.id,
    );
    expect((await contaminationIndex())!.scan(gsm8k, "trace").map((m) => m.benchmark)).toContain(
      "gsm8k-test",
    );
    const [set] = (await listBenchmarks()).filter((b) => b.name === "gsm8k-test");
    await toggleBenchmark({ id: set!.id, enabled: false }, admin.id);
    expect((await contaminationIndex())!.scan(gsm8k, "trace").map((m) => m.benchmark)).not.toContain(
      "gsm8k-test",
    );
    await toggleBenchmark({ id: set!.id, enabled: true }, admin.id);
  });
});
