import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ScriptSchema, startScriptedTeacher, type ScriptedTeacher, type ScriptInput } from "./index";
import { ScriptState } from "./script";
import { askInTurn, endpointFor, runs } from "./test-client";

let teacher: ScriptedTeacher;
beforeAll(async () => {
  teacher = await startScriptedTeacher();
});
afterAll(() => teacher.close());
beforeEach(() => teacher.reset());

const statusesOf = async (count: number, prompt?: (i: number) => string) =>
  (await askInTurn(teacher.url, count, prompt)).map((a) => a.status);

describe("faults.bursts429", () => {
  const script: ScriptInput = {
    seed: 7,
    faults: { bursts429: { gap: [3, 8], length: [2, 5], retryAfterSeconds: 1 } },
  };

  it("answers runs of `length` 429s after gaps of `gap` normal answers, on both endpoints", async () => {
    teacher.setScript(script);
    const answers = await askInTurn(teacher.url, 80);
    const pattern = runs(answers.map((a) => a.status));
    expect(pattern.map((r) => r.value)).toEqual(pattern.map((_, i) => (i % 2 === 0 ? 200 : 429)));
    expect(pattern.length).toBeGreaterThanOrEqual(10);
    // The last run may be cut short by the end of the sequence.
    for (const { value, length } of pattern.slice(0, -1)) {
      const [min, max] = value === 200 ? [3, 8] : [2, 5];
      expect(length).toBeGreaterThanOrEqual(min);
      expect(length).toBeLessThanOrEqual(max);
    }
    const lengths = new Set(pattern.filter((r) => r.value === 429).map((r) => r.length));
    expect(lengths.size).toBeGreaterThan(1);

    const limited = answers.flatMap((a, i) => (a.status === 429 ? [{ ...a, endpoint: endpointFor(i) }] : []));
    expect(limited.every((a) => a.retryAfter === "1")).toBe(true);
    const openai = limited.filter((a) => a.endpoint === "chatCompletions");
    const anthropic = limited.filter((a) => a.endpoint === "messages");
    expect(openai.length).toBeGreaterThan(0);
    expect(anthropic.length).toBeGreaterThan(0);
    for (const a of openai) expect(a.body).toMatchObject({ error: { code: "rate_limit_exceeded" } });
    for (const a of anthropic)
      expect(a.body).toMatchObject({ type: "error", error: { type: "rate_limit_error" } });
    expect(teacher.stats().byOutcome["429"]).toBe(limited.length);
  });

  it("is the same run for the same seed, after a reset too, and another for another seed", async () => {
    teacher.setScript(script);
    const first = await statusesOf(60);
    teacher.reset();
    expect(await statusesOf(60)).toEqual(first);
    teacher.setScript(script);
    expect(await statusesOf(60)).toEqual(first);
    teacher.setScript({ ...script, seed: 8 });
    expect(await statusesOf(60)).not.toEqual(first);
  });

  it("yields to a rule's fault, which does not count, but overrides a rule's reply", async () => {
    teacher.setScript({
      rules: [
        { match: { promptIncludes: "ruled" }, fault: "500" },
        { match: { promptIncludes: "styled" }, reply: "Styled." },
      ],
      faults: { bursts429: { gap: 2, length: 2 } },
    });
    const prompts = ["q", "styled", "ruled", "styled", "q", "q", "styled", "ruled", "q"];
    expect(await statusesOf(prompts.length, (i) => prompts[i]!)).toEqual([
      200, 200, 500, 429, 429, 200, 200, 500, 429,
    ]);
  });

  it("comes before random faults and leaves the gaps' random faults as they were", async () => {
    const faults = { rate500: 0.3, rate429: 0.1, retryAfterSeconds: 9 };
    teacher.setScript({ seed: 3, faults });
    const plain = await statusesOf(40);
    teacher.setScript({
      seed: 3,
      faults: { ...faults, bursts429: { gap: [2, 4], length: 3, retryAfterSeconds: 1 } },
    });
    const answers = await askInTurn(teacher.url, 40);
    const inBursts = answers.map((a) => a.status === 429 && a.retryAfter === "1");
    expect(inBursts.filter(Boolean).length).toBeGreaterThan(6);
    answers.forEach((a, i) => {
      if (!inBursts[i]) expect(a.status).toBe(plain[i]);
    });
    expect(plain).toContain(500);
  });

  it("leaves batch requests alone and does not count them", () => {
    const state = new ScriptState(ScriptSchema.parse({ faults: { bursts429: { gap: 2, length: 2 } } }));
    const call = { system: "", prompt: "x" };
    for (let i = 0; i < 5; i++) expect(state.plan({ ...call, batch: true }).kind).toBe("reply");
    const live = Array.from({ length: 5 }, () => state.plan(call));
    expect(live.map((p) => p.kind)).toEqual(["reply", "reply", "429", "429", "reply"]);
    expect(live[2]).toEqual({ kind: "429", latencyMs: 0, retryAfterSeconds: 1, burst: 0 });
  });

  it("is validated like the rest of the script", async () => {
    const invalid = (bursts429: unknown) =>
      ScriptSchema.safeParse({ faults: { bursts429 } }).success === false;
    expect(invalid({ gap: [5, 2], length: 1 })).toBe(true);
    expect(invalid({ gap: 3, length: 0 })).toBe(true);
    expect(invalid({ gap: 1.5, length: 1 })).toBe(true);
    expect(invalid({ length: 2 })).toBe(true);
    expect(invalid({ gap: 0, length: [1, 1], retryAfterSeconds: -1 })).toBe(true);
    const res = await fetch(teacher.url + "/__control/script", {
      method: "POST",
      body: JSON.stringify({ faults: { bursts429: { gap: [20, 10], length: 3 } } }),
    });
    expect(res.status).toBe(400);
  });
});
