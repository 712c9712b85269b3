import { expect, test, type Page } from "@playwright/test";
import { scriptedJob } from "./support/steps";

async function openFirstPending(page: Page, jobId: string): Promise<string> {
  await page.goto(`/review?jobId=${jobId}`);
  await page.getByTestId("review-row").first().getByRole("link").first().click();
  await expect(page.getByTestId("review-current")).toBeVisible();
  // Keys do nothing until the page has hydrated: the shortcut dialog answers once it has.
  await expect(async () => {
    await page.keyboard.press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await page.keyboard.press("Escape");
  return (await page.getByTestId("review-current").getAttribute("data-trace-id"))!;
}

const currentId = async (page: Page) =>
  (await page.getByTestId("review-current").getAttribute("data-trace-id"))!;

test("keyboard review: keys pressed in a burst all apply in order, undo goes back, and it is all saved", async ({
  page,
}) => {
  const jobId = await scriptedJob(page, "keys", {
    file: "e2e/fixtures/loop-prompts.jsonl",
    samplesPerPrompt: 4,
  });
  const first = await openFirstPending(page, jobId);

  // Four keys at once, no waiting between them: approve, approve, reject as "Style without
  // substance" (3), flag the fourth trace. None may be lost, each lands on its own trace.
  await page.keyboard.press("a");
  await page.keyboard.press("a");
  await page.keyboard.press("3");
  await page.keyboard.press("f");
  await expect(page.getByTestId("review-flagged")).toBeVisible();
  const fourth = await currentId(page);
  await expect(page.getByTestId("review-saving")).toHaveText("all saved");
  const recent = page.getByTestId("recent-decisions").getByRole("listitem");
  await expect(recent).toHaveCount(3);
  await expect(recent.nth(0)).toContainText("rejected");
  await expect(recent.nth(1)).toContainText("approved");
  await expect(recent.nth(2)).toContainText("approved");
  // Each move was timed from its key to the frame that showed the next trace (bench:review reads these).
  // (The flag is timed too when it had to wait behind a load.)
  expect((await page.evaluate(() => window.__reviewTimings?.map((t) => t.key)))?.slice(0, 3)).toEqual([
    "a",
    "a",
    "3",
  ]);

  // Undo the rejection: back on the third trace, with no decision of mine on it.
  await page.keyboard.press("u");
  await expect(page.getByTestId("my-decision")).toHaveCount(0);
  const third = await currentId(page);
  expect(third).not.toBe(fourth);
  await expect(page.getByTestId("review-saving")).toHaveText("all saved");
  // The address follows the trace on screen; a reload shows what the server stored.
  await expect(page).toHaveURL(new RegExp(`/review/${third}`));
  await page.goto(`/review/${first}?status=all&jobId=${jobId}`);
  await expect(page.getByTestId("review-status")).toHaveText("approved");
  await expect(page.getByTestId("my-decision")).toContainText("approved");
  await page.goto(`/review/${third}?status=all&jobId=${jobId}`);
  await expect(page.getByTestId("review-status")).toHaveText("pending");
  await page.goto(`/review/${fourth}?status=all&jobId=${jobId}`);
  await expect(page.getByTestId("review-flagged")).toBeVisible();

  // The history of the first trace lists the decision; the shortcut overlay lists the keys.
  await page.goto(`/review/${first}?status=all&jobId=${jobId}`);
  await page.getByText("History", { exact: true }).click();
  await expect(page.getByTestId("trace-history")).toContainText("approved");
});

test("a decision made in another tab is not overwritten: the stale one is refused and the trace comes back", async ({
  page,
  context,
}) => {
  const jobId = await scriptedJob(page, "tabs", {
    file: "e2e/fixtures/loop-prompts.jsonl",
    samplesPerPrompt: 1,
  });
  const traceId = await openFirstPending(page, jobId);
  const other = await context.newPage();
  await other.goto(`/review/${traceId}?jobId=${jobId}`);
  await expect(other.getByTestId("review-current")).toBeVisible();
  await expect(async () => {
    await other.keyboard.press("a");
    await expect(other.getByTestId("review-saving")).toHaveText("all saved", { timeout: 1_000 });
    await expect(other).not.toHaveURL(new RegExp(traceId), { timeout: 1_000 });
  }).toPass();

  // The first tab still thinks the trace is undecided: its rejection is refused, not applied.
  await page.keyboard.press("1");
  await expect(page.getByText(/changed since you loaded it/)).toBeVisible();
  await expect(page.getByTestId("review-current")).toHaveAttribute("data-trace-id", traceId);
  await expect(page.getByTestId("review-status")).toHaveText("approved");
  await expect(page.getByTestId("my-decision")).toContainText("approved");
});
