"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { ReviewListRow, ReviewPage } from "@/lib/review/queries";
import type { ReviewFilter } from "@/lib/review/schemas";
import { Badge } from "../../ui/badge";
import { Button } from "../../ui/button";
import { cn } from "../../ui/cn";
import { formatCount, formatUtc } from "../../ui/format";
import { Notice } from "../../ui/notice";
import { StatusBadge } from "../status-badge";
import { selectionQuery } from "./selection-query";
import { useReviewPages } from "./use-review-list";

const ROW_HEIGHT = 64;
/** Ask for the next page this many rows before the end. */
const AHEAD = 15;
const COLUMNS =
  "grid grid-cols-[minmax(0,3fr)_minmax(0,1.4fr)_minmax(0,1.2fr)_minmax(0,1fr)_5rem_5rem_6rem] gap-3";

/**
 * The list, virtualized: only the rows in view are in the page, however many are loaded. Pages
 * load as the end comes near (and on, past a page that stopped early). j/k or the arrows move,
 * Enter opens.
 */
export function ReviewRows({
  filter,
  initial,
}: {
  filter: ReviewFilter;
  initial: { query: string; page: ReviewPage };
}) {
  const router = useRouter();
  const pages = useReviewPages(filter, initial);
  const rows = pages.data?.pages.flatMap((p) => p.rows) ?? [];
  const last = pages.data?.pages.at(-1);
  const more = pages.hasNextPage;
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  // The virtualizer re-renders through its own state; nothing memoizes what it returns here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length + (more ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? -1;
  const { fetchNextPage, isFetchingNextPage, isFetchNextPageError } = pages;
  useEffect(() => {
    if (more && !isFetchingNextPage && !isFetchNextPageError && lastShown >= rows.length - AHEAD)
      void fetchNextPage();
  }, [more, isFetchingNextPage, isFetchNextPageError, lastShown, rows.length, fetchNextPage, last]);

  const query = selectionQuery(filter);
  const href = (row: ReviewListRow) => `/review/${row.id}${query}`;
  const move = (to: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, to));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: "auto" });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.metaKey || event.ctrlKey || event.altKey || rows.length === 0) return;
    if (event.key === "j" || event.key === "ArrowDown") move(active + 1);
    else if (event.key === "k" || event.key === "ArrowUp") move(active - 1);
    else if (event.key === "Enter" && rows[active]) router.push(href(rows[active]));
    else return;
    event.preventDefault();
  };

  if (pages.isPending) return <p className="px-5 py-8 text-center text-sm text-slate-500">Loading traces…</p>;
  if (pages.isError)
    return (
      <div className="space-y-2 px-5 py-6">
        <Notice tone="error">The list could not be loaded: {pages.error.message}</Notice>
        <Button variant="secondary" size="sm" onClick={() => void pages.refetch()}>
          Try again
        </Button>
      </div>
    );
  if (rows.length === 0 && !more)
    return (
      <p className="px-5 py-8 text-center text-sm text-slate-500" data-testid="review-empty">
        No traces match these filters.
      </p>
    );
  return (
    <div>
      <div
        className={cn(
          COLUMNS,
          "border-b border-slate-200 px-5 py-2 text-xs font-semibold tracking-wide text-slate-500 uppercase",
        )}
      >
        <span>Prompt</span>
        <span>System message</span>
        <span>Job</span>
        <span>Model</span>
        <span>Finish</span>
        <span className="text-right">Tokens</span>
        <span>Status</span>
      </div>
      <div
        ref={scroller}
        tabIndex={0}
        role="list"
        aria-label="Traces (j/k to move, Enter to open)"
        onKeyDown={onKeyDown}
        className="h-[calc(100vh-24rem)] min-h-80 overflow-auto focus-visible:outline-2 focus-visible:outline-indigo-500"
      >
        <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            return (
              <div
                key={item.key}
                role="listitem"
                className="absolute top-0 left-0 w-full"
                style={{ height: item.size, transform: `translateY(${item.start}px)` }}
              >
                {row ? (
                  <Row
                    row={row}
                    href={href(row)}
                    active={item.index === active}
                    onFocus={() => setActive(item.index)}
                  />
                ) : (
                  <Footer page={last} failed={isFetchNextPageError} retry={() => void fetchNextPage()} />
                )}
              </div>
            );
          })}
        </div>
      </div>
      <p className="border-t border-slate-100 px-5 py-2 text-xs text-slate-500">
        {formatCount(rows.length)} loaded{more ? "" : " · end of the list"}
      </p>
    </div>
  );
}

function Row({
  row,
  href,
  active,
  onFocus,
}: {
  row: ReviewListRow;
  href: string;
  active: boolean;
  onFocus: () => void;
}) {
  return (
    <div
      data-testid="review-row"
      data-active={active || undefined}
      className={cn(
        COLUMNS,
        "h-full items-center border-b border-slate-100 px-5 text-sm text-slate-700 hover:bg-slate-50",
        active && "bg-indigo-50/60",
      )}
    >
      <div className="min-w-0">
        <Link
          href={href}
          onFocus={onFocus}
          className="block truncate text-slate-900 hover:text-indigo-700 hover:underline"
        >
          {row.promptPreview || "(empty prompt)"}
        </Link>
        <span className="block truncate text-xs text-slate-500">
          {formatUtc(row.createdAt)}
          {row.category && ` · ${row.category}`}
        </span>
      </div>
      <span className="truncate">
        {row.systemMessageName} · v{row.systemMessageVersion}
      </span>
      <span className="truncate">{row.jobName}</span>
      <span className="truncate">{row.model}</span>
      <span className="truncate">
        {row.finishReason}
        {row.truncated && (
          <Badge tone="amber" className="ml-1">
            cut
          </Badge>
        )}
      </span>
      <span className="text-right tabular-nums">{formatCount(row.outputTokens)}</span>
      <span className="flex items-center gap-1">
        <StatusBadge status={row.status} />
        {row.flagged && <Badge tone="amber">flag</Badge>}
      </span>
    </div>
  );
}

/** The row after the last loaded one: loading, looking further, or a failed page to retry. */
function Footer({ page, failed, retry }: { page?: ReviewPage; failed: boolean; retry: () => void }) {
  if (failed)
    return (
      <div className="flex h-full items-center gap-3 px-5 text-sm text-rose-700">
        The next page could not be loaded.
        <Button variant="secondary" size="sm" onClick={retry}>
          Try again
        </Button>
      </div>
    );
  return (
    <div className="flex h-full items-center px-5 text-sm text-slate-500" role="status">
      {page?.partial && page.reached
        ? `Looking further back for matches (reached ${formatUtc(page.reached)})…`
        : "Loading more…"}
    </div>
  );
}
