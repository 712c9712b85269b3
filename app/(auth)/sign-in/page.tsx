import Link from "next/link";
import { redirect } from "next/navigation";
import { CredentialsForm } from "@/components/auth/credentials-form";
import { hasAnyUser } from "@/lib/auth/users";
import { currentUser } from "@/lib/next/current-user";

export const metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage() {
  if (!(await hasAnyUser())) redirect("/sign-up");
  if (await currentUser()) redirect("/");
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold">Sign in</h1>
      <CredentialsForm mode="sign-in" />
      <p className="mt-4 text-center text-xs text-slate-500">
        New here? Ask an admin for an invite link, or{" "}
        <Link className="underline" href="/sign-up">
          sign up
        </Link>{" "}
        with one.
      </p>
    </>
  );
}
