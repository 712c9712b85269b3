import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser } from "../testing/fixtures";
import { startScriptedTeacher, type ScriptedTeacher } from "../testing/scripted-teacher";
import { createProvider } from "./providers";
import { ProviderInputSchema } from "./schemas";
import { testConnection, testConnectionFor } from "./test-connection";

let server: ScriptedTeacher;
beforeAll(async () => {
  server = await startScriptedTeacher({
    script: {
      requireApiKey: "sk-ok",
      rules: [{ match: { promptIncludes: "Reply with the single word OK." }, reply: "OK" }],
    },
  });
});
afterAll(() => server.close());

describe("testConnection", () => {
  it("answers ok with the reply, model and latency for both kinds", async () => {
    for (const [kind, baseUrl] of [
      ["openai", server.baseUrlOpenAI],
      ["anthropic", server.baseUrlAnthropic],
    ] as const) {
      const result = await testConnection({ kind, baseUrl, model: "tiny", apiKey: "sk-ok" });
      expect(result).toEqual({ ok: true, reply: "OK", model: "tiny", latencyMs: expect.any(Number) });
    }
  });

  it("explains failures instead of throwing", async () => {
    const wrongKey = await testConnection({
      kind: "openai",
      baseUrl: server.baseUrlOpenAI,
      model: "m",
      apiKey: "no",
    });
    expect(wrongKey).toEqual({
      ok: false,
      error: expect.stringMatching(/^401 Unauthorized .*check the API key/),
    });

    const gone = await startScriptedTeacher();
    await gone.close();
    const refused = await testConnection({ kind: "openai", baseUrl: gone.baseUrlOpenAI, model: "m" });
    expect(refused).toEqual({
      ok: false,
      error: `Could not reach ${gone.baseUrlOpenAI}: connection refused. Is the server running, and is the base URL right?`,
    });
    const user = await createTestUser("curator");
    expect(await testConnectionFor({ providerId: "no-such-provider", removeKey: false }, user.id)).toEqual({
      ok: false,
      error: "Teacher no-such-provider was not found.",
    });
  });

  it("tests a saved provider, and form values with the stored key when the key is left blank", async () => {
    const user = await createTestUser("curator");
    const saved = await createProvider(
      ProviderInputSchema.parse({
        name: `Saved ${Date.now()}`,
        kind: "anthropic",
        baseUrl: server.baseUrlAnthropic,
        model: "claude-test",
        apiKey: "sk-ok",
      }),
      user.id,
    );
    expect(await testConnectionFor({ providerId: saved.id, removeKey: false }, user.id)).toMatchObject({
      ok: true,
      reply: "OK",
    });

    const config = {
      kind: "anthropic" as const,
      baseUrl: server.baseUrlAnthropic,
      model: "edited",
      apiKey: undefined,
    };
    expect(
      await testConnectionFor({ providerId: saved.id, config, removeKey: false }, user.id),
    ).toMatchObject({
      ok: true,
      model: "edited",
    });
    expect(await testConnectionFor({ providerId: saved.id, config, removeKey: true }, user.id)).toMatchObject(
      {
        ok: false,
      },
    );
    expect(await testConnectionFor({ config, removeKey: false }, user.id)).toMatchObject({ ok: false });
    expect(await testConnectionFor({ providerId: saved.id, removeKey: false }, user.id)).toMatchObject({
      ok: true,
    });
  });
});
