import "server-only";
import type { Tx } from "../db";
import type { TraceForChecks } from "./trace-checks";
import { VerifySettingsSchema, type VerifySettings } from "./verify";

/** The traces' texts with their prompt, reference, system message and the set's verify settings. */
export async function tracesForChecks(
  client: Pick<Tx, "trace">,
  traceIds: readonly string[],
): Promise<TraceForChecks[]> {
  if (traceIds.length === 0) return [];
  const rows = await client.trace.findMany({
    where: { id: { in: [...traceIds] } },
    select: {
      id: true,
      content: true,
      reasoning: true,
      finishReason: true,
      truncated: true,
      outputTokens: true,
      params: true,
      prompt: {
        select: { text: true, referenceAnswer: true, promptSet: { select: { verifySettings: true } } },
      },
      systemMessageVersion: { select: { content: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    prompt: row.prompt.text,
    referenceAnswer: row.prompt.referenceAnswer,
    systemMessage: row.systemMessageVersion.content,
    content: row.content,
    reasoning: row.reasoning,
    finishReason: row.finishReason,
    truncated: row.truncated,
    outputTokens: row.outputTokens,
    maxTokens: maxTokensOf(row.params),
    verify: verifySettingsOf(row.prompt.promptSet.verifySettings),
  }));
}

function maxTokensOf(params: unknown): number | null {
  const value = (params as { maxTokens?: unknown } | null)?.maxTokens;
  return typeof value === "number" && value > 0 ? value : null;
}

/** Stored settings read leniently: a set saved by an older version verifies automatically. */
export function verifySettingsOf(stored: unknown): VerifySettings | null {
  if (stored === null || stored === undefined) return null;
  const parsed = VerifySettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}
