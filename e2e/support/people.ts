import { expect, type Browser, type Page } from "@playwright/test";
import { uniqueLabel } from "./steps";

export const PERSON_PASSWORD = "their own password";

export function uniqueEmail(prefix: string): string {
  return `${uniqueLabel(prefix).replace(/\s+/g, "-")}@example.test`;
}

/** The admin (page) creates an account from the users page. */
export async function createAccount(page: Page, name: string, email: string): Promise<void> {
  await page.goto("/users");
  await page.locator("#new-name").fill(name);
  await page.locator("#new-email").fill(email);
  await page.locator("#new-password").fill(PERSON_PASSWORD);
  await page.locator("#new-role").selectOption("reviewer");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
}

/** A browser of its own, signed in to nothing. */
export async function freshBrowser(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  return context.newPage();
}

/** Submits the sign-in form and waits for the server's answer (each try is one server action). */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/sign-in"),
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);
}

export async function signInAs(page: Page, email: string, name: string): Promise<void> {
  await page.goto("/sign-in");
  await submitSignIn(page, email, PERSON_PASSWORD);
  await expect(page.getByTestId("current-user")).toHaveText(name);
}
