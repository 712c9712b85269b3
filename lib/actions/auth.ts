"use server";

import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { auth } from "../auth";
import {
  CreateInviteSchema,
  CreateUserSchema,
  SetRoleSchema,
  SignInSchema,
  SignUpSchema,
} from "../auth/schemas";
import { createInvite, createUser, registerUser, setRole } from "../auth";
import { InvalidInputError } from "../errors";
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
    try {
      await auth().api.signInEmail({ body: parsedInput, headers: await headers() });
    } catch (error) {
      if (error instanceof APIError) throw new InvalidInputError("Wrong email or password.");
      throw error;
    }
  });

export const signOutAction = publicAction.metadata({ name: "sign-out" }).action(async () => {
  await auth().api.signOut({ headers: await headers() });
});

export const createUserAction = authedAction
  .metadata({ name: "create-user", permission: "users:manage" })
  .inputSchema(CreateUserSchema)
  .action(async ({ parsedInput, ctx }) => createUser(parsedInput, ctx.user.id));

export const createInviteAction = authedAction
  .metadata({ name: "create-invite", permission: "users:manage" })
  .inputSchema(CreateInviteSchema)
  .action(async ({ parsedInput, ctx }) => createInvite(parsedInput, ctx.user.id));

export const setRoleAction = authedAction
  .metadata({ name: "set-role", permission: "users:manage" })
  .inputSchema(SetRoleSchema)
  .action(async ({ parsedInput, ctx }) => setRole(parsedInput, ctx.user.id));
