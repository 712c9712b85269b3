import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { parseRows, resolveFormat, where } from "./parsers";
import { MAX_ITEM_CHARS } from "./parsers/json";
import { chunked, collect, jsonl } from "./test-helpers";

const parse = (format: "jsonl" | "csv" | "json", text: string, size = 7) =>
  collect(parseRows(format, chunked(text, size)));

describe("JSONL", () => {
  it("reads one object per line, skipping blank lines, and cites the line of a bad one", async () => {
    const text = '{"text":"a"}\n\n   \n{"text": "b"\n{"text":"c"}\r\n[1,2]\n{"text":"d"}';
    const rows = await parse("jsonl", text);
    expect(rows.map((r) => r.line)).toEqual([1, 4, 5, 6, 7]);
    expect(rows[0]!.value).toEqual({ text: "a" });
    expect(rows[1]!.error).toMatch(/^invalid JSON/);
    expect(rows[2]!.value).toEqual({ text: "c" });
    expect(rows[3]!.value).toEqual([1, 2]); // the row schema rejects it, with the same line
    expect(rows[4]!.value).toEqual({ text: "d" });
  });

  it("decodes UTF-8 split across chunks and drops a byte-order mark", async () => {
    const text = "\uFEFF" + jsonl([{ text: "Janet’s ducks 🦆 lay 16 eggs" }, { text: "naïve café" }]);
    for (const size of [1, 2, 3, 5, 64]) {
      const rows = await parse("jsonl", text, size);
      expect(rows.map((r) => r.value)).toEqual([
        { text: "Janet’s ducks 🦆 lay 16 eggs" },
        { text: "naïve café" },
      ]);
    }
  });

  it("stops with a file error when the bytes are not UTF-8", async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"text":"ok"}\n{"text":"'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}\n'),
    ]);
    const rows = await collect(parseRows("jsonl", Readable.from([bytes])));
    expect(rows.at(-1)).toMatchObject({ fatal: true, error: expect.stringMatching(/not UTF-8/) });
    // The line of the bad byte, not of the piece of the file it arrived in; rows before it read.
    expect(rows.map((r) => r.line)).toEqual([1, 2]);
  });
});

describe("CSV", () => {
  it("cites the line a record starts on, after a multi-line quoted field", async () => {
    const text = [
      "text,category,answer",
      '"What is 2+2?\nShow your work,\nplease.",math,4',
      'plain,"with ""quotes""",x',
      "missing a field,only",
      '"a\r\nb",c,d',
      "",
      "last,e,f",
    ].join("\n");
    const rows = await parse("csv", text);
    expect(rows.map((r) => r.line)).toEqual([2, 5, 6, 7, 10]);
    expect(rows[0]!.value).toEqual({
      text: "What is 2+2?\nShow your work,\nplease.",
      category: "math",
      answer: "4",
    });
    expect(rows[1]!.value).toMatchObject({ category: 'with "quotes"' });
    expect(rows[2]!.error).toBe("has 2 fields, the header has 3");
    expect(rows[3]!.value).toMatchObject({ text: "a\r\nb" });
  });

  it("counts CRLF line endings once, inside and outside quoted fields", async () => {
    const text = 'prompt,type\r\n"one\r\ntwo",x\r\nthree,y\r\n';
    const rows = await parse("csv", text, 3);
    expect(rows.map((r) => [r.line, r.value])).toEqual([
      [2, { prompt: "one\r\ntwo", type: "x" }],
      [4, { prompt: "three", type: "y" }],
    ]);
  });

  it("decodes UTF-8 split across chunks, with a byte-order mark", async () => {
    const rows = await parse("csv", '\uFEFFText,Category\n"café ☃, “quoted”",naïve\n', 1);
    expect(rows).toEqual([{ line: 2, value: { Text: "café ☃, “quoted”", Category: "naïve" } }]);
  });

  it("stops with a file error on the line of a byte that is not UTF-8, whatever the chunks", async () => {
    const bytes = Buffer.concat([
      Buffer.from('text,category\nok,a\n"multi\nline",b\nbad '),
      Buffer.from([0xff]),
      Buffer.from(" row,c\nlast,d\n"),
    ]);
    for (const size of [1, 3, 1000]) {
      const pieces = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
        bytes.subarray(i * size, (i + 1) * size),
      );
      const rows = await collect(parseRows("csv", Readable.from(pieces)));
      expect(rows).toEqual([
        { line: 2, value: { text: "ok", category: "a" } },
        { line: 3, value: { text: "multi\nline", category: "b" } },
        { line: 5, fatal: true, error: "the file is not UTF-8 text (save it as UTF-8 and upload it again)" },
      ]);
    }
    // Inside a quoted field it is still the bad byte, not an unclosed quote, that is reported.
    const quoted = Buffer.concat([
      Buffer.from('text\nok\n"open '),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(' x"\n'),
    ]);
    expect((await collect(parseRows("csv", Readable.from([quoted])))).at(-1)).toMatchObject({
      line: 3,
      error: expect.stringMatching(/not UTF-8/),
    });
  });

  it("refuses a header without a prompt text column", async () => {
    const rows = await parse("csv", "id,answer\n1,2\n");
    expect(rows).toEqual([
      {
        line: 1,
        fatal: true,
        error:
          "the header row has no prompt text column (expected one of text, prompt, question, instruction)",
      },
    ]);
  });

  it("stops at an unclosed quote, citing the record that opened it", async () => {
    const rows = await parse("csv", 'text\nfine\n"never closed\nmore\n');
    expect(rows.at(-1)).toEqual({
      line: 3,
      fatal: true,
      error: "CSV syntax error: a quoted field is never closed",
    });
  });
});

describe("JSON", () => {
  it("streams a top-level array and cites where each item starts", async () => {
    const text =
      '[\n  {"text": "a"},\n  {\n    "text": "b",\n    "nested": {"x": [1, {"y": 2}]}\n  },\n  "oops",\n  [1, 2],\n  {"text": "c"}\n]\n';
    const rows = await parse("json", text, 5);
    expect(rows.map((r) => where(r))).toEqual([
      "item 1 (line 2)",
      "item 2 (line 3)",
      "item 3 (line 7)",
      "item 4 (line 8)",
      "item 5 (line 9)",
    ]);
    expect(rows[1]!.value).toEqual({ text: "b", nested: { x: [1, { y: 2 }] } });
    expect(rows[2]!.error).toBe("expected an object, found a string");
    expect(rows[3]!.error).toBe("expected an object, found an array");
    expect(rows[4]!.value).toEqual({ text: "c" });
  });

  it('reads the "prompts" array of an object and skips the other keys unassembled', async () => {
    const text = JSON.stringify(
      {
        meta: { big: [1, 2, { deep: true }] },
        canary: "x",
        prompts: [{ text: "p1" }, { question: "p2" }],
        after: [],
      },
      null,
      2,
    );
    const rows = await parse("json", text, 11);
    expect(rows.map((r) => r.value)).toEqual([{ text: "p1" }, { question: "p2" }]);
    expect(rows.map((r) => r.line)).toEqual([13, 16]);
  });

  it("reads a minified file fed in small chunks", async () => {
    const items = Array.from({ length: 300 }, (_, i) => ({ text: `q${i}`, answer: i }));
    const rows = await parse("json", JSON.stringify(items), 13);
    expect(rows).toHaveLength(300);
    expect(rows[299]).toEqual({ line: 1, item: 300, value: { text: "q299", answer: 299 } });
  });

  it("reports broken JSON, an empty file and a wrong shape as file errors", async () => {
    expect((await parse("json", '[\n{"text": "a"},\n{"text": }\n]')).at(-1)).toMatchObject({
      line: 3,
      fatal: true,
      error: expect.stringMatching(/^invalid JSON/),
    });
    expect(await parse("json", "  \n")).toEqual([{ line: 2, fatal: true, error: "the file is empty" }]);
    expect((await parse("json", '{"data": [{"text": "a"}]}')).at(-1)).toMatchObject({
      fatal: true,
      error: expect.stringMatching(/no "prompts" array/),
    });
    expect((await parse("json", '"just a string"')).at(-1)).toMatchObject({ fatal: true });
    expect((await parse("json", '[{"text": "a"}]\n[]')).at(-1)).toMatchObject({ fatal: true, line: 2 });
  });
});

describe("JSON items past the size cap", () => {
  const limit = "the item is longer than 4,000,000 characters";

  it("refuses one long string or many parts adding up, naming the item, and reads on", async () => {
    const long = "x".repeat(MAX_ITEM_CHARS + 1);
    const part = "y".repeat(Math.ceil(MAX_ITEM_CHARS / 4));
    const parts = JSON.stringify(Array.from({ length: 5 }, () => ({ p: [part] })));
    const text = `[\n{"text": "a"},\n{"text": "${long}"},\n{"text": "b", "parts": ${parts}},\n{"text": "c"}\n]\n`;
    const rows = await parse("json", text, 100_000);
    expect(rows.map((r) => ({ ...r, value: r.value && JSON.stringify(r.value).slice(0, 20) }))).toEqual([
      { line: 2, item: 1, value: '{"text":"a"}' },
      { line: 3, item: 2, error: limit },
      { line: 4, item: 3, error: limit },
      { line: 5, item: 4, value: '{"text":"c"}' },
    ]);
  });

  it("keeps an item just under the cap", async () => {
    const text = JSON.stringify([{ text: "z".repeat(MAX_ITEM_CHARS - 100) }]);
    const rows = await parse("json", text, 100_000);
    expect(rows).toHaveLength(1);
    expect((rows[0]!.value as { text: string }).text).toHaveLength(MAX_ITEM_CHARS - 100);
  });

  it(
    "holds no more than a piece of a 100-million-character item in memory",
    { timeout: 60_000 },
    async () => {
      const piece = Buffer.alloc(1 << 20, "x");
      const before = process.memoryUsage().heapUsed;
      let peak = 0;
      // The parser asks for the next megabyte once it is done with the last: sample the heap then.
      async function* file() {
        yield Buffer.from('{"prompts": [{"text": "');
        for (let i = 0; i < 100; i++) {
          yield piece;
          peak = Math.max(peak, process.memoryUsage().heapUsed - before);
        }
        yield Buffer.from('"},\n{"text": "after"}]}');
      }
      const rows = [];
      for await (const batch of parseRows("json", file())) rows.push(...batch);
      expect(rows).toEqual([
        { line: 1, item: 1, error: limit },
        { line: 2, item: 2, value: { text: "after" } },
      ]);
      // Assembling it would take 100 MB at least; pieces die young.
      expect(peak).toBeLessThan(40 * 1024 * 1024);
    },
  );
});

describe("resolveFormat", () => {
  it("picks the format by extension for auto and refuses unknown ones", () => {
    expect(resolveFormat("auto", "prompts.JSONL")).toBe("jsonl");
    expect(resolveFormat("auto", "x.ndjson")).toBe("jsonl");
    expect(resolveFormat("auto", "x.csv")).toBe("csv");
    expect(resolveFormat("auto", "bbh.json")).toBe("json");
    expect(resolveFormat("csv", "x.txt")).toBe("csv");
    expect(() => resolveFormat("auto", "x.txt")).toThrow(/\.jsonl, \.ndjson, \.csv or \.json/);
  });
});
