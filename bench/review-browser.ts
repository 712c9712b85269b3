// The in-browser half of bench:review: serves the production build on a seeded database, signs a
// reviewer in through the sign-in page, opens the pending queue in Chromium and presses
// "a" (approve, then the next trace) at a reviewer's pace and in bursts, reading the page's own
// key → next-trace-painted timings (components/review/workbench/key-timings.ts).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium } from "@playwright/test";

const ROOT = resolve(import.meta.dirname, "..");
const NEXT = join(ROOT, "node_modules/next/dist/bin/next");
const CHROMIUM = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";

export type BrowserFigures = { presses: number; p50_ms: number; p95_ms: number; max_ms: number };

/** The production build, what users run (a build left in .next may be of older code). */
export function buildApp(): void {
  const built = spawnSync(process.execPath, [NEXT, "build"], { stdio: "inherit", cwd: ROOT });
  if (built.status !== 0) throw new Error("next build failed");
}

export async function measureBrowserNext(options: {
  databaseUrl: string;
  dataDir: string;
  port: number;
  email: string;
  password: string;
  /** Paced presses (one every ~120 ms, a fast reviewer) and burst presses (keys as fast as they come). */
  paced?: number;
  bursts?: number;
}): Promise<BrowserFigures> {
  const server = await startServer(options);
  const browser = await chromium.launch({
    executablePath: existsSync(CHROMIUM) ? CHROMIUM : undefined,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const page = await browser.newPage();
    const base = `http://127.0.0.1:${options.port}`;
    await page.goto(`${base}/sign-in`);
    await page.getByLabel("Email").fill(options.email);
    await page.getByLabel("Password").fill(options.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    const first = await page.evaluate(async (url) => {
      const response = await fetch(url);
      const body = (await response.json()) as { traces: Array<{ id: string }> };
      return body.traces[0]?.id;
    }, `${base}/api/review/queue?status=pending&limit=1`);
    if (!first) throw new Error("bench:review: no pending trace to open");
    await page.goto(`${base}/review/${first}?status=pending`);
    await page.getByTestId("review-current").waitFor();
    // Hydrated once the shortcut overlay answers its key.
    for (let i = 0; i < 50; i++) {
      await page.keyboard.press("?");
      if (await page.getByRole("dialog", { name: "Keyboard shortcuts" }).isVisible()) break;
      await page.waitForTimeout(200);
    }
    await page.keyboard.press("Escape");
    await page.evaluate(() => (window.__reviewTimings = []));
    for (let i = 0; i < (options.paced ?? 150); i++) {
      await page.keyboard.press("a");
      await page.waitForTimeout(120);
    }
    for (let b = 0; b < (options.bursts ?? 10); b++) {
      for (let i = 0; i < 5; i++) await page.keyboard.press("a");
      await page.waitForTimeout(600);
    }
    await page.waitForFunction(
      () => document.querySelector('[data-testid="review-saving"]')?.textContent === "all saved",
      null,
      {
        timeout: 60_000,
      },
    );
    const ms = (await page.evaluate(() => window.__reviewTimings!.map((t) => t.ms))).sort((a, b) => a - b);
    const at = (q: number) => Number(ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(1));
    return { presses: ms.length, p50_ms: at(0.5), p95_ms: at(0.95), max_ms: at(1) };
  } finally {
    await browser.close();
    server.kill("SIGTERM");
  }
}

async function startServer(options: {
  databaseUrl: string;
  dataDir: string;
  port: number;
}): Promise<ChildProcess> {
  const server = spawn(process.execPath, [NEXT, "start", "-H", "127.0.0.1", "-p", String(options.port)], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      TRACEBANK_DATA_DIR: options.dataDir,
      TRACEBANK_IN_PROCESS_WORKER: "0",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(options.port),
    },
  });
  let log = "";
  server.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  for (let waited = 0; waited < 60_000; waited += 250) {
    if (server.exitCode !== null) throw new Error(`the server stopped:\n${log}`);
    const up = await fetch(`http://127.0.0.1:${options.port}/sign-in`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return server;
    await new Promise((r) => setTimeout(r, 250));
  }
  server.kill("SIGKILL");
  throw new Error(`the server did not answer within a minute:\n${log}`);
}
