import { expect, test as setup } from "@playwright/test";
import { ADMIN, setupCodeFromLog, storageStatePath } from "./support/accounts";

// The first account on a fresh install becomes admin, claimed with the setup code the server
// printed in its log; every other test starts signed in as it.
setup("create the admin account with the setup code from the log", async ({ page, baseURL }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-up$/);
  await expect(page.getByRole("heading", { name: "Create the admin account" })).toBeVisible();
  await page.getByLabel("Name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);

  // Whoever reached the port first without the log cannot claim it.
  await page.getByLabel("Setup code").fill("0000-0000");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("That setup code is not right.", { exact: false })).toBeVisible();

  await page.getByLabel("Setup code").fill(await setupCodeFromLog(baseURL!));
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("current-user")).toHaveText(ADMIN.name);
  await expect(page.getByText("admin", { exact: true })).toBeVisible();
  await page.context().storageState({ path: storageStatePath(baseURL!) });
});
