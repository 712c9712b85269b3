import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// The same end-to-end suite runs against the app on SQLite and on PostgreSQL, each a production
// build served by `next start` with its own fresh database, plus the scripted teacher server.
// E2E_PORT_BASE moves all three, so several checkouts can run the suite side by side.
const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 39100);
export const PORTS = { sqlite: PORT_BASE + 1, postgres: PORT_BASE + 2, teacher: PORT_BASE + 10 } as const;

// Debian's Chromium where installed (no browser download here); Playwright's own elsewhere.
const systemChromium = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";
const executablePath = existsSync(systemChromium) ? systemChromium : undefined;

export default defineConfig({
  testDir: "e2e",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
      ],
    },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: (["sqlite", "postgres"] as const).flatMap((db) => [
    {
      name: `${db}-setup`,
      testMatch: /global\.setup\.ts/,
      use: { baseURL: `http://127.0.0.1:${PORTS[db]}` },
    },
    {
      name: db,
      testIgnore: /global\.setup\.ts/,
      dependencies: [`${db}-setup`],
      use: { baseURL: `http://127.0.0.1:${PORTS[db]}`, storageState: `.tmp/e2e/${db}-admin.json` },
    },
  ]),
  webServer: [
    {
      command: `node --import tsx lib/testing/scripted-teacher/cli.ts --port ${PORTS.teacher}`,
      url: `http://127.0.0.1:${PORTS.teacher}/__control/stats`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    ...(["sqlite", "postgres"] as const).map((db) => ({
      command: `node e2e/serve.mjs ${db} ${PORTS[db]}`,
      url: `http://127.0.0.1:${PORTS[db]}/sign-in`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe" as const,
    })),
  ],
});
