import { describe, expect, it } from "vitest";
import { hash64Hex, hashString, hashStringLaneB } from "./hash";
import { normalizeText } from "./normalize";
import { orderByKey } from "./radix-sort";
import { tokenizeWords, wordTokens } from "./tokenize";
import { U64Table } from "./u64-table";
import { WindowHasher } from "./windows";

describe("normalizeText", () => {
  it("folds width, case, punctuation and spacing", () => {
    expect(normalizeText("  Ｈｅｌｌｏ,\tWORLD!!  It’s   ﬁne. ")).toBe("hello world it s fine");
  });
});

describe("tokenizeWords", () => {
  it("keeps offsets into the original text and joins the parts of a number", () => {
    const text = "Janet’s ducks lay 16 eggs; $1,000.50 total (3rd day).";
    const tokens = wordTokens(text);
    expect(tokens.map((t) => t.text)).toEqual([
      "janet",
      "s",
      "ducks",
      "lay",
      "16",
      "eggs",
      "1,000.50",
      "total",
      "3rd",
      "day",
    ]);
    for (const t of tokens) expect(text.slice(t.start, t.end).toLowerCase()).toBe(t.text);
    expect(tokens.filter((t) => t.numeric).map((t) => t.text)).toEqual(["16", "1,000.50"]);
  });

  it("hashes a token as the string hash of its normal form, ASCII or not", () => {
    const buffer = tokenizeWords("Café CAFÉ café Ｃａｆｅ cafe");
    const pairs = Array.from({ length: buffer.count }, (_, t) => [buffer.hashA[t], buffer.hashB[t]]);
    expect(pairs[0]).toEqual([hashString("café"), hashStringLaneB("café")]);
    expect(pairs[1]).toEqual(pairs[0]);
    expect(pairs[3]).toEqual(pairs[4]);
    expect(pairs[4]).toEqual([hashString("cafe"), hashStringLaneB("cafe")]);
    expect(pairs[0]).not.toEqual(pairs[4]);
  });

  it("treats a sentence end after a number as punctuation, and handles astral letters", () => {
    const tokens = wordTokens("It costs 5. Then 𝐀𝐁 x");
    expect(tokens.map((t) => t.text)).toEqual(["it", "costs", "5", "then", "ab", "x"]);
    expect(tokens[4]).toMatchObject({ start: 17, end: 21 });
  });

  it("grows past its initial capacity", () => {
    const buffer = tokenizeWords("w ".repeat(1000));
    expect(buffer.count).toBe(1000);
    expect(buffer.starts[999]).toBe(1998);
  });
});

describe("hashes", () => {
  it("are stable and spread", () => {
    expect(hash64Hex("abc")).toMatch(/^[0-9a-f]{16}$/);
    expect(hash64Hex("abc")).toBe(hash64Hex("abc"));
    const seen = new Set(Array.from({ length: 100_000 }, (_, i) => hashString(`token${i}`)));
    expect(seen.size).toBeGreaterThan(99_990);
  });
});

describe("WindowHasher", () => {
  it("gives equal windows equal hashes wherever they sit, and different lengths different ones", () => {
    const buffer = tokenizeWords("a b c d a b c d e");
    const windows = new WindowHasher();
    windows.load(buffer.hashA, buffer.hashB, buffer.count);
    const at = (start: number, length: number) => (windows.window(start, length), [windows.a, windows.b]);
    expect(at(0, 4)).toEqual(at(4, 4));
    expect(at(0, 3)).not.toEqual(at(1, 3));
    expect(at(0, 2)).not.toEqual(at(0, 3));
  });
});

describe("U64Table", () => {
  it("maps keys differing in either lane, through growth", () => {
    const table = new U64Table(4);
    let wrong = 0;
    for (let i = 0; i < 50_000; i++) if (table.getOrAdd(i, i % 7, i) !== i) wrong++;
    expect(wrong).toBe(0);
    expect(table.getOrAdd(10, 3, 99)).toBe(10);
    expect(table.get(10, 4)).toBe(-1);
    expect(table.get(49_999, 49_999 % 7)).toBe(49_999);
    expect(table.size).toBe(50_000);
  });
});

describe("orderByKey", () => {
  it("sorts stably by uint32 key", () => {
    const keys = Uint32Array.from([0xffffffff, 5, 0x10000, 5, 0, 0x10000]);
    expect(Array.from(orderByKey(keys))).toEqual([4, 1, 3, 2, 5, 0]);
  });
});
