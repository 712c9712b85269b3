import Link from "next/link";
import type { CategoryCount, PromptListItem } from "@/lib/prompts/queries";
import { UNCATEGORISED, type PromptListQuery } from "@/lib/prompts/schemas";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Input, Select } from "../ui/field";
import { EmptyRow, Table, Td, Th } from "../ui/table";
import { LineageBadge } from "./lineage-badge";

type Page = { items: PromptListItem[]; total: number; page: number; pageCount: number };

/** A page of prompts with a plain GET filter form, so the URL holds the view. */
export function PromptTable({
  setId,
  page,
  query,
  categories,
}: {
  setId: string;
  page: Page;
  query: PromptListQuery;
  categories: CategoryCount[];
}) {
  const href = (n: number) => {
    const params = new URLSearchParams();
    if (query.q) params.set("q", query.q);
    if (query.category) params.set("category", query.category);
    if (n > 1) params.set("page", String(n));
    const search = params.toString();
    return `/prompts/${setId}${search ? `?${search}` : ""}`;
  };
  return (
    <>
      <form method="get" className="flex flex-wrap items-end gap-2 border-b border-slate-100 px-5 py-3">
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Search text</span>
          <Input name="q" type="search" defaultValue={query.q ?? ""} className="w-64" />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Category</span>
          <Select name="category" defaultValue={query.category ?? ""} className="w-52">
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c.category ?? UNCATEGORISED} value={c.category ?? UNCATEGORISED}>
                {c.category ?? "(no category)"} ({c.count.toLocaleString("en-US")})
              </option>
            ))}
          </Select>
        </label>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
        <span className="ml-auto text-sm text-slate-500">{page.total.toLocaleString("en-US")} matching</span>
      </form>
      <Table>
        <thead>
          <tr>
            <Th>Prompt</Th>
            <Th>Reference answer</Th>
            <Th>Category</Th>
            <Th>External id</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {page.items.length === 0 && <EmptyRow colSpan={4}>No prompts match.</EmptyRow>}
          {page.items.map((p) => (
            <tr key={p.id}>
              <Td className="max-w-md">
                <Link href={`/prompts/${setId}/${p.id}`} className="hover:text-indigo-700">
                  <p className="line-clamp-3 whitespace-pre-line">{p.text}</p>
                </Link>
                <LineageBadge setId={setId} prompt={p} />
              </Td>
              <Td className="max-w-sm text-slate-500">
                <p className="line-clamp-3 whitespace-pre-line">{p.referenceAnswer ?? "—"}</p>
              </Td>
              <Td>
                {p.category ? (
                  <Badge tone="indigo">{p.category}</Badge>
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </Td>
              <Td className="font-mono text-xs whitespace-nowrap">{p.externalId ?? "—"}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {page.pageCount > 1 && (
        <nav aria-label="Pages" className="flex items-center justify-between px-5 py-3 text-sm">
          {page.page > 1 ? (
            <Link href={href(page.page - 1)} className="text-indigo-700 hover:underline">
              ← Previous
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-500">
            Page {page.page} of {page.pageCount}
          </span>
          {page.page < page.pageCount ? (
            <Link href={href(page.page + 1)} className="text-indigo-700 hover:underline">
              Next →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </>
  );
}
