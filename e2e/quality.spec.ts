import { expect, test, type Page } from "@playwright/test";
import { scriptedJob, uniqueLabel } from "./support/steps";
import { installTeacherScript } from "./support/teacher-script";

const FIXTURE = "e2e/fixtures/quality-prompts.jsonl";
const rows = (page: Page) => page.getByTestId("review-row");

test.beforeAll(async ({ request }) => installTeacherScript(request));

test("checks find a wrong answer and a benchmark item in a job; a rule rejects the contaminated trace; the list filters by verdict", async ({
  page,
}) => {
  // A rule first, so it acts on the traces as they arrive (contaminated only: other specs share the database).
  const ruleName = uniqueLabel("No benchmark items");
  await page.goto("/quality/rules");
  await page.getByLabel("Rule name").fill(ruleName);
  await page.getByLabel("When this check").selectOption("contamination");
  await page.getByLabel("Then").selectOption("reject");
  await page.getByLabel("Reject reason").selectOption({ label: "Contaminated" });
  await page.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByTestId("rules")).toContainText(ruleName);

  try {
    // Three prompts: answered right, answered wrong (43 for 42), and with GSM8K test item 1 quoted.
    const jobId = await scriptedJob(page, "quality", { file: FIXTURE, samplesPerPrompt: 1 });

    // The job page counts what the checks found.
    const card = page.getByTestId("job-quality");
    await expect(card).toContainText("3 traces checked");
    await expect(card).toContainText("67% right (1 wrong)");
    await expect(page.getByTestId("job-quality-found")).toContainText("Benchmark contamination: 1 failed");

    // The list's check filter finds the wrong answer; the verdict sits beside it in review.
    await page.goto(`/review?status=all&jobId=${jobId}`);
    await expect(rows(page)).toHaveCount(3);
    await page.getByLabel("Automatic check").selectOption("verification");
    await page.getByLabel("Verdict").selectOption("fail");
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText("farmer plants");
    await rows(page).first().getByRole("link").click();
    const verdicts = page.getByTestId("review-verdicts");
    await expect(verdicts.locator('[data-check="verification"]')).toHaveAttribute("data-outcome", "fail");
    await expect(verdicts.locator('[data-check="verification"]')).toContainText("expected 42");

    // The contaminated trace: rejected by the rule as it arrived, its matched text highlighted.
    await page.goto(`/review?status=rejected&jobId=${jobId}`);
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText("duck farm");
    await page.goto(`/review?status=all&jobId=${jobId}&check=contamination`);
    await expect(rows(page)).toHaveCount(1);
    await rows(page).first().getByRole("link").click();
    const contamination = page.getByTestId("review-verdicts").locator('[data-check="contamination"]');
    await expect(contamination).toHaveAttribute("data-outcome", "fail");
    await expect(contamination).toContainText("gsm8k-test");
    await expect(contamination.locator("mark").first()).toContainText("ducks lay 16 eggs");
    await expect(page.getByTestId("review-decisions")).toContainText("Quality rules");

    // The dashboard counts them for the job: 3 traces, 1 rejected, 2 of 3 verified right, 1 contaminated.
    await page.goto(`/quality?jobId=${jobId}`);
    await expect(page.getByTestId("figure-traces")).toHaveText("3");
    await expect(page.getByTestId("figure-verification")).toHaveText("67%");
    await expect(page.getByTestId("figure-contaminated")).toHaveText("1");
  } finally {
    await page.goto("/quality/rules");
    const rule = page.getByTestId("rules").locator("li", { hasText: ruleName });
    await rule.getByRole("button", { name: "Delete" }).click();
    await expect(page.getByTestId("rules")).not.toContainText(ruleName);
  }
});
