import { z } from "zod";

export const RoleSchema = z.enum(["admin", "curator", "reviewer"]);
export type Role = z.infer<typeof RoleSchema>;

/** What each role may do; every server action and route handler names one of these. */
const GRANTS = {
  read: ["admin", "curator", "reviewer"],
  "review:decide": ["admin", "curator", "reviewer"],
  // Approve or reject a whole filtered selection at once.
  "review:bulk": ["admin", "curator"],
  "bank:edit": ["admin", "curator"],
  "prompts:import": ["admin", "curator"],
  "providers:manage": ["admin", "curator"],
  "jobs:launch": ["admin", "curator"],
  // Create and close team annotation sessions, and see every session (reviewers see their own).
  "sessions:manage": ["admin", "curator"],
  export: ["admin", "curator"],
  // Quality rules, benchmark sets, scans, judge rubrics and runs; resolving duplicate clusters.
  "quality:manage": ["admin", "curator"],
  "users:manage": ["admin"],
  "reasons:manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof GRANTS;
export const PermissionSchema = z.enum(Object.keys(GRANTS) as [Permission, ...Permission[]]);

export function can(role: string, permission: Permission): boolean {
  return (GRANTS[permission] as readonly string[]).includes(role);
}
