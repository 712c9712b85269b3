"use client";

import type { Dispatch, SetStateAction } from "react";
import type { Command, QueueState } from "@/lib/review/keyboard-queue";
import type { RejectReasonView } from "@/lib/review/reason-schemas";
import { useReviewShortcuts } from "../use-review-shortcuts";
import { keyPressed } from "./key-timings";

export type WorkbenchMode = "view" | "rejecting" | "help";

/** The workbench's keys: each runs a queue command at once and is timed (key-timings.ts). */
export function useWorkbenchKeys(props: {
  mode: WorkbenchMode;
  setMode: Dispatch<SetStateAction<WorkbenchMode>>;
  canDecide: boolean;
  reasons: readonly RejectReasonView[];
  run: (...commands: Command[]) => void;
  /** The queue's state as of now (read when a key is pressed, never while rendering). */
  current: () => QueueState;
}): void {
  const { mode, setMode, canDecide, reasons, run, current } = props;
  const key =
    (command: Command, needsDecide = false) =>
    (event: KeyboardEvent) => {
      if (mode === "help" && event.key !== "?") return;
      if (needsDecide && !canDecide) return;
      const from = current().currentId;
      run(command);
      // Timed when it moves now or waits to move (keys behind a load); a flag stays put.
      const after = current();
      if (after.currentId !== from || after.waiting.length) keyPressed(event.key, event.timeStamp, from);
    };
  const reasonKeys = Object.fromEntries(
    reasons
      .slice(0, 9)
      .map((reason, i) => [String(i + 1), key({ type: "reject", reasonId: reason.id, reason: null }, true)]),
  );
  useReviewShortcuts(
    mode === "rejecting"
      ? { Escape: () => setMode("view") }
      : {
          a: key({ type: "approve" }, true),
          ...reasonKeys,
          r: () => canDecide && setMode("rejecting"),
          x: () => canDecide && setMode("rejecting"),
          j: key({ type: "next" }),
          ArrowRight: key({ type: "next" }),
          k: key({ type: "prev" }),
          ArrowLeft: key({ type: "prev" }),
          n: key({ type: "nextUnreviewed" }),
          s: key({ type: "skip" }),
          " ": key({ type: "skip" }),
          f: key({ type: "flag" }, true),
          u: key({ type: "undo" }, true),
          Backspace: key({ type: "undo" }, true),
          c: () => document.getElementById("comment-body")?.focus(),
          "?": () => setMode((m) => (m === "help" ? "view" : "help")),
          Escape: () => setMode("view"),
        },
  );
}
