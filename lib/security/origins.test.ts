import { describe, expect, it } from "vitest";
import { checkRequest, normaliseHost, originPolicy } from "./origins";

const local = originPolicy({ port: 3000 });
const behindProxy = originPolicy({ publicUrl: "https://tracebank.example.org", port: 3000 });

function request(method: string, headers: Record<string, string>) {
  return { method, headers: new Headers(headers) };
}

describe("the origin policy", () => {
  it("allows only the loopback names on the served port when no public URL is set", () => {
    expect(local.origins).toEqual(["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000"]);
    expect(local.hosts).toEqual(["localhost:3000", "127.0.0.1:3000", "[::1]:3000"]);
    expect(local.trustForwardedHost).toBe(false);
    expect(local.https).toBe(false);
    expect(local.baseUrl).toBe("http://127.0.0.1:3000");
  });

  it("adds the public URL's origin (and says https) when one is set", () => {
    expect(behindProxy.origins[0]).toBe("https://tracebank.example.org");
    expect(behindProxy.hosts).toContain("tracebank.example.org");
    expect(behindProxy.hosts).toContain("127.0.0.1:3000");
    expect(behindProxy.trustForwardedHost).toBe(true);
    expect(behindProxy.https).toBe(true);
    expect(behindProxy.baseUrl).toBe("https://tracebank.example.org");
    expect(originPolicy({ publicUrl: "http://10.0.0.5:8080", port: 8080 }).https).toBe(false);
  });
});

describe("checkRequest: the Host", () => {
  it("answers the loopback names on the served port", () => {
    for (const host of ["127.0.0.1:3000", "localhost:3000", "[::1]:3000", "LOCALHOST:3000"])
      expect(checkRequest(local, request("GET", { host }))).toBeNull();
  });

  it("refuses any other Host, on every method: a rebound DNS name, another port, odd syntax, none", () => {
    for (const host of [
      "evil.example",
      "evil.example:3000",
      "127.0.0.1:4000",
      "evil.example@127.0.0.1:3000",
      "",
    ]) {
      const refusal = checkRequest(local, request("GET", host ? { host } : {}));
      expect(refusal?.status, host).toBe(403);
      expect(refusal?.message).toMatch(/Host/);
    }
  });

  it("refuses a DNS-rebinding write even though its Origin matches its Host", () => {
    const refusal = checkRequest(
      local,
      request("POST", { host: "evil.example:3000", origin: "http://evil.example:3000" }),
    );
    expect(refusal?.status).toBe(403);
  });

  it("ignores X-Forwarded-Host without a public URL, and checks every entry behind one", () => {
    const headers = { host: "127.0.0.1:3000", "x-forwarded-host": "evil.example" };
    expect(checkRequest(local, request("GET", headers))).toBeNull();
    expect(checkRequest(behindProxy, request("GET", headers))?.message).toMatch(/X-Forwarded-Host/);
    const chained = { host: "127.0.0.1:3000", "x-forwarded-host": "tracebank.example.org, evil.example" };
    expect(checkRequest(behindProxy, request("GET", chained))?.status).toBe(403);
    const good = { host: "127.0.0.1:3000", "x-forwarded-host": "tracebank.example.org" };
    expect(checkRequest(behindProxy, request("GET", good))).toBeNull();
  });
});

describe("checkRequest: the Origin of writes", () => {
  const host = "127.0.0.1:3000";

  it("accepts a write from the server's own page", () => {
    expect(checkRequest(local, request("POST", { host, origin: "http://127.0.0.1:3000" }))).toBeNull();
  });

  it("refuses writes from another site, another local port, an opaque origin, on every write method", () => {
    for (const origin of ["http://evil.example", "http://localhost:8080", "http://127.0.0.1:3001", "null"]) {
      for (const method of ["POST", "PUT", "PATCH", "DELETE", "post"]) {
        const refusal = checkRequest(local, request(method, { host, origin }));
        expect(refusal?.status, `${method} from ${origin}`).toBe(403);
        expect(refusal?.message).toMatch(/Origin/);
      }
    }
  });

  it("does not check the Origin of reads", () => {
    expect(checkRequest(local, request("GET", { host, origin: "http://evil.example" }))).toBeNull();
  });

  it("refuses an allowed Origin that names another host than the one addressed", () => {
    const refusal = checkRequest(local, request("POST", { host, origin: "http://localhost:3000" }));
    expect(refusal?.message).toMatch(/does not match the Host/);
  });

  it("lets a write without Origin through only when no browser says it came from another site", () => {
    expect(checkRequest(local, request("POST", { host }))).toBeNull();
    expect(checkRequest(local, request("POST", { host, "sec-fetch-site": "same-origin" }))).toBeNull();
    for (const site of ["cross-site", "same-site"])
      expect(checkRequest(local, request("POST", { host, "sec-fetch-site": site }))?.status).toBe(403);
  });

  it("behind a reverse proxy: accepts the public origin when Host or X-Forwarded-Host carries the public name", () => {
    const origin = "https://tracebank.example.org";
    expect(checkRequest(behindProxy, request("POST", { host: "tracebank.example.org", origin }))).toBeNull();
    expect(
      checkRequest(
        behindProxy,
        request("POST", { host: "127.0.0.1:3000", "x-forwarded-host": "tracebank.example.org", origin }),
      ),
    ).toBeNull();
    // Loopback still works on the machine itself (or through an SSH tunnel).
    expect(checkRequest(behindProxy, request("POST", { host, origin: "http://127.0.0.1:3000" }))).toBeNull();
  });

  it("behind a reverse proxy: says so when the proxy rewrote Host and passed no X-Forwarded-Host", () => {
    const refusal = checkRequest(
      behindProxy,
      request("POST", { host: "127.0.0.1:3000", origin: "https://tracebank.example.org" }),
    );
    expect(refusal?.message).toMatch(/reverse proxy must pass Host or X-Forwarded-Host/);
  });

  it("refuses the public host over the other scheme", () => {
    const refusal = checkRequest(
      behindProxy,
      request("POST", { host: "tracebank.example.org", origin: "http://tracebank.example.org" }),
    );
    expect(refusal?.status).toBe(403);
  });
});

describe("normaliseHost", () => {
  it("lowercases, drops the default port and rejects what a Host cannot hold", () => {
    expect(normaliseHost("Tracebank.Example.ORG")).toBe("tracebank.example.org");
    expect(normaliseHost("127.0.0.1:80")).toBe("127.0.0.1");
    expect(normaliseHost("[::1]:3000")).toBe("[::1]:3000");
    for (const bad of ["a b", "a/b", "a@b", "a?b", null, ""]) expect(normaliseHost(bad)).toBeNull();
  });
});
