import "server-only";
import { db } from "../db/client";
import { InvalidInputError } from "../errors";
import type { ChatRequest, Completion } from "../teacher/types";
import type { LeasedItem } from "../runner/lease";
import type { JobConfig } from "./schemas";
import { executeCautious } from "./cautious";
import { requestParams } from "./params";
import { synthesisCall, synthesisOf } from "./synthesis-call";
import { oneCallUsage, type ExecuteContext, type ItemResult, type PrefetchedItem } from "./types";

/**
 * One attempt at one item: what to ask the teacher, and what its answer becomes. Throws what the
 * teacher threw; the worker decides about retries.
 */
export async function executeItem(ctx: ExecuteContext): Promise<ItemResult> {
  const { item, config, teacher, signal } = ctx;
  const row = ctx.prefetched ?? (await loadItem(item));
  if (config.kind === "traces" && config.cautious) {
    if (!row.prompt) throw gone();
    return executeCautious(ctx, row.prompt, row.sampleIndex);
  }
  const call = planFromRow(item, config, row);
  const completion = await teacher.complete({ ...call.request, signal });
  return call.toResult(completion);
}

export type PlannedCall = {
  /** Everything but the abort signal. */
  request: Omit<ChatRequest, "signal">;
  toResult: (completion: Completion) => ItemResult;
};

/**
 * The single request of an item and what its completion becomes, for runners that send requests
 * themselves (provider batches). Cautious items make two dependent calls and run live only.
 */
export async function planCall(item: LeasedItem, config: JobConfig): Promise<PlannedCall> {
  if (config.kind === "traces" && config.cautious) {
    throw new InvalidInputError("Cautious-reasoning items make two calls and cannot be sent as one request.");
  }
  return planFromRow(item, config, await loadItem(item));
}

type ItemRow = Awaited<ReturnType<typeof loadItem>> | PrefetchedItem;

async function loadItem(item: LeasedItem) {
  const row = await db().jobItem.findUnique({
    where: { id: item.id },
    select: {
      sampleIndex: true,
      payload: true,
      prompt: { select: { id: true, text: true, category: true } },
    },
  });
  if (!row) throw new InvalidInputError("This item no longer exists.");
  return row;
}

const gone = () =>
  new InvalidInputError("The prompt or system-message version of this item no longer exists.");

function planFromRow(item: LeasedItem, config: JobConfig, row: ItemRow): PlannedCall {
  const params = requestParams(config);
  if (config.kind === "synthesis") {
    const call = synthesisCall(synthesisOf(config), row.payload, row.prompt);
    return { request: { ...params, system: call.system, prompt: call.prompt }, toResult: call.toResult };
  }
  const versionId = item.systemMessageVersionId;
  const system = config.systemMessages.find((m) => m.versionId === versionId)?.content;
  if (!versionId || system === undefined || !row.prompt) throw gone();
  return {
    request: { ...params, system, prompt: row.prompt.text },
    toResult: (completion) => ({
      kind: "trace",
      completion,
      systemMessageVersionId: versionId,
      strategy: null,
      usage: oneCallUsage(completion),
    }),
  };
}
