import { expect, type Locator, type Page } from "@playwright/test";
import { PORTS } from "../../playwright.config";

export const TEACHER_BASE_URL = `http://127.0.0.1:${PORTS.teacher}/v1`;

/** Unique per run and per database, so tests never trip over each other's names. */
export function uniqueLabel(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

export async function createPromptSetFromFile(page: Page, name: string, file: string): Promise<void> {
  await page.goto("/prompts");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Prompt file").setInputFiles(file);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /imported/i })).toBeVisible();
}

export async function addScriptedTeacher(page: Page, name: string): Promise<void> {
  await page.goto("/teachers");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Kind", { exact: true }).selectOption("openai");
  await page.getByLabel("Base URL", { exact: true }).fill(TEACHER_BASE_URL);
  await page.getByLabel("Model", { exact: true }).fill("scripted-model");
  await page.getByLabel("API key", { exact: true }).fill("sk-e2e-not-secret");
  await page.getByRole("button", { name: "Add teacher" }).click();
  const row = page.getByTestId(`provider-${name}`);
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "Test connection" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: /Connected in \d+ ms: scripted-model replied/ }),
  ).toBeVisible();
}

export type LaunchOptions = {
  promptSet: string;
  teacher: string;
  messages: string[];
  samplesPerPrompt: number;
};

/** Launches from the form and waits until the job page says it completed; returns the job id. */
export async function launchJobAndWait(page: Page, options: LaunchOptions): Promise<string> {
  await page.goto("/jobs/new");
  await selectOptionContaining(page.getByLabel("Prompt set", { exact: true }), options.promptSet);
  await page.getByRole("button", { name: "none", exact: true }).click();
  for (const message of options.messages)
    await page.getByLabel(`Include ${message}`, { exact: true }).check();
  await selectOptionContaining(page.getByLabel("Teacher", { exact: true }), options.teacher);
  await page.getByLabel("Samples per prompt", { exact: true }).fill(String(options.samplesPerPrompt));
  await page.getByRole("button", { name: "Launch job" }).click();
  await expect(page).toHaveURL(/\/jobs\/(?!new\b)[^/]+$/);
  await expect(page.getByTestId("job-status")).toHaveText(/completed/i, { timeout: 60_000 });
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** Options often carry counts after the name ("Set A (3 prompts)"): pick by the text they contain. */
export async function selectOptionContaining(select: Locator, text: string): Promise<void> {
  const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
  expect(value, `an option containing "${text}"`).toBeTruthy();
  await select.selectOption(value!);
}

/** A fresh prompt set from `file`, a scripted teacher and a completed job over them: the job id. */
export async function scriptedJob(
  page: Page,
  prefix: string,
  options: { file: string; samplesPerPrompt: number; messages?: string[] },
): Promise<string> {
  const run = uniqueLabel(prefix);
  await createPromptSetFromFile(page, `${run} prompts`, options.file);
  await addScriptedTeacher(page, `${run} teacher`);
  return launchJobAndWait(page, {
    promptSet: `${run} prompts`,
    teacher: `${run} teacher`,
    messages: options.messages ?? ["Plain helpful answer"],
    samplesPerPrompt: options.samplesPerPrompt,
  });
}
