import type { IncomingMessage, ServerResponse } from "node:http";
import type { Plan, TeacherCall } from "./script";
import type { Endpoint } from "./stats";

export type ParsedCall = TeacherCall & { model: string; stream: boolean; includeUsage: boolean };
export type ReplyPlan = Extract<Plan, { kind: "reply" }>;
export type ErrorKind = "auth" | "rate_limit" | "server" | "timeout" | "bad_request";
export type SseEvent = [string | null, string];

/** One wire format (OpenAI chat completions or Anthropic messages). */
export interface Dialect {
  endpoint: Extract<Endpoint, "chatCompletions" | "messages">;
  /** The call, or a message saying what is wrong with the body. */
  parse(body: unknown): ParsedCall | string;
  /** The whole response body of a plain (not streamed) reply; batch results reuse it. */
  body(call: ParsedCall, plan: ReplyPlan, id: number): object;
  /** The events of a streamed reply, in order. */
  events(call: ParsedCall, plan: ReplyPlan, id: number): SseEvent[];
  malformed(res: ServerResponse, call: ParsedCall): void;
  errorBody(kind: ErrorKind, message: string): object;
}

/** A reply, plain or streamed; a `cut` stream sends half its events, then hangs or closes. */
export function sendReply(
  res: ServerResponse,
  dialect: Dialect,
  call: ParsedCall,
  plan: ReplyPlan,
  id: number,
) {
  if (!call.stream) return sendJson(res, 200, dialect.body(call, plan, id));
  const events = dialect.events(call, plan, id);
  if (!plan.cut) return sendSse(res, events);
  sendSse(res, events.slice(0, Math.max(1, Math.floor(events.length / 2))), plan.cut === "incomplete");
}

export function sendError(
  res: ServerResponse,
  dialect: Dialect,
  status: number,
  kind: ErrorKind,
  message: string,
  headers?: HeaderMap,
) {
  sendJson(res, status, dialect.errorBody(kind, message), headers);
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

/** Server-sent events: a list of [event name or null, data] written in one go (`end` false: held open). */
export function sendSse(res: ServerResponse, events: SseEvent[], end = true): void {
  if (res.destroyed || res.headersSent) return;
  let body = "";
  for (const [event, data] of events) body += (event ? `event: ${event}\n` : "") + `data: ${data}\n\n`;
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  if (end) res.end(body);
  else res.write(body);
}

/** Up to four pieces whose concatenation is `text`, so streams have several deltas. */
export function pieces(text: string): string[] {
  if (text.length <= 8) return [text];
  const size = Math.ceil(text.length / 4);
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

export function readBuffer(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export async function readBody(req: IncomingMessage): Promise<string> {
  return (await readBuffer(req)).toString("utf8");
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

/** The JSON object in `text`; undefined when it is not JSON or not an object. */
export function parseRecord(text: string): Record<string, unknown> | undefined {
  try {
    return asRecord(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** The request's body as a JSON object; undefined when it cannot be read or is not one. */
export async function readRecord(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const text = await readBody(req).catch(() => undefined);
  return text === undefined ? undefined : parseRecord(text);
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function positiveInt(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : undefined;
}
