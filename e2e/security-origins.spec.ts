import { request as playwrightRequest, expect, test, type Request } from "@playwright/test";
import { ADMIN } from "./support/accounts";
import { createPromptSetFromFile, uniqueLabel } from "./support/steps";

const EVIL = "http://evil.example";

test("a Server Action is refused from another Origin and under another Host, and runs from our own", async ({
  browser,
  baseURL,
}) => {
  const base = new URL(baseURL!);
  // Capture a real Server Action request (signing in) as the browser sends it.
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  const sent = page.waitForRequest((r) => r.method() === "POST" && "next-action" in r.headers());
  await page.getByRole("button", { name: "Sign in" }).click();
  const action: Request = await sent;
  await expect(page.getByTestId("current-user")).toHaveText(ADMIN.name);
  expect((await action.allHeaders()).origin).toBe(base.origin);
  await context.close();

  // The browser's own headers (Next-Action, router state, Origin...), minus what the client recomputes.
  const captured = Object.fromEntries(
    Object.entries(await action.allHeaders()).filter(
      ([name]) => !["host", "content-length", "cookie", "connection"].includes(name) && !name.startsWith(":"),
    ),
  );
  const api = await playwrightRequest.newContext({ baseURL });
  const replay = (headers: Record<string, string>) =>
    api.post(action.url(), {
      headers: { ...captured, ...headers },
      data: action.postDataBuffer() ?? "",
      maxRedirects: 0,
    });

  const foreign = await replay({ origin: EVIL });
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).error).toMatch(/Origin not allowed/);
  expect(foreign.headers()["set-cookie"]).toBeUndefined();

  // DNS rebinding: the browser would send the attacker's name as both Host and Origin.
  const rebound = await replay({ host: `evil.example:${base.port}`, origin: `${EVIL}:${base.port}` });
  expect(rebound.status()).toBe(403);
  expect((await rebound.json()).error).toMatch(/Host/);

  // Another local port is another origin (cookies are shared across ports, so this matters).
  const otherPort = await replay({ origin: `http://127.0.0.1:${Number(base.port) + 1000}` });
  expect(otherPort.status()).toBe(403);

  const own = await replay({ origin: base.origin });
  expect(own.status()).toBe(200);
  expect(own.headers()["set-cookie"]).toMatch(/tracebank\.session_token=/);
  await api.dispose();
});

test("the import upload (a mutating route handler) is refused from another Origin, accepted from ours", async ({
  page,
  baseURL,
}) => {
  const base = new URL(baseURL!);
  const name = uniqueLabel("origin");
  // The upload from the page itself (XMLHttpRequest with the browser's Origin) goes through.
  await createPromptSetFromFile(page, name, "e2e/fixtures/loop-prompts.jsonl");
  await page.goto("/prompts");
  const href = await page.getByRole("link", { name, exact: true }).getAttribute("href");
  const setId = href!.split("/").pop()!;
  const url = `/api/prompt-sets/${setId}/import?fileName=more.jsonl&format=jsonl&mode=skip-invalid`;
  const body = '{"prompt": "What does a refused origin look like?"}\n';
  const upload = (origin: string, extra: Record<string, string> = {}) =>
    page.request.post(url, {
      headers: { origin, "content-type": "application/x-ndjson", ...extra },
      data: body,
    });

  const foreign = await upload(EVIL);
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).error).toMatch(/Origin not allowed/);

  const crossSite = await page.request.post(url, {
    headers: { "sec-fetch-site": "cross-site", "content-type": "application/x-ndjson" },
    data: body,
  });
  expect(crossSite.status()).toBe(403);

  const rebound = await upload(`${EVIL}:${base.port}`, { host: `evil.example:${base.port}` });
  expect(rebound.status()).toBe(403);

  const own = await upload(base.origin);
  expect(own.status(), await own.text()).toBe(202);
});

test("any request under a foreign Host is refused; the same request to our own Host is served", async ({
  page,
  baseURL,
}) => {
  const base = new URL(baseURL!);
  for (const path of ["/sign-in", "/api/jobs", "/icon.svg"]) {
    const refused = await page.request.get(path, { headers: { host: "evil.example" }, maxRedirects: 0 });
    expect(refused.status(), path).toBe(403);
    expect((await refused.json()).error).toMatch(/does not answer to that Host/);
    const rebound = await page.request.get(path, { headers: { host: `evil.example:${base.port}` } });
    expect(rebound.status(), path).toBe(403);
    const served = await page.request.get(path, { headers: { host: base.host } });
    expect(served.status(), path).toBe(200);
  }
  // localhost on the same port names this server too.
  const viaLocalhost = await page.request.get("/api/jobs", { headers: { host: `localhost:${base.port}` } });
  expect(viaLocalhost.status()).toBe(200);
});
