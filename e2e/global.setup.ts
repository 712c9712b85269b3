import { expect, test as setup } from "@playwright/test";
import { ADMIN, storageStatePath } from "./support/accounts";

// The first account on a fresh install becomes admin; every other test starts signed in as it.
setup("create the admin account", async ({ page, baseURL }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-up$/);
  await expect(page.getByRole("heading", { name: "Create the admin account" })).toBeVisible();
  await page.getByLabel("Name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("current-user")).toHaveText(ADMIN.name);
  await expect(page.getByText("admin", { exact: true })).toBeVisible();
  await page.context().storageState({ path: storageStatePath(baseURL!) });
});
