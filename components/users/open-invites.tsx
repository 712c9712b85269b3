"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { revokeInviteAction } from "@/lib/actions/auth";
import { toastActionError } from "../ui/action-result";
import { CardBody } from "../ui/card";
import { formatUtc } from "../ui/format";
import { toast } from "../ui/toast";
import { ConfirmButton } from "./confirm-button";

export type InviteRow = { id: string; email: string; role: string; expiresAt: string };

/** Invites not used yet; revoking one makes its link useless at once. */
export function OpenInvites({ invites }: { invites: InviteRow[] }) {
  const router = useRouter();
  const revoke = useAction(revokeInviteAction, {
    onSuccess: () => {
      toast.success("Invite revoked: its link no longer works.");
      router.refresh();
    },
    onError: toastActionError("Could not revoke the invite."),
  });
  if (invites.length === 0) return null;
  return (
    <CardBody className="border-t border-slate-100 text-sm text-slate-600">
      <p className="mb-2 font-medium text-slate-700">Open invites</p>
      <ul className="space-y-1">
        {invites.map((invite) => (
          <li key={invite.id} data-testid={`invite-${invite.email}`} className="flex items-center gap-2">
            <span>
              {invite.email} ({invite.role}), until {formatUtc(invite.expiresAt)}
            </span>
            <ConfirmButton
              label="Revoke"
              question="The link stops working."
              confirmLabel="Confirm revoke"
              disabled={revoke.isPending}
              onConfirm={() => revoke.execute({ inviteId: invite.id })}
            />
          </li>
        ))}
      </ul>
    </CardBody>
  );
}
