"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { signInAction, signUpAction } from "@/lib/actions/auth";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/field";
import { Notice } from "../ui/notice";
import { actionErrorMessage } from "../ui/action-result";

export function CredentialsForm({
  mode,
  inviteToken,
  email,
  askSetupCode = false,
}: {
  mode: "sign-in" | "sign-up";
  inviteToken?: string;
  email?: string;
  /** The first account: the one-time code from the server's log. */
  askSetupCode?: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const onSuccess = () => {
    router.replace("/");
    router.refresh();
  };
  const onError = ({ error: e }: { error: Parameters<typeof actionErrorMessage>[0] }) =>
    setError(actionErrorMessage(e));
  const signIn = useAction(signInAction, { onSuccess, onError });
  const signUp = useAction(signUpAction, { onSuccess, onError });
  const pending = signIn.isPending || signUp.isPending;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(undefined);
    const form = new FormData(event.currentTarget);
    const value = (k: string) => String(form.get(k) ?? "");
    if (mode === "sign-in") signIn.execute({ email: value("email"), password: value("password") });
    else
      signUp.execute({
        name: value("name"),
        email: value("email"),
        password: value("password"),
        inviteToken,
        setupCode: askSetupCode ? value("setupCode") : undefined,
      });
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      {error && <Notice tone="error">{error}</Notice>}
      {askSetupCode && (
        <Field
          label="Setup code"
          htmlFor="setup-code"
          hint="Printed in the server's log when it started: “enter setup code XXXX-XXXX”."
        >
          <Input
            id="setup-code"
            name="setupCode"
            autoComplete="one-time-code"
            placeholder="XXXX-XXXX"
            spellCheck={false}
            required
          />
        </Field>
      )}
      {mode === "sign-up" && (
        <Field label="Name" htmlFor="name">
          <Input id="name" name="name" autoComplete="name" required />
        </Field>
      )}
      <Field label="Email" htmlFor="email">
        <Input id="email" name="email" type="email" autoComplete="email" defaultValue={email} required />
      </Field>
      <Field
        label="Password"
        htmlFor="password"
        hint={mode === "sign-up" ? "At least 8 characters." : undefined}
      >
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
          minLength={mode === "sign-up" ? 8 : undefined}
          required
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Please wait…" : mode === "sign-in" ? "Sign in" : "Create account"}
      </Button>
    </form>
  );
}
