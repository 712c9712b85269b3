import { chmodSync, statSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { db } from "../db/client";
import { env } from "../env";
import { prepareAccounts } from "./instance";
import { issueSetupCode, SETUP_CODE_KEY } from "./setup-code";
import { registerUser } from "./sign-up";

async function logged(): Promise<string> {
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  try {
    await prepareAccounts();
    return log.mock.calls.map((c) => String(c[0])).join("\n");
  } finally {
    log.mockRestore();
  }
}

describe("the web process start", () => {
  it("prints a one-time setup code while no account exists, and that code claims the admin account", async () => {
    const line = await logged();
    const code = /Open http:\/\/localhost:\d+\/sign-up and enter setup code ([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(
      line,
    )?.[1];
    expect(code, line).toBeDefined();
    // A second start prints another; only the latest works.
    const again = /setup code (\S{9})/.exec(await logged())?.[1];
    expect(again).not.toBe(code);
    await expect(
      registerUser(
        { name: "Ada", email: "ada@example.test", password: "long enough", setupCode: code },
        new Headers(),
      ),
    ).rejects.toThrow("setup code is not right");
    const ada = await registerUser(
      { name: "Ada", email: "ada@example.test", password: "long enough", setupCode: again },
      new Headers(),
    );
    expect(ada.role).toBe("admin");
    // Once an account exists, starts print nothing and store no code.
    expect(await logged()).not.toContain("setup code");
    expect(await issueSetupCode()).toBeNull();
    expect(await db().instanceSetting.count({ where: { key: SETUP_CODE_KEY } })).toBe(0);
  });

  it("makes the data directory the owner's only", async () => {
    chmodSync(env().TRACEBANK_DATA_DIR, 0o755);
    await logged();
    expect(statSync(env().TRACEBANK_DATA_DIR).mode & 0o777).toBe(0o700);
  });
});
