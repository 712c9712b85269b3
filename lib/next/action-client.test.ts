import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { resetEnvForTests } from "../env";

// Server Actions read the request's headers through next/headers; here they are whatever a test sets.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));

const { publicAction } = await import("./action-client");
const ran = vi.fn();
const probe = publicAction
  .metadata({ name: "probe" })
  .inputSchema(z.object({}))
  .action(async () => {
    ran();
    return "ran";
  });

beforeEach(() => {
  process.env.PORT = "3000";
  delete process.env.TRACEBANK_PUBLIC_URL;
  resetEnvForTests();
  ran.mockClear();
});

describe("the action client's origin check", () => {
  it("refuses an action posted from another origin, without running it", async () => {
    request.headers = new Headers({ host: "127.0.0.1:3000", origin: "http://evil.example" });
    const result = await probe({});
    expect(result.serverError).toMatch(/Origin not allowed/);
    expect(ran).not.toHaveBeenCalled();
  });

  it("refuses an action under a rebound Host", async () => {
    request.headers = new Headers({ host: "evil.example:3000", origin: "http://evil.example:3000" });
    expect((await probe({})).serverError).toMatch(/Host/);
    expect(ran).not.toHaveBeenCalled();
  });

  it("runs an action from the server's own page", async () => {
    request.headers = new Headers({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" });
    expect((await probe({})).data).toBe("ran");
  });
});
