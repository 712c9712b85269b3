import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { scriptedJob, uniqueLabel } from "./support/steps";

test("a reviewer corrects a trace from the keyboard; export writes the edit and keeps the original", async ({
  page,
}) => {
  const run = uniqueLabel("edit");
  const jobId = await scriptedJob(page, "edit", {
    file: "e2e/fixtures/loop-prompts.jsonl",
    samplesPerPrompt: 1,
  });

  await page.goto(`/review?jobId=${jobId}`);
  await page.getByTestId("review-row").first().getByRole("link").first().click();
  const corrected = `Corrected answer (${run}): 42.`;

  // e opens the editor; keys typed there are text, not shortcuts (the "a" must not approve).
  const box = page.getByLabel("Trace text", { exact: true });
  // Until the page has hydrated a key does nothing: press again until the editor opens.
  await expect(async () => {
    await page.keyboard.press("e");
    await expect(box).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(box).toBeFocused();
  await box.fill(corrected);
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("review-shown").getByTestId("review-trace")).toContainText(corrected);
  await expect(page.getByTestId("review-shown").getByTestId("trace-edited-by")).toContainText(/Edited by/);
  await expect(page.getByTestId("review-shown").getByTestId("trace-original")).toBeVisible();

  await page.keyboard.press("a");
  await page.goto("/export");
  await page.getByLabel("Job", { exact: true }).selectOption(jobId);
  // The page re-renders for the job: until then its count and links are for all jobs.
  await expect(page).toHaveURL(new RegExp(`jobId=${jobId}`));
  await expect(page.getByTestId("export-count")).toHaveText("1");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download JSONL" }).click();
  const text = readFileSync((await (await downloading).path())!, "utf8");
  const [row] = text
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { trace: string; original_trace?: string });
  expect(row!.trace).toBe(corrected);
  // The teacher's own answer travels beside it, untouched (the scripted teacher answers in words).
  expect(row!.original_trace).toMatch(/\w/);
  expect(row!.original_trace).not.toBe(corrected);
});
