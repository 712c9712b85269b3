"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { signOutAction, signOutEverywhereAction } from "@/lib/actions/auth";
import { toastActionError } from "../ui/action-result";
import { Button } from "../ui/button";

/** Sign out of this browser, or (after a confirmation) of every browser signed in as you. */
export function SignOutButton() {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const toSignIn = () => {
    router.replace("/sign-in");
    router.refresh();
  };
  const signOut = useAction(signOutAction, { onSuccess: toSignIn });
  const everywhere = useAction(signOutEverywhereAction, {
    onSuccess: toSignIn,
    onError: toastActionError("Could not sign out everywhere."),
  });
  const busy = signOut.isPending || everywhere.isPending;
  if (confirming) {
    return (
      <>
        <span className="text-xs">End every session of yours, on every device?</span>
        <Button variant="danger" size="sm" disabled={busy} onClick={() => everywhere.execute()}>
          Yes, sign out everywhere
        </Button>
        <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
          Keep
        </Button>
      </>
    );
  }
  return (
    <>
      <Button variant="ghost" size="sm" onClick={() => signOut.execute()} disabled={busy}>
        Sign out
      </Button>
      <Button variant="ghost" size="sm" onClick={() => setConfirming(true)} disabled={busy}>
        Sign out everywhere…
      </Button>
    </>
  );
}
