import { describe, expect, it } from "vitest";
import { db, type Prisma } from "../db/client";
import { isUniqueViolation } from "../errors";
import { createTraces, type CreatedTraces } from "../testing/trace-fixtures";
import { insertTraces, tracedItemIds, type NewTrace } from "./index";

let nextOrdinal = 1_000;

/** Fresh job items (no trace yet) in the fixture's job, for traces to be written to. */
async function newItems(created: CreatedTraces, count: number): Promise<string[]> {
  const items = await Promise.all(
    Array.from({ length: count }, () =>
      db().jobItem.create({
        data: {
          jobId: created.jobId,
          ordinal: nextOrdinal++,
          promptId: created.promptIds[0]!,
          sampleIndex: nextOrdinal,
          systemMessageVersionId: created.versionIds[0],
          status: "done",
        },
      }),
    ),
  );
  return items.map((item) => item.id);
}

const unicode = 'Étape 1 · 日本語 · 😀 "quoted" \\ and\nnewlines\u2028';

/** What lib/generation/write.ts hands tx.trace.create for one completion, costUsd included. */
function asWriteBuilds(created: CreatedTraces, itemId: string) {
  const strategy = {
    messageId: created.messageId,
    name: created.messageName,
    versionId: created.versionIds[1],
    version: 2,
    reply: ` 2 ${unicode}`,
    chosenBy: "number" as const,
  };
  return {
    itemId,
    jobId: created.jobId,
    promptId: created.promptIds[0]!,
    systemMessageVersionId: created.versionIds[1],
    model: "scripted-1",
    params: {
      temperature: 0.7,
      topP: 0.95,
      maxTokens: 2048,
      stop: ["</s>"],
      seed: null,
    } as Prisma.InputJsonObject,
    content: `**Answer:** 42 ${unicode}`,
    reasoning: `Think: ${unicode}`,
    strategy: strategy ?? undefined,
    systemPromptErasable: true,
    requestMode: "stream",
    finishReason: "length",
    truncated: true,
    inputTokens: 123,
    outputTokens: 2048,
    reasoningTokens: 77,
    latencyMs: Math.round(1234.56),
    costUsd: 0.000123456789,
  } satisfies NewTrace;
}

const read = (itemId: string) => db().trace.findUniqueOrThrow({ where: { itemId } });

describe("insertTraces", () => {
  it("stores every column exactly as a Prisma create of the same data does", async () => {
    const created = await createTraces({ count: 1 });
    const [viaPrisma, viaInsert, plainPrisma, plainInsert] = await newItems(created, 4);
    const createdAt = new Date(Date.UTC(2025, 6, 7, 8, 9, 10, 11));
    await db().trace.create({ data: { ...asWriteBuilds(created, viaPrisma!), createdAt } });
    await db().$transaction((tx) => insertTraces(tx, [{ ...asWriteBuilds(created, viaInsert!), createdAt }]));
    const strip = ({ id: _id, itemId: _itemId, ...rest }: Awaited<ReturnType<typeof read>>) => rest;
    const stored = await read(viaInsert!);
    expect(strip(stored)).toEqual(strip(await read(viaPrisma!)));
    expect(stored).toMatchObject({ truncated: true, systemPromptErasable: true, costUsd: 0.000123456789 });
    expect(stored.createdAt).toEqual(createdAt);

    // No strategy and no reasoning: NULL, as a create leaves them.
    const plain = (itemId: string) => ({
      ...asWriteBuilds(created, itemId),
      strategy: undefined,
      reasoning: null,
      createdAt,
    });
    await db().trace.create({ data: plain(plainPrisma!) });
    await insertTraces(db(), [plain(plainInsert!)]);
    expect(strip(await read(plainInsert!))).toEqual(strip(await read(plainPrisma!)));
    expect(await read(plainInsert!)).toMatchObject({ strategy: null, reasoning: null });
  });

  it("fills the schema's defaults for what a row leaves out", async () => {
    const created = await createTraces({ count: 1 });
    const [itemId] = await newItems(created, 1);
    const before = Date.now();
    const minimal: NewTrace = {
      itemId: itemId!,
      jobId: created.jobId,
      promptId: created.promptIds[0]!,
      systemMessageVersionId: created.versionIds[0],
      model: "m",
      params: {},
      content: "c",
      finishReason: "stop",
      inputTokens: 1,
      outputTokens: 2,
      latencyMs: 3,
    };
    expect(await insertTraces(db(), [minimal])).toBe(1);
    const stored = await read(itemId!);
    expect(stored).toMatchObject({
      reasoning: null,
      strategy: null,
      systemPromptErasable: false,
      requestMode: "live",
      truncated: false,
      reasoningTokens: 0,
      costUsd: 0,
      reviewStatus: "pending",
      params: {},
    });
    expect(stored.id).toMatch(/^c[0-9a-z]{24}$/);
    expect(stored.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(stored.createdAt.getTime()).toBeLessThanOrEqual(Date.now() + 1);
  });

  it("writes many traces in one call, and a second trace for an item is a unique violation", async () => {
    const created = await createTraces({ count: 1 });
    const items = await newItems(created, 300);
    const rows = items.map((itemId, i) => ({
      ...asWriteBuilds(created, itemId),
      content: `${i} ${"x".repeat(1_300)}`,
      costUsd: i / 1000,
    }));
    expect(await db().$transaction((tx) => insertTraces(tx, rows))).toBe(300);
    expect(await tracedItemIds(db(), [...items, created.itemIds[0]!, "none"])).toEqual(
      new Set([...items, created.itemIds[0]!]),
    );
    const [again] = await newItems(created, 1);
    const failed = await db()
      .$transaction((tx) => insertTraces(tx, [asWriteBuilds(created, again!), rows[0]!]))
      .catch((error: unknown) => error);
    expect(isUniqueViolation(failed)).toBe(true);
    expect(await db().trace.count({ where: { itemId: again } })).toBe(0);
  });
});
