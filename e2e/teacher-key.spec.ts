import { expect, test } from "@playwright/test";
import { addScriptedTeacher, TEACHER_BASE_URL, uniqueLabel } from "./support/steps";

test("a saved teacher's key stays with its endpoint: a new base URL asks for the key again", async ({
  page,
}) => {
  const name = uniqueLabel("Keyed teacher");
  await addScriptedTeacher(page, name);
  const row = page.getByTestId(`provider-${name}`);
  await row.getByRole("button", { name: "Edit" }).click();
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Save changes" }) });
  const baseUrl = form.getByLabel("Base URL", { exact: true });

  // Strict base URLs: the SDK's path would become a query string.
  await baseUrl.fill(`${TEACHER_BASE_URL}/admin?x=`);
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByRole("alert").filter({ hasText: "cannot contain a query string" })).toBeVisible();

  // Another endpoint: the form says so beside the key, a test refuses the stored key, a save too.
  await baseUrl.fill(TEACHER_BASE_URL.replace("/v1", "/elsewhere/v1"));
  await expect(form.getByTestId("key-needed")).toContainText(
    "only sent to the base URL and kind it was saved with",
  );
  await form.getByRole("button", { name: "Test connection" }).click();
  await expect(
    form.getByRole("alert").filter({ hasText: "Connection failed: The stored API key" }),
  ).toBeVisible();
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(
    form.locator("p[role=alert]").filter({ hasText: /type the key for the new endpoint/ }),
  ).toBeVisible();
  await expect(row).toContainText(TEACHER_BASE_URL);

  // Back to the saved endpoint: the stored key is used, and no warning.
  await baseUrl.fill(`${TEACHER_BASE_URL}/`);
  await expect(form.getByTestId("key-needed")).toHaveCount(0);
  await form.getByRole("button", { name: "Test connection" }).click();
  await expect(form.getByRole("status").filter({ hasText: /Connected in \d+ ms/ })).toBeVisible();
});
