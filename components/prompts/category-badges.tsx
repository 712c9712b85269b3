import type { CategoryCount } from "@/lib/prompts/queries";
import { Badge } from "../ui/badge";

/** The most frequent categories of a set, with counts. */
export function CategoryBadges({ categories, limit = 4 }: { categories: CategoryCount[]; limit?: number }) {
  if (!categories.length) return <span className="text-slate-400">—</span>;
  const rest = categories.length - limit;
  return (
    <span className="flex flex-wrap gap-1">
      {categories.slice(0, limit).map((c) => (
        <Badge key={c.category ?? ""} tone={c.category ? "indigo" : "slate"}>
          {c.category ?? "no category"} · {c.count.toLocaleString("en-US")}
        </Badge>
      ))}
      {rest > 0 && <span className="text-xs text-slate-500">+{rest} more</span>}
    </span>
  );
}
