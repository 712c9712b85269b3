import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createCompleter } from "./completer";
import { outcomeOf, tracesKind } from "../generation";
import type { ItemResult } from "../generation/types";
import { writeResult } from "../generation/write";
import { leaseItems, type LeasedItem } from "./lease";
import { JobConfigSchema, type JobConfig } from "../generation/schemas";
import { answer, createWorld, launchInput, launchPlanned } from "../testing/job-fixtures";

async function leasedJob(prompts: number, pricing?: JobConfig["pricing"]) {
  const world = await createWorld({ prompts });
  const jobId = await launchPlanned(launchInput(world), null);
  if (pricing) {
    const row = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    await db().job.update({ where: { id: jobId }, data: { config: { ...(row.config as object), pricing } } });
  }
  const config = JobConfigSchema.parse((await db().job.findUniqueOrThrow({ where: { id: jobId } })).config);
  const items = await leaseItems({
    jobId,
    workerId: "w1",
    limit: prompts,
    maxAttempts: 3,
    now: new Date(),
    leaseMs: 60_000,
  });
  return { world, jobId, config, items, job: { id: jobId, kind: tracesKind, config } };
}

/** What the completer takes: the result with its usage and cost, and the job it belongs to. */
const store =
  (group: ReturnType<typeof completer>, job: { id: string; config: JobConfig }) =>
  (item: LeasedItem, r: ItemResult) =>
    group.complete(item, outcomeOf(r, job.config), { ...job, kind: tracesKind });

function result(
  item: LeasedItem,
  text: string,
  usage = { inputTokens: 1_000, outputTokens: 500 },
): ItemResult {
  return {
    kind: "trace",
    completion: answer({ system: "", prompt: "", temperature: 0, maxTokens: 1 }, { text, usage }),
    systemMessageVersionId: item.systemMessageVersionId!,
    strategy: null,
    usage: { requests: 1, ...usage },
  };
}

const completer = () => createCompleter({ now: () => new Date() });

describe("completion groups", () => {
  it("stores, skips a lost lease and an existing trace, all in one group", async () => {
    const { jobId, config, items, job } = await leasedJob(3);
    const [mine, lost, existing] = items as [LeasedItem, LeasedItem, LeasedItem];
    // Another worker took `lost` over; `existing` already has its trace.
    await db().jobItem.update({ where: { id: lost.id }, data: { leaseOwner: "w2", attempts: 2 } });
    await db().$transaction((tx) => writeResult(tx, existing, result(existing, "first writer"), config));
    const group = completer();
    const outcomes = await Promise.all(
      items.map((item) => store(group, job)(item, result(item, `from ${item.id}`))),
    );
    expect(outcomes).toEqual(["stored", "lost-lease", "already-done"]);
    const rows = await db().jobItem.findMany({
      where: { jobId },
      include: { trace: true },
      orderBy: { ordinal: "asc" },
    });
    expect(rows.map((r) => [r.status, r.trace?.content ?? null])).toEqual([
      ["done", `from ${mine.id}`],
      ["running", null],
      ["done", "first writer"],
    ]);
  });

  it("falls back to one transaction per item when the group cannot be written", async () => {
    const { jobId, items, job } = await leasedJob(3);
    const group = completer();
    const broken = { ...result(items[1]!, "bad"), systemMessageVersionId: "no-such-version" } as ItemResult;
    const outcomes = await Promise.allSettled(
      items.map((item, i) => store(group, job)(item, i === 1 ? broken : result(item, `ok ${i}`))),
    );
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const rows = await db().jobItem.findMany({
      where: { jobId },
      include: { trace: true },
      orderBy: { ordinal: "asc" },
    });
    expect(rows.map((r) => [r.status, r.trace?.content ?? null])).toEqual([
      ["done", "ok 0"],
      ["running", null],
      ["done", "ok 2"],
    ]);
  });

  it("writes each trace's cost at the job's frozen prices", async () => {
    const { items, job } = await leasedJob(2, { inputPerMTok: 3, outputPerMTok: 15 });
    const group = completer();
    await Promise.all(items.map((item) => store(group, job)(item, result(item, "priced"))));
    const traces = await db().trace.findMany({ where: { itemId: { in: items.map((i) => i.id) } } });
    // 1,000 input tokens at $3/M + 500 output tokens at $15/M.
    for (const trace of traces) expect(trace.costUsd).toBeCloseTo(0.0105, 10);
  });

  it("writes traces in bulk exactly as a Prisma create would", async () => {
    const { config, items } = await leasedJob(2);
    const [a, b] = items as [LeasedItem, LeasedItem];
    const withReasoning = (item: LeasedItem): ItemResult => {
      const r = result(item, "Ünïcode ✓ \"quoted\" 'text'\nline two");
      if (r.kind === "trace") {
        r.completion = { ...r.completion, reasoning: "thinking…", finishReason: "length" };
        r.strategy = {
          messageId: "m",
          name: "step-by-step",
          versionId: "v",
          version: 2,
          reply: "1",
          chosenBy: "number",
        };
      }
      return r;
    };
    // `a` through Prisma's own create, `b` through the multi-row insert the runner uses.
    const ra = withReasoning(a);
    if (ra.kind !== "trace") throw new Error("a trace result");
    await db().trace.create({
      data: {
        itemId: a.id,
        jobId: a.jobId,
        promptId: a.promptId!,
        systemMessageVersionId: ra.systemMessageVersionId,
        model: ra.completion.model,
        params: { ...config.params, stream: false, mode: config.mode },
        content: ra.completion.text,
        reasoning: ra.completion.reasoning ?? null,
        strategy: ra.strategy ?? undefined,
        systemPromptErasable: ra.strategy !== null,
        requestMode: "live",
        finishReason: ra.completion.finishReason,
        truncated: ra.completion.finishReason === "length",
        inputTokens: ra.completion.usage.inputTokens,
        outputTokens: ra.completion.usage.outputTokens,
        reasoningTokens: ra.completion.usage.reasoningTokens ?? 0,
        latencyMs: Math.round(ra.completion.latencyMs),
        // The generation write runs the per-trace quality checks as it stores (lib/quality).
        checkedAt: new Date(),
      },
    });
    await db().$transaction((tx) => writeResult(tx, b, withReasoning(b), config));
    const [direct, buffered] = await Promise.all([
      db().trace.findUniqueOrThrow({ where: { itemId: a.id } }),
      db().trace.findUniqueOrThrow({ where: { itemId: b.id } }),
    ]);
    const strip = (t: typeof direct) => ({
      ...t,
      ...{ id: 0, itemId: 0, promptId: 0, systemMessageVersionId: 0, createdAt: 0, latencyMs: 0 },
      checkedAt: t.checkedAt instanceof Date,
    });
    expect(strip(buffered)).toEqual(strip(direct));
    expect(buffered.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(buffered.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    const raw = await db().$queryRaw<
      Array<{ id: string }>
    >`SELECT "id" FROM "Trace" WHERE "itemId" = ${b.id}`;
    expect(raw[0]!.id).toMatch(/^c[a-z0-9]{20,}$/);
  });

  it("writes only the current attempt when a stale attempt of the same item is in the group", async () => {
    const { items, job } = await leasedJob(1);
    const stale = items[0]!;
    // The lease ran out under a stalled call and this worker leased the item again.
    await db().jobItem.update({ where: { id: stale.id }, data: { attempts: 2 } });
    const current = { ...stale, attempts: 2 };
    const prompts = (text: string): ItemResult => ({
      kind: "prompts",
      prompts: [{ text, topic: null, operation: null, parentPromptId: null, category: null }],
      completion: answer({ system: "", prompt: "", temperature: 0, maxTokens: 1 }, { text }),
      usage: { requests: 1, inputTokens: 1, outputTokens: 1 },
    });
    const group = completer();
    const outcomes = await Promise.all([
      store(group, job)(stale, prompts("from the stale attempt")),
      store(group, job)(current, prompts("from the current attempt")),
    ]);
    expect(outcomes).toEqual(["lost-lease", "stored"]);
    const written = await db().prompt.findMany({ where: { synthesisItemId: stale.id } });
    expect(written.map((p) => p.text)).toEqual(["from the current attempt"]);
  });
});
