import { describe, expect, it } from "vitest";
import { FOREIGN_ANSWERS } from "./fixtures/foreign-answers";
import { NATALIA_QUESTION, trace } from "./fixtures/trace";
import { checkLanguage } from "./language";
import { looksEnglish } from "./english";
import { proseOf } from "./prose";

// Long enough (200+ letters of prose) for the check to be sure of a mismatch.
const LONG_QUESTION = `${NATALIA_QUESTION} Explain how you found the number of clips for each month, then add the two months together and say which month she sold more clips in.`;
const ENGLISH_ANSWER =
  "In May she sold half as many clips as in April, so she sold 48 / 2 = 24 clips in May. Adding the two months together gives 48 + 24 = 72 clips, and April was the better month because she sold twice as many clips then.";

describe("checkLanguage", () => {
  it("passes an English answer to an English prompt", () => {
    expect(checkLanguage(trace({ prompt: LONG_QUESTION, output: ENGLISH_ANSWER }))).toMatchObject({
      outcome: "pass",
      evidence: { prompt: "eng", output: "eng" },
    });
  });

  it.each(["deu", "spa", "fra", "por", "ita", "nld", "rus", "cmn"])(
    "fails a long %s answer to a long English prompt",
    (language) => {
      const result = checkLanguage(trace({ prompt: LONG_QUESTION, output: FOREIGN_ANSWERS[language] }));
      expect(result.outcome).toBe("fail");
      expect(result.evidence).toMatchObject({ prompt: "eng" });
      expect(result.summary).toMatch(/^prompt in eng, output in \w{3}$/);
    },
  );

  it("only warns when the texts are shorter than the confident length", () => {
    expect(checkLanguage(trace({ output: FOREIGN_ANSWERS.deu })).outcome).toBe("warn");
    expect(checkLanguage(trace({ output: FOREIGN_ANSWERS.spa })).outcome).toBe("warn");
  });

  it("fails a change of script even on shorter texts", () => {
    expect(checkLanguage(trace({ output: FOREIGN_ANSWERS.cmn })).outcome).toBe("fail");
  });

  it("skips texts too short to tell", () => {
    expect(checkLanguage(trace({ output: "#### 72" })).outcome).toBe("skip");
    expect(checkLanguage(trace({ prompt: "2+2?", output: ENGLISH_ANSWER })).outcome).toBe("skip");
  });

  it("never fails a translation request", () => {
    const prompt = `Translate this answer into German: ${ENGLISH_ANSWER}`;
    expect(checkLanguage(trace({ prompt, output: FOREIGN_ANSWERS.deu })).outcome).toBe("warn");
  });

  it("reads only the prose: code, TeX, calculator annotations and numbers are removed", () => {
    const output =
      "Here is the code:\n```python\ndef total(april):\n    return april + april // 2\n```\nThe sum is $\\frac{3}{2} \\cdot 48$ = <<48*3/2=72>>72.";
    expect(proseOf(output)).toBe("Here is the code: The sum is");
    expect(proseOf("It costs $12 an hour and $10 in all.")).toBe("It costs an hour and in all.");
  });

  it("passes Chinese to Chinese", () => {
    const prompt =
      "娜塔莉亚四月份把发夹卖给了她的四十八个朋友，五月份卖出的数量是四月份的一半。请问娜塔莉亚四月和五月一共卖出了多少个发夹？请一步一步地解释你的答案。";
    expect(checkLanguage(trace({ prompt, output: FOREIGN_ANSWERS.cmn })).outcome).toBe("pass");
  });
});

describe("the English fast path", () => {
  it("reads plain English as English without franc, and leaves other languages to it", () => {
    const english =
      "The farmer has 12 cows and each of them gives 3 litres of milk a day, so the farm makes 36 litres.";
    expect(looksEnglish(english)).toBe(true);
    expect(
      looksEnglish(
        "Der Bauer hat zwölf Kühe und jede von ihnen gibt drei Liter Milch am Tag, also macht der Hof sechsunddreißig Liter.",
      ),
    ).toBe(false);
    expect(
      looksEnglish(
        "El granjero tiene doce vacas y cada una de ellas da tres litros de leche al día, así que la granja produce treinta y seis litros.",
      ),
    ).toBe(false);
    expect(
      looksEnglish(
        "Le fermier a douze vaches et chacune donne trois litres de lait par jour, donc la ferme produit trente-six litres.",
      ),
    ).toBe(false);
    expect(looksEnglish("12 + 3 = 15")).toBe(false);
  });
});
