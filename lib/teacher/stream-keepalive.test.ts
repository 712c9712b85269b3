import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { keepAliveFetch } from "./keep-alive-fetch";
import { serveForTests } from "../testing/local-server";
import { createTeacher } from "./create-teacher";
import { TeacherError } from "./types";

// A server that thinks for a while before answering, sending only SSE comments (as OpenRouter
// does) or Anthropic pings meanwhile, then the answer. `quiet`: it sends nothing while thinking.
const THINK_MS = 900;
const IDLE_MS = 300;

const OPENAI_EVENTS = [
  'data: {"model":"m","choices":[{"index":0,"delta":{"content":"Forty-two."}}]}',
  'data: {"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}',
  'data: {"model":"m","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}',
  "data: [DONE]",
];
const ANTHROPIC_EVENTS = [
  'event: message_start\ndata: {"type":"message_start","message":{"id":"msg","type":"message","role":"assistant","model":"m","content":[],"stop_reason":null,"usage":{"input_tokens":3,"output_tokens":0}}}',
  'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}',
  'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Forty-two."}}',
  'event: content_block_stop\ndata: {"type":"content_block_stop","index":0}',
  'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":2}}',
  'event: message_stop\ndata: {"type":"message_stop"}',
];

function thinkThenAnswer(res: ServerResponse, anthropic: boolean, quiet: boolean) {
  res.writeHead(200, { "content-type": "text/event-stream" });
  const beat = setInterval(() => {
    if (!quiet)
      res.write(anthropic ? 'event: ping\ndata: {"type":"ping"}\n\n' : ": OPENROUTER PROCESSING\n\n");
  }, 100);
  setTimeout(() => {
    clearInterval(beat);
    for (const event of anthropic ? ANTHROPIC_EVENTS : OPENAI_EVENTS) res.write(`${event}\n\n`);
    res.end();
  }, THINK_MS);
  res.on("close", () => clearInterval(beat));
}

const site = serveForTests((req, res) => {
  req.resume();
  req.on("end", () => thinkThenAnswer(res, req.url!.includes("/anthropic"), req.url!.includes("/quiet")));
});

const ask = { system: "", prompt: "What is six times seven?", temperature: 0, maxTokens: 16, stream: true };

type Kind = "openai" | "anthropic";
/** A streaming teacher at this file's server; `quiet`: the server sends nothing while it thinks. */
const teacherAt = (kind: Kind, quiet: boolean, fetch?: typeof globalThis.fetch) =>
  createTeacher({
    kind,
    baseUrl: `${site.url()}/${kind}${quiet ? "/quiet" : ""}${kind === "openai" ? "/v1" : ""}`,
    model: "m",
    timeoutMs: 10_000,
    streamIdleMs: IDLE_MS,
    fetch,
  });

describe.each([
  ["global fetch", undefined],
  ["keep-alive fetch", keepAliveFetch],
] as const)("a streamed answer after a long silence (%s)", (_name, fetch) => {
  it.each(["openai", "anthropic"] as const)(
    "%s: keep-alive bytes keep the stream from stalling",
    async (kind) => {
      const completion = await teacherAt(kind, false, fetch).complete(ask);
      expect(completion).toMatchObject({ text: "Forty-two.", finishReason: "stop" });
    },
  );

  it.each(["openai", "anthropic"] as const)(
    "%s: a stream with no bytes at all still stalls",
    async (kind) => {
      const error = await teacherAt(kind, true, fetch)
        .complete(ask)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TeacherError);
      expect((error as TeacherError).message).toMatch(/stalled/);
    },
  );
});
