import { describe, expect, it } from "vitest";
import { DEFAULT_TOPIC_TEMPLATE, fillTemplate, parseTopics, topLevelTopic } from "./topics";

describe("parseTopics", () => {
  it("reads a plain list, one topic per line, skipping blanks, comments and bullets", () => {
    expect(parseTopics("Algebra\n\n# not this one\n- Geometry\n* Probability\n3. Statistics\r\n")).toEqual([
      "Algebra",
      "Geometry",
      "Probability",
      "Statistics",
    ]);
  });

  it("flattens an indented tree into leaf paths; only leaves generate", () => {
    const tree = [
      "Physics",
      "  Optics",
      "    Lenses",
      "    Mirrors",
      "  Mechanics",
      "Chemistry",
      "\tOrganic",
      "History",
    ].join("\n");
    expect(parseTopics(tree)).toEqual([
      "Physics > Optics > Lenses",
      "Physics > Optics > Mirrors",
      "Physics > Mechanics",
      "Chemistry > Organic",
      "History",
    ]);
  });

  it('takes " > " paths inline, mixes them with indentation and keeps duplicates once', () => {
    const text = "Physics > Optics\n  Lenses\nBiology >  Cells\nBiology > Cells\nC++ templates<T>";
    expect(parseTopics(text)).toEqual(["Physics > Optics > Lenses", "Biology > Cells", "C++ templates<T>"]);
  });

  it("returns nothing for empty or comment-only text", () => {
    expect(parseTopics("")).toEqual([]);
    expect(parseTopics("  \n# only a comment\n")).toEqual([]);
  });

  it("names the top-level topic of a path", () => {
    expect(topLevelTopic("Physics > Optics > Lenses")).toBe("Physics");
    expect(topLevelTopic("History")).toBe("History");
  });
});

describe("fillTemplate", () => {
  it("fills every {topic} and {n}, taking the topic literally", () => {
    expect(fillTemplate("{n} about {topic}; again {topic}", "Costs in $& and $1", 3)).toBe(
      "3 about Costs in $& and $1; again Costs in $& and $1",
    );
    const filled = fillTemplate(DEFAULT_TOPIC_TEMPLATE, "Optics", 4);
    expect(filled).toContain('"Optics"');
    expect(filled).toContain("JSON array of 4 strings");
    expect(filled).not.toMatch(/\{topic\}|\{n\}/);
  });
});
