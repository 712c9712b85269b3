import Link from "next/link";

const PAGES = [
  { href: "/quality", label: "Dashboard" },
  { href: "/quality/rules", label: "Rules and scans" },
  { href: "/quality/clusters", label: "Duplicate clusters" },
  { href: "/quality/benchmarks", label: "Benchmarks" },
  { href: "/quality/judge", label: "LLM judge" },
];

/** The quality pages' own tabs. */
export function QualityNav({ current }: { current: string }) {
  return (
    <nav aria-label="Quality" className="mb-6 flex flex-wrap gap-1 border-b border-slate-200 text-sm">
      {PAGES.map((page) => (
        <Link
          key={page.href}
          href={page.href}
          aria-current={page.href === current ? "page" : undefined}
          className={
            page.href === current
              ? "border-b-2 border-indigo-600 px-3 py-2 font-medium text-indigo-700"
              : "px-3 py-2 text-slate-600 hover:text-slate-900"
          }
        >
          {page.label}
        </Link>
      ))}
    </nav>
  );
}
