import { expect, test } from "@playwright/test";
import {
  addScriptedTeacher,
  createPromptSetFromFile,
  selectOptionContaining,
  uniqueLabel,
} from "./support/steps";
import { installTeacherScript, MARKERS } from "./support/teacher-script";

test.beforeAll(async ({ request }) => installTeacherScript(request));

test("the launch form estimates the job; the job page pauses, resumes and finishes it", async ({ page }) => {
  const run = uniqueLabel("pause");
  const promptSet = `${run} prompts`;
  const teacher = `${run} teacher`;
  await createPromptSetFromFile(page, promptSet, "e2e/fixtures/slow-prompts.jsonl");
  await addScriptedTeacher(page, teacher);

  await page.goto("/jobs/new");
  await selectOptionContaining(page.getByLabel("Prompt set", { exact: true }), promptSet);
  await selectOptionContaining(page.getByLabel("Teacher", { exact: true }), teacher);
  await page.getByLabel("Samples per prompt", { exact: true }).fill("2");
  await page.getByLabel("Concurrency", { exact: true }).fill("1");
  // 6 prompts × 2 samples, one request each, and the token estimate from the server.
  await expect(page.getByTestId("request-count")).toHaveText("12");
  await expect(page.getByTestId("job-estimate")).toContainText(/Input about [\d,]+ tokens/);
  await page.getByRole("button", { name: "Launch job" }).click();
  await expect(page).toHaveURL(/\/jobs\/(?!new\b)[^/]+$/);

  // One call at a time, 1.5 s each: pause while most items are still waiting.
  await page.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(page.getByTestId("job-status")).toHaveText(/paused/i);
  await expect(page.getByTestId("job-pause-reason")).toContainText("Paused by");
  // Paused means nothing new starts: the call in flight finishes (1.5 s), then progress stands
  // still. A paused page refreshes every 5 s, so look across more than one refresh.
  await page.waitForTimeout(7_000);
  const settled = await page.getByTestId("job-percent").textContent();
  await page.waitForTimeout(6_000);
  await expect(page.getByTestId("job-percent")).toHaveText(settled!);
  expect(settled).not.toMatch(/^100%/);

  await page.getByRole("button", { name: "Resume", exact: true }).click();
  await expect(page.getByTestId("job-pause-reason")).toHaveCount(0);
  await expect(page.getByTestId("job-status")).toHaveText(/completed/i, { timeout: 60_000 });
  await expect(page.getByTestId("job-percent")).toHaveText(/^100% of 12 items/);
});

test("topic-graph synthesis writes prompts into a new set, each with its topic", async ({ page }) => {
  const run = uniqueLabel("synth");
  const teacher = `${run} teacher`;
  const target = `${run} written`;
  await addScriptedTeacher(page, teacher);

  await page.goto("/jobs/new/synthesis");
  await page.getByLabel("New set name", { exact: true }).fill(target);
  await page.getByLabel("Topics", { exact: true }).fill("Geometry\n  Triangles\n  Circles\nProbability");
  await expect(page.getByTestId("topic-count")).toContainText("3 topics");
  await page
    .getByLabel("Instruction template", { exact: true })
    .fill(`${MARKERS.synth} {topic}: write {n} exam questions as a JSON array of strings.`);
  await page.getByLabel("Prompts per topic", { exact: true }).fill("2");
  await selectOptionContaining(page.getByLabel("Teacher", { exact: true }), teacher);
  await expect(page.getByTestId("request-count")).toHaveText("3");
  await page.getByRole("button", { name: "Launch synthesis" }).click();
  await expect(page).toHaveURL(/\/jobs\/(?!new\b)[^/]+$/);
  await expect(page.getByTestId("job-status")).toHaveText(/completed/i, { timeout: 60_000 });

  await page.goto("/prompts");
  await page.getByRole("link", { name: target, exact: true }).click();
  const rows = page.getByRole("link", { name: /^What is (one|another) question about SYNTH-E2E/ });
  await expect(rows).toHaveCount(6);
  await expect(page.getByText("Geometry > Triangles").first()).toBeVisible();
  await expect(page.getByText("Probability").first()).toBeVisible();

  await rows.first().click();
  await expect(page.getByTestId("prompt-text")).toContainText("question about SYNTH-E2E");
  await expect(page.getByRole("heading", { name: "Lineage" })).toBeVisible();
});
