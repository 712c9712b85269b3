"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { closeSessionAction } from "@/lib/actions/sessions";
import { toastActionError } from "../ui/action-result";
import { Button } from "../ui/button";
import { toast } from "../ui/toast";

/** Close an active session (after a confirmation): it takes no more decisions. */
export function CloseSessionButton({ sessionId }: { sessionId: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const close = useAction(closeSessionAction, {
    onSuccess: () => {
      toast.success("Session closed.");
      router.refresh();
    },
    onError: toastActionError("The session could not be closed."),
  });
  if (!confirming)
    return (
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        Close session…
      </Button>
    );
  return (
    <>
      <span className="text-sm text-slate-600">No more decisions will be taken. Close it?</span>
      <Button variant="danger" disabled={close.isPending} onClick={() => close.execute({ sessionId })}>
        Close
      </Button>
      <Button variant="ghost" onClick={() => setConfirming(false)}>
        Keep open
      </Button>
    </>
  );
}
