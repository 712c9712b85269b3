import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { proxy } from "../../proxy";
import { resetEnvForTests } from "../env";

// proxy.ts (the project root's request gate) run without a server: it is a function of a request.
const saved = { PORT: process.env.PORT, TRACEBANK_PUBLIC_URL: process.env.TRACEBANK_PUBLIC_URL };

function setEnv(values: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvForTests();
}

afterEach(() => setEnv(saved));

function call(url: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return proxy(new NextRequest(url, { method: init.method ?? "GET", headers: init.headers }));
}

describe("proxy.ts", () => {
  it("passes a request to the server's own address with every security header and a fresh nonce", () => {
    setEnv({ PORT: "3000", TRACEBANK_PUBLIC_URL: undefined });
    const first = call("http://127.0.0.1:3000/bank", { headers: { host: "127.0.0.1:3000" } });
    const second = call("http://127.0.0.1:3000/bank", { headers: { host: "127.0.0.1:3000" } });
    expect(first.headers.get("x-middleware-next")).toBe("1");
    const csp = first.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toBe(second.headers.get("content-security-policy"));
    // Next reads the nonce from the request's CSP header when it renders.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(first.headers.get("x-frame-options")).toBe("DENY");
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("strict-transport-security")).toBeNull();
  });

  it("refuses another Host and a write from another Origin with 403, headers included", async () => {
    setEnv({ PORT: "3000", TRACEBANK_PUBLIC_URL: undefined });
    const rebound = call("http://evil.example:3000/", { headers: { host: "evil.example:3000" } });
    expect(rebound.status).toBe(403);
    expect((await rebound.json()).error).toMatch(/Host/);
    expect(rebound.headers.get("x-frame-options")).toBe("DENY");
    const csrf = call("http://127.0.0.1:3000/api/prompt-sets/x/import", {
      method: "POST",
      headers: { host: "127.0.0.1:3000", origin: "http://evil.example" },
    });
    expect(csrf.status).toBe(403);
    expect((await csrf.json()).error).toMatch(/Origin/);
  });

  it("sends HSTS and upgrades insecure requests only when the public URL is https", () => {
    setEnv({ PORT: "3000", TRACEBANK_PUBLIC_URL: "https://tracebank.example.org" });
    const response = call("https://tracebank.example.org/", { headers: { host: "tracebank.example.org" } });
    expect(response.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    setEnv({ TRACEBANK_PUBLIC_URL: "http://10.0.0.5:3000" });
    const plain = call("http://10.0.0.5:3000/", { headers: { host: "10.0.0.5:3000" } });
    expect(plain.headers.get("strict-transport-security")).toBeNull();
  });
});
