import "server-only";
import { db } from "../../db/client";
import { InvalidInputError } from "../../errors";
import type { ExecuteContext, ItemResult } from "./types";

/**
 * One attempt at one item: what to ask the teacher, and what its answer becomes. Throws what the
 * teacher threw; the worker decides about retries.
 */
export async function executeItem(ctx: ExecuteContext): Promise<ItemResult> {
  const { item, config, teacher, signal } = ctx;
  const versionId = item.systemMessageVersionId;
  const system = config.systemMessages.find((m) => m.versionId === versionId)?.content;
  const prompt = item.promptId
    ? (await db().prompt.findUnique({ where: { id: item.promptId }, select: { text: true } }))?.text
    : undefined;
  if (!versionId || system === undefined || prompt === undefined) {
    throw new InvalidInputError("The prompt or system-message version of this item no longer exists.");
  }
  const completion = await teacher.complete({
    system,
    prompt,
    temperature: config.params.temperature,
    maxTokens: config.params.maxTokens,
    signal,
  });
  return {
    kind: "trace",
    completion,
    systemMessageVersionId: versionId,
    strategy: null,
    usage: {
      requests: 1,
      inputTokens: completion.usage.inputTokens,
      outputTokens: completion.usage.outputTokens,
    },
  };
}
