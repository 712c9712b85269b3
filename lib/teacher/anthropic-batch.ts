import type Anthropic from "@anthropic-ai/sdk";
import { anthropicBody, anthropicCompletion } from "./anthropic-request";
import { anthropicClient, anthropicContext } from "./anthropic-teacher";
import { BATCH_CALL_TIMEOUT_MS, mapped, noBatchApi, notRunError, resultTypeError } from "./batch-common";
import { sdkCall } from "./call";
import { lazily } from "./sdk";
import type { ResolvedTeacherConfig } from "./teacher-config";
import type { CallContext } from "./errors";
import { TeacherError, type BatchResult, type BatchTeacher } from "./types";

type Individual = Anthropic.Messages.MessageBatchIndividualResponse;

/** Anthropic Message Batches: requests with params, results streamed as JSONL once ended. */
export function anthropicBatchTeacher(config: ResolvedTeacherConfig): BatchTeacher {
  const sdkClient = lazily(() => anthropicClient(config));
  const ctx = anthropicContext(config);
  const batches = async () => (await sdkClient()).messages.batches;

  return {
    async submit(requests) {
      try {
        const batch = await sdkCall(
          ctx,
          async (options) =>
            (await batches()).create(
              {
                requests: requests.map(({ customId, request }) => ({
                  custom_id: customId,
                  params: anthropicBody(config.model, request),
                })),
              },
              options,
            ),
          BATCH_CALL_TIMEOUT_MS,
        );
        return { externalId: batch.id };
      } catch (error) {
        throw noBatchApi(error, ctx, "Anthropic Message Batches API");
      }
    },

    async poll(externalId) {
      const batch = await sdkCall(ctx, async (options) =>
        (await batches()).retrieve(externalId, {}, options),
      );
      const c = batch.request_counts;
      const ended = batch.processing_status === "ended";
      return {
        state: !ended ? "in_progress" : batch.cancel_initiated_at ? "cancelled" : "ended",
        counts: {
          total: c.processing + c.succeeded + c.errored + c.canceled + c.expired,
          succeeded: c.succeeded,
          failed: c.errored + c.canceled + c.expired,
        },
      };
    },

    results(externalId) {
      return mapped(ctx, async function* () {
        const decoder = await sdkCall(
          ctx,
          async (options) => (await batches()).results(externalId, {}, options),
          BATCH_CALL_TIMEOUT_MS,
        );
        for await (const line of decoder) {
          const result = anthropicResult(line, ctx);
          if (result) yield result;
        }
      });
    },

    async cancel(externalId) {
      await sdkCall(ctx, async (options) => (await batches()).cancel(externalId, {}, options));
    },
  };
}

/** One results line; undefined when it names no request. */
export function anthropicResult(raw: unknown, ctx: CallContext): BatchResult | undefined {
  const line = raw as Partial<Individual> | undefined;
  if (!line || typeof line.custom_id !== "string" || !line.result) return undefined;
  const customId = line.custom_id;
  const result = line.result;
  switch (result.type) {
    case "succeeded":
      try {
        return {
          customId,
          ok: true,
          completion: { ...anthropicCompletion(result.message, ctx), latencyMs: 0 },
        };
      } catch (failure) {
        if (failure instanceof TeacherError) return { customId, ok: false, error: failure };
        throw failure;
      }
    case "errored": {
      const inner = result.error?.error as { type?: string; message?: string } | undefined;
      return { customId, ok: false, error: resultTypeError(ctx, inner?.type ?? "api_error", inner?.message) };
    }
    case "expired":
      return { customId, ok: false, error: notRunError(ctx, "expired") };
    case "canceled":
      return { customId, ok: false, error: notRunError(ctx, "cancelled") };
    default:
      return undefined;
  }
}
