import { expect, test } from "@playwright/test";
import { scriptedJob } from "./support/steps";
import { installTeacherScript } from "./support/teacher-script";

test("a trace carrying <script>, <img onerror> and hostile math renders inert in review", async ({
  page,
  request,
}) => {
  await installTeacherScript(request);
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });

  const jobId = await scriptedJob(page, "xss", {
    file: "e2e/fixtures/hostile-prompt.jsonl",
    samplesPerPrompt: 1,
  });

  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`/review?jobId=${jobId}`);
  await page.getByTestId("review-row").first().getByRole("link").first().click();
  await expect(page.getByText("Here is the markup:")).toBeVisible();
  await page.waitForTimeout(500); // give a broken image's onerror the chance to fire

  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await expect(page.locator("img[onerror], [onerror]")).toHaveCount(0);
  await expect(page.locator("script", { hasText: "__xss" })).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);

  // Math and code render, with their stylesheets (KaTeX hides its MathML copy), and nothing the
  // page loads for them (KaTeX's fonts) breaks the CSP.
  await expect(page.locator(".katex-display")).toBeVisible();
  const mathml = page.locator(".katex-mathml").first();
  expect(await mathml.evaluate((e) => getComputedStyle(e).position)).toBe("absolute");
  await expect(page.locator('[id*="katex-id"]')).toHaveCount(0);
  await expect(page.locator("pre .hljs-keyword", { hasText: "def" })).toBeVisible();
  await expect(page.getByText("not markup")).toBeVisible();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp)).toBeUndefined();
});
