import { beforeEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "../env";
import { json, NoParams, NoQuery, route } from "./route";

// The route wrapper checks Host and Origin itself for writes: it holds even if proxy.ts is skipped.
const handler = route({ permission: "read", params: NoParams, query: NoQuery }, async () =>
  json({ ran: true }),
);
const context = { params: Promise.resolve({}) };

beforeEach(() => {
  process.env.PORT = "3000";
  delete process.env.TRACEBANK_PUBLIC_URL;
  resetEnvForTests();
});

function send(method: string, headers: Record<string, string>) {
  return handler(new Request("http://127.0.0.1:3000/api/test", { method, headers }), context);
}

describe("route(): the origin check for writes", () => {
  it("refuses a POST from another origin with 403 before it looks at the session", async () => {
    const response = await send("POST", { host: "127.0.0.1:3000", origin: "http://evil.example" });
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatch(/Origin not allowed/);
  });

  it("refuses a DELETE under a foreign Host", async () => {
    const response = await send("DELETE", { host: "evil.example", origin: "http://evil.example" });
    expect(response.status).toBe(403);
  });

  it("lets a write from its own origin on to authentication (401 without a session)", async () => {
    const response = await send("POST", { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" });
    expect(response.status).toBe(401);
  });

  it("leaves reads to proxy.ts (a GET goes on to authentication)", async () => {
    const response = await send("GET", { host: "127.0.0.1:3000", origin: "http://evil.example" });
    expect(response.status).toBe(401);
  });
});
