import type { IncomingMessage, ServerResponse } from "node:http";
import { nextId, notFound, seconds, type BatchDeps } from "./batch-outcome";
import { asRecord, parseRecord, readBuffer, readRecord, sendJson, sendRaw } from "./http";
import { openaiDialect } from "./openai";

type StoredFile = { object: object; content: string };
type Line = { custom_id: string; body: unknown };
type Batch = {
  id: string;
  endpoint: string;
  input_file_id: string;
  created: number;
  completeAt: number;
  lines: Line[];
  status: "validating" | "in_progress" | "completed" | "failed" | "cancelling" | "cancelled";
  failure?: { code: string; message: string; line?: number };
  output_file_id?: string;
  error_file_id?: string;
  counts: { total: number; completed: number; failed: number };
};

/** The OpenAI Files and Batch APIs, just enough for the SDK and the batch runner. */
export function openaiBatches(deps: BatchDeps) {
  const files = new Map<string, StoredFile>();
  const batches = new Map<string, Batch>();

  function storeFile(content: string, filename: string, purpose: string): string {
    const id = nextId("file-scripted-");
    const object = {
      id,
      object: "file",
      bytes: Buffer.byteLength(content),
      created_at: seconds(),
      filename,
      purpose,
      status: "processed",
    };
    files.set(id, { object, content });
    return id;
  }

  async function upload(req: IncomingMessage, res: ServerResponse) {
    const raw = await readBuffer(req);
    const form = await new Request("http://scripted.invalid/", {
      method: "POST",
      headers: { "content-type": req.headers["content-type"] ?? "" },
      body: new Uint8Array(raw),
    })
      .formData()
      .catch(() => undefined);
    const file = form?.get("file");
    const purpose = form?.get("purpose");
    if (!file || typeof file === "string" || typeof purpose !== "string") {
      return sendJson(
        res,
        400,
        openaiDialect.errorBody("bad_request", "Send multipart form data with a file and a purpose."),
      );
    }
    const id = storeFile(await file.text(), file.name || "upload.jsonl", purpose);
    sendJson(res, 200, files.get(id)!.object);
  }

  function parseLines(batch: Batch, content: string): void {
    const seen = new Set<string>();
    const lines = content.split("\n");
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]!.trim()) continue;
      const line = parseRecord(lines[i]!);
      const customId = line?.custom_id;
      if (!line || typeof customId !== "string" || line.url !== batch.endpoint || !asRecord(line.body)) {
        batch.failure = {
          code: "invalid_request",
          line: i + 1,
          message: `Line ${i + 1} is not a valid request.`,
        };
        return;
      }
      if (seen.has(customId)) {
        batch.failure = {
          code: "duplicate_custom_id",
          line: i + 1,
          message: `Duplicate custom_id ${customId}.`,
        };
        return;
      }
      seen.add(customId);
      batch.lines.push({ custom_id: customId, body: line.body });
    }
    batch.counts.total = batch.lines.length;
  }

  /** Runs the requests once the batch is due (lazily, when someone looks). */
  function settle(batch: Batch): void {
    if (batch.status === "validating") batch.status = batch.failure ? "failed" : "in_progress";
    if (batch.status === "cancelling") {
      batch.status = "cancelled";
      return;
    }
    if (batch.status !== "in_progress" || Date.now() < batch.completeAt) return;
    const fail = deps.script().batch.fail;
    if (fail) {
      batch.status = "failed";
      batch.failure = { code: "scripted_failure", message: fail };
      return;
    }
    const output: string[] = [];
    const errors: string[] = [];
    batch.lines.forEach((line, i) => {
      const outcome = deps.run(openaiDialect, line.body);
      const head = { id: `batch_req_${batch.id}_${i}`, custom_id: line.custom_id };
      if (outcome.kind === "dropped") return;
      if (outcome.kind === "expired") {
        const error = {
          code: "batch_expired",
          message: "This request could not be executed before the completion window expired.",
        };
        errors.push(JSON.stringify({ ...head, response: null, error }));
      } else {
        const ok = outcome.kind === "ok";
        const body = ok ? outcome.body : openaiDialect.errorBody(outcome.errorKind, outcome.message);
        const response = { status_code: ok ? 200 : outcome.status, request_id: `req_${i}`, body };
        (ok ? output : errors).push(JSON.stringify({ ...head, response, error: null }));
      }
    });
    batch.counts.completed = output.length;
    batch.counts.failed = errors.length;
    if (output.length)
      batch.output_file_id = storeFile(output.join("\n") + "\n", `${batch.id}_output.jsonl`, "batch_output");
    if (errors.length)
      batch.error_file_id = storeFile(errors.join("\n") + "\n", `${batch.id}_error.jsonl`, "batch_output");
    batch.status = "completed";
  }

  function view(batch: Batch) {
    return {
      id: batch.id,
      object: "batch",
      endpoint: batch.endpoint,
      completion_window: "24h",
      input_file_id: batch.input_file_id,
      status: batch.status,
      created_at: batch.created,
      ...(batch.failure && batch.status === "failed"
        ? { errors: { object: "list", data: [batch.failure] } }
        : {}),
      ...(batch.output_file_id ? { output_file_id: batch.output_file_id } : {}),
      ...(batch.error_file_id ? { error_file_id: batch.error_file_id } : {}),
      request_counts: batch.counts,
    };
  }

  async function create(req: IncomingMessage, res: ServerResponse) {
    const body = await readRecord(req);
    const input = typeof body?.input_file_id === "string" ? files.get(body.input_file_id) : undefined;
    if (!body || !input || body.endpoint !== "/v1/chat/completions" || body.completion_window !== "24h") {
      const message =
        "Give an uploaded input_file_id, endpoint /v1/chat/completions and completion_window 24h.";
      return sendJson(res, 400, openaiDialect.errorBody("bad_request", message));
    }
    const batch: Batch = {
      id: nextId("batch_scripted_"),
      endpoint: body.endpoint,
      input_file_id: body.input_file_id as string,
      created: seconds(),
      completeAt: Date.now() + deps.script().batch.completeAfterMs,
      lines: [],
      status: "validating",
      counts: { total: 0, completed: 0, failed: 0 },
    };
    parseLines(batch, input.content);
    batches.set(batch.id, batch);
    sendJson(res, 200, view(batch));
  }

  /** Handles the request when it is one of ours; false otherwise. */
  return function route(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> | boolean {
    const file = /^\/v1\/files(?:\/([^/]+)(\/content)?)?$/.exec(path);
    const batch = /^\/v1\/batches(?:\/([^/]+)(\/cancel)?)?$/.exec(path);
    if (!file && !batch) return false;
    if (!deps.admit(req, res, openaiDialect, file ? "files" : "batches")) return true;
    if (file) {
      if (req.method === "POST" && !file[1]) return upload(req, res);
      const stored = file[1] ? files.get(file[1]) : undefined;
      if (req.method !== "GET" || !stored) return (notFound(res, openaiDialect, "file"), true);
      if (file[2]) sendRaw(res, 200, stored.content, "application/octet-stream");
      else sendJson(res, 200, stored.object);
      return true;
    }
    if (req.method === "POST" && !batch![1]) return create(req, res);
    const found = batch![1] ? batches.get(batch![1]) : undefined;
    if (!found) return (notFound(res, openaiDialect, "batch"), true);
    if (req.method === "POST" && batch![2]) {
      if (found.status === "validating" || found.status === "in_progress") found.status = "cancelling";
      return (sendJson(res, 200, view(found)), true);
    }
    settle(found);
    sendJson(res, 200, view(found));
    return true;
  };
}
