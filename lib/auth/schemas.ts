import { z } from "zod";
import { RoleSchema } from "./roles";

const email = z.email("Enter a valid email address.").trim().toLowerCase();
const password = z.string().min(8, "Passwords have at least 8 characters.").max(256);
const name = z.string().trim().min(1, "Enter a name.").max(100);

export const SignUpSchema = z.object({ name, email, password, inviteToken: z.string().max(200).optional() });
export type SignUpInput = z.infer<typeof SignUpSchema>;

export const SignInSchema = z.object({ email, password: z.string().min(1).max(256) });
export type SignInInput = z.infer<typeof SignInSchema>;

export const CreateUserSchema = z.object({ name, email, password, role: RoleSchema });
export type CreateUserInput = z.infer<typeof CreateUserSchema>;

export const CreateInviteSchema = z.object({ email, role: RoleSchema });
export type CreateInviteInput = z.infer<typeof CreateInviteSchema>;

export const SetRoleSchema = z.object({ userId: z.string().min(1), role: RoleSchema });
export type SetRoleInput = z.infer<typeof SetRoleSchema>;
