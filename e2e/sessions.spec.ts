import { expect, test, type Page } from "@playwright/test";
import { createAccount, freshBrowser, signInAs, uniqueEmail } from "./support/people";
import {
  addScriptedTeacher,
  createPromptSetFromFile,
  launchJobAndWait,
  scriptedJob,
  selectOptionContaining,
  uniqueLabel,
} from "./support/steps";

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

/** A reviewer's way in: Sessions → the session → Start reviewing, then waits for the keys to work. */
async function startReviewing(page: Page, sessionName: string): Promise<void> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sessions" }).click();
  await page.getByRole("link", { name: sessionName }).click();
  await page.getByRole("link", { name: "Start reviewing" }).click();
  await expect(page).toHaveURL(/\/review\/session\//);
  await expect(page.getByTestId("review-current")).toBeVisible();
  // Keys do nothing until the page has hydrated: the shortcut dialog answers once it has.
  await expect(async () => {
    await page.keyboard.press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toHaveCount(0);
}

const currentTrace = async (page: Page) =>
  (await page.getByTestId("review-current").getAttribute("data-trace-id"))!;

/** Blind: nothing of the other reviewers' decisions shows, only my own (none yet). */
async function expectBlind(page: Page): Promise<void> {
  await expect(page.getByText("blind", { exact: true })).toBeVisible();
  await expect(page.getByTestId("review-status")).toHaveCount(0);
  await expect(page.getByTestId("review-decisions")).toHaveCount(0);
  await expect(page.getByText("Nobody has decided yet.")).toBeVisible();
  await expect(page.getByTestId("my-decision")).toHaveCount(0);
}

test("two reviewers work a session blind, the disagreement is adjudicated and agreement is measured", async ({
  page,
  browser,
  baseURL,
}) => {
  const run = uniqueLabel("agree");
  const jobId = await scriptedJob(page, run, {
    file: "e2e/fixtures/loop-prompts.jsonl",
    samplesPerPrompt: 1,
  });
  const [ann, bea] = [
    { name: `${run} Ann`, email: uniqueEmail("ann") },
    { name: `${run} Bea`, email: uniqueEmail("bea") },
  ];
  for (const person of [ann, bea]) await createAccount(page, person.name, person.email);

  // k = 2 of 2 reviewers, assigned: both get all three traces; any disagreement goes to the admin.
  const sessionName = `${run} double pass`;
  await page.goto("/sessions/new");
  await page.getByLabel("Name", { exact: true }).fill(sessionName);
  await page.getByLabel("Job", { exact: true }).selectOption(jobId);
  for (const person of [ann, bea])
    await page.getByRole("checkbox", { name: new RegExp(person.name) }).check();
  await page.getByLabel("Reviewers per trace (k)").fill("2");
  await page.getByLabel("Access", { exact: true }).selectOption("assigned");
  await page.getByLabel("Verdict rule").selectOption("adjudicator");
  await selectOptionContaining(page.getByLabel("Adjudicator", { exact: true }), "Ada Admin");
  await page.getByRole("button", { name: "Create session" }).click();
  await expect(page).toHaveURL(/\/sessions\/(?!new\b)[^/]+$/);
  const sessionUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("session-status")).toHaveText("active", { timeout: 60_000 });
  await expect(page.getByTestId("session-count-traces")).toHaveText("3");

  // Ann approves all three, keys in a burst.
  const annPage = await freshBrowser(browser, baseURL!);
  await signInAs(annPage, ann.email, ann.name);
  await startReviewing(annPage, sessionName);
  await expectBlind(annPage);
  const annFirst = await currentTrace(annPage);
  for (const key of ["a", "a", "a"]) await annPage.keyboard.press(key);
  await expect(annPage.getByTestId("recent-decisions").getByRole("listitem")).toHaveCount(3);
  await expect(annPage.getByTestId("review-saving")).toHaveText("all saved");

  // Bea sees none of Ann's decisions before her own: approves two, rejects the third with "1".
  const beaPage = await freshBrowser(browser, baseURL!);
  await signInAs(beaPage, bea.email, bea.name);
  await startReviewing(beaPage, sessionName);
  const seen: string[] = [];
  for (let i = 0; i < 3; i++) {
    await expect.poll(() => currentTrace(beaPage)).not.toBe(seen.at(-1) ?? "");
    const traceId = await currentTrace(beaPage);
    expect(seen).not.toContain(traceId);
    seen.push(traceId);
    await expectBlind(beaPage);
    await beaPage.keyboard.press(i < 2 ? "a" : "1");
  }
  const rejected = seen[2]!;
  expect(seen).toContain(annFirst);
  await expect(beaPage.getByTestId("recent-decisions").getByRole("listitem")).toHaveCount(3);
  await expect(beaPage.getByTestId("recent-decisions").getByRole("listitem").first()).toContainText(
    "rejected",
  );
  await expect(beaPage.getByTestId("review-saving")).toHaveText("all saved");
  await expect(beaPage.getByTestId("my-decision")).toContainText("rejected this: Wrong answer");

  // Every trace has its two decisions: two agreed, one disputed and waiting for the admin.
  await page.goto(sessionUrl);
  await expect(page.getByTestId("session-count-open")).toHaveText("0");
  await expect(page.getByTestId("session-count-agreed")).toHaveText("2");
  await expect(page.getByTestId("session-count-disputed")).toHaveText("1");
  await expect(page.getByText("6 of 6 decisions made (100%)")).toBeVisible();
  const disputed = page.getByTestId("disputed-trace");
  await expect(disputed).toHaveCount(1);
  await expect(disputed.getByRole("link")).toHaveAttribute("href", `/review/${rejected}`);
  await expect(disputed).toContainText(ann.name);
  await expect(disputed).toContainText(bea.name);
  await expect(disputed).toContainText("Wrong answer");

  // Agreement: 2 of 3 traces alike; chance-corrected figures from the same table.
  await expect(page.getByTestId("agreement-decisions-percent")).toHaveText("67% (2 of n = 3 items)");
  await expect(page.getByTestId("agreement-decisions-fleiss")).toHaveText("κ = −0.20 (n = 3 items)");
  await expect(page.getByTestId("agreement-decisions-alpha")).toHaveText("α = 0.00 (n = 3 items)");
  const pairs = page.getByTestId("agreement-pairs");
  await expect(pairs).toHaveCount(1);
  await expect(pairs).toContainText(`${ann.name} & ${bea.name}`);
  await expect(pairs).toContainText("κ = 0.00 (n = 3 items)");
  await expect(page.getByTestId("agreement-reasons-fleiss")).toContainText("not defined");

  // The admin settles it: rejected, and the trace's own status follows.
  await disputed.getByRole("button", { name: "Reject" }).click();
  await expect(page.getByTestId("adjudication-empty")).toBeVisible();
  await expect(page.getByTestId("session-count-resolved")).toHaveText("1");
  await page.goto(`/review/${rejected}?status=all`);
  await expect(page.getByTestId("review-status")).toHaveText("rejected");
  await page.goto(`/review/${seen[0]}?status=all`);
  await expect(page.getByTestId("review-status")).toHaveText("approved");

  await annPage.context().close();
  await beaPage.context().close();
});
