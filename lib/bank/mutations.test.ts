import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { ConflictError, InvalidInputError, NotFoundError } from "../errors";
import { createTestUser } from "../testing/fixtures";
import { currentVersionsOfEnabledMessages, getMessage, listMessages } from "./queries";
import { createMessage, saveVersion, updateMetadata } from "./mutations";

const unique = (label: string) => `${label} ${randomBytes(4).toString("hex")}`;

async function versionsOf(messageId: string) {
  return db().systemMessageVersion.findMany({ where: { messageId }, orderBy: { version: "asc" } });
}

describe("creating and editing system messages", () => {
  it("creates a message with version 1 and records who did it", async () => {
    const user = await createTestUser("curator");
    const name = unique("Create");
    const { id, version } = await createMessage(
      { name, content: "  Be helpful.\r\n", tags: ["Step-By-Step", "plain", "plain"], weight: 2 },
      user.id,
    );
    expect(version).toBe(1);
    const message = await getMessage(id);
    expect(message).toMatchObject({ name, tags: ["step-by-step", "plain"], weight: 2, enabled: true });
    expect(message.versions).toHaveLength(1);
    expect(message.versions[0]).toMatchObject({ version: 1, content: "Be helpful.", authorName: user.name });
    const audit = await db().auditEvent.findMany({ where: { entityId: id } });
    expect(audit.map((a) => a.action)).toEqual(["bank.message.created"]);
  });

  it("refuses a second message with the same name", async () => {
    const name = unique("Twice");
    await createMessage({ name, content: "a" }, null);
    await expect(createMessage({ name, content: "b" }, null)).rejects.toBeInstanceOf(ConflictError);
  });

  it("refuses empty content with a message naming the field", async () => {
    await expect(createMessage({ name: unique("Empty"), content: "   " }, null)).rejects.toThrow(
      /content: The content is empty/,
    );
  });

  it("appends version 2 on edit and leaves version 1 exactly as it was", async () => {
    const user = await createTestUser("curator");
    const { id } = await createMessage({ name: unique("Edit"), content: "First wording." }, user.id);
    const [v1Before] = await versionsOf(id);
    const saved = await saveVersion(
      { messageId: id, content: "Second wording.", note: "tightened wording", baseVersion: 1 },
      user.id,
    );
    expect(saved.version).toBe(2);
    const versions = await versionsOf(id);
    expect(versions.map((v) => [v.version, v.content, v.note])).toEqual([
      [1, "First wording.", null],
      [2, "Second wording.", "tightened wording"],
    ]);
    expect(versions[0]).toEqual(v1Before);
    const actions = (await db().auditEvent.findMany({ where: { entityId: id } })).map((a) => a.action);
    expect(actions).toContain("bank.version.created");
  });

  it("refuses to save content identical to the current version", async () => {
    const { id } = await createMessage({ name: unique("Same"), content: "Unchanged." }, null);
    await expect(saveVersion({ messageId: id, content: "Unchanged.\n" }, null)).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    expect(await versionsOf(id)).toHaveLength(1);
  });

  it("reports a missing message", async () => {
    await expect(saveVersion({ messageId: "nope", content: "x" }, null)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("never gives two concurrent edits the same version number", async () => {
    const { id } = await createMessage({ name: unique("Race"), content: "v1" }, null);
    const outcomes = await Promise.allSettled(
      ["edit A", "edit B", "edit C"].map((content) => saveVersion({ messageId: id, content }, null)),
    );
    for (const o of outcomes) {
      if (o.status === "rejected") expect(o.reason).toBeInstanceOf(ConflictError);
    }
    const numbers = (await versionsOf(id)).map((v) => v.version);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers).toEqual([...Array(numbers.length).keys()].map((i) => i + 1));
    const saved = outcomes.filter((o) => o.status === "fulfilled").length;
    expect(numbers).toHaveLength(1 + saved);
  });

  it("refuses an edit made on top of a version that is no longer current", async () => {
    const { id } = await createMessage({ name: unique("Stale"), content: "v1" }, null);
    const outcomes = await Promise.allSettled([
      saveVersion({ messageId: id, content: "mine", baseVersion: 1 }, null),
      saveVersion({ messageId: id, content: "theirs", baseVersion: 1 }, null),
    ]);
    const rejected = outcomes.filter((o) => o.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect((rejected[0] as PromiseRejectedResult).reason.message).toMatch(
      /someone else saved a new version/i,
    );
    expect((await versionsOf(id)).map((v) => v.version)).toEqual([1, 2]);
  });
});

describe("metadata", () => {
  it("updates name, tags, weight and enabled without creating a version", async () => {
    const user = await createTestUser("curator");
    const { id } = await createMessage({ name: unique("Meta"), content: "Body." }, null);
    const name = unique("Renamed");
    const result = await updateMetadata(
      { messageId: id, name, tags: ["eli5"], weight: 0.5, enabled: false },
      user.id,
    );
    expect(result.changed.sort()).toEqual(["enabled", "name", "tags", "weight"]);
    expect(await getMessage(id)).toMatchObject({ name, tags: ["eli5"], weight: 0.5, enabled: false });
    expect(await versionsOf(id)).toHaveLength(1);
    const audit = await db().auditEvent.findFirst({
      where: { entityId: id, action: "bank.message.updated" },
    });
    expect(audit?.data).toMatchObject({ changes: { enabled: { from: true, to: false } } });
  });

  it("does nothing (and records nothing) when the values are unchanged", async () => {
    const name = unique("Noop");
    const { id } = await createMessage({ name, content: "Body.", tags: ["plain"] }, null);
    expect(await updateMetadata({ messageId: id, name, tags: ["plain"], enabled: true }, null)).toEqual({
      changed: [],
    });
    expect(await db().auditEvent.count({ where: { entityId: id, action: "bank.message.updated" } })).toBe(0);
  });

  it("refuses renaming onto another message's name", async () => {
    const taken = unique("Taken");
    await createMessage({ name: taken, content: "a" }, null);
    const { id } = await createMessage({ name: unique("Other"), content: "b" }, null);
    await expect(updateMetadata({ messageId: id, name: taken }, null)).rejects.toBeInstanceOf(ConflictError);
  });

  it("rejects a zero weight with a message a person can act on", async () => {
    const { id } = await createMessage({ name: unique("Weight"), content: "a" }, null);
    await expect(updateMetadata({ messageId: id, weight: 0 }, null)).rejects.toThrow(
      /weight must be greater than 0/,
    );
  });
});

describe("reading the bank", () => {
  it("gives jobs the newest version of enabled messages only, ordered by name", async () => {
    const prefix = unique("Jobs");
    const a = await createMessage({ name: `${prefix} b`, content: "b1", tags: ["plain"], weight: 3 }, null);
    await saveVersion({ messageId: a.id, content: "b2" }, null);
    await createMessage({ name: `${prefix} a`, content: "a1" }, null);
    const off = await createMessage({ name: `${prefix} c`, content: "c1", enabled: false }, null);
    const disabledLater = await createMessage({ name: `${prefix} d`, content: "d1" }, null);
    await updateMetadata({ messageId: disabledLater.id, enabled: false }, null);

    const current = (await currentVersionsOfEnabledMessages()).filter((c) => c.name.startsWith(prefix));
    expect(current.map((c) => [c.name, c.version, c.content])).toEqual([
      [`${prefix} a`, 1, "a1"],
      [`${prefix} b`, 2, "b2"],
    ]);
    const b = current[1]!;
    expect(b).toMatchObject({ messageId: a.id, tags: ["plain"], weight: 3 });
    const row = await db().systemMessageVersion.findUniqueOrThrow({ where: { id: b.versionId } });
    expect(row.version).toBe(2);
    expect(current.some((c) => c.messageId === off.id)).toBe(false);
  });

  it("lists messages with version counts and filters by tag and enabled", async () => {
    const tag = `t${randomBytes(3).toString("hex")}`;
    const { id } = await createMessage({ name: unique("Listed"), content: "x1", tags: [tag] }, null);
    await saveVersion({ messageId: id, content: "x2" }, null);
    await createMessage({ name: unique("Listed off"), content: "y", tags: [tag], enabled: false }, null);

    const tagged = await listMessages({ tag });
    expect(tagged).toHaveLength(2);
    expect(tagged.find((m) => m.id === id)).toMatchObject({ currentVersion: 2, versionCount: 2 });
    expect((await listMessages({ tag, enabled: true })).map((m) => m.id)).toEqual([id]);
    expect(await listMessages({ tag, enabled: false })).toHaveLength(1);
  });
});
