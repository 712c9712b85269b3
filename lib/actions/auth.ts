"use server";

import { headers } from "next/headers";
import {
  createInvite,
  createUser,
  deactivateUser,
  endSessions,
  reactivateUser,
  registerUser,
  revokeInvite,
  setRole,
  signIn,
} from "../auth";
import { auth } from "../auth";
import {
  CreateInviteSchema,
  CreateUserSchema,
  InviteIdSchema,
  SetRoleSchema,
  SignInSchema,
  SignUpSchema,
  UserIdSchema,
} from "../auth/schemas";
import { authedAction, publicAction } from "../next";

export const signUpAction = publicAction
  .metadata({ name: "sign-up" })
  .inputSchema(SignUpSchema)
  .action(async ({ parsedInput }) => {
    const user = await registerUser(parsedInput, await headers());
    return { role: user.role };
  });

export const signInAction = publicAction
  .metadata({ name: "sign-in" })
  .inputSchema(SignInSchema)
  .action(async ({ parsedInput }) => {
    await signIn(parsedInput, await headers());
  });

export const signOutAction = publicAction.metadata({ name: "sign-out" }).action(async () => {
  await auth().api.signOut({ headers: await headers() });
});

/** Ends every session of the caller's own account, this one included. */
export const signOutEverywhereAction = authedAction
  .metadata({ name: "sign-out-everywhere", permission: "read" })
  .action(async ({ ctx }) => endSessions({ userId: ctx.user.id }, ctx.user.id));

export const createUserAction = authedAction
  .metadata({ name: "create-user", permission: "users:manage" })
  .inputSchema(CreateUserSchema)
  .action(async ({ parsedInput, ctx }) => createUser(parsedInput, ctx.user.id));

export const createInviteAction = authedAction
  .metadata({ name: "create-invite", permission: "users:manage" })
  .inputSchema(CreateInviteSchema)
  .action(async ({ parsedInput, ctx }) => createInvite(parsedInput, ctx.user.id));

export const revokeInviteAction = authedAction
  .metadata({ name: "revoke-invite", permission: "users:manage" })
  .inputSchema(InviteIdSchema)
  .action(async ({ parsedInput, ctx }) => revokeInvite(parsedInput, ctx.user.id));

export const setRoleAction = authedAction
  .metadata({ name: "set-role", permission: "users:manage" })
  .inputSchema(SetRoleSchema)
  .action(async ({ parsedInput, ctx }) => setRole(parsedInput, ctx.user.id));

export const deactivateUserAction = authedAction
  .metadata({ name: "deactivate-user", permission: "users:manage" })
  .inputSchema(UserIdSchema)
  .action(async ({ parsedInput, ctx }) => deactivateUser(parsedInput, ctx.user.id));

export const reactivateUserAction = authedAction
  .metadata({ name: "reactivate-user", permission: "users:manage" })
  .inputSchema(UserIdSchema)
  .action(async ({ parsedInput, ctx }) => reactivateUser(parsedInput, ctx.user.id));

/** An admin signs someone (or themselves) out of every browser. */
export const endUserSessionsAction = authedAction
  .metadata({ name: "end-user-sessions", permission: "users:manage" })
  .inputSchema(UserIdSchema)
  .action(async ({ parsedInput, ctx }) => endSessions(parsedInput, ctx.user.id));
