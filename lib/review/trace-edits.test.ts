import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TraceEdits } from "@/components/review/trace-edits";
import type { TraceEditView } from "./trace-view";

const edit = (id: string, overrides: Partial<TraceEditView> = {}): TraceEditView => ({
  id,
  content: `text ${id}`,
  note: null,
  editorId: "u1",
  editorName: "Ada",
  createdAt: "2025-03-04T05:06:07.000Z",
  restoresOriginal: false,
  ...overrides,
});

const render = (edits: TraceEditView[], original = "The **original**.") =>
  renderToStaticMarkup(createElement(TraceEdits, { edits, original }));

describe("TraceEdits", () => {
  it("shows nothing for a trace nobody edited", () => {
    expect(render([])).toBe("");
  });

  it("names the newest editor and time, and keeps the original viewable and sanitized", () => {
    const html = render(
      [edit("e2", { editorName: "Grace", note: "fixed step 2" }), edit("e1")],
      "Original <script>alert(1)</script> **bold**",
    );
    expect(html).toContain("Edited by <span");
    expect(html).toContain("Grace</span> at 2025-03-04 05:06 UTC");
    expect(html).toContain("fixed step 2");
    expect(html).toMatch(/<details[^>]*data-testid="trace-original"/);
    expect(html).toContain("<strong>bold</strong>");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("History (2 edits)");
  });

  it("says when the newest edit restored the original", () => {
    expect(render([edit("e2", { restoresOriginal: true }), edit("e1")])).toContain(
      "Restored to the original by",
    );
  });
});
