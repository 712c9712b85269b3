import { describe, expect, it } from "vitest";
import { fts5Query, parseSearch, websearchText } from "./search-terms";

describe("parseSearch", () => {
  it("reads words, quoted phrases, or and exclusions the way web search does", () => {
    expect(parseSearch("apples pears")).toEqual({ all: [[["apples"]], [["pears"]]], none: [] });
    expect(parseSearch('"how many" apples')).toEqual({ all: [[["how", "many"]], [["apples"]]], none: [] });
    expect(parseSearch("apples or pears total")).toEqual({
      all: [[["apples"], ["pears"]], [["total"]]],
      none: [],
    });
    expect(parseSearch("apples -pears")).toEqual({ all: [[["apples"]]], none: [["pears"]] });
    expect(parseSearch("Apples")).toEqual({ all: [[["apples"]]], none: [] });
  });

  it("has nothing to look for in punctuation, operators alone or exclusions alone", () => {
    for (const text of ['"', "*", '""', "()", "-apples", "or", "- -", "^", ":"])
      expect(parseSearch(text)).toBeNull();
  });

  it("turns any operator or SQL into plain words of its query", () => {
    const hostile = [
      "AND (",
      "NEAR(a b)",
      "a OR",
      'content: "x',
      "x*",
      '\'; DROP TABLE "Trace"; --',
      "a\u0000b",
    ];
    for (const text of hostile) {
      const terms = parseSearch(text);
      if (!terms) continue;
      for (const phrase of [...terms.all.flat(), ...terms.none])
        for (const word of phrase) expect(word).toMatch(/^[\p{L}\p{N}\p{M}]+$/u);
    }
    expect(fts5Query(parseSearch("AND (")!)).toBe('"and"');
    expect(fts5Query(parseSearch("NEAR(a b)")!)).toBe('("near a" AND "b")');
    expect(fts5Query(parseSearch('\'; DROP TABLE "Trace"; --')!)).toBe('("drop" AND "table" AND "trace")');
  });

  it("keeps letters of every script, and words joined by punctuation as a phrase", () => {
    expect(parseSearch("café 数学 naïve")!.all.flat()).toEqual([["café"], ["数学"], ["naïve"]]);
    expect(parseSearch("don't")).toEqual({ all: [[["don", "t"]]], none: [] });
    expect(parseSearch("🍎 apples")).toEqual({ all: [[["apples"]]], none: [] });
  });

  it("caps a long query", () => {
    const terms = parseSearch(Array.from({ length: 40 }, (_, i) => `w${i}`).join(" "))!;
    expect(terms.all.length).toBe(16);
  });
});

describe("the queries each database gets", () => {
  it("FTS5: quoted phrases, OR groups, NOT for exclusions", () => {
    expect(fts5Query(parseSearch("apples")!)).toBe('"apples"');
    expect(fts5Query(parseSearch('apples or "green pears" total -red')!)).toBe(
      '(("apples" OR "green pears") AND "total") NOT ("red")',
    );
  });

  it("PostgreSQL: the same terms as websearch_to_tsquery text", () => {
    expect(websearchText(parseSearch('apples or "green pears" total -red')!)).toBe(
      '"apples" or "green pears" "total" -"red"',
    );
  });
});
