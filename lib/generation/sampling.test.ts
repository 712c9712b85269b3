import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors";
import {
  allowedMessages,
  chooseSystemMessage,
  createPlanSampler,
  createSampler,
  unmappedCategories,
} from "./sampling";

const messages = [
  { versionId: "v-a", weight: 1 },
  { versionId: "v-b", weight: 3 },
  { versionId: "v-c", weight: 6 },
];

function shares(draw: (promptId: string, sampleIndex: number) => string, n: number) {
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const v = draw(`prompt-${i}`, i % 3);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return (id: string) => (counts.get(id) ?? 0) / n;
}

describe("chooseSystemMessage", () => {
  it("gives the same answer for the same inputs, whatever the order of the messages", () => {
    const reversed = [...messages].reverse();
    for (let i = 0; i < 200; i++) {
      const first = chooseSystemMessage(7, `p${i}`, i % 4, messages);
      expect(chooseSystemMessage(7, `p${i}`, i % 4, messages)).toBe(first);
      expect(chooseSystemMessage(7, `p${i}`, i % 4, reversed)).toBe(first);
    }
  });

  it("draws a different plan for a different seed", () => {
    const a = createSampler(1, messages);
    const b = createSampler(2, messages);
    let differences = 0;
    for (let i = 0; i < 500; i++) if (a(`p${i}`, 0) !== b(`p${i}`, 0)) differences++;
    expect(differences).toBeGreaterThan(100);
  });

  it("depends on the sample index too", () => {
    const draw = createSampler(5, messages, "uniform");
    let differences = 0;
    for (let i = 0; i < 300; i++) if (draw(`p${i}`, 0) !== draw(`p${i}`, 1)) differences++;
    expect(differences).toBeGreaterThan(100);
  });

  it("follows the weights over 20,000 draws", () => {
    const share = shares(createSampler(123, messages, "weighted"), 20_000);
    expect(Math.abs(share("v-a") - 0.1)).toBeLessThan(0.02);
    expect(Math.abs(share("v-b") - 0.3)).toBeLessThan(0.02);
    expect(Math.abs(share("v-c") - 0.6)).toBeLessThan(0.02);
  });

  it("ignores the weights in uniform mode", () => {
    const share = shares(createSampler(9, messages, "uniform"), 20_000);
    for (const id of ["v-a", "v-b", "v-c"]) expect(Math.abs(share(id) - 1 / 3)).toBeLessThan(0.02);
  });

  it("never chooses a message of weight 0, in either mode", () => {
    const withZero = [...messages, { versionId: "v-zero", weight: 0 }];
    for (const mode of ["weighted", "uniform"] as const) {
      const share = shares(createSampler(11, withZero, mode), 5_000);
      expect(share("v-zero")).toBe(0);
    }
  });

  it("refuses when every message has weight 0", () => {
    const zeros = [
      { versionId: "x", weight: 0 },
      { versionId: "y", weight: 0 },
    ];
    expect(() => chooseSystemMessage(1, "p", 0, zeros)).toThrow(InvalidInputError);
    expect(() => chooseSystemMessage(1, "p", 0, zeros, "uniform")).toThrow(/weight 0/);
  });
});

const bank = [
  { messageId: "m-steps", versionId: "v-steps", weight: 1 },
  { messageId: "m-code", versionId: "v-code", weight: 3 },
  { messageId: "m-eli5", versionId: "v-eli5", weight: 1 },
  { messageId: "m-short", versionId: "v-short", weight: 1 },
];
const categoryMap = { math: ["m-steps", "m-code"], kids: ["m-eli5"], "*": ["m-short", "m-steps"] };

describe("createPlanSampler", () => {
  it("matches the plain sampler in weighted and uniform modes, ignoring categories", () => {
    for (const mode of ["weighted", "uniform"] as const) {
      const plan = createPlanSampler(bank, { mode, seed: 31 });
      const plain = createSampler(31, bank, mode);
      for (let i = 0; i < 200; i++) {
        expect(plan({ id: `p${i}`, category: i % 2 ? "math" : null }, i % 3)).toBe(plain(`p${i}`, i % 3));
      }
    }
  });

  it("in category mode draws only allowed messages, by weight, with the fallback for the rest", () => {
    const plan = createPlanSampler(bank, { mode: "category", seed: 8, categoryMap });
    const counts = (category: string | null) => {
      const tally = new Map<string, number>();
      for (let i = 0; i < 8_000; i++) {
        const v = plan({ id: `${category}-${i}`, category }, 0);
        tally.set(v, (tally.get(v) ?? 0) + 1);
      }
      return tally;
    };
    const math = counts("math");
    expect([...math.keys()].sort()).toEqual(["v-code", "v-steps"]);
    expect(Math.abs(math.get("v-code")! / 8_000 - 0.75)).toBeLessThan(0.03);
    expect([...counts("kids").keys()]).toEqual(["v-eli5"]);
    for (const other of ["history", null]) {
      const tally = counts(other);
      expect([...tally.keys()].sort()).toEqual(["v-short", "v-steps"]);
      expect(Math.abs(tally.get("v-short")! / 8_000 - 0.5)).toBeLessThan(0.03);
    }
  });

  it("is reproducible from the seed in category mode, and changes with it", () => {
    const a = createPlanSampler(bank, { mode: "category", seed: 5, categoryMap });
    const again = createPlanSampler([...bank].reverse(), { mode: "category", seed: 5, categoryMap });
    const b = createPlanSampler(bank, { mode: "category", seed: 6, categoryMap });
    let differences = 0;
    for (let i = 0; i < 300; i++) {
      const prompt = { id: `p${i}`, category: "math" };
      expect(again(prompt, 1)).toBe(a(prompt, 1));
      if (a(prompt, 1) !== b(prompt, 1)) differences++;
    }
    expect(differences).toBeGreaterThan(50);
  });

  it("treats categories named like Object.prototype members as any other category", () => {
    const plan = createPlanSampler(bank, { mode: "category", seed: 2, categoryMap: { "*": ["m-eli5"] } });
    for (const category of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      expect(plan({ id: `p-${category}`, category }, 0)).toBe("v-eli5");
    }
    expect(
      unmappedCategories(["toString", "constructor"], {
        mode: "category",
        categoryMap: { math: ["m-steps"] },
      }),
    ).toEqual(["toString", "constructor"]);
    expect(() =>
      createPlanSampler(bank, { mode: "category", seed: 2, categoryMap: { math: ["m-steps"] } })(
        { id: "p", category: "valueOf" },
        0,
      ),
    ).toThrow(InvalidInputError);
  });

  it("refuses a category with no entry and no fallback, naming it", () => {
    const noFallback = { math: ["m-steps"] };
    const plan = createPlanSampler(bank, { mode: "category", seed: 1, categoryMap: noFallback });
    expect(plan({ id: "p", category: "math" }, 0)).toBe("v-steps");
    expect(() => plan({ id: "p", category: "poetry" }, 0)).toThrow(/Category "poetry" has no system message/);
    expect(() => plan({ id: "p", category: null }, 0)).toThrow(/Prompts without a category/);
    expect(
      unmappedCategories(["math", "poetry", null, "poetry"], { mode: "category", categoryMap: noFallback }),
    ).toEqual(["poetry", null]);
    expect(unmappedCategories(["poetry"], { mode: "category", categoryMap })).toEqual([]);
    expect(unmappedCategories(["poetry"], { mode: "weighted" })).toEqual([]);
  });

  it("refuses a category whose allowed messages all weigh 0, or that names a message not chosen", () => {
    const zero = [...bank, { messageId: "m-zero", versionId: "v-zero", weight: 0 }];
    const plan = createPlanSampler(zero, { mode: "category", seed: 1, categoryMap: { "*": ["m-zero"] } });
    expect(() => plan({ id: "p", category: "x" }, 0)).toThrow(/weight 0/);
    expect(() => allowedMessages(bank, { mode: "category", categoryMap: { "*": ["m-gone"] } }, "x")).toThrow(
      /not chosen for this job/,
    );
  });
});
