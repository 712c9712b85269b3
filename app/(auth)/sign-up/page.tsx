import Link from "next/link";
import { CredentialsForm } from "@/components/auth/credentials-form";
import { Notice } from "@/components/ui/notice";
import { hasAnyUser } from "@/lib/auth/users";

export const metadata = { title: "Sign up" };
export const dynamic = "force-dynamic";

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ invite?: string; email?: string }>;
}) {
  const { invite, email } = await searchParams;
  const first = !(await hasAnyUser());
  return (
    <>
      <h1 className="mb-2 text-lg font-semibold">{first ? "Create the admin account" : "Sign up"}</h1>
      <div className="mb-4">
        {first ? (
          <Notice>
            This is the first account on this Tracebank: it becomes the admin, who invites everyone else. To
            prove you run this server, enter the setup code it printed in its log when it started.
          </Notice>
        ) : !invite ? (
          <Notice tone="warning">Sign-up is by invitation. Open the invite link an admin gave you.</Notice>
        ) : null}
      </div>
      {(first || invite) && (
        <CredentialsForm mode="sign-up" inviteToken={invite} email={email} askSetupCode={first} />
      )}
      {!first && (
        <p className="mt-4 text-center text-xs text-slate-500">
          Already have an account?{" "}
          <Link className="underline" href="/sign-in">
            Sign in
          </Link>
        </p>
      )}
    </>
  );
}
