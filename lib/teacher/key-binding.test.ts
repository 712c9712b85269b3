import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { ConflictError } from "../errors";
import { createWorker } from "../runner/worker";
import { createTestUser } from "../testing/fixtures";
import { createWorld, launchInput, launchPlanned } from "../testing/job-fixtures";
import { serveForTests } from "../testing/local-server";
import { KEY_STAYS_WITH_ENDPOINT } from "./base-url";
import { ProviderFieldError } from "./field-error";
import { teacherForProvider } from "./index";
import { createProvider, providerConfig, updateProvider } from "./providers";
import { ProviderInputSchema, TestConnectionSchema, UpdateProviderSchema } from "./schemas";
import { encryptSecret } from "./secrets";
import { testConnectionFor } from "./test-connection";

// Two endpoints on one local server: /saved is where the teacher is saved, /elsewhere is what a
// person types into the form. Every request's credentials are recorded.
type Seen = { path: string; authorization?: string; apiKey?: string };
let seen: Seen[] = [];
const COMPLETION = {
  id: "c",
  object: "chat.completion",
  model: "m",
  choices: [{ index: 0, message: { role: "assistant", content: "OK" }, finish_reason: "stop" }],
  usage: { prompt_tokens: 1, completion_tokens: 1 },
};
const MESSAGE = {
  id: "m",
  type: "message",
  role: "assistant",
  model: "m",
  content: [{ type: "text", text: "OK" }],
  stop_reason: "end_turn",
  usage: { input_tokens: 1, output_tokens: 1 },
};
const site = serveForTests((req, res) => {
  seen.push({
    path: req.url!,
    authorization: req.headers.authorization,
    apiKey: req.headers["x-api-key"] as string | undefined,
  });
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(req.url!.endsWith("/messages") ? MESSAGE : COMPLETION));
  });
});
const saved = () => `${site.url()}/saved/v1`;
const elsewhere = () => `${site.url()}/elsewhere/v1`;
const to = (base: () => string) => seen.filter((s) => s.path.startsWith(new URL(base()).pathname));
const STORED = "sk-stored-secret-0001";

beforeEach(() => {
  seen = [];
});

async function savedTeacher(overrides: Record<string, unknown> = {}) {
  const user = await createTestUser("curator");
  const input = ProviderInputSchema.parse({
    name: `Bound ${randomBytes(4).toString("hex")}`,
    kind: "openai",
    baseUrl: saved(),
    model: "m",
    apiKey: STORED,
    ...overrides,
  });
  return { user, input, provider: await createProvider(input, user.id) };
}

describe("a stored key goes only to its saved endpoint", () => {
  it("Test connection with a new base URL never sends the stored key there, and is audited", async () => {
    const { user, provider } = await savedTeacher();
    const test = (config: Record<string, unknown>, removeKey = false) =>
      testConnectionFor(
        TestConnectionSchema.parse({
          providerId: provider.id,
          config: { kind: "openai", model: "m", ...config },
          removeKey,
        }),
        user.id,
      );

    // Blank key, new URL: refused before any request, saying why.
    expect(await test({ baseUrl: elsewhere() })).toEqual({ ok: false, error: KEY_STAYS_WITH_ENDPOINT });
    expect(await test({ baseUrl: saved(), kind: "anthropic" })).toEqual({
      ok: false,
      error: KEY_STAYS_WITH_ENDPOINT,
    });
    expect(seen).toEqual([]);
    // A key typed with the new URL goes there; "remove the stored key" tests it with none.
    expect(await test({ baseUrl: elsewhere(), apiKey: "sk-typed-0002" })).toMatchObject({ ok: true });
    expect(await test({ baseUrl: elsewhere() }, true)).toMatchObject({ ok: true });
    expect(to(elsewhere).map((s) => s.authorization)).toEqual(["Bearer sk-typed-0002", undefined]);
    // The saved endpoint, spelled differently, and the saved teacher by id: the stored key.
    const respelled = `${saved().replace("http://", "HTTP://").replace("/v1", "/./v1")}//`;
    expect(await test({ baseUrl: respelled })).toMatchObject({ ok: true });
    expect(await testConnectionFor({ providerId: provider.id, removeKey: false }, user.id)).toMatchObject({
      ok: true,
    });
    expect(to(saved).map((s) => s.authorization)).toEqual([`Bearer ${STORED}`, `Bearer ${STORED}`]);
    expect(seen.some((s) => s.path.includes("elsewhere") && s.authorization?.includes(STORED))).toBe(false);

    const audit = await db().auditEvent.findMany({
      where: { entityId: provider.id, action: "provider.connection-tested" },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.data)).toEqual([
      { kind: "openai", baseUrl: elsewhere(), model: "m", apiKey: "typed", ok: true },
      { kind: "openai", baseUrl: elsewhere(), model: "m", apiKey: "none", ok: true },
      { kind: "openai", baseUrl: saved(), model: "m", apiKey: "stored", ok: true },
      { kind: "openai", baseUrl: saved(), model: "m", apiKey: "stored", ok: true },
    ]);
    expect(audit.every((a) => a.actorId === user.id && a.entityType === "provider")).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(STORED);
  });

  it("audits a failed test of a saved teacher too", async () => {
    const { user, provider } = await savedTeacher({ baseUrl: "http://127.0.0.1:9/v1" });
    const result = await testConnectionFor({ providerId: provider.id, removeKey: false }, user.id);
    expect(result.ok).toBe(false);
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { entityId: provider.id, action: "provider.connection-tested" },
    });
    expect(audit.data).toMatchObject({
      apiKey: "stored",
      ok: false,
      error: expect.stringContaining("127.0.0.1:9"),
    });
  });

  it("refuses to save a new base URL or kind that would keep the stored key", async () => {
    const { user, input, provider } = await savedTeacher();
    const edit = (overrides: Record<string, unknown>) =>
      updateProvider(
        UpdateProviderSchema.parse({ ...input, apiKey: "", id: provider.id, ...overrides }),
        user.id,
      );

    for (const moved of [{ baseUrl: elsewhere() }, { kind: "anthropic" }, { baseUrl: "" }]) {
      const refused = await edit(moved).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ProviderFieldError);
      expect(refused).toMatchObject({ field: "apiKey", message: KEY_STAYS_WITH_ENDPOINT });
    }
    expect(await providerConfig(provider.id)).toMatchObject({
      baseUrl: saved(),
      kind: "openai",
      apiKey: STORED,
    });

    // The same endpoint spelled with a trailing slash is no move: the key stays.
    expect(await edit({ baseUrl: `${saved()}/`, model: "m2" })).toMatchObject({
      hasApiKey: true,
      model: "m2",
    });
    // A new key with the new URL, or the key removed, is saved.
    await edit({ baseUrl: elsewhere(), apiKey: "sk-new-0003" });
    expect(await providerConfig(provider.id)).toMatchObject({ baseUrl: elsewhere(), apiKey: "sk-new-0003" });
    await edit({ baseUrl: saved(), removeKey: true });
    expect(await providerConfig(provider.id)).toMatchObject({ baseUrl: saved(), apiKey: null });
    // Without a stored key there is nothing to keep: moving is free.
    expect(await edit({ baseUrl: elsewhere() })).toMatchObject({ baseUrl: elsewhere(), hasApiKey: false });

    const audit = await db().auditEvent.findMany({
      where: { entityId: provider.id, action: "provider.updated" },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => (a.data as { apiKey: string }).apiKey)).toEqual([
      "kept",
      "set",
      "removed",
      "kept",
    ]);
  });

  it("a job launched before its teacher moved does not send the new key to the old endpoint", async () => {
    const world = await createWorld({ prompts: 2 });
    await db().provider.update({
      where: { id: world.provider.id },
      data: { baseUrl: saved(), apiKeyCiphertext: encryptSecret("sk-old-0004") },
    });
    const jobId = await launchPlanned(launchInput(world, { concurrency: 1, maxAttempts: 1 }), null);
    // Moved, with the key of the new endpoint.
    await db().provider.update({
      where: { id: world.provider.id },
      data: { baseUrl: elsewhere(), apiKeyCiphertext: encryptSecret("sk-moved-0005") },
    });
    const frozen = { kind: "openai" as const, baseUrl: saved(), model: "fake-model" };
    await expect(teacherForProvider(world.provider.id, frozen)).rejects.toThrow(ConflictError);
    await expect(teacherForProvider(world.provider.id, frozen)).rejects.toThrow(
      /only sent to the endpoint it is saved with/,
    );

    const worker = createWorker({ workerId: `w-moved-${world.tag}` });
    for (let i = 0; i < 5 && (await worker.runOnce()).leased > 0; i++);
    const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job.status).toBe("paused");
    expect(job.pauseReason).toMatch(/launch it again with the teacher as it is now/);
    expect(seen.filter((s) => s.authorization?.includes("sk-moved"))).toEqual([]);
    expect(to(saved)).toEqual([]);
  });
});
