"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import {
  deactivateUserAction,
  endUserSessionsAction,
  reactivateUserAction,
  setRoleAction,
} from "@/lib/actions/auth";
import { RoleSchema, type Role } from "@/lib/auth/roles";
import { toastActionError } from "../ui/action-result";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Select } from "../ui/field";
import { Td } from "../ui/table";
import { toast } from "../ui/toast";
import { ConfirmButton } from "./confirm-button";

export type AccountRow = {
  id: string;
  name: string;
  email: string;
  role: string;
  createdAt: string;
  deactivatedAt: string | null;
  sessions: number;
};

const reportError = toastActionError("Failed.");
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** One account: its role, whether it may sign in, and its sessions, each change confirmed. */
export function AccountRowView({ user, isSelf }: { user: AccountRow; isSelf: boolean }) {
  const router = useRouter();
  const done = (message: string) => {
    toast.success(message);
    router.refresh();
  };
  const setRole = useAction(setRoleAction, { onSuccess: () => done("Role updated."), onError: reportError });
  const deactivate = useAction(deactivateUserAction, {
    onSuccess: ({ data }) =>
      done(`${user.email} is deactivated; ${plural(data?.sessions ?? 0, "session")} ended.`),
    onError: reportError,
  });
  const reactivate = useAction(reactivateUserAction, {
    onSuccess: () => done(`${user.email} can sign in again.`),
    onError: reportError,
  });
  const endSessions = useAction(endUserSessionsAction, {
    onSuccess: ({ data }) => {
      if (isSelf) router.replace("/sign-in");
      done(`${plural(data?.sessions ?? 0, "session")} of ${user.email} ended.`);
    },
    onError: reportError,
  });
  const busy = setRole.isPending || deactivate.isPending || reactivate.isPending || endSessions.isPending;
  const active = !user.deactivatedAt;
  const userId = user.id;

  return (
    <tr data-testid={`account-${user.email}`}>
      <Td>
        {user.name}
        {isSelf ? " (you)" : ""}
      </Td>
      <Td>{user.email}</Td>
      <Td>
        <Select
          aria-label={`Role of ${user.email}`}
          value={user.role}
          disabled={busy}
          onChange={(e) => setRole.execute({ userId, role: e.target.value as Role })}
          className="w-36"
        >
          {RoleSchema.options.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </Select>
      </Td>
      <Td>
        {active ? (
          <Badge tone="green">active · {plural(user.sessions, "session")}</Badge>
        ) : (
          <Badge tone="red">deactivated</Badge>
        )}
      </Td>
      <Td className="space-x-1 whitespace-nowrap">
        {active && user.sessions > 0 && (
          <ConfirmButton
            label="Sign out everywhere"
            question={isSelf ? "End your sessions too?" : "End every session?"}
            confirmLabel="Confirm sign-out"
            disabled={busy}
            onConfirm={() => endSessions.execute({ userId })}
          />
        )}
        {active && !isSelf && (
          <ConfirmButton
            label="Deactivate"
            question="No more sign-ins; sessions end now."
            confirmLabel="Confirm deactivate"
            disabled={busy}
            onConfirm={() => deactivate.execute({ userId })}
          />
        )}
        {!active && (
          <Button
            size="sm"
            variant="secondary"
            disabled={busy}
            onClick={() => reactivate.execute({ userId })}
          >
            Reactivate
          </Button>
        )}
      </Td>
    </tr>
  );
}
