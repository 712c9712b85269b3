// The traces half of bench/insert-rows.ts (runs in its child, on its database).
import { db, type Prisma } from "../lib/db/client";
import { bufferTraceCreates } from "../lib/generation/trace-buffer";
import { createTraces } from "../lib/testing/trace-fixtures";
import { insertTraces, type NewTrace } from "../lib/traces";

const TRACES = 20_000;
const GROUP = 256; // the completer's largest group: one transaction each

/** Rows/s of 20,000 traces written in groups, through the trace buffer and through insertTraces. */
export async function benchTraces(): Promise<{
  traceBuffer: number;
  insertTraces: number;
  createMany: number;
}> {
  // Jobs, items, prompts and versions for the traces to point at; their traces are dropped.
  const fixture = await createTraces({ count: TRACES });
  // Both a NewTrace and what Prisma's create takes, for the paths through Prisma.
  const rows: Array<NewTrace & Prisma.TraceCreateManyInput> = fixture.itemIds.map((itemId, i) => ({
    itemId,
    jobId: fixture.jobId,
    promptId: fixture.promptIds[i]!,
    systemMessageVersionId: fixture.versionIds[i % 2]!,
    model: "scripted-1",
    params: { temperature: 0.7, topP: 1, maxTokens: 1024, stop: [] },
    content: `Step ${i}: ${"the answer follows from the numbers given. ".repeat(30)}**Answer:** ${i}`,
    reasoning: i % 3 === 0 ? "First I read the question carefully." : null,
    systemPromptErasable: false,
    requestMode: "live",
    finishReason: "stop",
    truncated: false,
    inputTokens: 120,
    outputTokens: 310,
    reasoningTokens: 0,
    latencyMs: 812,
  }));
  const paths = {
    async traceBuffer(group: typeof rows) {
      await db().$transaction(async (tx) => {
        const buffer = bufferTraceCreates(tx);
        for (const data of group) await buffer.tx.trace.create({ data });
        await buffer.flush();
      });
    },
    async createMany(group: typeof rows) {
      await db().$transaction((tx) => tx.trace.createMany({ data: group }));
    },
    async insertTraces(group: typeof rows) {
      await db().$transaction((tx) => insertTraces(tx, group));
    },
  };
  const mean = { traceBuffer: 0, insertTraces: 0, createMany: 0 };
  for (const name of [
    "traceBuffer",
    "createMany",
    "insertTraces",
    "insertTraces",
    "createMany",
    "traceBuffer",
  ] as const) {
    await db().trace.deleteMany({ where: { jobId: fixture.jobId } });
    const started = performance.now();
    for (let i = 0; i < rows.length; i += GROUP) await paths[name](rows.slice(i, i + GROUP));
    const perSecond = Math.round(TRACES / ((performance.now() - started) / 1000));
    if ((await db().trace.count({ where: { jobId: fixture.jobId } })) !== TRACES) {
      throw new Error(`${name} did not write ${TRACES} traces`);
    }
    mean[name] += Math.round(perSecond / 2);
    console.error(`${name}: ${perSecond} traces/s`);
  }
  return mean;
}
