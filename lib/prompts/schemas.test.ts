import { describe, expect, it } from "vitest";
import { contentHash, normaliseText } from "./content-hash";
import { MAX_TEXT_CHARS, PromptRowSchema } from "./schemas";

const row = (value: unknown) => PromptRowSchema.safeParse(value);
const problem = (value: unknown) => {
  const parsed = row(value);
  return parsed.success ? null : parsed.error.issues.map((i) => i.message).join("; ");
};

describe("PromptRowSchema", () => {
  it("accepts every documented alias, case-insensitively, preferring the first listed", () => {
    expect(row({ question: "Q", answer: "A", task: "math", task_id: "t1" }).data).toEqual({
      text: "Q",
      referenceAnswer: "A",
      category: "math",
      externalId: "t1",
    });
    expect(row({ Prompt: " P ", Target: 42, Type: "x", ID: 7 }).data).toEqual({
      text: "P",
      referenceAnswer: "42",
      category: "x",
      externalId: "7",
    });
    expect(row({ reference_answer: "R", referenceAnswer: "no", text: "T", output: "no" }).data).toMatchObject(
      {
        text: "T",
        referenceAnswer: "R",
      },
    );
    expect(row({ instruction: "I", reference: "R", external_id: "e", category: "c" }).data).toEqual({
      text: "I",
      referenceAnswer: "R",
      category: "c",
      externalId: "e",
    });
    expect(row({ text: "T", externalId: "x", answer: "", category: "  " }).data).toEqual({
      text: "T",
      referenceAnswer: null,
      category: null,
      externalId: "x",
    });
  });

  it("appends a self-instruct instance's input and takes its output as the reference", () => {
    expect(
      row({
        id: "seed_task_1",
        instruction: "Relate the pairs.",
        instances: [{ input: "Night : Day", output: "antonyms" }],
      }).data,
    ).toEqual({
      text: "Relate the pairs.\n\nNight : Day",
      referenceAnswer: "antonyms",
      category: null,
      externalId: "seed_task_1",
    });
    expect(row({ instruction: "Say hi.", instances: [{ input: "", output: "hi" }] }).data?.text).toBe(
      "Say hi.",
    );
    expect(row({ instruction: "Fix:", input: "teh cat", output: "the cat" }).data).toMatchObject({
      text: "Fix:\n\nteh cat",
      referenceAnswer: "the cat",
    });
  });

  it("explains what is wrong with a row", () => {
    expect(problem({ answer: "4" })).toBe(
      '"text" is missing (expected one of text, prompt, question, instruction)',
    );
    expect(problem({ text: null })).toBe(
      '"text" is missing (expected one of text, prompt, question, instruction)',
    );
    expect(problem({ question: 12 })).toBe('"question" must be a string, not a number');
    expect(problem({ text: " \n\t " })).toBe('"text" is empty');
    expect(problem({ text: "x".repeat(MAX_TEXT_CHARS + 1) })).toBe(
      '"text" is too long (100,001 characters; at most 100,000)',
    );
    expect(problem({ text: "ok", answer: { a: 1 }, category: ["x"] })).toBe(
      '"answer" must be a string or a number, not an object; "category" must be a string or a number, not an array',
    );
    expect(problem({ text: "a\u0000b" })).toBe('"text" contains a NUL character (\\u0000)');
    // JSON may escape half a surrogate pair; PostgreSQL would refuse it when publishing.
    expect(problem(JSON.parse('{"text": "a\\ud83e b"}'))).toBe(
      '"text" contains an unpaired surrogate (a \\uD800-\\uDFFF escape)',
    );
    expect(problem([1, 2])).toBe('expected an object with a "text" field, found an array');
    expect(problem("text")).toBe('expected an object with a "text" field, found a string');
  });
});

describe("content hash", () => {
  it("ignores Unicode composition, surrounding and repeated whitespace, but not case", () => {
    expect(normaliseText("  caf\u0065\u0301 \n\n au   lait\t")).toBe("caf\u00e9 au lait");
    expect(contentHash("café  au lait")).toBe(contentHash(" cafe\u0301 au\nlait "));
    expect(contentHash("Café au lait")).not.toBe(contentHash("café au lait"));
    expect(contentHash("x")).toMatch(/^[0-9a-f]{64}$/);
  });
});
