import { expect, test } from "@playwright/test";
import { addScriptedTeacher, createPromptSetFromFile, launchJobAndWait, uniqueLabel } from "./support/steps";
import { installTeacherScript } from "./support/teacher-script";

test("a trace carrying <script> and <img onerror> renders inert in review", async ({ page, request }) => {
  await installTeacherScript(request);

  const run = uniqueLabel("xss");
  await createPromptSetFromFile(page, `${run} prompts`, "e2e/fixtures/hostile-prompt.jsonl");
  await addScriptedTeacher(page, `${run} teacher`);
  const jobId = await launchJobAndWait(page, {
    promptSet: `${run} prompts`,
    teacher: `${run} teacher`,
    messages: ["Plain helpful answer"],
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
});
