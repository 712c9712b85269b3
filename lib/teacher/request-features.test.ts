import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { serveForTests } from "../testing/local-server";
import {
  countWords,
  renderReply,
  startScriptedTeacher,
  type ReasoningForm,
  type ScriptedTeacher,
} from "../testing/scripted-teacher";
import { REDACTED_NOTE } from "./anthropic-request";
import { createTeacher } from "./create-teacher";
import type { TeacherConfig } from "./teacher-config";
import { TeacherAbortError } from "./errors";
import { failure } from "./test-helpers";
import type { ChatRequest } from "./types";

let server: ScriptedTeacher;
beforeAll(async () => {
  server = await startScriptedTeacher();
});
afterAll(() => server.close());
beforeEach(() => {
  server.setScript({});
  server.reset();
});

const PROMPT = "Tom has 3 apples and buys 4 more. How many apples does he have?";
const SYSTEM = "You are a careful teacher. Think step by step.";
const THOUGHT = "First 3, then 4 more: {{answer}} is wrong, it is 7.";
const ask = (extra: Partial<ChatRequest> = {}): ChatRequest => ({
  system: SYSTEM,
  prompt: PROMPT,
  temperature: 0.7,
  maxTokens: 512,
  ...extra,
});
const teacherFor = (kind: "openai" | "anthropic", extra: Partial<TeacherConfig> = {}) =>
  createTeacher({
    kind,
    baseUrl: kind === "openai" ? server.baseUrlOpenAI : server.baseUrlAnthropic,
    model: `${kind}-test-model`,
    timeoutMs: 10_000,
    ...extra,
  });
const lastBody = () => server.lastRequests().at(-1)!.body as Record<string, unknown>;

describe("request parameters", () => {
  it("OpenAI-compatible: sends top_p, stop, seed, and nothing that was not set", async () => {
    await teacherFor("openai").complete(ask());
    expect(lastBody()).toEqual({
      model: "openai-test-model",
      messages: [
        { role: "system", content: SYSTEM },
        { role: "user", content: PROMPT },
      ],
      temperature: 0.7,
      max_tokens: 512,
    });
    await teacherFor("openai").complete(ask({ topP: 0.9, stop: ["\n\nUser:"], seed: 7 }));
    expect(lastBody()).toMatchObject({ top_p: 0.9, stop: ["\n\nUser:"], seed: 7, max_tokens: 512 });
  });

  it("OpenAI-compatible: reasoning_effort goes with max_completion_tokens; o-series models get no temperature", async () => {
    await teacherFor("openai").complete(ask({ reasoningEffort: "high" }));
    const body = lastBody();
    expect(body).toMatchObject({ reasoning_effort: "high", max_completion_tokens: 512, temperature: 0.7 });
    expect(body).not.toHaveProperty("max_tokens");
    await teacherFor("openai", { model: "o4-mini" }).complete(ask({ topP: 0.5 }));
    expect(lastBody()).toMatchObject({ model: "o4-mini", max_completion_tokens: 512 });
    expect(lastBody()).not.toHaveProperty("temperature");
    expect(lastBody()).not.toHaveProperty("top_p");
  });

  it("Anthropic: stop_sequences and thinking, never temperature, top_p or seed", async () => {
    await teacherFor("anthropic").complete(
      ask({ topP: 0.9, seed: 3, stop: ["END"], thinkingBudget: 2048, maxTokens: 4096 }),
    );
    const body = lastBody();
    expect(body).toMatchObject({
      max_tokens: 4096,
      system: SYSTEM,
      stop_sequences: ["END"],
      thinking: { type: "enabled", budget_tokens: 2048, display: "summarized" },
    });
    for (const key of ["temperature", "top_p", "seed", "stream"]) expect(body).not.toHaveProperty(key);
    await teacherFor("anthropic").complete(ask({ reasoningEffort: "low" }));
    expect(lastBody()).toMatchObject({ output_config: { effort: "low" } });
    expect(lastBody()).not.toHaveProperty("thinking");
    expect(lastBody()).not.toHaveProperty("stop_sequences");
  });

  it("sends through the fetch it was given", async () => {
    for (const kind of ["openai", "anthropic"] as const) {
      const urls: string[] = [];
      const counting: typeof fetch = (input, init) => {
        urls.push(String(input instanceof Request ? input.url : input));
        return fetch(input, init);
      };
      await teacherFor(kind, { fetch: counting }).complete(ask());
      expect(urls).toEqual([
        kind === "openai" ? `${server.baseUrlOpenAI}/chat/completions` : `${server.url}/v1/messages`,
      ]);
    }
  });

  it("honours a request's own timeoutMs over the teacher's", async () => {
    server.setScript({ defaults: { latencyMs: 2_000 } });
    const error = await failure(teacherFor("openai").complete(ask({ timeoutMs: 200 })));
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/within 0\.2 s \(timeout\)/);
  });
});

describe.each(["openai", "anthropic"] as const)("%s streaming", (kind) => {
  const teacher = (extra: Partial<TeacherConfig> = {}) => teacherFor(kind, extra);

  it("assembles the same completion as a plain call, asking for usage in the stream", async () => {
    const plain = await teacher().complete(ask());
    const streamed = await teacher().complete(ask({ stream: true }));
    expect(lastBody()).toMatchObject(
      kind === "openai" ? { stream: true, stream_options: { include_usage: true } } : { stream: true },
    );
    expect(streamed).toEqual({ ...plain, latencyMs: streamed.latencyMs });
    expect(streamed.usage.outputTokens).toBe(countWords(streamed.text));
    const short = await teacher().complete(ask({ stream: true, maxTokens: 5 }));
    expect(short.finishReason).toBe("length");
    expect(countWords(short.text)).toBe(5);
  });

  it("makes a stream that ends before its finish a retryable malformed answer", async () => {
    server.setScript({ rules: [{ match: {}, fault: "incomplete" }] });
    const error = await failure(teacher().complete(ask({ stream: true })));
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/sent a stream that ended before the answer was finished\.$/);
  });

  it("makes a stalled stream retryable after the idle limit", async () => {
    server.setScript({ rules: [{ match: {}, fault: "stall" }] });
    const error = await failure(teacher({ streamIdleMs: 200 }).complete(ask({ stream: true })));
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/sent a stream that stalled: no data for 0\.2 s\.$/);
  });

  it("times out a stalled stream at the deadline when that comes first", async () => {
    server.setScript({ rules: [{ match: {}, fault: "stall" }] });
    const error = await failure(teacher({ timeoutMs: 300 }).complete(ask({ stream: true })));
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/within 0\.3 s \(timeout\)\.$/);
  });

  it("aborts mid-stream when the request's signal fires", async () => {
    server.setScript({ rules: [{ match: {}, fault: "stall" }] });
    const controller = new AbortController();
    const call = teacher().complete(ask({ stream: true, signal: controller.signal }));
    setTimeout(() => controller.abort(), 100);
    const error = await failure(call);
    expect(error).toBeInstanceOf(TeacherAbortError);
    expect(error.retryable).toBe(false);
  });
});

const thought = renderReply(THOUGHT, SYSTEM, PROMPT);
const FORMS: Array<["openai" | "anthropic", ReasoningForm, boolean]> = [
  ["openai", "field:reasoning_content", true],
  ["openai", "field:reasoning", true],
  ["openai", "inline-think", false],
  ["openai", "inline-think-unopened", false],
  ["anthropic", "anthropic-thinking", true],
  ["anthropic", "inline-think", false],
];

describe("reasoning capture", () => {
  it.each(
    FORMS.flatMap(([kind, form, counted]) =>
      [false, true].map((stream) => [kind, form, counted, stream] as const),
    ),
  )("%s %s (stream: %s)", async (kind, form, counted, stream) => {
    server.setScript({ defaults: { reasoning: form, reasoningText: THOUGHT } });
    const completion = await teacherFor(kind).complete(ask({ stream }));
    expect(completion.reasoning).toBe(thought);
    expect(completion.text).toBe(renderReply(undefined, SYSTEM, PROMPT));
    expect(completion.text).not.toContain("think>");
    if (counted) {
      expect(completion.usage.reasoningTokens).toBe(countWords(thought));
      expect(completion.usage.outputTokens).toBe(countWords(thought) + countWords(completion.text));
    } else expect(completion.usage.reasoningTokens).toBeUndefined();
  });

  it("notes redacted thinking without its content", async () => {
    server.setScript({ defaults: { reasoning: "anthropic-redacted", reasoningText: THOUGHT } });
    for (const stream of [false, true]) {
      const completion = await teacherFor("anthropic").complete(ask({ stream }));
      expect(completion.reasoning).toBe(`${thought}\n\n${REDACTED_NOTE}`);
    }
  });

  it("keeps all of an unfinished <think> as reasoning, with an empty answer", async () => {
    server.setScript({ defaults: { reasoning: "inline-think", reasoningText: THOUGHT } });
    const completion = await teacherFor("openai").complete(ask({ maxTokens: 4 }));
    expect(completion.finishReason).toBe("length");
    expect(completion.text).toBe("");
    // "<think>" is the first of the four words.
    expect(completion.reasoning).toBe(thought.split(" ").slice(0, 3).join(" "));
  });
});

describe("error events inside a stream", () => {
  const events: Record<string, string> = {
    "/openai/overloaded/chat/completions":
      'data: {"error": {"message": "Overloaded", "type": "server_error"}}\n\n',
    "/openai/refused/chat/completions":
      'data: {"error": {"message": "Bad stop", "type": "invalid_request_error"}}\n\n',
    "/anthropic/overloaded/v1/messages":
      'event: error\ndata: {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}\n\n',
    "/anthropic/refused/v1/messages":
      'event: error\ndata: {"type": "error", "error": {"type": "invalid_request_error", "message": "Bad stop"}}\n\n',
  };
  const site = serveForTests((req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.end(events[req.url ?? ""] ?? "");
  });

  it("are retryable when the server is overloaded, final when it refused the request", async () => {
    for (const kind of ["openai", "anthropic"] as const) {
      for (const [path, retryable] of [
        ["overloaded", true],
        ["refused", false],
      ] as const) {
        const teacher = createTeacher({ kind, baseUrl: `${site.url()}/${kind}/${path}`, model: "m" });
        const error = await failure(teacher.complete(ask({ stream: true })));
        expect(error.retryable).toBe(retryable);
        // The server's short message, then its error type.
        expect(error.message).toMatch(
          /reported an error in the middle of its answer: "(Overloaded|Bad stop)" \((overloaded_error|server_error|invalid_request_error)\)$/,
        );
      }
    }
  });
});
