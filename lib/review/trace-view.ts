import "server-only";
import { z } from "zod";
import { userNames } from "../auth/user-names";
import { db } from "../db/client";
import { NotFoundError } from "../errors";
import { DecisionSchema, ReviewStatusSchema, type Decision, type ReviewStatus } from "./schemas";

export type DecisionView = {
  reviewerId: string;
  reviewerName: string;
  decision: Decision;
  reason: string | null;
  version: number;
  updatedAt: string;
};

/** The cautious-reasoning choice as the trace stored it; read leniently. */
const StrategySchema = z
  .object({
    name: z.string(),
    version: z.number(),
    reply: z.string().catch(""),
    chosenBy: z.enum(["number", "name", "fuzzy", "fallback"]).catch("number"),
  })
  .nullable()
  .catch(null);
export type StrategyView = z.infer<typeof StrategySchema>;

export type TraceForReview = {
  id: string;
  status: ReviewStatus;
  prompt: {
    id: string;
    text: string;
    referenceAnswer: string | null;
    category: string | null;
    externalId: string | null;
  };
  systemMessage: { id: string; name: string; versionId: string; version: number; content: string };
  /** Set when the teacher chose the system message itself (cautious reasoning). */
  strategy: StrategyView;
  trace: {
    content: string;
    reasoning: string | null;
    reasoningTokens: number;
    systemPromptErasable: boolean;
    model: string;
    finishReason: string;
    truncated: boolean;
    inputTokens: number;
    outputTokens: number;
    latencyMs: number;
    createdAt: string;
  };
  job: { id: string; name: string };
  myDecision: DecisionView | null;
  decisions: DecisionView[];
};

/** Everything a reviewer needs to judge one trace, plain and serialisable for the page. */
export async function getTraceForReview(traceId: string, reviewerId: string): Promise<TraceForReview> {
  const t = await db().trace.findUnique({
    where: { id: traceId },
    include: {
      prompt: true,
      job: { select: { id: true, name: true } },
      systemMessageVersion: { include: { message: { select: { id: true, name: true } } } },
      decisions: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!t) throw new NotFoundError("Trace", traceId);
  const names = await userNames(t.decisions.map((d) => d.reviewerId));
  const decisions: DecisionView[] = t.decisions.map((d) => ({
    reviewerId: d.reviewerId,
    reviewerName: names.get(d.reviewerId) ?? "(removed user)",
    decision: DecisionSchema.parse(d.decision),
    reason: d.reason,
    version: d.version,
    updatedAt: d.updatedAt.toISOString(),
  }));
  const v = t.systemMessageVersion;
  return {
    id: t.id,
    status: ReviewStatusSchema.catch("pending").parse(t.reviewStatus),
    prompt: {
      id: t.prompt.id,
      text: t.prompt.text,
      referenceAnswer: t.prompt.referenceAnswer,
      category: t.prompt.category,
      externalId: t.prompt.externalId,
    },
    systemMessage: {
      id: v.message.id,
      name: v.message.name,
      versionId: v.id,
      version: v.version,
      content: v.content,
    },
    strategy: StrategySchema.parse(t.strategy ?? null),
    trace: {
      content: t.content,
      reasoning: t.reasoning,
      reasoningTokens: t.reasoningTokens,
      systemPromptErasable: t.systemPromptErasable,
      model: t.model,
      finishReason: t.finishReason,
      truncated: t.truncated,
      inputTokens: t.inputTokens,
      outputTokens: t.outputTokens,
      latencyMs: t.latencyMs,
      createdAt: t.createdAt.toISOString(),
    },
    job: t.job,
    myDecision: decisions.find((d) => d.reviewerId === reviewerId) ?? null,
    decisions,
  };
}
