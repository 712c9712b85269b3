import { expect, test } from "@playwright/test";
import { createAccount, freshBrowser, PERSON_PASSWORD, submitSignIn, uniqueEmail } from "./support/people";

test("wrong passwords in the sign-in form end in “too many failed attempts”, even for the right one", async ({
  page,
  browser,
  baseURL,
}) => {
  const email = uniqueEmail("throttled");
  await createAccount(page, "Tess Throttled", email);

  const guesser = await freshBrowser(browser, baseURL!);
  await guesser.goto("/sign-in");
  for (let i = 1; i <= 4; i++) {
    await submitSignIn(guesser, email, `wrong guess ${i}`);
    await expect(guesser.getByText("Wrong email or password.")).toBeVisible();
  }
  await submitSignIn(guesser, email, "wrong guess 5");
  await expect(guesser.getByText("Too many failed attempts; try again in 1 minute.")).toBeVisible();

  // While the delay lasts the password is not even checked.
  await submitSignIn(guesser, email, PERSON_PASSWORD);
  await expect(guesser.getByText("Too many failed attempts; try again in 1 minute.")).toBeVisible();
  await expect(guesser).toHaveURL(/\/sign-in$/);
  await guesser.context().close();
});
