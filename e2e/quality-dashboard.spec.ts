import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { PORTS } from "../playwright.config";

type Seeded = {
  jobA: { id: string; name: string };
  jobB: { id: string; name: string };
  messages: { a: string; b: string };
  rubric: string;
};

const root = resolve(import.meta.dirname, "..");

/** The server's own database (e2e/serve.mjs made it), for rows no page creates: verdicts, judge scores. */
function serverDatabase(baseURL: string): { url: string; dataDir: string } {
  const kind = baseURL.endsWith(`:${PORTS.postgres}`) ? "postgres" : "sqlite";
  const dataDir = resolve(root, ".tmp", "e2e", `${kind}-data`);
  if (kind === "sqlite") return { url: `file:${resolve(dataDir, "tracebank.db")}`, dataDir };
  const url = new URL(process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  url.pathname = `/tracebank_e2e_${PORTS.postgres}`;
  return { url: url.toString(), dataDir };
}

/** lib/quality/dashboard/testing/seed.ts in a child process: two jobs whose every figure is known. */
function seed(baseURL: string): Seeded {
  const { url, dataDir } = serverDatabase(baseURL);
  const out = execFileSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "lib/quality/dashboard/testing/seed-cli.ts"],
    { cwd: root, env: { ...process.env, DATABASE_URL: url, TRACEBANK_DATA_DIR: dataDir }, encoding: "utf8" },
  );
  return JSON.parse(out.trim().split("\n").at(-1)!) as Seeded;
}

const chart = (page: Page, id: string) => page.getByTestId(id).first();

async function expectChart(page: Page, id: string, label: string) {
  await expect(chart(page, id)).toHaveAttribute("role", "img");
  await expect(chart(page, id)).toHaveAttribute("aria-label", label);
  // Drawn by recharts once measured in the browser, bars included.
  await expect(chart(page, id).locator("svg.recharts-surface")).toBeVisible();
  await expect(chart(page, id).locator(".recharts-bar-rectangle").first()).toBeAttached();
}

test("the quality dashboard charts a job's figures and states them in each chart's label", async ({
  page,
  baseURL,
}) => {
  const s = seed(baseURL!);
  await page.goto("/quality");
  await expect(page.getByRole("heading", { name: "Quality", level: 1 })).toBeVisible();

  // Choosing a job refetches through the route handler and keeps the choice in the URL.
  await page.getByLabel("Job", { exact: true }).selectOption({ label: s.jobA.name });
  await expect(page).toHaveURL(new RegExp(`/quality\\?jobId=${s.jobA.id}$`));
  await expect(page.getByTestId("figure-traces")).toHaveText("6");
  await expect(page.getByTestId("figure-decided")).toHaveText("4");
  await expect(page.getByTestId("figure-acceptance")).toHaveText("75%");
  await expect(page.getByTestId("figure-verification")).toHaveText("60%");
  await expect(page.getByTestId("figure-contaminated")).toHaveText("1");
  await expect(page.getByTestId("figure-near-duplicates")).toHaveText("2");
  await expect(page.getByTestId("figure-cost")).toHaveText("$0.06");

  const { a } = s.messages;
  await expectChart(
    page,
    "chart-acceptance-message",
    `Acceptance rate by system message: ${a} v2 100% of 2 decided; ${a} v1 50% of 2 decided.`,
  );
  await expect(page.getByText(`Most keepers: ${a} v2, 100% of 2 decided.`)).toBeVisible();
  await expectChart(page, "chart-acceptance-job", `Acceptance rate by job: ${s.jobA.name} 75% of 4 decided.`);
  await expectChart(
    page,
    "chart-acceptance-model",
    "Acceptance rate by teacher model: scripted-1 75% of 4 decided.",
  );
  await expectChart(page, "chart-reject-reasons", "Reject reasons: Truncated 1; Wrong answer 1.");
  await expectChart(
    page,
    "chart-verification",
    "Verification: 3 passed, 1 failed, 1 need a look; pass rate 60% of 5 verified.",
  );
  await expectChart(
    page,
    "chart-verification-by-message",
    `Verification pass rate by system message: ${a} v2 100% of 2 verified; ${a} v1 33% of 3 verified.`,
  );
  await expectChart(
    page,
    "chart-judge",
    `Judge scores, ${s.rubric} v1: 1: 0, 2: 1, 3: 0, 4: 2, 5: 1 (4 traces scored, mean 3.8).`,
  );
  await expectChart(page, "chart-lengths", "Output length in tokens: 64–128 6.");
  await expectChart(
    page,
    "chart-duplicates",
    "Duplicates and contamination: 0 exact duplicates, 2 near duplicates, in 1 cluster; 1 contaminated trace (0 contaminated prompts).",
  );
  await expectChart(page, "chart-usage", `Cost by job: ${s.jobA.name} $0.06, 990 tokens.`);
  await expect(page.getByTestId("filtering-note")).toHaveText(
    "Filtering by verification and best-of-K sharpens the teacher's distribution: the student learns the filtered teacher, not the raw one.",
  );
  await expect(page.getByTestId("best-of-k-count")).toContainText("2 samples not selected");
  // The numbers are in a table too, for screen readers.
  await expect(page.getByRole("table").filter({ hasText: "Reject reasons" })).toContainText("Truncated");

  // The usage panel sums by model as well.
  await page.getByRole("button", { name: "By model" }).click();
  await expectChart(page, "chart-usage", "Cost by model: scripted-1 $0.06, 990 tokens.");

  // A date range with none of the job's traces (they were made on 2025-01-01).
  await page.getByLabel("Created from", { exact: true }).fill("2025-01-02");
  await expect(page).toHaveURL(/from=2025-01-02/);
  await expect(page.getByTestId("figure-traces")).toHaveText("0");
  await expect(page.getByTestId("figure-acceptance")).toHaveText("—");
  await expect(page.getByTestId("chart-acceptance-message")).toHaveCount(0);
  await expect(page.getByText("No traces in this selection.").first()).toBeVisible();
});

test("the dashboard renders the URL's filter on the server: the other job, by date", async ({
  page,
  baseURL,
}) => {
  const s = seed(baseURL!);
  await page.goto(`/quality?jobId=${s.jobB.id}&from=2025-02-01&to=2025-02-02`);
  await expect(page.getByLabel("Job", { exact: true })).toHaveValue(s.jobB.id);
  await expect(page.getByLabel("Created from", { exact: true })).toHaveValue("2025-02-01");
  await expect(page.getByTestId("figure-traces")).toHaveText("4");
  await expect(page.getByTestId("figure-acceptance")).toHaveText("33%");
  const { b } = s.messages;
  await expectChart(
    page,
    "chart-acceptance-message",
    `Acceptance rate by system message: ${b} v1 50% of 2 decided; ${b} v2 0% of 1 decided.`,
  );
  await expectChart(page, "chart-lengths", "Output length in tokens: 2k–4k 4.");
  await expectChart(
    page,
    "chart-duplicates",
    "Duplicates and contamination: 1 exact duplicate, 0 near duplicates, in 1 cluster; 1 contaminated trace (1 contaminated prompt).",
  );
  await expectChart(page, "chart-usage", `Cost by job: ${s.jobB.name} $2.00, 12.2k tokens.`);
});
