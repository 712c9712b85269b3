import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors";
import { chooseSystemMessage, createSampler } from "./sampling";

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
