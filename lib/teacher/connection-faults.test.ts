import type { IncomingMessage, ServerResponse } from "node:http";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { keepAliveFetch } from "./keep-alive-fetch";
import { createTeacher } from "./create-teacher";
import { TeacherError, type ChatRequest } from "./types";
import { serveForTests } from "../testing/local-server";

// A server that fails in the ways the scripted teacher cannot: mid-body cuts, bad gzip, 503s.
type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const routes: Record<string, Handler> = {
  "/sse-cut": (req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write(
      req.url!.includes("/anthropic")
        ? 'event: message_start\ndata: {"type":"message_start","message":{"model":"m","usage":{"input_tokens":1,"output_tokens":1}}}\n\n'
        : 'data: {"model":"m","choices":[{"index":0,"delta":{"content":"Half an"}}]}\n\n',
    );
    setTimeout(() => res.socket?.destroy(), 20);
  },
  "/body-cut": (_req, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
    res.write('{"id": "x", "choices": [');
    setTimeout(() => res.socket?.destroy(), 20);
  },
  "/sse-bad-gzip": (_req, res) => {
    const gz = zlib.gzipSync('data: {"model":"m","choices":[{"index":0,"delta":{"content":"Hi"}}]}\n\n');
    res.writeHead(200, { "content-type": "text/event-stream", "content-encoding": "gzip" });
    res.end(gz.subarray(0, gz.length - 12));
  },
  "/quota": (req, res) => {
    // What each provider answers when the account has run out of credit.
    if (req.url!.includes("/anthropic")) {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(
        '{"type": "error", "error": {"type": "invalid_request_error", "message": "Your credit balance is too low to access the Anthropic API."}}',
      );
      return;
    }
    res.writeHead(429, { "content-type": "application/json" });
    res.end(
      '{"error": {"message": "You exceeded your current quota, please check your plan and billing details.", "type": "insufficient_quota", "code": "insufficient_quota"}}',
    );
  },
  "/503": (_req, res) => {
    res.writeHead(503, { "content-type": "application/json", "retry-after": "7" });
    res.end('{"error": {"message": "Overloaded", "type": "server_error"}}');
  },
};

const site = serveForTests((req, res) => {
  const route = Object.keys(routes).find((path) => req.url!.includes(`${path}/`));
  routes[route!]!(req, res);
});

const ask = (stream: boolean): ChatRequest => ({
  system: "",
  prompt: "Say hi.",
  temperature: 0,
  maxTokens: 16,
  stream,
});

async function failure(
  kind: "openai" | "anthropic",
  route: string,
  stream: boolean,
  fetch?: typeof globalThis.fetch,
) {
  const baseUrl = `${site.url()}/${kind}${route}${kind === "openai" ? "/v1" : ""}`;
  const teacher = createTeacher({ kind, baseUrl, model: "m", timeoutMs: 5_000, fetch });
  const error = await teacher.complete(ask(stream)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TeacherError);
  return error as TeacherError;
}

const FETCHES = [
  ["global fetch", undefined],
  ["keep-alive fetch", keepAliveFetch],
] as const;

describe.each(FETCHES)("a connection cut in the middle of the answer (%s)", (_name, fetch) => {
  it.each(["openai", "anthropic"] as const)("%s: is retryable, streamed or not", async (kind) => {
    for (const [route, stream] of [
      ["/sse-cut", true],
      ["/body-cut", false],
    ] as const) {
      const error = await failure(kind, route, stream, fetch);
      expect(error.retryable, `${route}: ${error.message}`).toBe(true);
    }
  });
});

describe("other faults while reading the body", () => {
  it("a compressed stream that does not decode is retryable", async () => {
    const error = await failure("openai", "/sse-bad-gzip", true, keepAliveFetch);
    expect(error.retryable, error.message).toBe(true);
  });

  it.each(["openai", "anthropic"] as const)(
    "%s: a 503 with Retry-After is retryable after that delay",
    async (kind) => {
      const error = await failure(kind, "/503", false);
      expect(error).toMatchObject({ retryable: true, status: 503, retryAfterMs: 7_000 });
    },
  );
});

describe("an account out of credit", () => {
  it.each(["openai", "anthropic"] as const)("%s: is not retryable and says so", async (kind) => {
    const error = await failure(kind, "/quota", false);
    expect(error).toMatchObject({ retryable: false, code: "quota" });
    expect(error.message).toMatch(/out of credit/);
  });
});
