import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { currentVersionsOfEnabledMessages } from "./queries";
import { CreateMessageSchema } from "./schemas";
import { SEED_MESSAGES } from "./seed-messages";
import { SEED_NOTE, seedBank } from "./seed";
import { REQUIRED_STRATEGIES, STRATEGY_TAG_NAMES } from "./tags";

// This file's database starts empty; the tests run in order and share it.
describe("seeding the bank", () => {
  it("fills an empty bank once, even when two processes seed at the same moment", async () => {
    expect(await db().systemMessage.count()).toBe(0);
    const results = await Promise.all([seedBank(), seedBank()]);
    expect(results.map((r) => r.created).sort((a, b) => a - b)).toEqual([0, SEED_MESSAGES.length]);
    expect(await db().systemMessage.count()).toBe(SEED_MESSAGES.length);
    expect(SEED_MESSAGES.length).toBeGreaterThanOrEqual(16);
  });

  it("is idempotent", async () => {
    expect(await seedBank()).toEqual({ created: 0 });
    expect(await db().systemMessage.count()).toBe(SEED_MESSAGES.length);
    expect(await db().systemMessageVersion.count()).toBe(SEED_MESSAGES.length);
  });

  it("stores version 1 of each message with the seed note", async () => {
    const versions = await db().systemMessageVersion.findMany();
    expect(new Set(versions.map((v) => v.version))).toEqual(new Set([1]));
    expect(new Set(versions.map((v) => v.note))).toEqual(new Set([SEED_NOTE]));
  });

  it("covers every required strategy and uses only the vocabulary", async () => {
    const current = await currentVersionsOfEnabledMessages();
    const used = new Set(current.flatMap((c) => c.tags));
    for (const tag of REQUIRED_STRATEGIES) expect(used, tag).toContain(tag);
    for (const tag of used) expect(STRATEGY_TAG_NAMES).toContain(tag);
    for (const tag of STRATEGY_TAG_NAMES) expect(used, `unused tag ${tag}`).toContain(tag);
  });

  it("keeps the answer-only control rare", async () => {
    const control = (await currentVersionsOfEnabledMessages()).find((c) => c.tags.includes("answer-only"));
    expect(control?.weight).toBeLessThanOrEqual(0.25);
  });

  it("passes the same validation as a curator's message", () => {
    for (const m of SEED_MESSAGES) {
      const parsed = CreateMessageSchema.parse({ ...m, enabled: true });
      expect(parsed.content).toBe(m.content);
      expect(parsed.tags).toEqual(m.tags);
    }
    expect(new Set(SEED_MESSAGES.map((m) => m.name)).size).toBe(SEED_MESSAGES.length);
    expect(new Set(SEED_MESSAGES.map((m) => m.content)).size).toBe(SEED_MESSAGES.length);
  });
});
