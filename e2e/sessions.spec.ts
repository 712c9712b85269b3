import { expect, test } from "@playwright/test";
import { createAccount, uniqueEmail } from "./support/people";
import { addScriptedTeacher, createPromptSetFromFile, launchJobAndWait, uniqueLabel } from "./support/steps";

test("an admin creates a session from the UI, sees it planned and its progress", async ({ page }) => {
  const run = uniqueLabel("session");
  await createPromptSetFromFile(page, `${run} prompts`, "e2e/fixtures/loop-prompts.jsonl");
  await addScriptedTeacher(page, `${run} teacher`);
  const jobId = await launchJobAndWait(page, {
    promptSet: `${run} prompts`,
    teacher: `${run} teacher`,
    messages: ["Plain helpful answer"],
    samplesPerPrompt: 1,
  });
  const people = [`${run} Ada`, `${run} Bo`];
  for (const name of people) await createAccount(page, name, uniqueEmail("reviewer"));

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sessions" }).click();
  await page.getByRole("link", { name: "New session" }).click();
  await page.getByLabel("Name", { exact: true }).fill(`${run} second pass`);
  await page.getByLabel("Job", { exact: true }).selectOption(jobId);
  for (const name of people) await page.getByRole("checkbox", { name: new RegExp(name) }).check();
  await page.getByLabel("Reviewers per trace (k)").fill("2");
  await page.getByLabel("Access", { exact: true }).selectOption("assigned");
  await page.getByLabel("Verdict rule").selectOption("majority");
  await page.getByRole("button", { name: "Create session" }).click();

  await expect(page).toHaveURL(/\/sessions\/(?!new\b)[^/]+$/);
  await expect(page.getByRole("heading", { name: `${run} second pass` })).toBeVisible();
  // Planned on the runner in the web process's worker; the page polls until it is active.
  await expect(page.getByTestId("session-status")).toHaveText("active", { timeout: 60_000 });
  await expect(page.getByTestId("session-count-traces")).toHaveText("3");
  await expect(page.getByTestId("session-count-open")).toHaveText("3");
  const rows = page.getByTestId("reviewer-progress");
  await expect(rows).toHaveCount(2);
  // Assigned, k = 2 of 2 reviewers: each holds all three traces, none decided yet.
  for (const name of people) await expect(rows.filter({ hasText: name })).toContainText(/0\s*3/);

  await page.goto("/sessions");
  await expect(page.getByTestId("session-row").filter({ hasText: `${run} second pass` })).toContainText(
    "active",
  );
});
