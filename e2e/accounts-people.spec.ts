import { expect, test, type Page } from "@playwright/test";
import {
  createAccount,
  freshBrowser,
  PERSON_PASSWORD,
  signInAs,
  submitSignIn,
  uniqueEmail,
} from "./support/people";

const row = (page: Page, email: string) => page.getByTestId(`account-${email}`);

test("an admin deactivates someone: their session ends at once, sign-in says why, reactivation lets them back", async ({
  page,
  browser,
  baseURL,
}) => {
  const email = uniqueEmail("dana");
  await createAccount(page, "Dana Departing", email);
  const dana = await freshBrowser(browser, baseURL!);
  await signInAs(dana, email, "Dana Departing");

  await page.reload();
  await row(page, email).getByRole("button", { name: "Deactivate" }).click();
  await row(page, email).getByRole("button", { name: "Confirm deactivate" }).click();
  await expect(row(page, email)).toContainText("deactivated");

  await dana.goto("/review");
  await expect(dana).toHaveURL(/\/sign-in$/);
  await submitSignIn(dana, email, PERSON_PASSWORD);
  await expect(
    dana.getByText("This account has been deactivated: ask an admin to reactivate it."),
  ).toBeVisible();

  await row(page, email).getByRole("button", { name: "Reactivate" }).click();
  await expect(row(page, email)).toContainText("active ·");
  await signInAs(dana, email, "Dana Departing");
  await dana.context().close();
});

test("sign out everywhere: for oneself from the header, and for someone by an admin", async ({
  page,
  browser,
  baseURL,
}) => {
  const email = uniqueEmail("sol");
  await createAccount(page, "Sol Several", email);
  const [laptop, phone] = [await freshBrowser(browser, baseURL!), await freshBrowser(browser, baseURL!)];
  await signInAs(laptop, email, "Sol Several");
  await signInAs(phone, email, "Sol Several");

  await laptop.getByRole("button", { name: "Sign out everywhere…" }).click();
  await laptop.getByRole("button", { name: "Yes, sign out everywhere" }).click();
  await expect(laptop).toHaveURL(/\/sign-in$/);
  await phone.reload();
  await expect(phone).toHaveURL(/\/sign-in$/);

  // An admin ends them for someone else.
  await signInAs(phone, email, "Sol Several");
  await page.reload();
  await expect(row(page, email)).toContainText("1 session");
  await row(page, email).getByRole("button", { name: "Sign out everywhere" }).click();
  await row(page, email).getByRole("button", { name: "Confirm sign-out" }).click();
  await expect(row(page, email)).toContainText("0 sessions");
  await phone.reload();
  await expect(phone).toHaveURL(/\/sign-in$/);
  await laptop.context().close();
  await phone.context().close();
});

test("a revoked invite's link stops working", async ({ page, browser, baseURL }) => {
  const email = uniqueEmail("ivy");
  await page.goto("/users");
  await page.locator("#invite-email").fill(email);
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = (await page.getByTestId("invite-link").textContent())!;
  const invite = page.getByTestId(`invite-${email}`);
  await invite.getByRole("button", { name: "Revoke" }).click();
  await invite.getByRole("button", { name: "Confirm revoke" }).click();
  await expect(invite).toHaveCount(0);

  const ivy = await freshBrowser(browser, baseURL!);
  await ivy.goto(link);
  await ivy.getByLabel("Name").fill("Ivy Invited");
  await ivy.getByLabel("Password").fill(PERSON_PASSWORD);
  await ivy.getByRole("button", { name: "Create account" }).click();
  await expect(ivy.getByText("This invite link is not valid any more")).toBeVisible();
  await ivy.context().close();
});
