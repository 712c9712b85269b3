import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createWorker } from "../runner/worker";
import { createWorld, launchInput, launchPlanned } from "../testing/job-fixtures";
import { serveForTests } from "../testing/local-server";
import { keepAliveFetch } from "./keep-alive-fetch";
import { createTeacher } from "./create-teacher";
import { remoteText } from "./remote-text";
import { encryptSecret } from "./secrets";
import { TeacherError, type ChatRequest } from "./types";

const KEY = "sk-live-abcdefghijklmnop0123";
const HUGE_HTML =
  "<!doctype html><html><head><style>body{color:red}</style><script>steal()</script></head><body>" +
  "<h1>502 Bad Gateway</h1>\u0007\u001b[31m<p>upstream said: Authorization: Bearer {{auth}}</p>" +
  "<div>".repeat(2_000) +
  "x".repeat(100_000) +
  "</body></html>";

// Servers that answer failures with what real ones send: HTML pages from a proxy, JSON that
// echoes the request's key, Ollama's {"error": "..."}; a hop to another origin.
const seen: string[] = [];
const site = serveForTests((req, res) => {
  seen.push(req.url!);
  const auth = req.headers.authorization ?? String(req.headers["x-api-key"] ?? "");
  req.resume();
  req.on("end", () => {
    const route = req.url!.split("/")[1];
    if (route === "html" || route === "html429") {
      res.writeHead(route === "html" ? 502 : 429, {
        "content-type": "text/html",
        "x-secret-header": "hdr-value-9",
      });
      return res.end(HUGE_HTML.replace("{{auth}}", auth));
    }
    if (route === "echo") {
      res.writeHead(401, { "content-type": "application/json" });
      const message = `Incorrect API key provided: ${auth}. <script>alert(1)</script>\u202eevil\u0000 ${"padding ".repeat(500)}`;
      return res.end(JSON.stringify({ type: "error", error: { message, type: "invalid_request_error" } }));
    }
    if (route === "ollama") {
      res.writeHead(404, { "content-type": "application/json" });
      return res.end(JSON.stringify({ error: 'model "m" not found, try pulling it first' }));
    }
    if (route === "hop") {
      // To the same server under another name: another origin.
      const port = new URL(`http://${req.headers.host}`).port;
      res.writeHead(307, { location: `http://localhost:${port}/landing${req.url!.slice(4)}` });
      return res.end();
    }
    res.writeHead(500);
    res.end();
  });
});

const ask: ChatRequest = { system: "", prompt: "p", temperature: 0, maxTokens: 8 };

async function failure(kind: "openai" | "anthropic", route: string, fetch?: typeof globalThis.fetch) {
  const teacher = createTeacher({
    kind,
    baseUrl: `${site.url()}/${route}/v1`,
    model: "m",
    apiKey: KEY,
    fetch,
  });
  const error = await teacher.complete(ask).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TeacherError);
  return error as TeacherError;
}

function expectClean(message: string) {
  expect(message).not.toContain(KEY);
  expect(message).not.toMatch(/sk-live/);
  expect(message).not.toMatch(/[<>]/);
  expect(message).not.toMatch(/[\u0000-\u001f\u202e]/);
  expect(message).not.toContain("hdr-value-9");
  expect(message).not.toContain("x".repeat(300));
  expect(message.length).toBeLessThan(500);
}

describe("errors from a failed teacher call", () => {
  it.each(["openai", "anthropic"] as const)(
    "%s: an HTML error page gives the status and no body; the classification holds",
    async (kind) => {
      const bad = await failure(kind, "html");
      expect(bad).toMatchObject({ status: 502, retryable: true });
      expect(bad.message).toMatch(
        /^502 Bad Gateway from http:\/\/127\.0\.0\.1:\d+\/html\/v1: the server could not answer/,
      );
      expectClean(bad.message);
      const limited = await failure(kind, "html429");
      expect(limited).toMatchObject({ status: 429, retryable: true });
      expectClean(limited.message);
    },
  );

  it.each(["openai", "anthropic"] as const)(
    "%s: a JSON error that echoes the key keeps its short message and type, without the key or markup",
    async (kind) => {
      const error = await failure(kind, "echo");
      expect(error).toMatchObject({ status: 401, retryable: false });
      expect(error.message).toContain("check the API key");
      expect(error.message).toContain('The server said: "Incorrect API key provided:');
      expect(error.message).toContain("(invalid_request_error)");
      expectClean(error.message);
    },
  );

  it('keeps a server\'s plain {"error": "..."} message', async () => {
    const error = await failure("openai", "ollama");
    expect(error).toMatchObject({ status: 404, retryable: false });
    expect(error.message).toContain('The server said: "model "m" not found, try pulling it first"');
  });

  it.each([
    ["global fetch", undefined],
    ["keep-alive fetch", keepAliveFetch],
  ] as const)("a redirect to another origin is not followed (%s), for either kind", async (_name, fetch) => {
    for (const kind of ["openai", "anthropic"] as const) {
      const error = await failure(kind, "hop", fetch);
      expect(error.retryable).toBe(false);
      expect(error.message).toMatch(/redirected the request to another host/);
    }
    expect(seen.some((path) => path.startsWith("/landing"))).toBe(false);
  });

  it("what a job stores (item error, pause reason) is short and clean", async () => {
    const world = await createWorld({ prompts: 1 });
    await db().provider.update({
      where: { id: world.provider.id },
      data: { baseUrl: `${site.url()}/echo/v1`, apiKeyCiphertext: encryptSecret(KEY) },
    });
    const jobId = await launchPlanned(launchInput(world, { concurrency: 1 }), null);
    const worker = createWorker({ workerId: `w-clean-${world.tag}` });
    for (let i = 0; i < 5 && (await worker.runOnce()).leased > 0; i++);
    const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job.status).toBe("paused");
    expectClean(job.pauseReason!.replace(/^Paused: /, ""));
    const items = await db().jobItem.findMany({ where: { jobId } });
    for (const item of items) if (item.lastError) expectClean(item.lastError);
    expect(JSON.stringify(await db().auditEvent.findMany({ where: { entityId: jobId } }))).not.toContain(KEY);
  });
});

describe("remoteText", () => {
  it("strips markup and control characters, redacts key-like text, collapses space, caps length", () => {
    expect(remoteText("<b>Model</b>\n\n  <i>not\tfound</i>\u0000\u200b")).toBe("Model not found");
    expect(remoteText("bad key sk-proj-AbCdEf123456 here")).toBe("bad key [redacted] here");
    expect(remoteText("header Authorization: Bearer abc.def.ghi")).toBe(
      "header Authorization: Bearer [redacted]",
    );
    expect(remoteText(`token ${"Ab1".repeat(20)} end`)).toBe("token [redacted] end");
    expect(remoteText("my-secret-value in text", { secrets: ["my-secret-value"] })).toBe(
      "[redacted] in text",
    );
    expect(remoteText("<script>alert(1)</script>ok<!-- hidden -->")).toBe("ok");
    expect(remoteText("a".repeat(10) + " " + "word ".repeat(100))).toHaveLength(203);
    // Model names and paths survive.
    expect(remoteText('model "meta-llama/Llama-3.1-8B-Instruct" not found at /v1/chat/completions')).toBe(
      'model "meta-llama/Llama-3.1-8B-Instruct" not found at /v1/chat/completions',
    );
  });
});
