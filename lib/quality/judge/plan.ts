import "server-only";
import { z } from "zod";
import { db } from "../../db";
import type { PlanFrom, PlanStep } from "../../runner";
import { traceIdPage } from "../scan/scope";
import { judgeUserMessage } from "./prompt";
import type { QualityJudgeConfig } from "./schemas";
import { judgeSubjects } from "./subjects";

/**
 * One item per trace. `user` is the judge's user message, rendered while planning for batch
 * jobs only: a provider batch is built without the database, from the items' rows.
 */
export const JudgePayloadSchema = z.object({ traceId: z.string(), user: z.string().optional() });
export type JudgePayload = z.infer<typeof JudgePayloadSchema>;

const Position = z.object({ createdAt: z.coerce.date(), id: z.string() });

/** The scope's traces a page at a time (review order), from the last page's checkpoint. */
export async function* planJudge(config: QualityJudgeConfig, from: PlanFrom): AsyncIterable<PlanStep> {
  let cursor = from.cursor ? Position.parse(from.cursor) : null;
  for (;;) {
    const page = await traceIdPage(config.scope, cursor, config.batch);
    if (page.ids.length === 0) return;
    cursor = page.last;
    const ids = config.onlyPending ? await unscored(page.ids, config.rubricVersionId) : page.ids;
    yield { items: (await payloads(ids, config)).map((payload) => ({ payload })), cursor };
  }
}

async function unscored(traceIds: string[], rubricVersionId: string): Promise<string[]> {
  const scored = await db().judgeScore.findMany({
    where: { rubricVersionId, traceId: { in: traceIds } },
    select: { traceId: true },
  });
  const done = new Set(scored.map((s) => s.traceId));
  return traceIds.filter((id) => !done.has(id));
}

async function payloads(traceIds: string[], config: QualityJudgeConfig): Promise<JudgePayload[]> {
  if (config.mode === "live") return traceIds.map((traceId) => ({ traceId }));
  const subjects = await judgeSubjects(traceIds);
  // A trace deleted since its page was read is left out.
  return traceIds.flatMap((traceId) => {
    const subject = subjects.get(traceId);
    return subject ? [{ traceId, user: judgeUserMessage(config.rubric, subject) }] : [];
  });
}
