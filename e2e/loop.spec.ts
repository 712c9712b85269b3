import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { SEED_MESSAGES } from "../lib/bank/seed-messages";
import { addScriptedTeacher, createPromptSetFromFile, launchJobAndWait, uniqueLabel } from "./support/steps";

const EDITED = "Step-by-step reasoning";
const UNEDITED = "Plain helpful answer";
const FIXTURE = "e2e/fixtures/loop-prompts.jsonl";

type ExportRow = {
  id: string;
  prompt: string;
  system_prompt: string;
  trace: string;
  provenance: { job_id: string; model: string; system_message_name: string; system_message_version: number };
};

test("bank → prompts → teacher → job → review → export, end to end", async ({ page }) => {
  const run = uniqueLabel("loop");
  const editedContent = `You are a careful tutor (${run}). Work through the problem in numbered steps, then state the final answer on its own line.`;

  // 1. Edit a system message: this makes version 2; version 1 stays in the history.
  await page.goto("/bank");
  await page.getByRole("link", { name: EDITED, exact: true }).click();
  await page.getByLabel("Content", { exact: true }).fill(editedContent);
  await page.getByRole("button", { name: "Save as new version" }).click();
  await expect(page.getByRole("heading", { name: "Current content (version 2)" })).toBeVisible();
  await expect(page.getByRole("listitem", { name: "Version 1" })).toContainText("seeded by Tracebank");

  // 2. Import prompts from a file into a new set.
  const promptSet = `${run} prompts`;
  await createPromptSetFromFile(page, promptSet, FIXTURE);

  // 3. A teacher pointed at the scripted OpenAI-compatible server.
  const teacher = `${run} teacher`;
  await addScriptedTeacher(page, teacher);

  // 4. Launch: 3 prompts × 4 samples over two messages, and wait for the worker to finish.
  const jobId = await launchJobAndWait(page, {
    promptSet,
    teacher,
    messages: [EDITED, UNEDITED],
    samplesPerPrompt: 4,
  });

  // 5. Review: approve one trace made with the edited message and one with the other, reject one.
  await page.goto(`/review?jobId=${jobId}`);
  await page.getByTestId("review-row").first().getByRole("link").first().click();
  const approved = new Map<string, string>(); // trace id -> message name
  let rejected: string | undefined;
  for (let step = 0; step < 12 && (approved.size < 2 || !rejected); step++) {
    await expect(page.getByTestId("review-status")).toHaveText(/pending/i);
    const traceId = currentTraceId(page);
    const message =
      (await page.getByTestId("review-shown").getByTestId("review-system-message").textContent()) ?? "";
    const name = message.startsWith(EDITED) ? EDITED : UNEDITED;
    if (![...approved.values()].includes(name)) {
      await page.keyboard.press("a");
      approved.set(traceId, name);
    } else if (!rejected) {
      await page.keyboard.press("r");
      await page.getByRole("radio", { name: "Right answer by a shortcut" }).check();
      await page.getByLabel("Note", { exact: true }).fill("Skips the arithmetic check.");
      await page.getByLabel("Note", { exact: true }).press("Enter");
      rejected = traceId;
    } else {
      await page.keyboard.press("j");
    }
    await expect(page).not.toHaveURL(new RegExp(traceId));
  }
  expect([...approved.values()].sort()).toEqual([UNEDITED, EDITED].sort());
  expect(rejected).toBeTruthy();

  // 6. Export the job: exactly the two approved triples, each with the system prompt it was made with.
  await page.goto("/export");
  await page.getByLabel("Job", { exact: true }).selectOption(jobId);
  // The page re-renders for the job: until then its count and links are for all jobs.
  await expect(page).toHaveURL(new RegExp(`jobId=${jobId}`));
  await expect(page.getByTestId("export-count")).toHaveText("2");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download JSONL" }).click();
  const download = await downloading;
  const text = readFileSync((await download.path())!, "utf8");
  const rows = text
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as ExportRow);

  expect(rows.map((r) => r.id).sort()).toEqual([...approved.keys()].sort());
  const prompts = readFileSync(FIXTURE, "utf8")
    .trim()
    .split("\n")
    .map((l) => (JSON.parse(l) as { prompt: string }).prompt);
  const original = SEED_MESSAGES.find((m) => m.name === UNEDITED)!.content;
  for (const row of rows) {
    expect(prompts).toContain(row.prompt);
    expect(row.trace.length).toBeGreaterThan(0);
    expect(row.provenance.job_id).toBe(jobId);
    expect(row.provenance.model).toBe("scripted-model");
    if (row.provenance.system_message_name === EDITED) {
      expect(row.system_prompt).toBe(editedContent);
      expect(row.provenance.system_message_version).toBe(2);
    } else {
      expect(row.provenance.system_message_name).toBe(UNEDITED);
      expect(row.system_prompt).toBe(original);
      expect(row.provenance.system_message_version).toBe(1);
    }
  }
});

function currentTraceId(page: Page): string {
  return new URL(page.url()).pathname.split("/").pop()!;
}
