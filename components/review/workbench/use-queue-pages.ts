"use client";

import { useInfiniteQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import type { QueuePage, QueueTrace } from "@/lib/review/queue";
import { fetchJson } from "../../fetch-json";
import { postJson } from "./send";

/** A page as the browser keeps it: which way it was fetched decides which cursor it continues from. */
type HeldPage = QueuePage;

const PAGE = 10;

/**
 * The reviewer's queue around the trace they opened, fetched ahead (and behind) in pages with
 * React Query and kept for the whole visit: moving on shows a trace that is already here.
 */
export function useQueuePages(options: { initial: QueueTrace; query: string; sessionId?: string }) {
  const { initial, query, sessionId } = options;
  const client = useQueryClient();
  const key = useMemo(
    () => ["review-queue", query, sessionId ?? null, initial.id] as const,
    [query, sessionId, initial.id],
  );
  const pages = useInfiniteQuery({
    queryKey: key,
    initialPageParam: initial.cursor,
    initialData: {
      pages: [
        { traces: [initial], nextCursor: initial.cursor, prevCursor: sessionId ? null : initial.cursor },
      ],
      pageParams: [initial.cursor],
    } satisfies InfiniteData<HeldPage, string>,
    queryFn: async ({ pageParam, direction }): Promise<HeldPage> => {
      let page: QueuePage;
      if (sessionId) {
        // Taking reserves: a POST, naming the traces already here that still wait for me.
        const held = client.getQueryData<InfiniteData<HeldPage>>(key);
        const holding = (held?.pages ?? []).flatMap((p) =>
          p.traces.filter((t) => !t.myDecision).map((t) => t.id),
        );
        const sent = await postJson("/api/review/session-queue", {
          sessionId,
          holding: holding.slice(-400),
          limit: PAGE,
        });
        if (!sent.ok) throw new Error(sent.error);
        page = sent.data as QueuePage;
      } else {
        const params = new URLSearchParams(query.replace(/^\?/, ""));
        params.set("limit", String(PAGE));
        params.set(direction === "backward" ? "before" : "after", pageParam);
        page = await fetchJson<QueuePage>(`/api/review/queue?${params}`);
      }
      // Each page keeps only the cursor of the way it was fetched: the other side is already here.
      return direction === "backward" ? { ...page, nextCursor: null } : { ...page, prevCursor: null };
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    getPreviousPageParam: (first) => first.prevCursor ?? undefined,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: 4,
  });

  const traces = useMemo(() => {
    const seen = new Set<string>();
    return (pages.data?.pages ?? [])
      .flatMap((p) => p.traces)
      .filter((t) => !seen.has(t.id) && seen.add(t.id));
  }, [pages.data]);

  /** Puts a fresh copy of one trace in place (after an edit, a comment, a refusal). */
  const replace = useCallback(
    (fresh: QueueTrace) =>
      client.setQueryData<InfiniteData<HeldPage>>(
        key,
        (data) =>
          data && {
            ...data,
            pages: data.pages.map((p) => ({
              ...p,
              traces: p.traces.map((t) => (t.id === fresh.id ? fresh : t)),
            })),
          },
      ),
    [client, key],
  );

  return {
    traces,
    forwardDone: !pages.hasNextPage,
    backwardDone: !pages.hasPreviousPage,
    fetchingForward: pages.isFetchingNextPage,
    fetchingBackward: pages.isFetchingPreviousPage,
    // One fetch at a time: React Query cancels a running page fetch when another starts.
    loadForward: () => void (pages.isFetching || pages.fetchNextPage({ cancelRefetch: false })),
    loadBackward: () => void (pages.isFetching || pages.fetchPreviousPage({ cancelRefetch: false })),
    failed: pages.isFetchNextPageError || pages.isFetchPreviousPageError,
    replace,
  };
}
