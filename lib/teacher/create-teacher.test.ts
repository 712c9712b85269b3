import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { serveForTests } from "../testing/local-server";
import { countWords, startScriptedTeacher, type ScriptedTeacher } from "../testing/scripted-teacher";
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
beforeEach(() => server.setScript({}));

const PROMPT = "A farmer has 17 sheep and all but 9 run away. How many are left?";
const SYSTEM = "You are a careful teacher. Think step by step.";
const ask = (extra: Partial<ChatRequest> = {}): ChatRequest => ({
  system: SYSTEM,
  prompt: PROMPT,
  temperature: 0.7,
  maxTokens: 512,
  ...extra,
});

describe.each(["openai", "anthropic"] as const)("%s teacher on the scripted server", (kind) => {
  const teacher = (extra: Partial<TeacherConfig> = {}) =>
    createTeacher({
      kind,
      baseUrl: kind === "openai" ? server.baseUrlOpenAI : server.baseUrlAnthropic,
      model: `${kind}-test-model`,
      apiKey: "sk-test",
      timeoutMs: 10_000,
      ...extra,
    });

  it("returns the text, finish reason, usage, latency and model", async () => {
    const completion = await teacher().complete(ask());
    expect(completion.text).toMatch(/^Step 1: Read the question: "A farmer has 17 sheep/);
    expect(completion.text).toMatch(/The answer is \d+\.$/);
    expect(completion.finishReason).toBe("stop");
    expect(completion.usage).toEqual({
      inputTokens: countWords(SYSTEM) + countWords(PROMPT),
      outputTokens: countWords(completion.text),
    });
    expect(completion.latencyMs).toBeGreaterThanOrEqual(0);
    expect(completion.model).toBe(`${kind}-test-model`);
  });

  it("passes the system message through, and leaves it out when empty", async () => {
    server.setScript({
      rules: [{ match: { systemIncludes: "careful teacher" }, reply: "Seen the system message." }],
    });
    expect((await teacher().complete(ask())).text).toBe("Seen the system message.");
    const without = await teacher().complete(ask({ system: "" }));
    expect(without.text).toContain("There is no system message");
    expect(without.usage.inputTokens).toBe(countWords(PROMPT));
  });

  it("reports length when the teacher stops at maxTokens or says so", async () => {
    const short = await teacher().complete(ask({ maxTokens: 6 }));
    expect(short.finishReason).toBe("length");
    expect(short.usage.outputTokens).toBe(6);
    server.setScript({ rules: [{ match: {}, reply: "Half an answer", finishReason: "length" }] });
    expect((await teacher().complete(ask())).finishReason).toBe("length");
    server.setScript({ rules: [{ match: {}, fault: "truncate" }] });
    expect((await teacher().complete(ask())).finishReason).toBe("length");
  });

  it("makes 429 retryable, with the Retry-After delay", async () => {
    server.setScript({ rules: [{ match: {}, fault: "429" }], faults: { retryAfterSeconds: 3 } });
    const error = await failure(teacher().complete(ask()));
    expect(error).toMatchObject({ retryable: true, status: 429, retryAfterMs: 3000 });
    expect(error.message).toContain("429 Too Many Requests from http://127.0.0.1");
  });

  it("makes 500 and malformed bodies retryable", async () => {
    server.setScript({
      rules: [
        { match: {}, fault: "500", times: 1 },
        { match: {}, fault: "malformed" },
      ],
    });
    expect(await failure(teacher().complete(ask()))).toMatchObject({ retryable: true, status: 500 });
    const malformed = await failure(teacher().complete(ask()));
    expect(malformed.retryable).toBe(true);
    expect(malformed.message).toMatch(/not valid JSON/);
  });

  it("makes 401 final, and says to check the API key", async () => {
    server.setScript({ requireApiKey: "sk-right" });
    const error = await failure(teacher({ apiKey: "sk-wrong" }).complete(ask()));
    expect(error).toMatchObject({ retryable: false, status: 401 });
    expect(error.message).toMatch(/^401 Unauthorized from http:\/\/127\.0\.0\.1:\d+.*: check the API key/);
    expect((await failure(teacher({ apiKey: null }).complete(ask()))).status).toBe(401);
    expect((await teacher({ apiKey: "sk-right" }).complete(ask())).finishReason).toBe("stop");
  });

  it("times out (retryable) when the teacher holds the request past timeoutMs", async () => {
    server.setScript({ rules: [{ match: {}, fault: "timeout" }] });
    const error = await failure(teacher({ timeoutMs: 300 }).complete(ask()));
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/within 0\.3 s \(timeout\)/);
  });

  it("aborts when the request's signal fires (not retryable)", async () => {
    server.setScript({ defaults: { latencyMs: 5_000 } });
    const controller = new AbortController();
    const call = teacher().complete(ask({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    const error = await failure(call);
    expect(error).toBeInstanceOf(TeacherAbortError);
    expect(error.retryable).toBe(false);
    const already = await failure(teacher().complete(ask({ signal: AbortSignal.abort() })));
    expect(already).toBeInstanceOf(TeacherAbortError);
  });

  it("explains a server that is not there", async () => {
    const gone = await startScriptedTeacher();
    const url = kind === "openai" ? gone.baseUrlOpenAI : gone.baseUrlAnthropic;
    await gone.close();
    const error = await failure(teacher({ baseUrl: url }).complete(ask()));
    expect(error.retryable).toBe(true);
    expect(error.message).toBe(
      `Could not reach ${url}: connection refused. Is the server running, and is the base URL right?`,
    );
  });
});

describe("answers that are not completions", () => {
  const bodies = ["<html>Welcome to my router</html>", JSON.stringify({ hello: "world" })];
  const site = serveForTests((req, res) => {
    const html = req.url?.includes("html");
    res.writeHead(200, { "content-type": html ? "text/html" : "application/json" });
    res.end(bodies[html ? 0 : 1]);
  });

  it("treats a 200 with an HTML page or JSON without choices as malformed (retryable)", async () => {
    for (const [kind, path] of [
      ["openai", "/html"],
      ["openai", "/json"],
      ["anthropic", "/html"],
      ["anthropic", "/json"],
    ] as const) {
      const teacher = createTeacher({ kind, baseUrl: site.url() + path, model: "m" });
      const error = await failure(teacher.complete(ask()));
      expect(error.retryable).toBe(true);
      expect(error.message).toMatch(/ sent (something that is not|a chat completion without)/);
    }
  });
});

describe("status mapping", () => {
  it("explains 404 with the model name and does not retry", async () => {
    const teacher = createTeacher({ kind: "openai", baseUrl: server.url + "/nowhere", model: "gpt-x" });
    const error = await failure(teacher.complete(ask()));
    expect(error).toMatchObject({ retryable: false, status: 404 });
    expect(error.message).toContain('check the base URL and the model name "gpt-x"');
  });
});
