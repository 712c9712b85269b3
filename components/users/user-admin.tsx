"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { createInviteAction, createUserAction } from "@/lib/actions/auth";
import { RoleSchema, type Role } from "@/lib/auth/roles";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader } from "../ui/card";
import { Field, Input, Select } from "../ui/field";
import { Notice } from "../ui/notice";
import { Table, Th } from "../ui/table";
import { toastActionError } from "../ui/action-result";
import { toast } from "../ui/toast";
import { AccountRowView, type AccountRow } from "./account-row";
import { OpenInvites, type InviteRow } from "./open-invites";

const roles = RoleSchema.options;
const reportError = toastActionError("Failed.");

export function UserAdmin({
  users,
  invites,
  selfId,
}: {
  users: AccountRow[];
  invites: InviteRow[];
  selfId: string;
}) {
  const router = useRouter();
  const [inviteLink, setInviteLink] = useState<string>();
  const createUser = useAction(createUserAction, {
    onSuccess: () => {
      toast.success("Account created.");
      router.refresh();
    },
    onError: reportError,
  });
  const createInvite = useAction(createInviteAction, {
    onSuccess: ({ data, input }) => {
      if (data)
        setInviteLink(
          `${location.origin}/sign-up?invite=${data.token}&email=${encodeURIComponent(input.email)}`,
        );
      router.refresh();
    },
    onError: reportError,
  });

  const read = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    return (k: string) => String(form.get(k) ?? "");
  };

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card className="lg:col-span-2">
        <CardHeader
          title="Accounts"
          description="Admins manage users; curators build datasets; reviewers review traces. Deactivated accounts cannot sign in; their work stays."
        />
        <Table>
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Email</Th>
              <Th>Role</Th>
              <Th>Status</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((u) => (
              <AccountRowView key={u.id} user={u} isSelf={u.id === selfId} />
            ))}
          </tbody>
        </Table>
        <OpenInvites invites={invites} />
      </Card>
      <div className="space-y-6">
        <Card>
          <CardHeader title="Invite someone" description="They choose their own password." />
          <CardBody>
            <form
              className="space-y-3"
              onSubmit={(e) => {
                const v = read(e);
                setInviteLink(undefined);
                createInvite.execute({ email: v("email"), role: v("role") as Role });
              }}
            >
              <Field label="Email" htmlFor="invite-email">
                <Input id="invite-email" name="email" type="email" required />
              </Field>
              <Field label="Role" htmlFor="invite-role">
                <Select id="invite-role" name="role" defaultValue="reviewer">
                  {roles.map((r) => (
                    <option key={r}>{r}</option>
                  ))}
                </Select>
              </Field>
              <Button type="submit" disabled={createInvite.isPending}>
                Create invite link
              </Button>
              {inviteLink && (
                <Notice tone="success">
                  Send this link (valid 7 days):{" "}
                  <code className="break-all" data-testid="invite-link">
                    {inviteLink}
                  </code>
                </Notice>
              )}
            </form>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Create an account" description="Set a first password and hand it over." />
          <CardBody>
            <form
              className="space-y-3"
              onSubmit={(e) => {
                const v = read(e);
                createUser.execute({
                  name: v("name"),
                  email: v("email"),
                  password: v("password"),
                  role: v("role") as Role,
                });
              }}
            >
              <Field label="Name" htmlFor="new-name">
                <Input id="new-name" name="name" required />
              </Field>
              <Field label="Email" htmlFor="new-email">
                <Input id="new-email" name="email" type="email" required />
              </Field>
              <Field label="Password" htmlFor="new-password">
                <Input id="new-password" name="password" type="password" minLength={8} required />
              </Field>
              <Field label="Role" htmlFor="new-role">
                <Select id="new-role" name="role" defaultValue="reviewer">
                  {roles.map((r) => (
                    <option key={r}>{r}</option>
                  ))}
                </Select>
              </Field>
              <Button type="submit" disabled={createUser.isPending}>
                Create account
              </Button>
            </form>
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
