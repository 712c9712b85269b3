import Link from "next/link";
import type { PromptSetOverview } from "@/lib/prompts/queries";
import { EmptyRow, Table, Td, Th } from "../ui/table";
import { CategoryBadges } from "./category-badges";

export function SetList({ sets }: { sets: PromptSetOverview[] }) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>Name</Th>
          <Th className="text-right">Prompts</Th>
          <Th>Categories</Th>
          <Th>Created</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {sets.length === 0 && (
          <EmptyRow colSpan={4}>No prompt sets yet: create one and import a file.</EmptyRow>
        )}
        {sets.map((set) => (
          <tr key={set.id}>
            <Td>
              <Link href={`/prompts/${set.id}`} className="font-medium text-indigo-700 hover:underline">
                {set.name}
              </Link>
              {set.description && <p className="line-clamp-1 text-xs text-slate-500">{set.description}</p>}
            </Td>
            <Td className="text-right tabular-nums">{set.promptCount.toLocaleString("en-US")}</Td>
            <Td>
              <CategoryBadges categories={set.categories} />
            </Td>
            <Td className="whitespace-nowrap text-slate-500">{set.createdAt.toISOString().slice(0, 10)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
