import { describeTag } from "@/lib/bank/tags";
import { Badge } from "../ui/badge";

export function TagBadges({ tags }: { tags: readonly string[] }) {
  if (!tags.length) return <span className="text-xs text-slate-400">no tags</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {tags.map((tag) => (
        <span key={tag} title={describeTag(tag) ?? "custom tag"}>
          <Badge tone={describeTag(tag) ? "indigo" : "slate"}>{tag}</Badge>
        </span>
      ))}
    </span>
  );
}
