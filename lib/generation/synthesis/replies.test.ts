import { describe, expect, it } from "vitest";
import { parsePromptList, readRewrite, UnusableReplyError } from "./replies";

describe("parsePromptList", () => {
  it("reads a JSON array of strings, bare, fenced or inside prose", () => {
    const list = ["What is a lens?", "Why is the sky blue?"];
    expect(parsePromptList(JSON.stringify(list), 5)).toEqual(list);
    expect(parsePromptList("```json\n" + JSON.stringify(list, null, 2) + "\n```", 5)).toEqual(list);
    expect(parsePromptList(`Here are your prompts:\n${JSON.stringify(list)}\nEnjoy!`, 5)).toEqual(list);
  });

  it("reads arrays of objects and an object holding the array", () => {
    expect(
      parsePromptList('[{"prompt": "Explain refraction."}, {"text": "Define focal length."}, 7]', 5),
    ).toEqual(["Explain refraction.", "Define focal length."]);
    expect(parsePromptList('{"prompts": ["One prompt here", "Another prompt"]}', 5)).toEqual([
      "One prompt here",
      "Another prompt",
    ]);
  });

  it("reads a numbered list whose prompts quote an array as the list, not as JSON", () => {
    expect(
      parsePromptList("1. Sort the list [3, 1, 2] in ascending order.\n2. Explain why the sky is blue.", 5),
    ).toEqual(["Sort the list [3, 1, 2] in ascending order.", "Explain why the sky is blue."]);
    expect(
      parsePromptList('1. Given the array ["apple", "banana"], count the vowels.\n2. Explain tides.', 5),
    ).toEqual(['Given the array ["apple", "banana"], count the vowels.', "Explain tides."]);
  });

  it("reads numbered and bulleted lists, with continuation lines and without the prose around", () => {
    const reply = [
      "Sure! Here are three prompts:",
      "",
      "1. A train leaves at 3 pm.",
      "   How far has it gone by 5 pm at 60 km/h?",
      "2) **Prompt:** Explain photosynthesis to a child.",
      "",
      "    Use one analogy.",
      '- "Write a haiku about autumn."',
      "",
      "Let me know if you want more!",
    ].join("\n");
    expect(parsePromptList(reply, 10)).toEqual([
      "A train leaves at 3 pm.\nHow far has it gone by 5 pm at 60 km/h?",
      "Explain photosynthesis to a child.\n\nUse one analogy.",
      "Write a haiku about autumn.",
    ]);
  });

  it("keeps at most n, drops repeats and empties, and ignores reasoning", () => {
    const reply =
      "<think>1. not a prompt</think>\n1. Alpha prompt\n2. alpha   PROMPT\n3. \n4. Beta prompt\n5. Gamma prompt";
    expect(parsePromptList(reply, 2)).toEqual(["Alpha prompt", "Beta prompt"]);
  });

  it("finds nothing in junk", () => {
    expect(parsePromptList("I am not sure what you mean.", 3)).toEqual([]);
    expect(parsePromptList("", 3)).toEqual([]);
    expect(parsePromptList("[1, 2, 3]", 3)).toEqual([]);
  });
});

describe("readRewrite", () => {
  const parent = "What is 2 + 2?";

  it("returns the rewrite without labels, quotes or fences", () => {
    expect(readRewrite("#Rewritten Prompt#: What is 2 + 2, shown with counters?", parent)).toBe(
      "What is 2 + 2, shown with counters?",
    );
    expect(readRewrite('"What is 2 + 2 in base 3?"', parent)).toBe("What is 2 + 2 in base 3?");
    expect(readRewrite("```\nAdd 2 and 2, then square it.\n```", parent)).toBe(
      "Add 2 and 2, then square it.",
    );
  });

  it("rejects empty, identical and refused rewrites with a reason", () => {
    expect(() => readRewrite("  ", parent)).toThrow(/empty/);
    expect(() => readRewrite("what is 2  + 2?", parent)).toThrow(/identical/);
    expect(() => readRewrite("I cannot help with rewriting this prompt.", parent)).toThrow(
      UnusableReplyError,
    );
    expect(() => readRewrite("As an AI language model, I will not do that.", parent)).toThrow(/refused/);
    expect(() => readRewrite("I'm sorry, but I can't comply.", parent)).toThrow(/refused/);
  });
});
