import { expect, test, type Page } from "@playwright/test";
import { scriptedJob } from "./support/steps";

const FIXTURE = "e2e/fixtures/loop-prompts.jsonl";
const rows = (page: Page) => page.getByTestId("review-row");

async function search(page: Page, q: string) {
  await page.getByLabel("Search traces").fill(q);
  await page.getByLabel("Search traces").press("Enter");
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(q.trim() || null);
}

test("the review list filters, searches (any input) and opens a trace from the keyboard", async ({
  page,
}) => {
  // 3 prompts x 2 samples: two traces each of the baker, the train and the feathers.
  const jobId = await scriptedJob(page, "list", { file: FIXTURE, samplesPerPrompt: 2 });
  await page.goto(`/review?status=all&jobId=${jobId}`);
  await expect(rows(page)).toHaveCount(6);
  await expect(page.getByTestId("count-all")).toHaveText("6");
  await expect(page.getByTestId("count-pending")).toHaveText("6");

  // Search reads the trace and its prompt.
  await search(page, "feathers");
  await expect(rows(page)).toHaveCount(2);
  for (const row of await rows(page).all()) await expect(row).toContainText("kilogram of feathers");
  await expect(page.getByTestId("count-all")).toHaveText("2");

  // Query syntax is plain text: no error, and a word nobody wrote finds nothing.
  await search(page, "feathers* AND (");
  await expect(rows(page)).toHaveCount(2);
  await search(page, "\"NEAR( ' OR 1=1; --");
  await expect(rows(page).first().or(page.getByTestId("review-empty"))).toBeVisible();
  await expect(page.getByText("could not be loaded")).toHaveCount(0);
  await search(page, "zebra");
  await expect(page.getByTestId("review-empty")).toBeVisible();

  // Filters keep each other in the URL: a category, then clearing them all.
  await search(page, "");
  await expect(rows(page)).toHaveCount(6);
  await page.getByLabel("Category", { exact: true }).fill("reasoning");
  await page.getByLabel("Category", { exact: true }).press("Enter");
  await expect(page).toHaveURL(/category=reasoning/);
  await expect(page).toHaveURL(new RegExp(`jobId=${jobId}`));
  await expect(rows(page)).toHaveCount(2);
  await page.getByLabel("Flag").selectOption("1");
  await expect(page.getByTestId("review-empty")).toBeVisible();
  await page.getByLabel("Flag").selectOption("");
  await expect(rows(page)).toHaveCount(2);

  // j moves down the list, Enter opens the trace with the same filter.
  const second = await rows(page).nth(1).getByRole("link").getAttribute("href");
  await page.getByRole("list", { name: /Traces/ }).focus();
  await page.keyboard.press("j");
  await expect(rows(page).nth(1)).toHaveAttribute("data-active", "true");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(second!.replace(/[?]/g, "\\?")));
  await expect(page).toHaveURL(/category=reasoning/);
});

test("bulk approve states the count it acts on and refuses once the selection has changed", async ({
  page,
  context,
}) => {
  const jobId = await scriptedJob(page, "bulk", { file: FIXTURE, samplesPerPrompt: 2 });
  await page.goto(`/review?status=pending&jobId=${jobId}&q=feathers`);
  await expect(rows(page)).toHaveCount(2);

  await page.getByRole("button", { name: "Approve all…" }).click();
  const dialog = page.getByRole("dialog", { name: "Approve 2 traces?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Approve 2 traces" }).click();
  await expect(page.getByText("Approved 2 traces.")).toBeVisible();
  await expect(page.getByTestId("review-empty")).toBeVisible();
  await expect(page.getByTestId("count-approved")).toHaveText("2");

  // The four still pending: confirm... but another tab approves two of them first.
  await page.goto(`/review?status=pending&jobId=${jobId}`);
  await expect(rows(page)).toHaveCount(4);
  await page.getByRole("button", { name: "Approve all…" }).click();
  const four = page.getByRole("dialog", { name: "Approve 4 traces?" });
  await expect(four).toBeVisible();

  const other = await context.newPage();
  await other.goto(`/review?status=pending&jobId=${jobId}&q=train`);
  await expect(rows(other)).toHaveCount(2);
  await other.getByRole("button", { name: "Approve all…" }).click();
  await other
    .getByRole("dialog", { name: "Approve 2 traces?" })
    .getByRole("button", { name: "Approve 2 traces" })
    .click();
  await expect(other.getByText("Approved 2 traces.")).toBeVisible();
  await other.close();

  await four.getByRole("button", { name: "Approve 4 traces" }).click();
  await expect(four.getByRole("alert")).toContainText("now holds 2 traces, not 4");
  await four.getByRole("button", { name: "Cancel" }).click();
  await page.reload();
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByTestId("count-approved")).toHaveText("4");
});
