import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { resetEnvForTests } from "../env";
import { ConflictError, NotFoundError } from "../errors";
import { createTestUser } from "../testing/fixtures";
import { startScriptedTeacher, type ScriptedTeacher } from "../testing/scripted-teacher";
import { teacherForProvider } from "./index";
import {
  createProvider,
  deleteProvider,
  getProvider,
  listProviders,
  providerConfig,
  providerLimits,
  updateProvider,
} from "./providers";
import { ProviderInputSchema, UpdateProviderSchema } from "./schemas";

let server: ScriptedTeacher;
beforeAll(async () => {
  server = await startScriptedTeacher({ script: { requireApiKey: "sk-first" } });
});
afterAll(() => server.close());

const unique = (prefix: string) => `${prefix} ${randomBytes(4).toString("hex")}`;
const input = (overrides: Record<string, unknown> = {}) =>
  ProviderInputSchema.parse({
    name: unique("Teacher"),
    kind: "openai",
    baseUrl: server.baseUrlOpenAI,
    model: "scripted",
    apiKey: "sk-first",
    inputPricePerMTok: 0.15,
    outputPricePerMTok: 0.6,
    ...overrides,
  });

describe("provider schema", () => {
  it("normalises and refuses bad values with messages for people", () => {
    const parsed = ProviderInputSchema.parse({
      name: " Local ",
      kind: "openai",
      baseUrl: "http://x:1/v1/",
      model: "m",
    });
    expect(parsed).toMatchObject({ name: "Local", baseUrl: "http://x:1/v1", inputPricePerMTok: null });
    expect(parsed.apiKey).toBeUndefined();
    expect(
      ProviderInputSchema.parse({ name: "a", kind: "openai", model: "m", apiKey: "  " }).apiKey,
    ).toBeUndefined();
    expect(
      ProviderInputSchema.parse({ name: "a", kind: "anthropic", baseUrl: "", model: "m" }).baseUrl,
    ).toBeNull();
    const bad = ProviderInputSchema.safeParse({
      name: "",
      kind: "gemini",
      baseUrl: "ftp://files",
      model: "",
      inputPricePerMTok: -1,
    });
    const messages = bad.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "name: Give the teacher a name.",
        "baseUrl: The base URL must be an http:// or https:// URL, e.g. http://localhost:8000/v1.",
        "inputPricePerMTok: Prices cannot be negative.",
      ]),
    );
    expect(messages.some((m) => m.startsWith("kind:"))).toBe(true);
  });
});

describe("providers", () => {
  it("stores the key encrypted and never returns it", async () => {
    const user = await createTestUser("curator");
    const created = await createProvider(input(), user.id);
    expect(created).toMatchObject({ hasApiKey: true, inputPricePerMTok: 0.15, kind: "openai" });
    expect(Object.keys(created).some((k) => /key/i.test(k) && k !== "hasApiKey")).toBe(false);
    expect(JSON.stringify(await listProviders())).not.toContain("sk-first");
    expect(JSON.stringify(await getProvider(created.id))).not.toContain("v1:");

    const row = await db().provider.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.apiKeyCiphertext).toMatch(/^v1:/);
    expect(row.apiKeyCiphertext).not.toContain("sk-first");
    expect((await providerConfig(created.id)).apiKey).toBe("sk-first");

    const audit = await db().auditEvent.findMany({ where: { entityId: created.id } });
    expect(audit.map((a) => a.action)).toEqual(["provider.created"]);
    expect(JSON.stringify(audit)).not.toContain("sk-first");
    expect(JSON.stringify(audit)).not.toContain(row.apiKeyCiphertext);
  });

  it("keeps the key on a blank edit, replaces it when given, clears it on remove", async () => {
    const user = await createTestUser("curator");
    const created = await createProvider(input(), user.id);
    const edit = (overrides: Record<string, unknown>) =>
      UpdateProviderSchema.parse({ ...input({ name: created.name }), id: created.id, ...overrides });

    const renamed = await updateProvider(edit({ apiKey: "", model: "other-model" }), user.id);
    expect(renamed).toMatchObject({ model: "other-model", hasApiKey: true });
    expect((await providerConfig(created.id)).apiKey).toBe("sk-first");

    await updateProvider(edit({ apiKey: "sk-second" }), user.id);
    expect((await providerConfig(created.id)).apiKey).toBe("sk-second");

    const cleared = await updateProvider(edit({ apiKey: "", removeKey: true }), user.id);
    expect(cleared.hasApiKey).toBe(false);
    expect((await providerConfig(created.id)).apiKey).toBeNull();

    const audit = await db().auditEvent.findMany({
      where: { entityId: created.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => (a.data as { apiKey: string }).apiKey)).toEqual([
      "set",
      "kept",
      "set",
      "removed",
    ]);
    expect(JSON.stringify(audit)).not.toContain("sk-second");
  });

  it("stores the shared limits, changes and clears them, and refuses values that are not positive integers", async () => {
    const user = await createTestUser("curator");
    const created = await createProvider(
      input({ maxConcurrency: 4, requestsPerMinute: 500, tokensPerMinute: 200_000 }),
      user.id,
    );
    const limits = { maxConcurrency: 4, requestsPerMinute: 500, tokensPerMinute: 200_000 };
    expect(created).toMatchObject(limits);
    expect(await providerLimits(created.id)).toEqual(limits);
    expect((await db().provider.findUniqueOrThrow({ where: { id: created.id } })).requestsPerMinute).toBe(
      500,
    );
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: created.id } });
    expect(audit.data).toMatchObject(limits);

    const edited = UpdateProviderSchema.parse({
      ...input({ name: created.name, requestsPerMinute: 60 }),
      id: created.id,
    });
    expect(await updateProvider(edited, user.id)).toMatchObject({
      maxConcurrency: null,
      requestsPerMinute: 60,
      tokensPerMinute: null,
    });
    expect(input().maxConcurrency).toBeNull();

    const bad = ProviderInputSchema.safeParse({
      name: "a",
      kind: "openai",
      model: "m",
      maxConcurrency: 0,
      requestsPerMinute: 2.5,
      tokensPerMinute: -10,
    });
    expect(bad.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
      "maxConcurrency: Max concurrency must be at least 1; leave it empty for no limit.",
      "requestsPerMinute: Requests per minute must be a whole number.",
      "tokensPerMinute: Tokens per minute must be at least 1; leave it empty for no limit.",
    ]);
    await expect(providerLimits("missing")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses duplicate names", async () => {
    const user = await createTestUser("curator");
    const first = await createProvider(input(), user.id);
    await expect(createProvider(input({ name: first.name }), user.id)).rejects.toBeInstanceOf(ConflictError);
    const second = await createProvider(input(), user.id);
    await expect(
      updateProvider(UpdateProviderSchema.parse({ ...input({ name: first.name }), id: second.id }), user.id),
    ).rejects.toThrow(`A teacher named "${first.name}" already exists`);
  });

  it("cannot delete a provider a job references", async () => {
    const user = await createTestUser("curator");
    const provider = await createProvider(input(), user.id);
    const set = await db().promptSet.create({ data: { name: unique("Set") } });
    const job = await db().job.create({
      data: {
        name: "job",
        status: "completed",
        config: {},
        promptSetId: set.id,
        providerId: provider.id,
        itemCount: 0,
      },
    });
    await expect(deleteProvider(provider.id, user.id)).rejects.toThrow(
      new ConflictError(
        `Teacher "${provider.name}" is used by 1 job and cannot be deleted: jobs keep a record of the teacher ` +
          "that wrote their traces. Add a new teacher instead.",
      ),
    );
    await db().job.delete({ where: { id: job.id } });
    await deleteProvider(provider.id, user.id);
    await expect(getProvider(provider.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteProvider(provider.id, user.id)).rejects.toBeInstanceOf(NotFoundError);
    const actions = await db().auditEvent.findMany({ where: { entityId: provider.id } });
    expect(actions.map((a) => a.action).sort()).toEqual(["provider.created", "provider.deleted"]);
  });

  it("builds a working teacher from the stored provider", async () => {
    const user = await createTestUser("curator");
    const provider = await createProvider(input(), user.id);
    const teacher = await teacherForProvider(provider.id);
    const completion = await teacher.complete({
      system: "",
      prompt: "2 + 2?",
      temperature: 0,
      maxTokens: 100,
    });
    expect(completion.text).toMatch(/The answer is \d+\.$/);
    await expect(teacherForProvider("missing")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("says clearly when the stored key cannot be decrypted any more", async () => {
    const user = await createTestUser("curator");
    const provider = await createProvider(input(), user.id);
    process.env.TRACEBANK_SECRET_KEY = randomBytes(32).toString("base64");
    resetEnvForTests();
    try {
      await expect(teacherForProvider(provider.id)).rejects.toThrow(
        new ConflictError(
          `Cannot decrypt the API key of teacher "${provider.name}": did TRACEBANK_SECRET_KEY change? ` +
            "Re-enter the key on the Teachers page.",
        ),
      );
    } finally {
      delete process.env.TRACEBANK_SECRET_KEY;
      resetEnvForTests();
    }
    expect((await providerConfig(provider.id)).apiKey).toBe("sk-first");
  });
});
