import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { resetEnvForTests } from "../env";
import { DomainError } from "../errors";
import { createWorker } from "../runner/worker";
import { createTestUser } from "../testing/fixtures";
import { createWorld, launchInput, launchPlanned } from "../testing/job-fixtures";
import { serveForTests } from "../testing/local-server";
import { createTeacher } from "./create-teacher";
import { ProviderFieldError } from "./field-error";
import { hostAllowed, parseTeacherHosts } from "./host-allowlist";
import { createProvider, updateProvider } from "./providers";
import { ProviderInputSchema, UpdateProviderSchema } from "./schemas";
import { testConnection, testConnectionFor } from "./test-connection";
import { TeacherError } from "./types";

let requests = 0;
const site = serveForTests((req, res) => {
  requests++;
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        id: "c",
        object: "chat.completion",
        model: "m",
        choices: [{ index: 0, message: { role: "assistant", content: "OK" }, finish_reason: "stop" }],
        usage: { prompt_tokens: 1, completion_tokens: 1 },
      }),
    );
  });
});

function setHosts(value: string | undefined) {
  if (value === undefined) delete process.env.TRACEBANK_TEACHER_HOSTS;
  else process.env.TRACEBANK_TEACHER_HOSTS = value;
  resetEnvForTests();
}
beforeEach(() => {
  requests = 0;
  setHosts(undefined);
});
afterEach(() => setHosts(undefined));

const allowed = (list: string, url: string) => hostAllowed(new URL(url), parseTeacherHosts(list)!);

describe("the teacher host allowlist (TRACEBANK_TEACHER_HOSTS)", () => {
  it("matches host names exactly, *.domain its subdomains, and host:port that port only", () => {
    const list = "api.openai.com, *.example.com ,localhost:8000,[::1]:9000,127.0.0.1";
    expect(allowed(list, "https://api.openai.com/v1")).toBe(true);
    expect(allowed(list, "https://API.OpenAI.com./v1")).toBe(true);
    expect(allowed(list, "http://api.openai.com:8080/v1")).toBe(true);
    expect(allowed(list, "https://evil-api.openai.com/v1")).toBe(false);
    expect(allowed(list, "https://api.openai.com.evil.net/v1")).toBe(false);
    expect(allowed(list, "https://a.example.com/v1")).toBe(true);
    expect(allowed(list, "https://a.b.example.com/v1")).toBe(true);
    expect(allowed(list, "https://example.com/v1")).toBe(false);
    expect(allowed(list, "https://badexample.com/v1")).toBe(false);
    expect(allowed(list, "http://localhost:8000/v1")).toBe(true);
    expect(allowed(list, "http://localhost:8001/v1")).toBe(false);
    expect(allowed(list, "http://localhost/v1")).toBe(false);
    expect(allowed(list, "http://[::1]:9000/v1")).toBe(true);
    expect(allowed(list, "http://[::1]:9001/v1")).toBe(false);
    expect(allowed(list, "http://127.0.0.1:1234/v1")).toBe(true);
    expect(allowed("host:80", "http://host/v1")).toBe(true);
    expect(allowed("host:443", "http://host/v1")).toBe(false);
  });

  it("is off when unset or blank, and refuses to read a malformed entry", () => {
    expect(parseTeacherHosts(undefined)).toBeNull();
    expect(parseTeacherHosts(" , ")).toBeNull();
    for (const bad of ["http://host", "host/v1", "*", "*.[::1]", "host:99999", "user@host", "a b"]) {
      expect(() => parseTeacherHosts(`ok.example.com,${bad}`), bad).toThrow(DomainError);
      expect(() => parseTeacherHosts(bad), bad).toThrow(/TRACEBANK_TEACHER_HOSTS: /);
    }
  });

  it("off by default: any host may be saved and called", async () => {
    const user = await createTestUser("curator");
    const input = ProviderInputSchema.parse({
      name: `Any ${randomBytes(4).toString("hex")}`,
      kind: "openai",
      baseUrl: "http://anything.invalid:1/v1",
      model: "m",
    });
    await expect(createProvider(input, user.id)).resolves.toMatchObject({
      baseUrl: "http://anything.invalid:1/v1",
    });
    expect(await testConnection({ kind: "openai", baseUrl: `${site.url()}/v1`, model: "m" })).toMatchObject({
      ok: true,
    });
  });

  it("when set, saving, updating and testing a teacher on another host are refused, naming the setting", async () => {
    const user = await createTestUser("curator");
    const input = ProviderInputSchema.parse({
      name: `Off ${randomBytes(4).toString("hex")}`,
      kind: "openai",
      baseUrl: `${site.url()}/v1`,
      model: "m",
    });
    const provider = await createProvider(input, user.id);
    setHosts("api.example.com, localhost:1");

    for (const save of [
      () => createProvider({ ...input, name: `${input.name} 2` }, user.id),
      () => createProvider({ ...input, name: `${input.name} 3`, baseUrl: null }, user.id),
      () => updateProvider(UpdateProviderSchema.parse({ ...input, id: provider.id, model: "m2" }), user.id),
    ]) {
      const refused = await save().catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ProviderFieldError);
      expect(refused).toMatchObject({
        field: "baseUrl",
        message: expect.stringContaining("TRACEBANK_TEACHER_HOSTS"),
      });
    }
    expect(() => createTeacher({ kind: "openai", model: "m" })).toThrow(
      /api\.openai\.com is not among the teacher hosts/,
    );

    const tested = await testConnectionFor({ providerId: provider.id, removeKey: false }, user.id);
    expect(tested).toEqual({
      ok: false,
      error: expect.stringContaining("TRACEBANK_TEACHER_HOSTS=api.example.com, localhost:1"),
    });
    const unsaved = await testConnection({ kind: "openai", baseUrl: `${site.url()}/v1`, model: "m" });
    expect(unsaved).toMatchObject({ ok: false });
    expect(requests).toBe(0);

    // On the list: allowed again.
    setHosts(`api.example.com, ${new URL(site.url()).host}`);
    expect(await testConnectionFor({ providerId: provider.id, removeKey: false }, user.id)).toMatchObject({
      ok: true,
    });
    expect(requests).toBe(1);
  });

  it("a job on a teacher saved before the list was set fails without a request, not retried, and says why", async () => {
    const world = await createWorld({ prompts: 2 });
    await db().provider.update({
      where: { id: world.provider.id },
      data: { baseUrl: `${site.url()}/v1`, apiKeyCiphertext: null },
    });
    const jobId = await launchPlanned(launchInput(world, { concurrency: 1, maxAttempts: 3 }), null);
    setHosts("api.example.com");
    const worker = createWorker({ workerId: `w-hosts-${world.tag}` });
    for (let i = 0; i < 5 && (await worker.runOnce()).leased > 0; i++);
    const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job.status).toBe("paused");
    expect(job.pauseReason).toContain("TRACEBANK_TEACHER_HOSTS");
    expect(requests).toBe(0);
    const items = await db().jobItem.findMany({ where: { jobId } });
    expect(items.every((i) => i.status !== "done")).toBe(true);
    const error = (() => {
      try {
        createTeacher({ kind: "openai", baseUrl: `${site.url()}/v1`, model: "m" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(TeacherError);
    expect(error).toMatchObject({ retryable: false });
  });
});
