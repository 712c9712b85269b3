import "server-only";
import { InvalidInputError } from "../errors";
import type { ItemRow, LeasedItem } from "../runner";
import type { ChatRequest, Completion } from "../teacher";
import { executeCautious } from "./cautious";
import type { JobConfig } from "./schemas";
import { synthesisCall, synthesisOf } from "./synthesis-call";
import { oneCallUsage, type ExecuteContext, type ItemResult } from "./types";

/**
 * One attempt at one item: what to ask the teacher, and what its answer becomes. Throws what the
 * teacher threw; the runner decides about retries.
 */
export async function executeItem(ctx: ExecuteContext): Promise<ItemResult> {
  const { item, row, config, teacher, signal } = ctx;
  if (config.kind === "traces" && config.cautious) {
    if (!row.prompt) throw gone();
    return executeCautious(ctx, row.prompt, row.sampleIndex);
  }
  const call = plannedCall(item, row, config);
  const completion = await teacher.complete({ ...call.request, signal });
  return call.toResult(completion);
}

export type PlannedCall = {
  /** Everything but the abort signal: the job's frozen params as they are, the system and prompt. */
  request: JobConfig["params"] & Pick<ChatRequest, "system" | "prompt">;
  toResult: (completion: Completion) => ItemResult;
};

const gone = () =>
  new InvalidInputError("The prompt or system-message version of this item no longer exists.");

/**
 * The single request of an item and what its completion becomes, also for provider batches.
 * Cautious items make two dependent calls and run live only.
 */
export function plannedCall(item: LeasedItem, row: ItemRow, config: JobConfig): PlannedCall {
  const { params } = config;
  if (config.kind === "synthesis") {
    const call = synthesisCall(synthesisOf(config), row.payload, row.prompt);
    return { request: { ...params, system: call.system, prompt: call.prompt }, toResult: call.toResult };
  }
  if (config.cautious) {
    throw new InvalidInputError("Cautious-reasoning items make two calls and cannot be sent as one request.");
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
