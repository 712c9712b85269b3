import { writeFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import {
  addScriptedTeacher,
  createPromptSetFromFile,
  selectOptionContaining,
  uniqueLabel,
} from "./support/steps";
import { installTeacherScript } from "./support/teacher-script";

test.beforeAll(async ({ request }) => installTeacherScript(request));

const ROWS = 40_000;
// About 4.5 MB at 200 KB/s: the upload takes over 20 seconds.
const UPLOAD_BYTES_PER_S = 200 * 1024;

/** A generation job that stores a trace every 1.5 s for minutes (SLOW-E2E prompts, one call at a time). */
async function launchSlowJob(page: Page, run: string): Promise<string> {
  const promptSet = `${run} slow prompts`;
  const teacher = `${run} teacher`;
  await createPromptSetFromFile(page, promptSet, "e2e/fixtures/slow-prompts.jsonl");
  await addScriptedTeacher(page, teacher);
  await page.goto("/jobs/new");
  await selectOptionContaining(page.getByLabel("Prompt set", { exact: true }), promptSet);
  await selectOptionContaining(page.getByLabel("Teacher", { exact: true }), teacher);
  await page.getByLabel("Samples per prompt", { exact: true }).fill("16");
  await page.getByLabel("Concurrency", { exact: true }).fill("1");
  await page.getByRole("button", { name: "Launch job" }).click();
  await expect(page).toHaveURL(/\/jobs\/(?!new\b)[^/]+$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** Until `done`: GET / and GET /api/jobs, one after the other, timed; and the job's stored traces. */
async function watch(request: APIRequestContext, jobId: string, done: { stop: boolean }) {
  const times: number[] = [];
  const traces: number[] = [];
  while (!done.stop) {
    for (const url of ["/", "/api/jobs"]) {
      const started = Date.now();
      const response = await request.get(url);
      expect(response.ok()).toBe(true);
      times.push(Date.now() - started);
    }
    const progress = (await (await request.get(`/api/jobs/${jobId}/progress`)).json()) as {
      counts: { done: number };
    };
    traces.push(progress.counts.done);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { times, traces };
}

const p95 = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)]!;

test("a slow multi-megabyte upload shows its progress and holds up neither pages nor a running job", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(240_000);
  const run = uniqueLabel("slow-import");
  const jobId = await launchSlowJob(page, run);

  await page.goto("/prompts");
  await page.getByLabel("Name", { exact: true }).fill(`${run} big`);
  await page.getByRole("button", { name: "Create empty set" }).click();
  await expect(page).toHaveURL(/\/prompts\/[^/]+$/);
  const file = testInfo.outputPath("big.jsonl");
  const rows = Array.from({ length: ROWS }, (_, i) =>
    JSON.stringify({
      id: `big-${i}`,
      text: `Question ${i} of ${run}: how much is ${i} times ${i}? Show each step.`,
      answer: String(i * i),
    }),
  );
  writeFileSync(file, rows.join("\n") + "\n");
  await page.getByLabel("Prompt file").setInputFiles(file);

  // The browser's own network throttling: the request body leaves at UPLOAD_BYTES_PER_S.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: UPLOAD_BYTES_PER_S,
  });

  const done = { stop: false };
  const watching = watch(request, jobId, done);
  const phases: string[] = [];
  const started = Date.now();
  let uploadMs = 0;
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const result = page.getByTestId("import-result");
  while (!(await result.isVisible())) {
    const phase = await page
      .getByTestId("import-phase")
      .textContent({ timeout: 1_000 })
      .catch(() => null);
    if (phase && phase !== phases.at(-1)) phases.push(phase);
    if (phase && !phase.startsWith("Uploading") && !uploadMs) uploadMs = Date.now() - started;
    expect(Date.now() - started, `phases so far: ${phases.join(" | ")}`).toBeLessThan(120_000);
    await page.waitForTimeout(150);
  }
  done.stop = true;
  const { times, traces } = await watching;

  console.log(
    `upload ${(uploadMs / 1000).toFixed(1)} s; ${times.length} requests, p95 ${p95(times)} ms; ` +
      `${traces.at(-1)! - traces[0]!} traces stored; phases: ${phases.filter((p) => !p.startsWith("Uploading")).join(" | ")}`,
  );
  await expect(result).toContainText(`Imported ${ROWS.toLocaleString("en-US")} prompts`);
  // The upload took over 20 s and its bar moved all along; then the job's phase showed.
  expect(uploadMs).toBeGreaterThan(20_000);
  const percents = phases.filter((p) => p.startsWith("Uploading")).map((p) => Number(/(\d+)%/.exec(p)![1]));
  expect(new Set(percents).size).toBeGreaterThan(10);
  expect(percents).toEqual([...percents].sort((a, b) => a - b));
  expect(phases.some((p) => /^(Queued|Checking every row|Writing prompts)/.test(p))).toBe(true);
  // Other requests kept answering, and the generation job kept storing traces.
  expect(times.length).toBeGreaterThan(20);
  expect(p95(times)).toBeLessThan(500);
  expect(traces.at(-1)! - traces[0]!).toBeGreaterThanOrEqual(8);
  // The history lists it, finished.
  await expect(page.getByTestId("import-history-row").first()).toContainText("imported");

  // Stop the slow job: it would run for minutes more.
  page.on("dialog", (dialog) => void dialog.accept());
  await page.goto(`/jobs/${jobId}`);
  await page.getByRole("button", { name: "Cancel", exact: true }).click();
  await expect(page.getByTestId("job-status")).toHaveText(/cancelled/i);
});
