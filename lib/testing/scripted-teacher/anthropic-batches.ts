import type { IncomingMessage, ServerResponse } from "node:http";
import { anthropicDialect } from "./anthropic";
import { nextId, notFound, type BatchDeps } from "./batch-outcome";
import { asRecord, readRecord, sendJson, sendRaw } from "./http";

type Request = { custom_id: string; params: unknown };
type Batch = {
  id: string;
  created: Date;
  completeAt: number;
  requests: Request[];
  status: "in_progress" | "canceling" | "ended";
  cancelAt?: Date;
  endedAt?: Date;
  results?: string;
  counts: { processing: number; succeeded: number; errored: number; canceled: number; expired: number };
};

const ERROR_TYPE_BY_STATUS: Record<number, string> = {
  429: "rate_limit_error",
  400: "invalid_request_error",
};

/** Anthropic Message Batches, just enough for the SDK and the batch runner. */
export function anthropicBatches(deps: BatchDeps) {
  const batches = new Map<string, Batch>();

  function settle(batch: Batch): void {
    if (batch.status === "ended") return;
    const cancelled = batch.status === "canceling";
    if (!cancelled && Date.now() < batch.completeAt) return;
    const lines: string[] = [];
    const counts = batch.counts;
    for (const request of batch.requests) {
      const line = (result: object) => lines.push(JSON.stringify({ custom_id: request.custom_id, result }));
      if (cancelled) {
        counts.canceled++;
        line({ type: "canceled" });
        continue;
      }
      const outcome = deps.run(anthropicDialect, request.params);
      if (outcome.kind === "dropped") continue;
      if (outcome.kind === "expired") {
        counts.expired++;
        line({ type: "expired" });
      } else if (outcome.kind === "ok") {
        counts.succeeded++;
        line({ type: "succeeded", message: outcome.body });
      } else {
        counts.errored++;
        const type = ERROR_TYPE_BY_STATUS[outcome.status] ?? "api_error";
        line({ type: "errored", error: { type: "error", error: { type, message: outcome.message } } });
      }
    }
    counts.processing = 0;
    batch.results = lines.length ? lines.join("\n") + "\n" : "";
    batch.status = "ended";
    batch.endedAt = new Date();
  }

  function view(batch: Batch) {
    const expires = new Date(batch.created.getTime() + 24 * 3600_000);
    return {
      id: batch.id,
      type: "message_batch",
      processing_status: batch.status,
      request_counts: batch.counts,
      created_at: batch.created.toISOString(),
      expires_at: expires.toISOString(),
      ended_at: batch.endedAt?.toISOString() ?? null,
      archived_at: null,
      cancel_initiated_at: batch.cancelAt?.toISOString() ?? null,
      results_url: batch.status === "ended" ? `${deps.url}/v1/messages/batches/${batch.id}/results` : null,
    };
  }

  async function create(req: IncomingMessage, res: ServerResponse) {
    const body = await readRecord(req);
    const requests: Request[] = [];
    const seen = new Set<string>();
    for (const raw of Array.isArray(body?.requests) ? body.requests : []) {
      const r = asRecord(raw);
      const id = r?.custom_id;
      if (
        typeof id !== "string" ||
        !/^[a-zA-Z0-9_-]{1,64}$/.test(id) ||
        seen.has(id) ||
        !asRecord(r?.params)
      ) {
        const message = `requests.${requests.length}: each request needs a unique custom_id (1-64 letters, digits, _ or -) and params.`;
        return sendJson(res, 400, anthropicDialect.errorBody("bad_request", message));
      }
      seen.add(id);
      requests.push({ custom_id: id, params: r!.params });
    }
    if (requests.length === 0) {
      return sendJson(
        res,
        400,
        anthropicDialect.errorBody("bad_request", "requests: at least one request is required"),
      );
    }
    const batch: Batch = {
      id: nextId("msgbatch_scripted_"),
      created: new Date(),
      completeAt: Date.now() + deps.script().batch.completeAfterMs,
      requests,
      status: "in_progress",
      counts: { processing: requests.length, succeeded: 0, errored: 0, canceled: 0, expired: 0 },
    };
    batches.set(batch.id, batch);
    sendJson(res, 200, view(batch));
  }

  /** Handles the request when it is one of ours; false otherwise. */
  return function route(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> | boolean {
    const match = /^\/v1\/messages\/batches(?:\/([^/]+)(\/cancel|\/results)?)?$/.exec(path);
    if (!match) return false;
    if (!deps.admit(req, res, anthropicDialect, "batches")) return true;
    if (req.method === "POST" && !match[1]) return create(req, res);
    const batch = match[1] ? batches.get(match[1]) : undefined;
    if (!batch) return (notFound(res, anthropicDialect, "message batch"), true);
    if (req.method === "POST" && match[2] === "/cancel") {
      if (batch.status === "in_progress") {
        batch.status = "canceling";
        batch.cancelAt = new Date();
      }
      return (sendJson(res, 200, view(batch)), true);
    }
    settle(batch);
    if (match[2] === "/results") {
      if (batch.status !== "ended") return (notFound(res, anthropicDialect, "results yet"), true);
      sendRaw(res, 200, batch.results ?? "", "application/binary");
    } else sendJson(res, 200, view(batch));
    return true;
  };
}
