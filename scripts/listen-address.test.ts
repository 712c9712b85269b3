import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isLoopback, listenAddress } from "./listen-address.mjs";

describe("where npm start listens", () => {
  it("defaults to 127.0.0.1:3000", () => {
    expect(listenAddress({})).toEqual({ host: "127.0.0.1", port: "3000" });
    expect(listenAddress({ PORT: "4000" })).toEqual({ host: "127.0.0.1", port: "4000" });
  });

  it("takes any loopback HOST as it is", () => {
    for (const host of ["localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]"])
      expect(isLoopback(host)).toBe(true);
    expect(listenAddress({ HOST: "::1" })).toEqual({ host: "::1", port: "3000" });
  });

  it("refuses a HOST other machines can reach unless TRACEBANK_PUBLIC_URL says where people come from", () => {
    for (const host of ["0.0.0.0", "::", "192.168.1.20", "tracebank.example.org"]) {
      expect(isLoopback(host)).toBe(false);
      expect(listenAddress({ HOST: host }).error).toMatch(/TRACEBANK_PUBLIC_URL is unset/);
    }
    expect(listenAddress({ HOST: "0.0.0.0", TRACEBANK_PUBLIC_URL: "http://192.168.1.20:3000" })).toEqual({
      host: "0.0.0.0",
      port: "3000",
    });
  });

  it("refuses a PORT that is not one", () => {
    for (const port of ["0", "70000", "abc"]) expect(listenAddress({ PORT: port }).error).toMatch(/PORT/);
  });

  it("npm start stops at once, before building, with the message", () => {
    const env: NodeJS.ProcessEnv = { ...process.env, HOST: "0.0.0.0" };
    delete env.TRACEBANK_PUBLIC_URL;
    const result = spawnSync(process.execPath, [join(import.meta.dirname, "start.mjs")], {
      env,
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/HOST=0\.0\.0\.0 lets other machines reach Tracebank/);
  });
});
