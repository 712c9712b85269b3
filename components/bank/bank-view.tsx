"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { seedBankAction } from "@/lib/actions/bank";
import { STRATEGY_TAG_NAMES } from "@/lib/bank/tags";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Notice } from "../ui/notice";
import { PageHeader } from "../ui/page-header";
import { EmptyRow, Table, Th } from "../ui/table";
import { toast } from "../ui/toast";
import { BankFilters } from "./bank-filters";
import { BankRow } from "./bank-row";
import { ImportButton, type ImportOutcome } from "./import-button";
import { NewMessageForm } from "./new-message-form";
import type { EnabledFilter, MessageRow } from "./types";

export function BankView({
  messages,
  canEdit,
  initialTag,
  initialEnabled,
}: {
  messages: MessageRow[];
  canEdit: boolean;
  initialTag: string | null;
  initialEnabled: EnabledFilter;
}) {
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome>();
  const [tag, setTag] = useState(initialTag);
  const [enabled, setEnabled] = useState(initialEnabled);
  const [search, setSearch] = useState("");
  const seed = useAction(seedBankAction, {
    onSuccess: ({ data }) => {
      toast.success(`Added ${data?.created ?? 0} starter messages.`);
      router.refresh();
    },
  });

  const tagCounts = useMemo(() => countTags(messages), [messages]);
  const shown = messages.filter(
    (m) =>
      (!tag || m.tags.includes(tag)) &&
      (enabled === "all" || m.enabled === (enabled === "enabled")) &&
      m.name.toLowerCase().includes(search.trim().toLowerCase()),
  );
  const enabledCount = messages.filter((m) => m.enabled).length;

  // Filters live in the URL so a filtered view can be shared or reloaded.
  const remember = (nextTag: string | null, nextEnabled: EnabledFilter) => {
    const params = new URLSearchParams();
    if (nextTag) params.set("tag", nextTag);
    if (nextEnabled !== "all") params.set("enabled", nextEnabled);
    window.history.replaceState(null, "", params.size ? `?${params}` : location.pathname);
  };

  return (
    <>
      <PageHeader
        title="System messages"
        description={`The bank a job samples from: ${enabledCount} of ${messages.length} enabled. Editing a message adds a version; traces keep pointing at the version that produced them.`}
        actions={
          <>
            <a
              href="/api/bank/export"
              download
              className="inline-flex items-center rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 shadow-xs hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
            >
              Export JSON
            </a>
            {canEdit && <ImportButton onOutcome={setOutcome} />}
            {canEdit && !creating && <Button onClick={() => setCreating(true)}>New system message</Button>}
          </>
        }
      />
      {outcome && (
        <div className="mb-4 flex items-start gap-2">
          <div className="flex-1">
            <Notice tone={outcome.tone}>{outcome.message}</Notice>
          </div>
          <Button size="sm" variant="ghost" className="mt-1" onClick={() => setOutcome(undefined)}>
            Dismiss
          </Button>
        </div>
      )}
      {creating && <NewMessageForm onDone={() => setCreating(false)} />}
      <Card>
        <BankFilters
          tags={tagCounts}
          tag={tag}
          onTag={(t) => {
            setTag(t);
            remember(t, enabled);
          }}
          enabled={enabled}
          onEnabled={(e) => {
            setEnabled(e);
            remember(tag, e);
          }}
          search={search}
          onSearch={setSearch}
        />
        <Table>
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Strategy tags</Th>
              <Th className="text-right">Weight</Th>
              <Th>Enabled</Th>
              <Th>Current</Th>
              <Th className="text-right">Versions</Th>
              <Th>Last updated</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((m) => (
              <BankRow key={`${m.id}:${m.enabled}`} message={m} canEdit={canEdit} />
            ))}
            {messages.length === 0 && (
              <EmptyRow colSpan={7}>
                The bank is empty.{" "}
                {canEdit && (
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={seed.isPending}
                    onClick={() => seed.execute()}
                  >
                    Add the starter messages
                  </Button>
                )}
              </EmptyRow>
            )}
            {messages.length > 0 && shown.length === 0 && (
              <EmptyRow colSpan={7}>No message matches these filters.</EmptyRow>
            )}
          </tbody>
        </Table>
      </Card>
    </>
  );
}

/** Tags in use with counts: the strategy vocabulary in its own order, then custom tags A-Z. */
function countTags(messages: MessageRow[]) {
  const counts = new Map<string, number>();
  for (const m of messages) for (const t of m.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  const rank = (t: string) => {
    const i = STRATEGY_TAG_NAMES.indexOf(t);
    return i === -1 ? STRATEGY_TAG_NAMES.length : i;
  };
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => rank(a.tag) - rank(b.tag) || a.tag.localeCompare(b.tag));
}
