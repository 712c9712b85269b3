import { describe, expect, it } from "vitest";
import {
  compileAnswerPattern,
  InvalidAnswerPatternError,
  resolveTolerance,
  VerifySettingsSchema,
} from "./settings";

describe("VerifySettingsSchema", () => {
  it("defaults the method to auto", () => {
    expect(VerifySettingsSchema.parse({})).toEqual({ method: "auto" });
  });

  it("keeps a regex that compiles and a tolerance", () => {
    const settings = { method: "regex", regex: "Answer: (\\w+)", tolerance: { relative: 0.01 } };
    expect(VerifySettingsSchema.parse(settings)).toEqual(settings);
  });

  it("refuses a regex that does not compile, with the compiler's reason", () => {
    const result = VerifySettingsSchema.safeParse({ method: "regex", regex: "Answer: (\\w+" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["regex"] });
    expect(result.error?.issues[0]?.message).toMatch(
      /^The answer pattern is not a valid regular expression: .*/,
    );
  });

  it("refuses the regex method without a pattern, an unknown method and a negative tolerance", () => {
    expect(VerifySettingsSchema.safeParse({ method: "regex" }).error?.issues[0]?.path).toEqual(["regex"]);
    expect(VerifySettingsSchema.safeParse({ method: "fuzzy" }).success).toBe(false);
    expect(VerifySettingsSchema.safeParse({ tolerance: { absolute: -1 } }).success).toBe(false);
  });
});

describe("compileAnswerPattern", () => {
  it("compiles a plain pattern, or a /literal/ with flags, always global", () => {
    expect(compileAnswerPattern("a(b)").flags).toBe("g");
    const literal = compileAnswerPattern("/answer: (\\w+)/i");
    expect(literal.source).toBe("answer: (\\w+)");
    expect(literal.flags).toBe("gi");
  });

  it("throws a typed error for an invalid or empty pattern", () => {
    expect(() => compileAnswerPattern("[")).toThrow(InvalidAnswerPatternError);
    expect(() => compileAnswerPattern("//i")).toThrow("The answer pattern is empty.");
  });
});

describe("resolveTolerance", () => {
  it("fills what a prompt set leaves out with 1e-6 relative / 1e-9 absolute", () => {
    expect(resolveTolerance(undefined)).toEqual({ relative: 1e-6, absolute: 1e-9 });
    expect(resolveTolerance({ absolute: 0.5 })).toEqual({ relative: 1e-6, absolute: 0.5 });
  });
});
