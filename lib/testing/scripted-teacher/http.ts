import type { IncomingMessage, ServerResponse } from "node:http";
import type { Plan, TeacherCall } from "./script";
import type { Endpoint } from "./stats";

export type ParsedCall = TeacherCall & { model: string; stream: boolean; includeUsage: boolean };
export type ReplyPlan = Extract<Plan, { kind: "reply" }>;
export type ErrorKind = "auth" | "rate_limit" | "server" | "timeout" | "bad_request";

/** One wire format (OpenAI chat completions or Anthropic messages). */
export interface Dialect {
  endpoint: Endpoint;
  /** The call, or a message saying what is wrong with the body. */
  parse(body: unknown): ParsedCall | string;
  reply(res: ServerResponse, call: ParsedCall, plan: ReplyPlan, id: number): void;
  malformed(res: ServerResponse, call: ParsedCall): void;
  error(res: ServerResponse, status: number, kind: ErrorKind, message: string, headers?: HeaderMap): void;
}

type HeaderMap = Record<string, string>;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers?: HeaderMap): void {
  sendRaw(res, status, JSON.stringify(body), "application/json", headers);
}

export function sendRaw(
  res: ServerResponse,
  status: number,
  body: string,
  contentType: string,
  headers?: HeaderMap,
): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, {
    "content-type": contentType,
    "content-length": Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

/** Server-sent events: a list of [event name or null, data] written in one go. */
export function sendSse(res: ServerResponse, events: Array<[string | null, string]>): void {
  if (res.destroyed || res.headersSent) return;
  let body = "";
  for (const [event, data] of events) body += (event ? `event: ${event}\n` : "") + `data: ${data}\n\n`;
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  res.end(body);
}

/** Up to four pieces whose concatenation is `text`, so streams have several deltas. */
export function pieces(text: string): string[] {
  if (text.length <= 8) return [text];
  const size = Math.ceil(text.length / 4);
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Text of a message content: a string or a list of { type: "text", text } blocks. */
export function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  let out = "";
  for (const block of content) {
    if (block && typeof block === "object" && typeof (block as { text?: unknown }).text === "string") {
      out += (out ? "\n" : "") + (block as { text: string }).text;
    }
  }
  return out;
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function positiveInt(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : undefined;
}
