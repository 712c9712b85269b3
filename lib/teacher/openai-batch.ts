import type { Batch } from "openai/resources/batches";
import {
  BATCH_CALL_TIMEOUT_MS,
  jsonLines,
  mapped,
  noBatchApi,
  notRunError,
  resultStatusError,
} from "./batch-common";
import { sdkCall } from "./call";
import type { ResolvedTeacherConfig } from "./teacher-config";
import { said, type CallContext } from "./errors";
import { openaiBody, openaiCompletion } from "./openai-request";
import { openaiClient, openaiContext } from "./openai-teacher";
import { lazily, openaiSdk } from "./sdk";
import { TeacherError, type BatchResult, type BatchState, type BatchTeacher } from "./types";

const ENDPOINT = "/v1/chat/completions";
const API = "OpenAI Batch API";

const STATES: Record<Batch["status"], BatchState> = {
  validating: "in_progress",
  in_progress: "in_progress",
  finalizing: "in_progress",
  cancelling: "in_progress",
  completed: "ended",
  failed: "failed",
  expired: "expired",
  cancelled: "cancelled",
};

/** The OpenAI Batch API: a JSONL file of chat-completion requests, results in output/error files. */
export function openaiBatchTeacher(config: ResolvedTeacherConfig): BatchTeacher {
  const sdkClient = lazily(() => openaiClient(config));
  const ctx = openaiContext(config);

  return {
    async submit(requests) {
      let jsonl = "";
      for (const { customId, request } of requests) {
        const body = openaiBody(config.model, request);
        jsonl += JSON.stringify({ custom_id: customId, method: "POST", url: ENDPOINT, body }) + "\n";
      }
      try {
        const [client, { toFile }] = await Promise.all([sdkClient(), openaiSdk()]);
        const upload = await toFile(Buffer.from(jsonl), "tracebank-batch.jsonl", {
          type: "application/jsonl",
        });
        const file = await sdkCall(
          ctx,
          (options) => client.files.create({ file: upload, purpose: "batch" }, options),
          BATCH_CALL_TIMEOUT_MS,
        );
        const batch = await sdkCall(ctx, (options) =>
          client.batches.create(
            { input_file_id: file.id, endpoint: ENDPOINT, completion_window: "24h" },
            options,
          ),
        );
        return { externalId: batch.id, inputFileId: file.id };
      } catch (error) {
        throw noBatchApi(error, ctx, API);
      }
    },

    async poll(externalId) {
      const batch = await sdkCall(ctx, async (options) =>
        (await sdkClient()).batches.retrieve(externalId, options),
      );
      const counts = batch.request_counts;
      const errors = batch.errors?.data
        ?.flatMap((e) => (e.message ? [said(ctx, e.message)] : []))
        .slice(0, 3);
      return {
        state: STATES[batch.status] ?? "in_progress",
        ...(counts
          ? { counts: { total: counts.total, succeeded: counts.completed, failed: counts.failed } }
          : {}),
        ...(batch.output_file_id ? { outputFileId: batch.output_file_id } : {}),
        ...(batch.error_file_id ? { errorFileId: batch.error_file_id } : {}),
        ...(errors?.length ? { error: errors.join("; ") } : {}),
      };
    },

    results(_externalId, status) {
      return mapped(ctx, async function* () {
        for (const fileId of [status.outputFileId, status.errorFileId]) {
          if (!fileId) continue;
          const response = await sdkCall(
            ctx,
            async (options) => (await sdkClient()).files.content(fileId, options),
            BATCH_CALL_TIMEOUT_MS,
          );
          for await (const line of jsonLines(response.body)) {
            const result = openaiResult(line, ctx);
            if (result) yield result;
          }
        }
      });
    },

    async cancel(externalId) {
      await sdkCall(ctx, async (options) => (await sdkClient()).batches.cancel(externalId, options));
    },
  };
}

type Line = {
  custom_id?: unknown;
  response?: { status_code?: number; body?: unknown } | null;
  error?: { code?: string; message?: string } | null;
};

/** One output or error file line; undefined when it names no request. */
export function openaiResult(raw: unknown, ctx: CallContext): BatchResult | undefined {
  const line = raw as Line | undefined;
  if (!line || typeof line.custom_id !== "string") return undefined;
  const customId = line.custom_id;
  const { response, error } = line;
  if (response && response.status_code === 200) {
    try {
      return { customId, ok: true, completion: { ...openaiCompletion(response.body, ctx), latencyMs: 0 } };
    } catch (failure) {
      if (failure instanceof TeacherError) return { customId, ok: false, error: failure };
      throw failure;
    }
  }
  if (response && typeof response.status_code === "number") {
    const body = response.body as { error?: { message?: string } } | undefined;
    return { customId, ok: false, error: resultStatusError(ctx, response.status_code, body?.error?.message) };
  }
  if (error?.code === "batch_expired") return { customId, ok: false, error: notRunError(ctx, "expired") };
  if (error?.code === "batch_cancelled") return { customId, ok: false, error: notRunError(ctx, "cancelled") };
  const detail = error?.message ? `: "${said(ctx, error.message)}"` : ".";
  const message = `${ctx.url} refused this batch request (${said(ctx, error?.code ?? "unknown error")})${detail}`;
  return { customId, ok: false, error: new TeacherError(message, false) };
}
