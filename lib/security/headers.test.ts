import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, HSTS, newNonce, securityHeaders, STATIC_SECURITY_HEADERS } from "./headers";

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(";").map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values.join(" ")];
    }),
  );
}

describe("the Content-Security-Policy", () => {
  const csp = directives(contentSecurityPolicy({ nonce: "abc123==", https: false, dev: false }));

  it("runs only nonced scripts (and what they load), never inline or eval'd ones", () => {
    expect(csp.get("script-src")).toBe("'self' 'nonce-abc123==' 'strict-dynamic'");
  });

  it("allows the stylesheet and nonced <style>, and style attributes only through style-src-attr", () => {
    expect(csp.get("style-src")).toBe("'self' 'nonce-abc123=='");
    expect(csp.get("style-src-attr")).toBe("'unsafe-inline'");
  });

  it("locks down everything else", () => {
    expect(csp.get("default-src")).toBe("'self'");
    expect(csp.get("img-src")).toBe("'self' data:");
    expect(csp.get("connect-src")).toBe("'self'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'self'");
    expect(csp.get("form-action")).toBe("'self'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("upgrades insecure requests only over https", () => {
    const https = directives(contentSecurityPolicy({ nonce: "n", https: true, dev: false }));
    expect(https.has("upgrade-insecure-requests")).toBe(true);
  });

  it("adds eval and inline styles in development only (React's dev tooling)", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "n", https: false, dev: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("style-src")).toBe("'self' 'unsafe-inline'");
    expect(csp.get("script-src")).not.toContain("unsafe");
  });
});

describe("securityHeaders", () => {
  it("sends the fixed headers and the CSP on plain http, without HSTS", () => {
    const headers = securityHeaders({ nonce: "n", https: false, dev: false });
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("same-origin");
    expect(headers["Permissions-Policy"]).toMatch(/camera=\(\), microphone=\(\), geolocation=\(\)/);
    expect(headers["Content-Security-Policy"]).toContain("'nonce-n'");
    expect(headers).not.toHaveProperty("Strict-Transport-Security");
    expect(headers).toMatchObject(STATIC_SECURITY_HEADERS);
  });

  it("adds HSTS over https", () => {
    const headers = securityHeaders({ nonce: "n", https: true, dev: false });
    expect(headers["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(HSTS).toBe("max-age=63072000; includeSubDomains");
  });
});

describe("newNonce", () => {
  it("is 16 random bytes, base64, fresh each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
