import Link from "next/link";
import { cn } from "../ui/cn";

const TABS = [
  { href: "/jobs/new", label: "Generate traces" },
  { href: "/jobs/new/synthesis", label: "Synthesize prompts" },
] as const;

/** The two kinds of job: traces for a prompt set, or prompts written into one. */
export function NewJobTabs({ current }: { current: (typeof TABS)[number]["href"] }) {
  return (
    <nav aria-label="Kind of job" className="mb-6 flex gap-1 border-b border-slate-200">
      {TABS.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.href === current ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
            tab.href === current
              ? "border-indigo-600 text-indigo-700"
              : "border-transparent text-slate-600 hover:text-slate-900",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
