"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { signOutAction } from "@/lib/actions/auth";
import { Button } from "../ui/button";

export function SignOutButton() {
  const router = useRouter();
  const { execute, isPending } = useAction(signOutAction, {
    onSuccess: () => {
      router.replace("/sign-in");
      router.refresh();
    },
  });
  return (
    <Button variant="ghost" size="sm" onClick={() => execute()} disabled={isPending}>
      Sign out
    </Button>
  );
}
