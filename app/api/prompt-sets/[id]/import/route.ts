import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { InvalidInputError } from "@/lib/errors";
import { json, route } from "@/lib/next/route";
import { importPrompts } from "@/lib/prompts/import-prompts";
import { ImportParamsSchema, ImportQuerySchema } from "@/lib/prompts/schemas";

/** The raw file is the request body (fetch(url, { method: "POST", body: file })), read as a stream. */
export const POST = route(
  { permission: "prompts:import", params: ImportParamsSchema, query: ImportQuerySchema },
  async ({ params, query, user, request }) => {
    if (!request.body)
      throw new InvalidInputError("The request has no file: send the file as the request body.");
    const result = await importPrompts({
      promptSetId: params.id,
      fileName: query.fileName,
      format: query.format,
      mode: query.mode,
      source: Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>),
      actorId: user.id,
    });
    return json(result);
  },
);
