import { expect, test } from "@playwright/test";
import { uniqueLabel } from "./support/steps";

test("a reviewer can review but cannot edit the bank, add teachers, launch jobs or export", async ({
  page,
  browser,
  baseURL,
}) => {
  const email = `${uniqueLabel("rev").replace(/\s+/g, "-")}@example.test`;
  const password = "reviewer password";

  await page.goto("/users");
  await page.locator("#new-name").fill("Rita Reviewer");
  await page.locator("#new-email").fill(email);
  await page.locator("#new-password").fill(password);
  await page.locator("#new-role").selectOption("reviewer");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("cell", { name: email })).toBeVisible();

  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const reviewer = await context.newPage();
  await reviewer.goto("/sign-in");
  await reviewer.getByLabel("Email").fill(email);
  await reviewer.getByLabel("Password").fill(password);
  await reviewer.getByRole("button", { name: "Sign in" }).click();
  await expect(reviewer.getByTestId("current-user")).toHaveText("Rita Reviewer");

  // Pages that need more than reviewing send the reviewer back, and say why.
  for (const path of ["/export", "/jobs/new", "/users"]) {
    await reviewer.goto(path);
    await expect(reviewer).toHaveURL(/\/\?forbidden=/);
  }
  await expect(reviewer.getByRole("link", { name: "Export" })).toHaveCount(0);

  // Read-only views: no editing controls.
  await reviewer.goto("/bank");
  await expect(reviewer.getByRole("button", { name: /New system message/ })).toHaveCount(0);
  await reviewer.getByRole("link", { name: "Step-by-step reasoning", exact: true }).click();
  await expect(reviewer.getByRole("button", { name: "Save as new version" })).toHaveCount(0);
  await reviewer.goto("/teachers");
  await expect(reviewer.getByRole("button", { name: "Add teacher" })).toHaveCount(0);

  // The server refuses too, whatever the UI shows.
  const exportResponse = await reviewer.request.get("/api/export?format=jsonl");
  expect(exportResponse.status()).toBe(403);
  const stranger = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  expect((await stranger.request.get("/api/export?format=jsonl")).status()).toBe(401);
  await stranger.close();
  await context.close();
});
