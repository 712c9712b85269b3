import { z } from "zod";
import { StoredRequestParamsSchema } from "../teacher";
import { DEFAULT_SHAPE, type ExportShape } from "./schemas";

// Used when an erasable trace's job froze no erased prompt (should not happen; kept safe).
const GENERIC_ERASED = "You are a careful assistant who thinks before answering.";

/** What the job froze at launch; read leniently so older or partial configs still export. */
const FrozenConfigSchema = z
  .object({
    provider: z
      .object({ name: z.string().optional(), kind: z.string().optional() })
      .optional()
      .catch(undefined),
    params: z.unknown().optional(),
    cautious: z.object({ erasedSystemPrompt: z.string() }).nullish().catch(undefined),
  })
  .catch({});

const StrategySchema = z
  .object({ name: z.string(), version: z.number(), chosenBy: z.string().optional() })
  .nullable()
  .catch(null);

/** The joined row one export line is built from (see jsonl.ts for the query). */
export type ExportRow = {
  id: string;
  itemId: string;
  jobId: string;
  promptId: string;
  model: string;
  params: unknown;
  content: string;
  reasoning: string | null;
  strategy: unknown;
  systemPromptErasable: boolean;
  reasoningTokens: number;
  finishReason: string;
  truncated: boolean;
  inputTokens: number;
  outputTokens: number;
  createdAt: Date;
  prompt: {
    text: string;
    referenceAnswer: string | null;
    category: string | null;
    externalId: string | null;
    promptSetId: string;
  };
  systemMessageVersion: {
    id: string;
    version: number;
    content: string;
    message: { id: string; name: string };
  };
  job: { name: string; config: unknown; provider: { name: string; kind: string } | null };
  decisions: Array<{ reviewerId: string; decision: string }>;
  /** The newest edit, if a reviewer corrected the trace. */
  edits: Array<{ content: string }>;
};

/** The trace field: the answer alone, or the reasoning before it (in <tag>…</tag> when tagged). */
export function traceText(answer: string, reasoning: string | null, shape: ExportShape): string {
  if (shape.reasoning === "answer" || !reasoning) return answer;
  const tag = shape.reasoningTag;
  return tag ? `<${tag}>\n${reasoning}\n</${tag}>\n\n${answer}` : `${reasoning}\n\n${answer}`;
}

/**
 * One JSON object per approved trace: the triple plus where it came from. With erasure, a trace
 * made under a chosen strategy gets the job's generic system prompt (Orca 2's prompt erasure);
 * the original stays in the provenance.
 */
export function toExportRecord(row: ExportRow, shape: ExportShape = DEFAULT_SHAPE) {
  const approvals = row.decisions.filter((d) => d.decision === "approved");
  const edited = row.edits[0]?.content ?? null;
  const config = FrozenConfigSchema.parse(row.job.config);
  // What the trace says it sent, else what its job froze.
  const sent = StoredRequestParamsSchema.parse(row.params);
  const frozen = StoredRequestParamsSchema.parse(config.params);
  const version = row.systemMessageVersion;
  const erased = shape.erase && row.systemPromptErasable;
  const strategy = StrategySchema.parse(row.strategy ?? null);
  return {
    id: row.id,
    prompt: row.prompt.text,
    system_prompt: erased ? (config.cautious?.erasedSystemPrompt ?? GENERIC_ERASED) : version.content,
    trace: traceText(edited ?? row.content, row.reasoning, shape),
    ...(edited !== null ? { original_trace: row.content } : {}),
    ...(row.reasoning ? { reasoning: row.reasoning } : {}),
    reference_answer: row.prompt.referenceAnswer,
    category: row.prompt.category,
    provenance: {
      job_id: row.jobId,
      job_name: row.job.name,
      item_id: row.itemId,
      prompt_id: row.promptId,
      prompt_set_id: row.prompt.promptSetId,
      prompt_external_id: row.prompt.externalId,
      system_message_id: version.message.id,
      system_message_name: version.message.name,
      system_message_version_id: version.id,
      system_message_version: version.version,
      ...(erased ? { original_system_prompt: version.content } : {}),
      ...(strategy
        ? {
            strategy: {
              name: strategy.name,
              version: strategy.version,
              chosen_by: strategy.chosenBy ?? null,
            },
          }
        : {}),
      provider: config.provider?.name ?? row.job.provider?.name ?? null,
      provider_kind: config.provider?.kind ?? row.job.provider?.kind ?? null,
      model: row.model,
      temperature: sent.temperature ?? frozen.temperature ?? null,
      max_tokens: sent.maxTokens ?? frozen.maxTokens ?? null,
      finish_reason: row.finishReason,
      truncated: row.truncated,
      input_tokens: row.inputTokens,
      output_tokens: row.outputTokens,
      ...(row.reasoningTokens ? { reasoning_tokens: row.reasoningTokens } : {}),
      generated_at: row.createdAt.toISOString(),
      approved_by: approvals.map((d) => d.reviewerId),
    },
  };
}

export type ExportRecord = ReturnType<typeof toExportRecord>;
