import { z } from "zod";

/** What the job froze at launch; read leniently so older or partial configs still export. */
const FrozenConfigSchema = z
  .object({
    provider: z
      .object({ name: z.string().optional(), kind: z.string().optional() })
      .optional()
      .catch(undefined),
    params: z.unknown().optional(),
  })
  .catch({});

const ParamsSchema = z
  .object({
    temperature: z.number().nullish().catch(undefined),
    maxTokens: z.number().int().nullish().catch(undefined),
  })
  .catch({});

/** The joined row one export line is built from (see jsonl.ts for the query). */
export type ExportRow = {
  id: string;
  itemId: string;
  jobId: string;
  promptId: string;
  model: string;
  params: unknown;
  content: string;
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
  job: { name: string; config: unknown; provider: { name: string; kind: string } };
  decisions: Array<{ reviewerId: string; decision: string; editedContent: string | null }>;
};

/** One JSON object per approved trace: the triple plus where it came from. */
export function toExportRecord(row: ExportRow) {
  const approvals = row.decisions.filter((d) => d.decision === "approved");
  // Decisions arrive oldest first; the newest correction wins.
  const edited = approvals.findLast((d) => d.editedContent !== null)?.editedContent ?? null;
  const config = FrozenConfigSchema.parse(row.job.config);
  const sent = ParamsSchema.parse(row.params);
  const frozen = ParamsSchema.parse(config.params);
  const version = row.systemMessageVersion;
  return {
    id: row.id,
    prompt: row.prompt.text,
    system_prompt: version.content,
    trace: edited ?? row.content,
    ...(edited !== null ? { original_trace: row.content } : {}),
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
      provider: config.provider?.name ?? row.job.provider.name,
      provider_kind: config.provider?.kind ?? row.job.provider.kind,
      model: row.model,
      temperature: sent.temperature ?? frozen.temperature ?? null,
      max_tokens: sent.maxTokens ?? frozen.maxTokens ?? null,
      finish_reason: row.finishReason,
      truncated: row.truncated,
      input_tokens: row.inputTokens,
      output_tokens: row.outputTokens,
      generated_at: row.createdAt.toISOString(),
      approved_by: approvals.map((d) => d.reviewerId),
    },
  };
}

export type ExportRecord = ReturnType<typeof toExportRecord>;
