import { expect, test, type Page } from "@playwright/test";
import { ADMIN } from "./support/accounts";

type Violation = { page: string; directive: string; blocked: string; sample: string };

/** Every CSP violation and console error on `page`, as they happen, across navigations. */
async function watchPolicy(page: Page): Promise<{ violations: Violation[]; errors: string[] }> {
  const violations: Violation[] = [];
  const errors: string[] = [];
  await page.exposeFunction("__reportCspViolation", (v: Violation) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation: (v: unknown) => void })
        .__reportCspViolation;
      report({
        page: location.pathname,
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
      });
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  return { violations, errors };
}

const PAGES = [
  { path: "/", heading: "Overview" },
  { path: "/bank", heading: "System messages" },
  { path: "/prompts", heading: "Prompt sets" },
  { path: "/jobs", heading: "Generation jobs" },
  { path: "/jobs/new", heading: "New generation job" },
  { path: "/review", heading: "Review" },
  { path: "/teachers", heading: "Teachers" },
  { path: "/users", heading: "Users" },
  { path: "/export", heading: "Export" },
];

test("the app works under its Content-Security-Policy: no violation, no console error", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const seen = await watchPolicy(page);

  // Signing in runs a Server Action from a client component: scripts and the action both work.
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toHaveText(ADMIN.name);

  for (const { path, heading } of PAGES) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first(), path).toHaveText(heading);
    await page.waitForLoadState("networkidle");
  }

  // Progress bars set their width in a server-rendered style attribute: style-src-attr allows it.
  const width = await page.evaluate(() => {
    document.body.insertAdjacentHTML("beforeend", '<div id="style-probe" style="width: 37px"></div>');
    return getComputedStyle(document.getElementById("style-probe")!).width;
  });
  expect(width).toBe("37px");

  // A detail page, reached by a client-side navigation (the router's fetches and chunks load
  // under 'strict-dynamic').
  await page.goto("/bank");
  await page.getByRole("link", { name: "Step-by-step reasoning", exact: true }).click();
  await expect(page.getByRole("button", { name: "Save as new version" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.getByRole("link", { name: "Prompts", exact: true }).first().click();
  await expect(page).toHaveURL(/\/prompts$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Prompt sets");

  expect(seen.errors).toEqual([]);

  // Unmatched URLs render per request too (a prerendered 404 would carry no nonce).
  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await page.getByRole("link", { name: "Back to the overview" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Overview");

  expect(seen.violations).toEqual([]);
  // The one console error left is Chromium noting the 404 status itself.
  expect(seen.errors).toEqual([expect.stringMatching(/no-such-page: Failed to load resource: .* 404/)]);
  await context.close();
});

const FIXED_HEADERS = {
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
} as const;

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  for (const [name, value] of Object.entries(FIXED_HEADERS))
    expect(headers[name], `${what}: ${name}`).toBe(value);
  expect(headers["permissions-policy"], what).toMatch(/camera=\(\)/);
  expect(headers["permissions-policy"], what).toMatch(/microphone=\(\)/);
  expect(headers["permissions-policy"], what).toMatch(/geolocation=\(\)/);
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, what).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("object-src 'none'");
  // Plain http: no HSTS (it follows an https TRACEBANK_PUBLIC_URL only).
  expect(headers["strict-transport-security"], what).toBeUndefined();
}

test("pages, route handlers and static files carry the security headers; Next's scripts carry the nonce", async ({
  page,
}) => {
  const response = await page.goto("/prompts");
  const headers = response!.headers();
  expectSecurityHeaders(headers, "page");
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"]!)![1];

  // Every <script> Next rendered has this response's nonce (the browser hides it from attributes).
  const scripts = await page.evaluate(() =>
    [...document.scripts].map((s) => ({ nonce: s.nonce, src: s.src || "(inline)" })),
  );
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script.nonce, script.src).toBe(nonce);

  // A second load gets another nonce.
  const again = (await page.request.get("/prompts")).headers()["content-security-policy"];
  expect(again).not.toBe(headers["content-security-policy"]);

  const api = await page.request.get("/api/jobs");
  expect(api.status()).toBe(200);
  expectSecurityHeaders(api.headers(), "route handler");

  const chunk = scripts.find((s) => s.src.includes("/_next/static/"))!.src;
  const asset = await page.request.get(chunk);
  expect(asset.status()).toBe(200);
  expectSecurityHeaders(asset.headers(), "static chunk");

  const icon = await page.request.get("/icon.svg");
  expect(icon.status()).toBe(200);
  expectSecurityHeaders(icon.headers(), "icon");
});
