import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { answerFor, countWords, startScriptedTeacher, type ScriptedTeacher } from "./index";
import { renderReply } from "./reply";

let teacher: ScriptedTeacher;
let openai: OpenAI;
let anthropic: Anthropic;

beforeAll(async () => {
  teacher = await startScriptedTeacher();
  openai = new OpenAI({ apiKey: "test", baseURL: teacher.baseUrlOpenAI, maxRetries: 0 });
  anthropic = new Anthropic({ apiKey: "test", baseURL: teacher.baseUrlAnthropic, maxRetries: 0 });
});
afterAll(() => teacher.close());
beforeEach(() => {
  teacher.setScript({});
  teacher.resetStats();
});

const SYSTEM = "You are a patient maths tutor who shows every step.";
const PROMPT = "Natalia sold clips to 48 of her friends in April, and then she sold half as many in May.";

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(teacher.url + path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("default reply", () => {
  it("is deterministic, quotes the prompt, names the system message and ends with an answer", async () => {
    const ask = () =>
      openai.chat.completions.create({
        model: "teacher-model",
        messages: [
          { role: "system", content: SYSTEM },
          { role: "user", content: PROMPT },
        ],
      });
    const [a, b] = [await ask(), await ask()];
    const text = a.choices[0]!.message.content!;
    expect(b.choices[0]!.message.content).toBe(text);
    expect(text).toContain('"Natalia sold clips to 48 of her friends...');
    expect(text).toContain("You are a patient maths tutor");
    expect(text).toMatch(new RegExp(`The answer is ${answerFor(PROMPT)}\\.$`));
    expect(a.choices[0]!.finish_reason).toBe("stop");
    expect(a.model).toBe("teacher-model");
    expect(a.usage).toMatchObject({
      prompt_tokens: countWords(SYSTEM) + countWords(PROMPT),
      completion_tokens: countWords(text),
    });
  });

  it("honours max_tokens by cutting the reply and reporting length", async () => {
    const res = await openai.chat.completions.create({
      model: "m",
      max_tokens: 5,
      messages: [{ role: "user", content: PROMPT }],
    });
    expect(res.choices[0]!.finish_reason).toBe("length");
    expect(countWords(res.choices[0]!.message.content!)).toBe(5);
    expect(res.usage!.completion_tokens).toBe(5);
  });
});

describe("streaming, parsed by the official SDKs", () => {
  it("OpenAI: deltas add up to the plain reply, with finish reason and a usage chunk", async () => {
    const messages = [{ role: "user" as const, content: PROMPT }];
    const plain = await openai.chat.completions.create({ model: "m", messages });
    const stream = await openai.chat.completions.create({
      model: "m",
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = "";
    let finish: string | null = null;
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe(plain.choices[0]!.message.content);
    expect(finish).toBe("stop");
    expect(usage).toEqual(plain.usage);
  });

  it("OpenAI: the SDK's stream helper assembles the final completion", async () => {
    const runner = openai.chat.completions.stream({
      model: "m",
      max_tokens: 4,
      messages: [{ role: "user", content: PROMPT }],
    });
    const final = await runner.finalChatCompletion();
    expect(countWords(final.choices[0]!.message.content!)).toBe(4);
    expect(final.choices[0]!.finish_reason).toBe("length");
  });

  it("Anthropic: messages.stream() builds the same message as the plain call", async () => {
    const params = {
      model: "claude-test",
      max_tokens: 200,
      system: SYSTEM,
      messages: [{ role: "user" as const, content: PROMPT }],
    };
    const plain = await anthropic.messages.create(params);
    const final = await anthropic.messages.stream(params).finalMessage();
    expect(final.content).toEqual(plain.content);
    expect(final.stop_reason).toBe("end_turn");
    expect(final.usage.output_tokens).toBe(plain.usage.output_tokens);
    expect(final.usage.input_tokens).toBe(countWords(SYSTEM) + countWords(PROMPT));
  });

  it("Anthropic: raw stream events arrive in order and report max_tokens", async () => {
    const stream = await anthropic.messages.create({
      model: "claude-test",
      max_tokens: 3,
      messages: [{ role: "user", content: PROMPT }],
      stream: true,
    });
    const types: string[] = [];
    let text = "";
    let stop: string | null = null;
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === "content_block_delta" && event.delta.type === "text_delta") text += event.delta.text;
      if (event.type === "message_delta") stop = event.delta.stop_reason;
    }
    expect(types[0]).toBe("message_start");
    expect(types.slice(-3)).toEqual(["content_block_stop", "message_delta", "message_stop"]);
    expect(countWords(text)).toBe(3);
    expect(stop).toBe("max_tokens");
  });
});

describe("models and API keys", () => {
  it("lists a model", async () => {
    const page = await openai.models.list();
    expect(page.data.map((m) => m.id)).toContain("scripted-teacher");
  });

  it("requires the API key when told to, as Bearer token or x-api-key", async () => {
    teacher.setScript({ requireApiKey: "sk-right" });
    const body = { model: "m", max_tokens: 10, messages: [{ role: "user", content: "hi" }] };
    expect((await post("/v1/messages", body, { "x-api-key": "sk-wrong" })).status).toBe(401);
    const denied = await post("/v1/chat/completions", body, { authorization: "Bearer sk-wrong" });
    expect(denied.status).toBe(401);
    expect(await denied.json()).toMatchObject({ error: { code: "invalid_api_key" } });
    expect((await post("/v1/messages", body, { "x-api-key": "sk-right" })).status).toBe(200);
    expect((await post("/v1/chat/completions", body, { authorization: "Bearer sk-right" })).status).toBe(200);
    expect(teacher.stats().byOutcome["401"]).toBe(2);
  });
});

describe("script", () => {
  it("takes the first matching rule, `times` times, then falls through", async () => {
    teacher.setScript({
      rules: [
        { match: { promptIncludes: "clips" }, fault: "500", times: 2 },
        { match: { systemIncludes: "pirate" }, reply: "Arr, {{answer}}." },
      ],
    });
    const body = (system: string) => ({
      model: "m",
      messages: [
        { role: "system", content: system },
        { role: "user", content: PROMPT },
      ],
    });
    expect((await post("/v1/chat/completions", body("pirate"))).status).toBe(500);
    expect((await post("/v1/chat/completions", body("pirate"))).status).toBe(500);
    const third = await (await post("/v1/chat/completions", body("You are a pirate."))).json();
    expect(third.choices[0].message.content).toBe(`Arr, ${answerFor(PROMPT)}.`);
    const fourth = await (await post("/v1/chat/completions", body("plain"))).json();
    expect(fourth.choices[0].message.content).toMatch(/^Step 1/);
  });

  it("answers faults in both wire formats", async () => {
    teacher.setScript({
      rules: [
        { match: { promptIncludes: "limit" }, fault: "429" },
        { match: { promptIncludes: "broken" }, fault: "malformed" },
        { match: { promptIncludes: "cut" }, fault: "truncate" },
      ],
      faults: { retryAfterSeconds: 7 },
    });
    const ask = (prompt: string) =>
      post("/v1/messages", { model: "m", max_tokens: 100, messages: [{ role: "user", content: prompt }] });
    const limited = await ask("limit");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect(await limited.json()).toMatchObject({ type: "error", error: { type: "rate_limit_error" } });
    const broken = await ask("broken");
    expect(broken.status).toBe(200);
    await expect(broken.clone().json()).rejects.toThrow();
    const cut = await (await ask("cut me off")).json();
    expect(cut.stop_reason).toBe("max_tokens");
    const whole = renderReply(undefined, "", "cut me off");
    expect(cut.usage.output_tokens).toBe(Math.ceil(countWords(whole) / 2));
    expect(whole.startsWith(cut.content[0].text)).toBe(true);
  });

  it("holds a timeout fault open until the client goes away", async () => {
    teacher.setScript({ faults: { rateTimeout: 1, timeoutMs: 60_000 } });
    const controllers = [new AbortController(), new AbortController()];
    const calls = controllers.map((controller, i) =>
      fetch(teacher.url + "/v1/chat/completions", {
        method: "POST",
        body: JSON.stringify({ model: "m", messages: [{ role: "user", content: `held ${i}` }] }),
        signal: controller.signal,
      }),
    );
    await waitFor(() => teacher.stats().inFlight === 2);
    controllers[0]!.abort();
    await expect(calls[0]).rejects.toThrow();
    await waitFor(() => teacher.stats().inFlight === 1);
    controllers[1]!.abort();
    await expect(calls[1]).rejects.toThrow();
    await waitFor(() => teacher.stats().inFlight === 0);
    expect(teacher.stats().byOutcome.timeout).toBe(2);
  });

  it("answers a timeout fault with 504 after timeoutMs", async () => {
    teacher.setScript({ faults: { rateTimeout: 1, timeoutMs: 20 } });
    const res = await post("/v1/chat/completions", {
      model: "m",
      messages: [{ role: "user", content: "x" }],
    });
    expect(res.status).toBe(504);
  });

  it("draws random faults from a seeded sequence: the same seed gives the same run", async () => {
    const run = async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) {
        const res = await post("/v1/chat/completions", {
          model: "m",
          messages: [{ role: "user", content: `question ${i}` }],
        });
        statuses.push(res.status);
        await res.arrayBuffer();
      }
      return statuses;
    };
    const script = { seed: 42, faults: { rate429: 0.2, rate500: 0.2, retryAfterSeconds: 0 } };
    teacher.setScript(script);
    const first = await run();
    expect(first).toContain(200);
    expect(first).toContain(429);
    expect(first).toContain(500);
    teacher.setScript(script);
    expect(await run()).toEqual(first);
    teacher.setScript({ ...script, seed: 43 });
    expect(await run()).not.toEqual(first);
  });

  it("counts concurrency, endpoints and outcomes", async () => {
    teacher.setScript({ defaults: { latencyMs: 200 } });
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        post("/v1/chat/completions", { model: "m", messages: [{ role: "user", content: `q${i}` }] }).then(
          (r) => r.arrayBuffer(),
        ),
      ),
    );
    const stats = teacher.stats();
    expect(stats.byEndpoint.chatCompletions).toBe(8);
    expect(stats.byOutcome.ok).toBe(8);
    expect(stats.maxInFlight).toBe(8);
    expect(stats.inFlight).toBe(0);
    expect(stats.maxRequestsPerMinute).toBe(8);
  });
});

describe("what the server received", () => {
  it("keeps the last request bodies, capped, oldest first", async () => {
    teacher.setScript({ keepRequests: 3 });
    for (let i = 0; i < 5; i++) {
      await post("/v1/chat/completions", {
        model: "m",
        top_p: i / 10,
        messages: [{ role: "user", content: `q${i}` }],
      });
    }
    await post("/v1/messages", { model: "c", max_tokens: 9, stop_sequences: ["X"], messages: [] });
    const kept = teacher.lastRequests();
    expect(kept.map((r) => r.endpoint)).toEqual(["chatCompletions", "chatCompletions", "messages"]);
    expect(kept[0]!.body).toMatchObject({ top_p: 0.3 });
    expect(kept[2]!.body).toMatchObject({ stop_sequences: ["X"] });
    expect(await (await fetch(teacher.url + "/__control/requests")).json()).toEqual(kept);
    teacher.reset();
    expect(teacher.lastRequests()).toEqual([]);
    teacher.setScript({ keepRequests: 0 });
    await post("/v1/chat/completions", { model: "m", messages: [] });
    expect(teacher.lastRequests()).toEqual([]);
  });

  it("refuses a request on purpose with a 400 fault", async () => {
    teacher.setScript({ rules: [{ match: {}, fault: "400" }] });
    const res = await post("/v1/chat/completions", {
      model: "m",
      messages: [{ role: "user", content: "x" }],
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { type: "invalid_request_error" } });
    expect(teacher.stats().byOutcome["400"]).toBe(1);
  });

  it("answers reasoning in the OpenAI wire format the SDK reads", async () => {
    teacher.setScript({ defaults: { reasoning: "field:reasoning", reasoningText: "Hmm." } });
    const res = await openai.chat.completions.create({
      model: "m",
      messages: [{ role: "user", content: "?" }],
    });
    expect((res.choices[0]!.message as unknown as { reasoning: string }).reasoning).toBe("Hmm.");
    expect(res.usage!.completion_tokens_details).toEqual({ reasoning_tokens: 1 });
    expect(res.usage!.completion_tokens).toBe(1 + countWords(res.choices[0]!.message.content!));
  });

  it("answers thinking blocks the Anthropic SDK's stream helper assembles", async () => {
    teacher.setScript({ defaults: { reasoning: "anthropic-thinking", reasoningText: "Let me think." } });
    const params = { model: "c", max_tokens: 200, messages: [{ role: "user" as const, content: PROMPT }] };
    const plain = await anthropic.messages.create(params);
    const streamed = await anthropic.messages.stream(params).finalMessage();
    expect(plain.content.map((b) => b.type)).toEqual(["thinking", "text"]);
    expect(streamed.content).toEqual(plain.content);
  });
});

describe("control endpoints", () => {
  it("replace the script, report stats and reset them over HTTP", async () => {
    const bad = await post("/__control/script", { rules: [{ fault: "explode" }] });
    expect(bad.status).toBe(400);
    const ok = await post("/__control/script", { rules: [{ match: {}, reply: "Scripted over HTTP." }] });
    expect(ok.status).toBe(200);
    const answer = await openai.chat.completions.create({
      model: "m",
      messages: [{ role: "user", content: "?" }],
    });
    expect(answer.choices[0]!.message.content).toBe("Scripted over HTTP.");

    const stats = await (await fetch(teacher.url + "/__control/stats")).json();
    expect(stats).toMatchObject({ total: 1, byEndpoint: { chatCompletions: 1 }, byOutcome: { ok: 1 } });
    expect((await post("/__control/reset", {})).status).toBe(200);
    expect(await (await fetch(teacher.url + "/__control/stats")).json()).toMatchObject({ total: 0 });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}
