import { afterEach, describe, expect, it } from "vitest";
import { auth } from "../auth";
import { env, resetEnvForTests } from "../env";
import { secureCookies, sitePolicy } from "./site";

const saved = { ...process.env };

function setEnv(values: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvForTests();
  // The auth instance is built once per database client; rebuild it under the new settings.
  (globalThis as { __tracebankAuth?: unknown }).__tracebankAuth = undefined;
}

afterEach(() => {
  setEnv({
    PORT: saved.PORT,
    TRACEBANK_PUBLIC_URL: saved.TRACEBANK_PUBLIC_URL,
    TRACEBANK_SECURE_COOKIES: saved.TRACEBANK_SECURE_COOKIES,
  });
});

async function sessionCookie() {
  const context = await auth().$context;
  return context.authCookies.sessionToken;
}

describe("the site's settings", () => {
  it("without a public URL: loopback on PORT, plain cookies, better-auth on the same origin", async () => {
    setEnv({ PORT: "4123", TRACEBANK_PUBLIC_URL: undefined, TRACEBANK_SECURE_COOKIES: undefined });
    expect(sitePolicy().origins).toContain("http://127.0.0.1:4123");
    expect(sitePolicy().hosts).not.toContain("127.0.0.1:3000");
    expect(secureCookies()).toBe(false);
    const cookie = await sessionCookie();
    expect(cookie.name).toBe("tracebank.session_token");
    expect(cookie.attributes.secure).toBe(false);
    const context = await auth().$context;
    expect(context.baseURL).toMatch(/^http:\/\/127\.0\.0\.1:4123/);
    expect(context.trustedOrigins).toContain("http://127.0.0.1:4123");
  });

  it("an https public URL turns on Secure (__Secure-) cookies and trusts that origin", async () => {
    setEnv({ PORT: "3000", TRACEBANK_PUBLIC_URL: "https://tracebank.example.org" });
    expect(sitePolicy().https).toBe(true);
    expect(secureCookies()).toBe(true);
    const cookie = await sessionCookie();
    expect(cookie.name).toBe("__Secure-tracebank.session_token");
    expect(cookie.attributes.secure).toBe(true);
    expect((await auth().$context).trustedOrigins).toContain("https://tracebank.example.org");
  });

  it("an http public URL keeps cookies plain; TRACEBANK_SECURE_COOKIES overrides either way", async () => {
    setEnv({ TRACEBANK_PUBLIC_URL: "http://10.0.0.5:3000" });
    expect(secureCookies()).toBe(false);
    setEnv({ TRACEBANK_SECURE_COOKIES: "1" });
    expect(secureCookies()).toBe(true);
    expect((await sessionCookie()).attributes.secure).toBe(true);
    setEnv({ TRACEBANK_PUBLIC_URL: "https://tracebank.example.org", TRACEBANK_SECURE_COOKIES: "0" });
    expect(secureCookies()).toBe(false);
  });

  it("refuses a public URL that is more than an origin", () => {
    for (const url of [
      "https://x.example.org/tracebank",
      "https://u:p@x.example.org",
      "https://x.example.org/?a=1",
      "ftp://x.example.org",
    ]) {
      setEnv({ TRACEBANK_PUBLIC_URL: url });
      expect(() => env(), url).toThrow(/TRACEBANK_PUBLIC_URL/);
    }
    setEnv({ TRACEBANK_PUBLIC_URL: "https://x.example.org/" });
    expect(env().TRACEBANK_PUBLIC_URL).toBe("https://x.example.org/");
  });
});
