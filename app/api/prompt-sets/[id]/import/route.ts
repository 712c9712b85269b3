import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { InvalidInputError } from "@/lib/errors";
import { json, route } from "@/lib/next/route";
import { receiveImport } from "@/lib/prompts";
import { ImportParamsSchema, ImportQuerySchema } from "@/lib/prompts/schemas";
import { maxUploadBytes } from "@/lib/prompts/spool";
import { LaunchKeySchema } from "@/lib/runner/schemas";

/**
 * The raw file is the request body (XMLHttpRequest.send(file)), spooled to disk as it arrives;
 * then the import is queued for the runner and the answer is 202 with its id, at once. A client
 * that retries sends the same Idempotency-Key: the repeat gets the first import, its body unread.
 */
export const POST = route(
  { permission: "prompts:import", params: ImportParamsSchema, query: ImportQuerySchema },
  async ({ params, query, user, request }) => {
    if (!request.body)
      throw new InvalidInputError("The request has no file: send the file as the request body.");
    const length = request.headers.get("content-length");
    const key = request.headers.get("idempotency-key");
    const idempotencyKey = key === null ? null : LaunchKeySchema.safeParse(key);
    if (idempotencyKey && !idempotencyKey.success)
      throw new InvalidInputError(`Idempotency-Key: ${idempotencyKey.error.issues[0]!.message}`);
    const started = await receiveImport({
      promptSetId: params.id,
      fileName: query.fileName,
      format: query.format,
      mode: query.mode,
      source: Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>),
      expectedBytes: length && /^\d+$/.test(length) ? Number(length) : null,
      maxBytes: maxUploadBytes(),
      actorId: user.id,
      idempotencyKey: idempotencyKey?.data,
    });
    return json(started, 202);
  },
);
