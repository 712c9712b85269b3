import { z } from "zod";
import { RoleSchema } from "./roles";

const email = z.email("Enter a valid email address.").trim().toLowerCase();
const password = z.string().min(8, "Passwords have at least 8 characters.").max(256);
const name = z.string().trim().min(1, "Enter a name.").max(100);

export const SignUpSchema = z.object({
  name,
  email,
  password,
  inviteToken: z.string().max(200).optional(),
  // The first account only: the one-time code the server printed in its log.
  setupCode: z.string().trim().max(40).optional(),
});
export type SignUpInput = z.infer<typeof SignUpSchema>;

export const SignInSchema = z.object({ email, password: z.string().min(1).max(256) });
export type SignInInput = z.infer<typeof SignInSchema>;

export const CreateUserSchema = z.object({ name, email, password, role: RoleSchema });
export type CreateUserInput = z.infer<typeof CreateUserSchema>;

export const CreateInviteSchema = z.object({ email, role: RoleSchema });
export type CreateInviteInput = z.infer<typeof CreateInviteSchema>;

export const SetRoleSchema = z.object({ userId: z.string().min(1), role: RoleSchema });
export type SetRoleInput = z.infer<typeof SetRoleSchema>;

export const UserIdSchema = z.object({ userId: z.string().min(1).max(100) });
export type UserIdInput = z.infer<typeof UserIdSchema>;

export const InviteIdSchema = z.object({ inviteId: z.string().min(1).max(100) });
export type InviteIdInput = z.infer<typeof InviteIdSchema>;
