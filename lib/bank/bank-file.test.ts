import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { InvalidInputError } from "../errors";
import { bankFileName, parseBankFile } from "./bank-file";
import { importBank } from "./import";
import { createMessage, saveVersion, updateMetadata } from "./mutations";
import { exportBank, getMessage } from "./queries";

const unique = (label: string) => `${label} ${randomBytes(4).toString("hex")}`;
/** A bank file in the export format holding `messages`, as text. */
const bankFileText = (messages: unknown[]) =>
  JSON.stringify({ format: "tracebank.bank", version: 1, messages });

async function bankSize() {
  return {
    messages: await db().systemMessage.count(),
    versions: await db().systemMessageVersion.count(),
    imports: await db().auditEvent.count({ where: { action: "bank.imported" } }),
  };
}

describe("bank file export and import", () => {
  it("round-trips the whole bank into an empty bank", async () => {
    const a = await createMessage(
      { name: "Alpha", content: "A1", tags: ["plain", "concise"], weight: 0.5 },
      null,
    );
    await saveVersion({ messageId: a.id, content: "A2", note: "tightened wording" }, null);
    await saveVersion({ messageId: a.id, content: "A3\n\nwith a second paragraph" }, null);
    const b = await createMessage(
      { name: "Beta", content: "B1", tags: ["eli5"], weight: 2, enabled: false },
      null,
    );
    await updateMetadata({ messageId: b.id, tags: ["eli5", "step-by-step"] }, null);
    await createMessage({ name: "Gamma", content: "G1" }, null);

    const exported = await exportBank(new Date("2025-03-04T05:06:07Z"));
    expect(exported).toMatchObject({
      format: "tracebank.bank",
      version: 1,
      exportedAt: "2025-03-04T05:06:07.000Z",
    });
    expect(exported.messages.map((m) => m.name)).toEqual(["Alpha", "Beta", "Gamma"]);
    expect(exported.messages[0]!.versions.map((v) => [v.version, v.content, v.note])).toEqual([
      [1, "A1", null],
      [2, "A2", "tightened wording"],
      [3, "A3\n\nwith a second paragraph", null],
    ]);

    // Start from an empty bank (nothing references these rows in this file).
    await db().systemMessageVersion.deleteMany();
    await db().systemMessage.deleteMany();

    const text = JSON.stringify(exported, null, 2);
    expect(await importBank({ text, fileName: "bank.json" }, null)).toEqual({
      created: 3,
      newVersions: 0,
      unchanged: 0,
    });
    const again = await exportBank(new Date("2025-03-04T05:06:07Z"));
    expect(again).toEqual(exported);
    expect(await importBank({ text }, null)).toEqual({ created: 0, newVersions: 0, unchanged: 3 });
  });

  it("appends a version only where the file's latest content differs, keeping history and metadata", async () => {
    const changedName = unique("Changed");
    const changed = await createMessage({ name: changedName, content: "old", tags: ["plain"] }, null);
    const same = await createMessage({ name: unique("Same"), content: "same" }, null);
    const file = await exportBank();
    const newName = unique("New");
    const edited = {
      ...file,
      messages: [
        ...file.messages.map((m) => {
          if (m.name === changedName) {
            return {
              ...m,
              tags: ["eli5"],
              weight: 9,
              versions: [
                ...m.versions,
                { version: 2, content: "new", note: "from a colleague", createdAt: m.versions[0]!.createdAt },
              ],
            };
          }
          return m;
        }),
        {
          name: newName,
          tags: ["detailed"],
          weight: 1,
          enabled: true,
          versions: [{ version: 1, content: "fresh", note: null, createdAt: new Date().toISOString() }],
        },
      ],
    };
    const before = await bankSize();
    const result = await importBank({ text: JSON.stringify(edited), fileName: "edited.json" }, null);
    expect(result).toEqual({ created: 1, newVersions: 1, unchanged: file.messages.length - 1 });

    const c = await getMessage(changed.id);
    expect(c.versions.map((v) => [v.version, v.content, v.note])).toEqual([
      [2, "new", "from a colleague"],
      [1, "old", null],
    ]);
    expect(c).toMatchObject({ tags: ["plain"], weight: 1 });
    expect((await getMessage(same.id)).versions).toHaveLength(1);
    expect(await bankSize()).toMatchObject({ messages: before.messages + 1, versions: before.versions + 2 });
  });

  it("accepts a hand-written bare array", async () => {
    const name = unique("Bare");
    const text = JSON.stringify([{ name, content: "Think it through.", tags: ["self-check"], weight: 0.75 }]);
    expect(await importBank({ text }, null)).toMatchObject({ created: 1 });
    const row = await db().systemMessage.findUniqueOrThrow({ where: { name }, include: { versions: true } });
    expect(row).toMatchObject({ tags: ["self-check"], weight: 0.75, enabled: true });
    expect(row.versions.map((v) => v.content)).toEqual(["Think it through."]);
  });

  it("rejects a malformed file naming the bad field, and writes nothing", async () => {
    const text = bankFileText([
      { name: unique("Fine"), tags: [], versions: [{ version: 1, content: "ok" }] },
      { name: unique("Bad"), tags: "eli5", versions: [{ version: 1, content: "ok" }] },
    ]);
    const before = await bankSize();
    const attempt = importBank({ text }, null);
    await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
    await expect(attempt).rejects.toThrow("messages[1].tags: expected array of strings");
    expect(await bankSize()).toEqual(before);
  });
});

describe("reading bank files", () => {
  const problem = (text: string) => {
    try {
      parseBankFile(text);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      return (error as Error).message;
    }
    throw new Error("expected the file to be rejected");
  };

  it("says when the text is not JSON", () => {
    expect(problem("{ nope")).toMatch(/not valid JSON/);
  });

  it("names missing and mistyped fields in a bare array", () => {
    const message = problem(
      JSON.stringify([{ name: "a", content: "x" }, { name: "b" }, { name: "c", content: "y", weight: "2" }]),
    );
    expect(message).toContain("[1].content: expected a string");
    expect(message).toContain("[2].weight: expected a number");
  });

  it("refuses unknown keys, so a typo does not silently drop data", () => {
    expect(problem(JSON.stringify([{ name: "a", content: "x", tag: ["eli5"] }]))).toMatch(
      /\[0\]: Unrecognized key.*tag/,
    );
  });

  it("refuses duplicate names and duplicate version numbers", () => {
    expect(
      problem(
        JSON.stringify([
          { name: "a", content: "x" },
          { name: "a", content: "y" },
        ]),
      ),
    ).toContain('[1].name: "a" already appears at [0]');
    const file = bankFileText([
      {
        name: "a",
        versions: [
          { version: 1, content: "x" },
          { version: 1, content: "y" },
        ],
      },
    ]);
    expect(problem(file)).toContain("messages[0].versions[1].version: version 1 appears twice");
  });

  it("refuses other formats and future versions", () => {
    expect(problem(JSON.stringify({ hello: 1 }))).toMatch(/expected a Tracebank bank export/);
    expect(problem(JSON.stringify({ format: "tracebank.bank", version: 2, messages: [] }))).toContain(
      "version: this Tracebank reads bank file version 1",
    );
  });

  it("orders a message's versions by number whatever the order in the file", () => {
    const file = bankFileText([
      {
        name: "a",
        versions: [
          { version: 2, content: "second" },
          { version: 1, content: "first" },
        ],
      },
    ]);
    expect(parseBankFile(file)[0]!.versions.map((v) => v.content)).toEqual(["first", "second"]);
  });

  it("names export files by the UTC date", () => {
    expect(bankFileName(new Date("2025-12-31T23:30:00-02:00"))).toBe("tracebank-bank-2026-01-01.json");
  });
});
