import Link from "next/link";
import type { ReactNode } from "react";
import type { SessionUser } from "@/lib/auth/users";
import { can } from "@/lib/auth/roles";
import { Badge } from "../ui/badge";
import { NavLinks, type NavLink } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

export function AppShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  const links: NavLink[] = [
    { href: "/", label: "Overview" },
    { href: "/bank", label: "System messages" },
    { href: "/prompts", label: "Prompts" },
    { href: "/teachers", label: "Teachers" },
    { href: "/jobs", label: "Jobs" },
    { href: "/review", label: "Review" },
    { href: "/sessions", label: "Sessions" },
    { href: "/quality", label: "Quality" },
    ...(can(user.role, "export") ? [{ href: "/export", label: "Export" }] : []),
    ...(can(user.role, "users:manage") ? [{ href: "/users", label: "Users" }] : []),
    ...(can(user.role, "reasons:manage") ? [{ href: "/reasons", label: "Reasons" }] : []),
  ];
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-6 py-3">
          <Link href="/" className="text-lg font-semibold tracking-tight text-indigo-700">
            Tracebank
          </Link>
          <NavLinks links={links} />
          <div className="ml-auto flex items-center gap-2 text-sm text-slate-600">
            <span data-testid="current-user">{user.name}</span>
            <Badge tone="indigo">{user.role}</Badge>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-6 py-8">{children}</main>
    </div>
  );
}
